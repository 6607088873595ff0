import { z } from 'zod';
import { IsoDate } from '../http/schemas.ts';

export const AuditQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  userId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  event: z.string().max(60).optional(),
  outcome: z.enum(['allowed', 'denied', 'failed']).optional(),
  breakGlass: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEventDto = z.object({
  id: z.uuid(),
  occurredAt: z.string(),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  role: z.string().nullable(),
  event: z.string(),
  action: z.string(),
  resource: z.string(),
  clientIds: z.array(z.uuid()),
  targetId: z.string().nullable(),
  outcome: z.enum(['allowed', 'denied', 'failed']),
  purpose: z.string(),
  breakGlass: z.boolean(),
  metadata: z.record(z.string(), z.unknown()),
});
export const AuditPageDto = z.object({ total: z.number().int(), events: z.array(AuditEventDto) });

export const ClientAccessLogQuery = z.object({
  identityCode: z.string().trim().min(1).max(20),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const ClientAccessLogDto = z.object({
  clientId: z.uuid(),
  from: z.string(),
  to: z.string(),
  accesses: z.array(
    z.object({
      occurredAt: z.string(),
      organisationName: z.string().nullable(),
      userName: z.string().nullable(),
      role: z.string().nullable(),
      action: z.string(),
      purpose: z.string(),
    }),
  ),
  disclosures: z.array(
    z.object({
      occurredAt: z.string(),
      fromOrganisationName: z.string(),
      toOrganisationName: z.string(),
      categories: z.array(z.string()),
      basis: z.string(),
    }),
  ),
});

export const BreakGlassReviewBody = z.object({ note: z.string().trim().min(1).max(2000) });
export const BreakGlassDto = z.object({
  id: z.uuid(),
  userName: z.string(),
  organisationName: z.string(),
  role: z.string(),
  clientId: z.uuid(),
  reason: z.string(),
  startedAt: z.string(),
  expiresAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewNote: z.string().nullable(),
});
export const BreakGlassQuery = z.object({ reviewed: z.enum(['true', 'false']).optional() });
