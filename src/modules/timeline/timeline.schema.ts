import { z } from 'zod';
import { CONSENT_STATUSES } from '../consents/consent.schema.ts';
import { REFERRAL_STATUSES } from '../referrals/referral.table.ts';
import { SCREENING_OUTCOMES } from '../screenings/screening.table.ts';
import { VISIT_MODES } from '../visits/visit.table.ts';

const Names = z.object({ nameFi: z.string(), nameSv: z.string(), nameEn: z.string() });

/** What every entry has: when, from which organisation, by whom, and the case it belongs to (if any). */
const Base = {
  /** Unique within the timeline: `<type>:<record id>`. */
  key: z.string(),
  /** The calendar day of the event (Finnish date). Entries are sorted by it, then by `at`, newest first. */
  date: z.string(),
  at: z.string(),
  /** The organisation of origin. */
  organisationId: z.uuid(),
  organisationName: z.string(),
  by: z.string().nullable(),
  caseId: z.uuid().nullable(),
};

const Correctable = { correctsId: z.uuid().nullable(), correctedById: z.uuid().nullable() };

export const TimelineEntryDto = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('screening'),
    ...Base,
    screeningId: z.uuid(),
    outcome: z.enum(SCREENING_OUTCOMES),
    situations: z.array(z.string()),
  }),
  z.object({
    type: z.literal('referral'),
    ...Base,
    referralId: z.uuid(),
    fromStatus: z.enum(REFERRAL_STATUSES).nullable(),
    toStatus: z.enum(REFERRAL_STATUSES),
    receivingTeamName: z.string(),
    note: z.string(),
  }),
  z.object({ type: z.literal('case_opened'), ...Base, pathway: Names, phase: Names, teamName: z.string() }),
  z.object({ type: z.literal('phase_change'), ...Base, fromPhase: Names, toPhase: Names, note: z.string() }),
  z.object({
    type: z.literal('case_manager'),
    ...Base,
    managerName: z.string(),
    managerOrganisationName: z.string(),
  }),
  z.object({
    type: z.enum(['team_member_added', 'team_member_removed']),
    ...Base,
    memberOrganisationName: z.string(),
    memberName: z.string().nullable(),
    role: z.string(),
  }),
  z.object({
    type: z.literal('visit'),
    ...Base,
    visitId: z.uuid(),
    mode: z.enum(VISIT_MODES),
    durationMinutes: z.number().int(),
    professionalName: z.string(),
    ...Correctable,
  }),
  z.object({
    type: z.literal('consultation'),
    ...Base,
    consultationId: z.uuid(),
    topic: z.string(),
    toOrganisationName: z.string(),
    answeredAt: z.string().nullable(),
    ...Correctable,
  }),
  z.object({
    type: z.literal('meeting'),
    ...Base,
    meetingId: z.uuid(),
    startsAt: z.string(),
    participantCount: z.number().int(),
    clientParticipated: z.boolean().nullable(),
    summarySigned: z.boolean(),
    ...Correctable,
  }),
  z.object({
    type: z.enum(['consent_given', 'consent_withdrawn']),
    ...Base,
    consentId: z.uuid(),
    recipientOrganisationName: z.string(),
    categories: z.array(z.string()),
    status: z.enum(CONSENT_STATUSES),
  }),
  z.object({ type: z.literal('case_closed'), ...Base, outcomeCode: z.string() }),
  // The work-trial supervisor's feedback (supported employment, 0005); `by` is the supervisor.
  z.object({
    type: z.literal('work_trial_feedback'),
    ...Base,
    workTrialId: z.uuid(),
    feedbackKind: z.enum(['midpoint', 'final']),
    employerName: z.string(),
  }),
]);
export type TimelineEntryDto = z.infer<typeof TimelineEntryDto>;
