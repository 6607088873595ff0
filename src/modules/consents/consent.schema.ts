import { z } from 'zod';
import { IsoDate } from '../../server/http/schemas.ts';

export const CONSENT_METHODS = ['written', 'verbal', 'electronic'] as const;
export const CONSENT_STATUSES = ['active', 'upcoming', 'expired', 'withdrawn'] as const;

export const ConsentBody = z
  .object({
    controllerOrganisationId: z.uuid(),
    recipientOrganisationId: z.uuid(),
    categories: z
      .array(z.string().min(1).max(40))
      .min(1, { message: 'Choose at least one data category' })
      .max(20),
    validFrom: IsoDate,
    validUntil: IsoDate,
    method: z.enum(CONSENT_METHODS),
    note: z.string().trim().max(2000).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.validUntil < v.validFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: 'The end date is before the start date',
      });
    }
    if (v.controllerOrganisationId === v.recipientOrganisationId) {
      ctx.addIssue({
        code: 'custom',
        path: ['recipientOrganisationId'],
        message: 'The recipient must be another organisation than the controller',
      });
    }
  });

export const WithdrawBody = z.object({
  version: z.number().int().positive(),
  note: z.string().trim().max(2000).default(''),
});

export const ConsentDto = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  controllerOrganisationId: z.uuid(),
  controllerOrganisationName: z.string(),
  recipientOrganisationId: z.uuid(),
  recipientOrganisationName: z.string(),
  categories: z.array(z.string()),
  validFrom: z.string(),
  validUntil: z.string(),
  method: z.enum(CONSENT_METHODS),
  note: z.string(),
  status: z.enum(CONSENT_STATUSES),
  recordedAt: z.string(),
  recordedBy: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawalNote: z.string().nullable(),
  version: z.number().int(),
});
export type ConsentDto = z.infer<typeof ConsentDto>;
