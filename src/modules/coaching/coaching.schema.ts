import { z } from 'zod';
import { IsoDate } from '../../server/http/schemas.ts';
import {
  COACHING_END_REASONS,
  COACHING_INTENSITIES,
  COACHING_KINDS,
  COACHING_MODELS,
  HEALTH_DISCLOSURES,
  JOB_SEARCH_ACTIVITIES,
  MODULE_DECISIONS,
  PLACEMENT_END_REASONS,
  SUPPORT_SETTINGS,
} from './coaching.table.ts';

const Note = (max = 4000) => z.string().trim().max(max).default('');
const Version = z.number().int().positive();
// Stored to one decimal (numeric(4,1)).
const Hours = z.number().positive().max(80);
const Named = z.object({ id: z.uuid(), name: z.string() });

export const CoachingListQuery = z.object({
  coachUserId: z.uuid().optional(),
  status: z.enum(['active', 'ended', 'all']).default('active'),
});

export const StartCoachingBody = z.object({
  intensity: z.enum(COACHING_INTENSITIES),
  model: z.enum(COACHING_MODELS),
  /** A job coach of your organisation; yourself when left out. */
  coachUserId: z.uuid().optional(),
  /** The coaching team (a team of your organisation), for caseloads and fidelity reviews. */
  teamId: z.uuid().nullable().optional(),
  /** Default: today; not in the future, not before the case opened. */
  startedOn: IsoDate.optional(),
});
export type StartCoachingInput = z.infer<typeof StartCoachingBody>;

export const UpdateCoachingBody = z.object({
  intensity: z.enum(COACHING_INTENSITIES),
  model: z.enum(COACHING_MODELS),
  coachUserId: z.uuid(),
  teamId: z.uuid().nullable(),
  version: Version,
});
export type UpdateCoachingInput = z.infer<typeof UpdateCoachingBody>;

export const EndCoachingBody = z.object({
  endedOn: IsoDate.optional(),
  reason: z.enum(COACHING_END_REASONS),
  note: Note(),
  version: Version,
});
export type EndCoachingInput = z.infer<typeof EndCoachingBody>;

export const DisclosureBody = z.object({
  discloseName: z.boolean(),
  discloseHealth: z.enum(HEALTH_DISCLOSURES),
  /** What may be told to employers, as agreed with the client; shown to the employer as written. */
  disclosureText: Note(2000),
  /** What must not be told; for the coach only. */
  notToDisclose: Note(2000),
  /** When the client made (or last changed) the choice; default today. */
  agreedOn: IsoDate.optional(),
});

export const VocationalProfileBody = z.object({
  workHistory: Note(),
  education: Note(),
  skills: Note(),
  preferences: Note(),
  disclosure: DisclosureBody,
  version: Version,
});
export type VocationalProfileInput = z.infer<typeof VocationalProfileBody>;

export const JobSearchEntryBody = z.object({
  entryOn: IsoDate.optional(),
  activity: z.enum(JOB_SEARCH_ACTIVITIES),
  employerId: z.uuid().optional(),
  jobOpeningId: z.uuid().optional(),
  description: z.string().trim().min(1).max(2000),
  outcome: Note(2000),
});
export type JobSearchEntryInput = z.infer<typeof JobSearchEntryBody>;

export const ModuleBody = z
  .object({
    goal: z.string().trim().min(1).max(2000),
    startedOn: IsoDate.optional(),
    plannedEndOn: IsoDate,
  })
  .superRefine((v, ctx) => {
    if (v.startedOn && v.plannedEndOn < v.startedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['plannedEndOn'],
        message: 'The planned end is before the start',
      });
    }
  });
export type ModuleInput = z.infer<typeof ModuleBody>;

export const ModuleReviewBody = z.object({
  reviewedOn: IsoDate.optional(),
  attended: z.object({ client: z.boolean(), coach: z.boolean(), purchaser: z.boolean() }),
  /** Who represented the purchaser (e.g. the employment services' contact). */
  purchaserName: z.string().trim().max(200).optional(),
  decision: z.enum(MODULE_DECISIONS),
  notes: Note(),
  version: Version,
});
export type ModuleReviewInput = z.infer<typeof ModuleReviewBody>;

export const PlacementBody = z.object({
  employerId: z.uuid(),
  jobOpeningId: z.uuid().optional(),
  title: z.string().trim().min(1).max(200),
  /** Below 4 hours a week the job is kept but does not count as a job start (countsAsJobStart false). */
  hoursPerWeek: Hours,
  paySubsidy: z.boolean(),
  openLabourMarket: z.boolean(),
  startedOn: IsoDate.optional(),
});
export type PlacementInput = z.infer<typeof PlacementBody>;

export const EndPlacementBody = z.object({
  endedOn: IsoDate.optional(),
  reason: z.enum(PLACEMENT_END_REASONS),
  note: Note(),
  version: Version,
});
export type EndPlacementInput = z.infer<typeof EndPlacementBody>;

export const SupportEntryBody = z.object({
  supportedOn: IsoDate.optional(),
  setting: z.enum(SUPPORT_SETTINGS),
  withEmployer: z.boolean().default(false),
  durationMinutes: z.number().int().min(1).max(1440).optional(),
  note: z.string().trim().min(1).max(4000),
});
export type SupportEntryInput = z.infer<typeof SupportEntryBody>;

export const DisclosureDto = z.object({
  discloseName: z.boolean(),
  discloseHealth: z.enum(HEALTH_DISCLOSURES),
  disclosureText: z.string(),
  notToDisclose: z.string(),
  agreedOn: z.string().nullable(),
});

export const VocationalProfileDto = z.object({
  id: z.uuid(),
  workHistory: z.string(),
  education: z.string(),
  skills: z.string(),
  preferences: z.string(),
  disclosure: DisclosureDto,
  updatedAt: z.string(),
  version: z.number().int(),
});

export const ModuleDto = z.object({
  id: z.uuid(),
  ordinal: z.number().int(),
  goal: z.string(),
  startedOn: z.string(),
  plannedEndOn: z.string(),
  review: z
    .object({
      reviewedOn: z.string(),
      attended: z.object({ client: z.boolean(), coach: z.boolean(), purchaser: z.boolean() }),
      purchaserName: z.string().nullable(),
      decision: z.enum(MODULE_DECISIONS),
      notes: z.string(),
    })
    .nullable(),
  version: z.number().int(),
});

export const JobSearchEntryDto = z.object({
  id: z.uuid(),
  entryOn: z.string(),
  activity: z.enum(JOB_SEARCH_ACTIVITIES),
  employer: Named.nullable(),
  jobOpeningId: z.uuid().nullable(),
  description: z.string(),
  outcome: z.string(),
  recordedBy: z.string().nullable(),
});

export const SupportEntryDto = z.object({
  id: z.uuid(),
  supportedOn: z.string(),
  setting: z.enum(SUPPORT_SETTINGS),
  withEmployer: z.boolean(),
  durationMinutes: z.number().int().nullable(),
  note: z.string(),
  recordedBy: z.string().nullable(),
});

export const PlacementDto = z.object({
  id: z.uuid(),
  coachingId: z.uuid(),
  employer: Named,
  jobOpeningId: z.uuid().nullable(),
  title: z.string(),
  hoursPerWeek: z.number(),
  paySubsidy: z.boolean(),
  openLabourMarket: z.boolean(),
  /** 4 hours a week or more of paid work (IPS). */
  countsAsJobStart: z.boolean(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.enum(PLACEMENT_END_REASONS).nullable(),
  endNote: z.string(),
  /** Days in the job, to its end or to today. */
  tenureDays: z.number().int(),
  supportEntries: z.array(SupportEntryDto),
  version: z.number().int(),
});

export const CoachingContactDto = z.object({
  id: z.uuid(),
  employer: Named,
  contactedOn: z.string(),
  purpose: z.string(),
  outcome: z.string(),
  clientNameDisclosed: z.boolean(),
  coachName: z.string().nullable(),
});

export const WorkTrialSummaryDto = z.object({
  id: z.uuid(),
  employer: Named,
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(['planned', 'ongoing', 'ended', 'interrupted']),
});

export const CoachingSummaryDto = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  caseId: z.uuid(),
  organisation: Named,
  team: Named.nullable(),
  coach: z.object({ userId: z.uuid(), name: z.string() }),
  kind: z.enum(COACHING_KINDS),
  intensity: z.enum(COACHING_INTENSITIES),
  model: z.enum(COACHING_MODELS),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.enum(COACHING_END_REASONS).nullable(),
  version: z.number().int(),
});
export type CoachingSummaryDto = z.infer<typeof CoachingSummaryDto>;

export const CoachingMeasuresDto = z.object({
  /** Days from the coaching start to the first employer contact for this client; null before one. */
  daysToFirstEmployerContact: z.number().int().nullable(),
  /** The first contact came within 30 days (rapid job search); null while none and 30 days have not passed. */
  firstContactWithinTarget: z.boolean().nullable(),
  /** Days to the first job start of 4 hours a week or more; null before one. */
  daysToFirstJobStart: z.number().int().nullable(),
});

export const CoachingDto = CoachingSummaryDto.extend({
  endNote: z.string(),
  profile: VocationalProfileDto,
  modules: z.array(ModuleDto),
  jobSearchEntries: z.array(JobSearchEntryDto),
  employerContacts: z.array(CoachingContactDto),
  placements: z.array(PlacementDto),
  workTrials: z.array(WorkTrialSummaryDto),
  measures: CoachingMeasuresDto,
});
export type CoachingDto = z.infer<typeof CoachingDto>;

export const CaseloadDto = z.object({
  /** IPS: no more than 20 active clients per coach. */
  limit: z.number().int(),
  coaches: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      activeClients: z.number().int(),
      intensive: z.number().int(),
      lightSupport: z.number().int(),
      overLimit: z.boolean(),
    }),
  ),
  /** The fidelity scale's caseload item from the largest caseload (5 when no coach has over 20). */
  caseloadItemScore: z.number().int(),
});
