import { z } from 'zod';
import { IsoDate } from '../../server/http/schemas.ts';
// Y-tunnus, checked with the same schema (and helper) as organisations.
import { BusinessId } from '../organisations/organisation.schema.ts';
import { CONTACT_MODES, CONTACT_OUTCOMES, CONTACT_PURPOSES, OPENING_STATUSES } from './employer.table.ts';

const Note = (max = 4000) => z.string().trim().max(max).default('');
const Version = z.number().int().positive();
const Named = z.object({ id: z.uuid(), name: z.string() });

const EmployerFields = {
  businessId: BusinessId,
  name: z.string().trim().min(1).max(200),
  municipality: z.string().trim().min(1).max(100),
  industry: Note(200),
  notes: Note(),
};

export const EmployerBody = z.object(EmployerFields);
export type EmployerInput = z.infer<typeof EmployerBody>;
export const EmployerUpdateBody = z.object({ ...EmployerFields, active: z.boolean(), version: Version });
export type EmployerUpdateInput = z.infer<typeof EmployerUpdateBody>;

export const EmployerListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  includeInactive: z.enum(['true', 'false']).default('false'),
});

const ContactPersonFields = {
  name: z.string().trim().min(1).max(200),
  title: Note(200),
  email: z.email().max(200).nullable().optional(),
  phone: z.string().trim().max(50).nullable().optional(),
};
export const ContactPersonBody = z.object(ContactPersonFields);
export type ContactPersonInput = z.infer<typeof ContactPersonBody>;
export const ContactPersonUpdateBody = z.object({
  ...ContactPersonFields,
  active: z.boolean(),
  version: Version,
});
export type ContactPersonUpdateInput = z.infer<typeof ContactPersonUpdateBody>;

export const EmployerContactBody = z.object({
  employerId: z.uuid(),
  contactPersonId: z.uuid().optional(),
  /** The client the contact was about (their active coaching in your organisation), if any. */
  coachingId: z.uuid().optional(),
  /** Whether you named the client to the employer; allowed only when the client's disclosure choice allows it. */
  clientNameDisclosed: z.boolean().default(false),
  contactedOn: IsoDate.optional(),
  mode: z.enum(CONTACT_MODES),
  purpose: z.enum(CONTACT_PURPOSES),
  outcome: z.enum(CONTACT_OUTCOMES),
  note: Note(2000),
});
export type EmployerContactInput = z.infer<typeof EmployerContactBody>;

export const EmployerContactQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  coachUserId: z.uuid().optional(),
  employerId: z.uuid().optional(),
});

export const ContactRateQuery = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((v) => v.to >= v.from, { path: ['to'], message: 'The period ends before it starts' });

const OpeningFields = {
  title: z.string().trim().min(1).max(200),
  description: Note(),
  hoursPerWeek: z.number().positive().max(80).nullable().optional(),
  openLabourMarket: z.boolean().default(true),
  foundOn: IsoDate.optional(),
  closesOn: IsoDate.nullable().optional(),
};
export const JobOpeningBody = z.object(OpeningFields);
export type JobOpeningInput = z.infer<typeof JobOpeningBody>;
export const JobOpeningUpdateBody = z.object({
  ...OpeningFields,
  status: z.enum(OPENING_STATUSES),
  version: Version,
});
export type JobOpeningUpdateInput = z.infer<typeof JobOpeningUpdateBody>;
export const JobOpeningQuery = z.object({
  status: z.enum([...OPENING_STATUSES, 'all']).default('open'),
  employerId: z.uuid().optional(),
});

export const SupportUseBody = z
  .object({
    /** A code of GET /api/code-lists/employment-supports. */
    supportCode: z.string().trim().min(1).max(50),
    placementId: z.uuid().optional(),
    workTrialId: z.uuid().optional(),
    startedOn: IsoDate,
    endedOn: IsoDate.nullable().optional(),
    note: Note(2000),
  })
  .refine((v) => !v.endedOn || v.endedOn >= v.startedOn, {
    path: ['endedOn'],
    message: 'The end is before the start',
  });
export type SupportUseInput = z.infer<typeof SupportUseBody>;

export const ContactPersonDto = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});

export const JobOpeningDto = z.object({
  id: z.uuid(),
  employer: Named,
  title: z.string(),
  description: z.string(),
  hoursPerWeek: z.number().nullable(),
  openLabourMarket: z.boolean(),
  foundOn: z.string(),
  closesOn: z.string().nullable(),
  status: z.enum(OPENING_STATUSES),
  version: z.number().int(),
});

export const SupportUseDto = z.object({
  id: z.uuid(),
  supportCode: z.string(),
  placementId: z.uuid().nullable(),
  workTrialId: z.uuid().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  note: z.string(),
});

export const EmployerContactDto = z.object({
  id: z.uuid(),
  employer: Named,
  contactPerson: Named.nullable(),
  coach: z.object({ userId: z.uuid(), name: z.string() }),
  contactedOn: z.string(),
  mode: z.enum(CONTACT_MODES),
  purpose: z.enum(CONTACT_PURPOSES),
  outcome: z.enum(CONTACT_OUTCOMES),
  note: z.string(),
  /** The contact was about a client (a coaching); null when it was general job development. */
  client: z.object({ coachingId: z.uuid(), clientId: z.uuid(), name: z.string().nullable() }).nullable(),
  clientNameDisclosed: z.boolean(),
});

export const EmployerSummaryDto = z.object({
  id: z.uuid(),
  businessId: z.string(),
  name: z.string(),
  municipality: z.string(),
  industry: z.string(),
  active: z.boolean(),
  openOpenings: z.number().int(),
  lastContactOn: z.string().nullable(),
});

export const EmployerDto = EmployerSummaryDto.extend({
  organisation: Named,
  notes: z.string(),
  contactPersons: z.array(ContactPersonDto),
  openings: z.array(JobOpeningDto),
  supports: z.array(SupportUseDto),
  recentContacts: z.array(EmployerContactDto),
  version: z.number().int(),
});
export type EmployerDto = z.infer<typeof EmployerDto>;

export const ContactRateDto = z.object({
  from: z.string(),
  to: z.string(),
  /** IPS: about 6 employer contacts per coach per week. */
  target: z.number(),
  coaches: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      contacts: z.number().int(),
      perWeek: z.number(),
      meetsTarget: z.boolean(),
      weeks: z.array(z.object({ weekStart: z.string(), contacts: z.number().int() })),
    }),
  ),
});

export const SupportTypeDto = z.object({
  code: z.string(),
  nameFi: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
});
