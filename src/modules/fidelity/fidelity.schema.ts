import { z } from 'zod';
import { IsoDate } from '../../server/http/schemas.ts';
import { FIDELITY_BANDS, FIDELITY_GROUPS } from './fidelity-scoring.ts';

const Version = z.number().int().positive();
const Score = z.number().int().min(1).max(5).nullable();
const Named = z.object({ id: z.uuid(), name: z.string() });
const ReviewerName = z.string().trim().min(1).max(200);

export const CreateReviewBody = z.object({
  reviewDate: IsoDate,
  reviewer1Name: ReviewerName,
  reviewer2Name: ReviewerName,
});
export type CreateReviewInput = z.infer<typeof CreateReviewBody>;

export const ItemScoreBody = z.object({
  itemCode: z.string().trim().min(1).max(60),
  reviewer1: Score,
  reviewer2: Score,
  agreed: Score,
  note: z.string().trim().max(2000).default(''),
});

export const UpdateReviewBody = z.object({
  reviewDate: IsoDate,
  reviewer1Name: ReviewerName,
  reviewer2Name: ReviewerName,
  actionPlan: z.string().trim().max(8000).default(''),
  /** The items to save; items left out keep their scores. */
  items: z.array(ItemScoreBody).max(25).default([]),
  version: Version,
});
export type UpdateReviewInput = z.infer<typeof UpdateReviewBody>;

export const FinaliseReviewBody = z.object({ version: Version });

export const FidelityItemDto = z.object({
  code: z.string(),
  number: z.number().int(),
  group: z.enum(FIDELITY_GROUPS),
  nameFi: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
  /** False until the text has been checked against the official review manual. */
  textChecked: z.boolean(),
});

export const ReviewItemDto = FidelityItemDto.extend({
  reviewer1: z.number().int().nullable(),
  reviewer2: z.number().int().nullable(),
  agreed: z.number().int().nullable(),
  note: z.string(),
});

export const ReviewSummaryDto = z.object({
  id: z.uuid(),
  team: Named,
  reviewDate: z.string(),
  status: z.enum(['draft', 'final']),
  total: z.number().int().nullable(),
  band: z.enum(FIDELITY_BANDS).nullable(),
  nextReviewDue: z.string().nullable(),
});

export const ReviewDto = ReviewSummaryDto.extend({
  organisation: Named,
  reviewer1Name: z.string(),
  reviewer2Name: z.string(),
  items: z.array(ReviewItemDto),
  /** Sums of the agreed scores so far, per group. */
  groupTotals: z.object({
    staffing: z.number().int(),
    organisation: z.number().int(),
    services: z.number().int(),
  }),
  agreedCount: z.number().int(),
  /** Items where the two reviewers are 2 or more apart. */
  disagreements: z.array(z.string()),
  /** Item 1 from the team's current caseloads (the largest active caseload of its coaches). */
  suggestedCaseloadScore: z.number().int(),
  actionPlan: z.string(),
  finalisedAt: z.string().nullable(),
  finalisedBy: z.string().nullable(),
  version: z.number().int(),
});
export type ReviewDto = z.infer<typeof ReviewDto>;

export const TeamFidelityDto = z.object({
  team: Named,
  latest: ReviewSummaryDto.nullable(),
  draft: ReviewSummaryDto.nullable(),
  /** From the latest final review: every 6 months until 100 or more, then yearly. */
  nextReviewDue: z.string().nullable(),
  overdue: z.boolean(),
  history: z.array(ReviewSummaryDto),
});
