import { z } from 'zod';
import { IsoDate } from '../../server/http/schemas.ts';
import { VISIT_MODES } from './visit.table.ts';

export const VisitBody = z.object({
  /** The day of the visit: today or earlier. */
  visitOn: IsoDate,
  /** Default: you. A professional of your organisation. */
  professionalUserId: z.uuid().optional(),
  mode: z.enum(VISIT_MODES),
  durationMinutes: z.number().int().min(1).max(1440),
  note: z.string().trim().max(4000).default(''),
});
export type VisitInput = z.infer<typeof VisitBody>;

export const VisitUpdateBody = VisitBody.extend({ version: z.number().int().positive() });
export type VisitUpdateInput = z.infer<typeof VisitUpdateBody>;

export const EntryPermissions = z.object({
  /** The author, within 24 hours, on an entry not yet corrected. */
  edit: z.boolean(),
  /** Your organisation made the entry and it has not been corrected yet. */
  correct: z.boolean(),
});

export const VisitDto = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  caseId: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  professionalUserId: z.uuid(),
  professionalName: z.string(),
  visitOn: z.string(),
  mode: z.enum(VISIT_MODES),
  durationMinutes: z.number().int(),
  note: z.string(),
  /** This entry corrects that one. */
  correctsId: z.uuid().nullable(),
  /** This entry has been corrected by that one (both stay visible). */
  correctedById: z.uuid().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  editableUntil: z.string(),
  permissions: EntryPermissions,
  version: z.number().int(),
});
export type VisitDto = z.infer<typeof VisitDto>;
