import { z } from 'zod';
import { Text } from '../../server/http/schemas.ts';
import { EntryPermissions } from '../visits/visit.schema.ts';

export const ConsultationBody = z.object({
  /** The organisation asked; it must be able to read the consultation (care relationship and consent). */
  toOrganisationId: z.uuid(),
  /** Optionally a named professional of that organisation. */
  toUserId: z.uuid().optional(),
  topic: Text(200),
  question: Text(4000),
});
export type ConsultationInput = z.infer<typeof ConsultationBody>;

export const ConsultationUpdateBody = ConsultationBody.extend({ version: z.number().int().positive() });
export type ConsultationUpdateInput = z.infer<typeof ConsultationUpdateBody>;

export const AnswerBody = z.object({ answer: Text(4000), version: z.number().int().positive() });

export const ConsultationDto = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  caseId: z.uuid(),
  /** The asking organisation and the asker's role (consultations are counted by the asking organisation). */
  organisationId: z.uuid(),
  organisationName: z.string(),
  askerRole: z.string(),
  toOrganisationId: z.uuid(),
  toOrganisationName: z.string(),
  toUserId: z.uuid().nullable(),
  toUserName: z.string().nullable(),
  topic: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  correctsId: z.uuid().nullable(),
  correctedById: z.uuid().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  editableUntil: z.string(),
  permissions: EntryPermissions.extend({
    /** A professional of the organisation asked, while unanswered. */
    answer: z.boolean(),
  }),
  version: z.number().int(),
});
export type ConsultationDto = z.infer<typeof ConsultationDto>;
