import { z } from 'zod';
import { IsoDate } from '../../server/http/schemas.ts';
import { ClientForEmployerDto } from '../employers/client-for-employer.presenter.ts';
import { FEEDBACK_ITEMS } from './feedback-form.ts';
import { FEEDBACK_KINDS } from './work-trial.table.ts';

const Version = z.number().int().positive();
const Named = z.object({ id: z.uuid(), name: z.string() });
const Languages = ['fi', 'sv', 'en'] as const;

const TrialFields = {
  employerId: z.uuid(),
  /** The employer's contact person who supervises the trial and gets the feedback links. */
  supervisorContactPersonId: z.uuid(),
  tasks: z.string().trim().min(1).max(4000),
  goals: z.string().trim().min(1).max(4000),
  hoursPerWeek: z.number().positive().max(80).nullable().optional(),
  startsOn: IsoDate,
  endsOn: IsoDate,
};

export const WorkTrialBody = z
  .object(TrialFields)
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'The end is before the start' });
export type WorkTrialInput = z.infer<typeof WorkTrialBody>;

export const WorkTrialUpdateBody = z
  .object({
    ...TrialFields,
    /** The trial ended early on this date. */
    interruptedOn: IsoDate.nullable().optional(),
    interruptionNote: z.string().trim().max(2000).nullable().optional(),
    version: Version,
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'The end is before the start' });
export type WorkTrialUpdateInput = z.infer<typeof WorkTrialUpdateBody>;

export const FeedbackLinkBody = z.object({
  kind: z.enum(FEEDBACK_KINDS),
  /** The form's language for the supervisor; default Finnish. */
  language: z.enum(Languages).default('fi'),
});

const ItemAnswer = z.object({
  /** 1–5, or null: could not assess. */
  score: z.number().int().min(1).max(5).nullable(),
  note: z.string().trim().max(2000).default(''),
});

export const FeedbackAnswersBody = z.object({
  items: z.object(
    Object.fromEntries(FEEDBACK_ITEMS.map((i) => [i, ItemAnswer])) as Record<
      (typeof FEEDBACK_ITEMS)[number],
      typeof ItemAnswer
    >,
  ),
  overallNote: z.string().trim().max(4000).default(''),
});
export type FeedbackAnswersInput = z.infer<typeof FeedbackAnswersBody>;

export const FeedbackFormQuery = z.object({ lang: z.enum(Languages).optional() });

const ItemResultDto = z.object({
  item: z.enum(FEEDBACK_ITEMS),
  score: z.number().int().nullable(),
  note: z.string(),
});

export const FeedbackDto = z.object({
  id: z.uuid(),
  workTrialId: z.uuid(),
  kind: z.enum(FEEDBACK_KINDS),
  formVersion: z.number().int(),
  items: z.array(ItemResultDto),
  overallNote: z.string(),
  respondentName: z.string(),
  answeredOn: z.string(),
});
export type FeedbackDto = z.infer<typeof FeedbackDto>;

export const FeedbackLinkDto = z.object({
  id: z.uuid(),
  kind: z.enum(FEEDBACK_KINDS),
  contactPerson: Named,
  language: z.enum(Languages),
  sentAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(['open', 'used', 'expired', 'revoked']),
});

export const WorkTrialDto = z.object({
  id: z.uuid(),
  coachingId: z.uuid(),
  clientId: z.uuid(),
  employer: Named,
  supervisor: z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable() }),
  tasks: z.string(),
  goals: z.string(),
  hoursPerWeek: z.number().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  midpointOn: z.string(),
  interruptedOn: z.string().nullable(),
  interruptionNote: z.string().nullable(),
  status: z.enum(['planned', 'ongoing', 'ended', 'interrupted']),
  links: z.array(FeedbackLinkDto),
  /** The supervisor's answers (the client's functional assessment); null when you may not read assessments. */
  feedback: z.array(FeedbackDto).nullable(),
  version: z.number().int(),
});
export type WorkTrialDto = z.infer<typeof WorkTrialDto>;

export const FunctionalAssessmentDto = FeedbackDto.extend({
  employer: Named,
  organisation: Named,
  startsOn: z.string(),
  endsOn: z.string(),
});

/** What the supervisor's link shows: no account, and of the client only what the disclosure choice allows. */
export const FeedbackFormDto = z.object({
  kind: z.enum(FEEDBACK_KINDS),
  language: z.enum(Languages),
  title: z.string(),
  employerName: z.string(),
  tasks: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  client: ClientForEmployerDto,
  items: z.array(z.object({ id: z.enum(FEEDBACK_ITEMS), label: z.string(), help: z.string() })),
  scale: z.array(z.object({ value: z.number().int(), label: z.string() })),
  cannotAssess: z.string(),
  expiresAt: z.string(),
});

export const FeedbackSubmittedDto = z.object({ submitted: z.literal(true) });
