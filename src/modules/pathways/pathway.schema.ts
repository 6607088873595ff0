import { z } from 'zod';
import { Text } from '../../server/http/schemas.ts';

const Names = { nameFi: Text(200), nameSv: Text(200), nameEn: Text(200) };
const Description = z.string().trim().max(2000).default('');

/** A phase in the order it is listed; `id` keeps an existing phase (cases point to it), no id adds one. */
export const PhaseInput = z.object({ id: z.uuid().optional(), ...Names });

export const PathwayBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,49}$/, {
      message: 'Lower-case letters, digits and underscores, e.g. work_trial',
    }),
  ...Names,
  descriptionFi: Description,
  descriptionSv: Description,
  descriptionEn: Description,
  staleAfterDays: z.number().int().min(1).max(3650),
  phases: z.array(PhaseInput).min(1, { message: 'A pathway needs at least one phase' }).max(30),
});
export type PathwayInput = z.infer<typeof PathwayBody>;

export const PathwayUpdateBody = PathwayBody.omit({ code: true }).extend({
  active: z.boolean(),
  version: z.number().int().positive(),
});
export type PathwayUpdateInput = z.infer<typeof PathwayUpdateBody>;

export const PathwayQuery = z.object({
  includeInactive: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const PhaseDto = z.object({
  id: z.uuid(),
  ordinal: z.number().int(),
  nameFi: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
});
export type PhaseDto = z.infer<typeof PhaseDto>;

export const PathwayDto = z.object({
  id: z.uuid(),
  code: z.string(),
  nameFi: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
  descriptionFi: z.string(),
  descriptionSv: z.string(),
  descriptionEn: z.string(),
  /** A case whose phase has not changed for longer shows on its team's worklist. */
  staleAfterDays: z.number().int(),
  active: z.boolean(),
  phases: z.array(PhaseDto),
  version: z.number().int(),
});
export type PathwayDto = z.infer<typeof PathwayDto>;
