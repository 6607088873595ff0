import { z } from 'zod';
import { IsoDate, Text } from '../../server/http/schemas.ts';
import { LANGUAGES } from '../clients/client.schema.ts';

export const PLAN_ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type PlanActionStatus = (typeof PLAN_ACTION_STATUSES)[number];
export const ACKNOWLEDGEMENT_METHODS = ['in_person', 'link'] as const;
export type AcknowledgementMethod = (typeof ACKNOWLEDGEMENT_METHODS)[number];

/** GAS practice keeps a plan to a handful of goals; the caps only stop runaway input. */
export const MAX_GOALS = 10;
export const MAX_ACTIONS = 50;
export const MAX_REVIEW_DATES = 24;
export const MAX_WEIGHT = 10;

/** What each of the five GAS levels means for this goal, written with the client. */
export const GasScale = z.object({
  minus2: Text(1000),
  minus1: Text(1000),
  zero: Text(1000),
  plus1: Text(1000),
  plus2: Text(1000),
});
export const GAS_SCALE_KEYS = ['minus2', 'minus1', 'zero', 'plus1', 'plus2'] as const;

const Weight = z
  .number()
  .int({ message: 'The weight is a whole number' })
  .min(1, { message: 'The weight is at least 1' })
  .max(MAX_WEIGHT, { message: `The weight is at most ${MAX_WEIGHT}` });
// −1 as a rule; −2 when the situation is as bad as it could be (shared/domain.md, GAS).
const Baseline = z.literal([-2, -1], {
  message: 'The baseline is −1, or −2 when the situation is as bad as it could be',
});

const AssessmentText = z.string().trim().max(5000);

/** The four areas an assessment covers (003), each from the client's own view and the professionals'. */
export const Assessment = z.object({
  ownGoalsAndSkills: AssessmentText.default(''),
  workAbilityInUse: AssessmentText.default(''),
  treatmentAndRehabilitationNeed: AssessmentText.default(''),
  specialSupportNeed: AssessmentText.default(''),
});
export const ASSESSMENT_KEYS = [
  'ownGoalsAndSkills',
  'workAbilityInUse',
  'treatmentAndRehabilitationNeed',
  'specialSupportNeed',
] as const;

const GoalInput = z.object({
  /** Kept from version to version so that reviews and comparisons follow the same goal; new goals get one. */
  id: z.uuid().optional(),
  /** The client's own goal, in the client's own words. */
  text: Text(2000),
  scale: GasScale,
  weight: Weight.default(1),
  targetDate: IsoDate,
  baseline: Baseline.default(-1),
});

const ActionInput = z.object({
  id: z.uuid().optional(),
  description: Text(1000),
  /** The goals this action serves (ids of goals in the same plan). */
  goalIds: z.array(z.uuid()).max(MAX_GOALS).default([]),
  responsibleOrganisationId: z.uuid(),
  responsibleUserId: z.uuid().nullable().default(null),
  dueDate: IsoDate,
  status: z.enum(PLAN_ACTION_STATUSES).default('planned'),
});

const ContentFields = z.object({
  goals: z.array(GoalInput).max(MAX_GOALS, { message: `At most ${MAX_GOALS} goals` }),
  actions: z
    .array(ActionInput)
    .max(MAX_ACTIONS, { message: `At most ${MAX_ACTIONS} actions` })
    .default([]),
  assessment: Assessment.default({
    ownGoalsAndSkills: '',
    workAbilityInUse: '',
    treatmentAndRehabilitationNeed: '',
    specialSupportNeed: '',
  }),
  reviewDates: z.array(IsoDate).max(MAX_REVIEW_DATES).default([]),
});

function checkReferences(
  v: { goals: { id?: string | undefined }[]; actions: { id?: string | undefined; goalIds: string[] }[] },
  ctx: z.RefinementCtx,
) {
  const goalIds = new Set<string>();
  v.goals.forEach((g, i) => {
    if (!g.id) return;
    if (goalIds.has(g.id))
      ctx.addIssue({ code: 'custom', path: ['goals', i, 'id'], message: 'Two goals have the same id' });
    goalIds.add(g.id);
  });
  const actionIds = new Set<string>();
  v.actions.forEach((a, i) => {
    if (a.id && actionIds.has(a.id)) {
      ctx.addIssue({ code: 'custom', path: ['actions', i, 'id'], message: 'Two actions have the same id' });
    }
    if (a.id) actionIds.add(a.id);
    a.goalIds.forEach((goalId, j) => {
      if (!goalIds.has(goalId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'goalIds', j],
          message: 'No such goal in this plan',
        });
      }
    });
  });
}

/** The plan as the client and the professionals write it (create). */
export const PlanBody = ContentFields.superRefine(checkReferences);
/** A save names the version it started from (optimistic locking). */
export const PlanUpdateBody = ContentFields.extend({ version: z.number().int().positive() }).superRefine(
  checkReferences,
);
export type PlanInput = z.infer<typeof PlanBody>;

/** The stored content (jsonb): every goal and action has its id. */
export const PlanGoal = GoalInput.extend({ id: z.uuid(), weight: Weight, baseline: Baseline });
export const PlanAction = ActionInput.extend({
  id: z.uuid(),
  goalIds: z.array(z.uuid()),
  responsibleUserId: z.uuid().nullable(),
  status: z.enum(PLAN_ACTION_STATUSES),
});
export const PlanContent = z.object({
  goals: z.array(PlanGoal),
  actions: z.array(PlanAction),
  assessment: z.object({
    ownGoalsAndSkills: z.string(),
    workAbilityInUse: z.string(),
    treatmentAndRehabilitationNeed: z.string(),
    specialSupportNeed: z.string(),
  }),
  reviewDates: z.array(IsoDate),
});
export type PlanContent = z.infer<typeof PlanContent>;
export type PlanGoal = z.infer<typeof PlanGoal>;
export type PlanAction = z.infer<typeof PlanAction>;

export const CaseIdParams = z.object({ caseId: z.uuid() });
export const VersionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().positive() });
export const CompareQuery = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});
export const PdfQuery = z.object({ lang: z.enum(LANGUAGES).optional() });

export const ReviewBody = z.object({
  /** The plan version whose goals were scored: a review of goals that changed meanwhile is refused (409). */
  planVersion: z.number().int().positive(),
  reviewDate: IsoDate,
  attainments: z
    .array(
      z.object({
        goalId: z.uuid(),
        level: z
          .number()
          .int({ message: 'A GAS level is a whole number' })
          .min(-2, { message: 'A GAS level is −2…+2' })
          .max(2, { message: 'A GAS level is −2…+2' }),
      }),
    )
    .min(1, { message: 'Score at least one goal' })
    .max(MAX_GOALS),
  note: z.string().trim().max(2000).default(''),
});
export type ReviewInput = z.infer<typeof ReviewBody>;

/** Through this endpoint a worker records an in-person acknowledgement; the link method has its own path. */
export const AcknowledgementBody = z.object({
  version: z.number().int().positive(),
  method: z.literal('in_person').default('in_person'),
});

// DTOs ---------------------------------------------------------------------------------------------------------

const PlanActionDto = PlanAction.extend({
  responsibleOrganisationName: z.string().nullable(),
  responsibleUserName: z.string().nullable(),
});

export const AcknowledgementDto = z.object({
  version: z.number().int(),
  method: z.enum(ACKNOWLEDGEMENT_METHODS),
  acknowledgedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type AcknowledgementDto = z.infer<typeof AcknowledgementDto>;

export const ReviewDto = z.object({
  id: z.uuid(),
  planVersion: z.number().int(),
  reviewDate: z.string(),
  attainments: z.array(
    z.object({
      goalId: z.uuid(),
      level: z.number().int(),
      weight: z.number().int(),
      baseline: z.number().int(),
    }),
  ),
  tScore: z.number(),
  baselineTScore: z.number(),
  /** The T-score minus the baseline T-score of the same goals. */
  change: z.number(),
  note: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type ReviewDto = z.infer<typeof ReviewDto>;

export const PlanDto = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  clientId: z.uuid(),
  organisationId: z.uuid(),
  version: z.number().int(),
  goals: z.array(PlanGoal),
  actions: z.array(PlanActionDto),
  assessment: PlanContent.shape.assessment,
  reviewDates: z.array(z.string()),
  /** The first review date from today on; null when none is planned. */
  nextReviewDate: z.string().nullable(),
  baselineTScore: z.number().nullable(),
  reviews: z.array(ReviewDto),
  acknowledgements: z.array(AcknowledgementDto),
  /** The client has acknowledged the version shown. */
  currentVersionAcknowledged: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type PlanDto = z.infer<typeof PlanDto>;

export const PlanVersionSummaryDto = z.object({
  version: z.number().int(),
  savedAt: z.string(),
  savedBy: z.string(),
  goals: z.number().int(),
  actions: z.number().int(),
  acknowledged: z.boolean(),
});

export const PlanVersionDto = z.object({
  planId: z.uuid(),
  version: z.number().int(),
  savedAt: z.string(),
  savedBy: z.string(),
  content: PlanContent,
});

const FieldValue = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
export const FieldChange = z.object({ field: z.string(), from: FieldValue, to: FieldValue });
export type FieldChange = z.infer<typeof FieldChange>;

const itemDiff = <T extends z.ZodType>(item: T) =>
  z.object({
    added: z.array(item),
    removed: z.array(item),
    changed: z.array(z.object({ id: z.uuid(), changes: z.array(FieldChange) })),
  });

export const PlanComparisonDto = z.object({
  planId: z.uuid(),
  from: z.number().int(),
  to: z.number().int(),
  goals: itemDiff(PlanGoal),
  actions: itemDiff(PlanAction),
  assessment: z.array(FieldChange),
  reviewDates: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  /** Goals (actions) that both versions have are listed in another order. */
  goalsReordered: z.boolean(),
  actionsReordered: z.boolean(),
  /** Nothing differs between the two versions. */
  same: z.boolean(),
});
export type PlanComparisonDto = z.infer<typeof PlanComparisonDto>;
