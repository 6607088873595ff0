import { z } from 'zod';

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const Uuid = z.uuid();
export const IdParams = z.object({ id: z.uuid() });
export const VersionBody = z.object({ version: z.number().int().positive() });

/** Text the user types: trimmed, not empty, bounded. */
export const Text = (max = 200) => z.string().trim().min(1).max(max);
export const OptionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const IsoDate = z.iso.date();
export const Ok = z.object({ ok: z.literal(true) });
