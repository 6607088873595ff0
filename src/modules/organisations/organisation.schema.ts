import { z } from 'zod';
import { Text } from '../../server/http/schemas.ts';
import { isValidBusinessId } from './business-id.ts';

export const BusinessId = z
  .string()
  .trim()
  .refine(isValidBusinessId, { message: 'Not a valid business ID (Y-tunnus), e.g. 0112038-9' });

export const OrganisationBody = z.object({
  name: Text(200),
  type: Text(60),
  businessId: BusinessId,
  municipality: Text(100),
});
export const OrganisationUpdateBody = OrganisationBody.extend({
  active: z.boolean(),
  version: z.number().int().positive(),
});

export const OrganisationDto = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.string(),
  businessId: z.string(),
  municipality: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});
export type OrganisationDto = z.infer<typeof OrganisationDto>;

export const TeamBody = z.object({
  organisationId: z.uuid(),
  name: Text(200),
  description: z.string().trim().max(2000).default(''),
  memberUserIds: z.array(z.uuid()).max(500).default([]),
});
export const TeamUpdateBody = TeamBody.omit({ organisationId: true }).extend({
  active: z.boolean(),
  version: z.number().int().positive(),
});
export const TeamQuery = z.object({ organisationId: z.uuid().optional() });

export const TeamDto = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  memberUserIds: z.array(z.uuid()),
  version: z.number().int(),
});
export type TeamDto = z.infer<typeof TeamDto>;
