import { z } from 'zod';
import { Text } from '../../server/http/schemas.ts';
import { EntryPermissions } from '../visits/visit.schema.ts';

const MeetingFields = {
  /** Date and time with an offset, e.g. 2026-03-10T09:00:00+02:00. */
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(1).max(1440).optional(),
  /** The organisations taking part. */
  organisationIds: z.array(z.uuid()).min(1, { message: 'Choose at least one organisation' }).max(30),
  note: z.string().trim().max(4000).default(''),
};

export const MeetingBody = z.object(MeetingFields);
export type MeetingInput = z.infer<typeof MeetingBody>;

export const MeetingUpdateBody = MeetingBody.extend({ version: z.number().int().positive() });
export type MeetingUpdateInput = z.infer<typeof MeetingUpdateBody>;

/** The shared summary (yhteiskirjaaminen): written after the meeting and signed by its writer. */
export const SummaryBody = z.object({
  summary: Text(8000),
  clientParticipated: z.boolean(),
  version: z.number().int().positive(),
});

/** A correction replaces the whole entry; a summary given here is signed by you. */
export const MeetingCorrectionBody = MeetingBody.extend({
  summary: z.string().trim().min(1).max(8000).optional(),
  clientParticipated: z.boolean().optional(),
});
export type MeetingCorrectionInput = z.infer<typeof MeetingCorrectionBody>;

export const MeetingDto = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  caseId: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().int().nullable(),
  participants: z.array(z.object({ organisationId: z.uuid(), organisationName: z.string() })),
  /** Null until recorded with the summary. */
  clientParticipated: z.boolean().nullable(),
  note: z.string(),
  summary: z.string().nullable(),
  signedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  correctsId: z.uuid().nullable(),
  correctedById: z.uuid().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  editableUntil: z.string(),
  permissions: EntryPermissions.extend({
    /** The meeting has started, no summary yet, and your organisation takes part or runs it. */
    sign: z.boolean(),
  }),
  version: z.number().int(),
});
export type MeetingDto = z.infer<typeof MeetingDto>;
