import { z } from 'zod';
import { IsoDate } from '../../server/http/schemas.ts';
import { ClientBody } from '../clients/client.schema.ts';
import { SCREENING_OUTCOMES } from './screening.table.ts';

export const ScreeningBody = z
  .object({
    /** A client the organisation already sees. */
    clientId: z.uuid().optional(),
    /** Or the person in front of the professional, registered in the same transaction when new to the network. */
    newClient: ClientBody.optional(),
    /** Default: today. */
    screenedOn: IsoDate.optional(),
    /** Codes of the check-list (GET /api/code-lists/client-path). */
    situations: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
    notes: z.string().trim().max(4000).default(''),
    outcome: z.enum(SCREENING_OUTCOMES),
  })
  .superRefine((v, ctx) => {
    if ((v.clientId === undefined) === (v.newClient === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['clientId'],
        message: 'Give either clientId (an existing client) or newClient (identity code and details)',
      });
    }
  });
export type ScreeningInput = z.infer<typeof ScreeningBody>;

export const ScreeningDto = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  screenedOn: z.string(),
  situations: z.array(z.string()),
  notes: z.string(),
  outcome: z.enum(SCREENING_OUTCOMES),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  version: z.number().int(),
});
export type ScreeningDto = z.infer<typeof ScreeningDto>;

export const ScreeningCreatedDto = ScreeningDto.extend({
  /** True when the person was registered as a new client by this request. */
  clientRegistered: z.boolean(),
});
