import { z } from 'zod';
import { Text } from '../../server/http/schemas.ts';

export const CriterionDto = z.object({
  id: z.uuid(),
  ordinal: z.number().int(),
  textFi: z.string(),
  textSv: z.string(),
  textEn: z.string(),
});
export type CriterionDto = z.infer<typeof CriterionDto>;

export const CriteriaListDto = z.object({
  /** The team asked for; null for the network's default list. */
  teamId: z.uuid().nullable(),
  /** 'team': the team's own list; 'network': the default list, used by teams without their own. */
  source: z.enum(['team', 'network']),
  criteria: z.array(CriterionDto),
  /** Send back when saving; a list saved by someone else meanwhile answers 409 stale_version. */
  listVersion: z.number().int(),
});
export type CriteriaListDto = z.infer<typeof CriteriaListDto>;

export const CriteriaQuery = z.object({ teamId: z.uuid().optional() });

export const CriteriaBody = z.object({
  /**
   * The whole list in order. `id` keeps a criterion of this same list (its earlier assessments stay linked);
   * no id adds one; a criterion left out is retired. For a team, an empty list returns to the network default.
   */
  criteria: z
    .array(z.object({ id: z.uuid().optional(), textFi: Text(500), textSv: Text(500), textEn: Text(500) }))
    .max(30),
  listVersion: z.number().int().min(0),
});
export type CriteriaInput = z.infer<typeof CriteriaBody>;
