import { z } from 'zod';
import { CaseSummaryDto } from '../cases/case.schema.ts';
import { ConsultationDto } from '../consultations/consultation.schema.ts';
import { MeetingDto } from '../meetings/meeting.schema.ts';
import { ReferralSummaryDto } from '../referrals/referral.schema.ts';

/** How far ahead coming network meetings are shown. */
export const MEETING_HORIZON_DAYS = 14;

export const WorklistDto = z.object({
  /** Sent or received referrals to the teams you belong to. */
  newReferrals: z.array(ReferralSummaryDto),
  /** Open cases where you are the case manager. */
  myCases: z.array(CaseSummaryDto),
  /** Open cases of your teams whose phase has not changed for longer than the pathway's limit. */
  staleCases: z.array(CaseSummaryDto),
  /** Unanswered consultations to your organisation (to anyone in it, or to you). */
  openConsultations: z.array(ConsultationDto.extend({ clientName: z.string() })),
  /** Network meetings in the next 14 days where your organisation takes part. */
  upcomingMeetings: z.array(MeetingDto.extend({ clientName: z.string() })),
});
export type WorklistDto = z.infer<typeof WorklistDto>;
