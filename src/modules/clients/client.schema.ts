import { z } from 'zod';
import { OptionalText, Text } from '../../server/http/schemas.ts';

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export const CONTACT_PREFERENCES = ['phone', 'sms', 'email', 'letter'] as const;

const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{5,20}$/, { message: 'A phone number, e.g. +358 40 123 4567' })
  .nullable()
  .optional()
  .or(z.literal('').transform(() => null));

const ClientFields = z.object({
  firstName: Text(100),
  lastName: Text(100),
  phone: Phone,
  email: z
    .email()
    .trim()
    .max(254)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  streetAddress: OptionalText(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, { message: 'Five digits' })
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  postOffice: OptionalText(100),
  municipality: Text(100),
  preferredLanguage: z.enum(LANGUAGES),
  contactPreference: z.enum(CONTACT_PREFERENCES),
});

export const ClientBody = ClientFields.extend({ identityCode: z.string().trim().min(1).max(20) });
export const ClientUpdateBody = ClientFields.extend({ version: z.number().int().positive() });
export type ClientFieldsInput = z.infer<typeof ClientFields>;

export const ClientSearchQuery = z.object({
  q: z.string().trim().min(2, { message: 'Type at least 2 characters' }).max(100),
});

export const ClientSummaryDto = z.object({
  id: z.uuid(),
  identityCode: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  age: z.number().int(),
  municipality: z.string(),
});

export const ClientDto = ClientSummaryDto.extend({
  sex: z.enum(['male', 'female']),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  streetAddress: z.string().nullable(),
  postalCode: z.string().nullable(),
  postOffice: z.string().nullable(),
  preferredLanguage: z.enum(LANGUAGES),
  contactPreference: z.enum(CONTACT_PREFERENCES),
  registeringOrganisationId: z.uuid(),
  registeringOrganisationName: z.string(),
  /** On what basis the viewer sees this client: care relationship, own organisation or break-glass. */
  accessBasis: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ClientDto = z.infer<typeof ClientDto>;

export const BreakGlassBody = z.object({
  identityCode: z.string().trim().min(1).max(20),
  reason: z.string().trim().min(10, { message: 'Write the reason (at least 10 characters)' }).max(1000),
});
export const BreakGlassDto = z.object({ clientId: z.uuid(), expiresAt: z.string() });

export const ClientHistoryDto = z.array(
  z.object({
    version: z.number().int(),
    changedAt: z.string(),
    changedBy: z.string().nullable(),
    changedFields: z.array(z.string()),
  }),
);
