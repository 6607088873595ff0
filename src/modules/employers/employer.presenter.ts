import type { z } from 'zod';
import type { ContactWithNames, EmployerWithCounts, OpeningWithEmployer } from './employer.repository.ts';
import type {
  ContactPersonDto,
  EmployerContactDto,
  EmployerDto,
  EmployerSummaryDto,
  JobOpeningDto,
  SupportUseDto,
} from './employer.schema.ts';
import type { EmployerContactPersonRow } from './employer.table.ts';

type Dto<T extends z.ZodType> = z.infer<T>;

export function presentEmployerSummary(e: EmployerWithCounts): Dto<typeof EmployerSummaryDto> {
  return {
    id: e.id,
    businessId: e.business_id,
    name: e.name,
    municipality: e.municipality,
    industry: e.industry,
    active: e.active,
    openOpenings: e.open_openings ?? 0,
    lastContactOn: e.last_contact_on ?? null,
  };
}

export function presentContactPerson(p: EmployerContactPersonRow): Dto<typeof ContactPersonDto> {
  return {
    id: p.id,
    name: p.name,
    title: p.title,
    email: p.email,
    phone: p.phone,
    active: p.active,
    version: p.version,
  };
}

export function presentOpening(o: OpeningWithEmployer): Dto<typeof JobOpeningDto> {
  return {
    id: o.id,
    employer: { id: o.employer_id, name: o.employer_name },
    title: o.title,
    description: o.description,
    hoursPerWeek: o.hours_per_week,
    openLabourMarket: o.open_labour_market,
    foundOn: o.found_on,
    closesOn: o.closes_on,
    status: o.status,
    version: o.version,
  };
}

export function presentSupportUse(s: {
  id: string;
  support_code: string;
  placement_id: string | null;
  work_trial_id: string | null;
  started_on: string;
  ended_on: string | null;
  note: string;
}): Dto<typeof SupportUseDto> {
  return {
    id: s.id,
    supportCode: s.support_code,
    placementId: s.placement_id,
    workTrialId: s.work_trial_id,
    startedOn: s.started_on,
    endedOn: s.ended_on,
    note: s.note,
  };
}

/**
 * A contact for the coaching organisation's own staff. The client is named only to those who may read the
 * client's coaching (`clientReadable`); others see that the contact was about a client, not who.
 */
export function presentContact(c: ContactWithNames, clientReadable: boolean): Dto<typeof EmployerContactDto> {
  return {
    id: c.id,
    employer: { id: c.employer_id, name: c.employer_name },
    contactPerson: c.contact_person_id
      ? { id: c.contact_person_id, name: c.contact_person_name ?? '' }
      : null,
    coach: { userId: c.coach_user_id, name: `${c.coach_first_name} ${c.coach_last_name}` },
    contactedOn: c.contacted_on,
    mode: c.mode,
    purpose: c.purpose,
    outcome: c.outcome,
    note: c.note,
    client:
      c.coaching_id && c.client_id
        ? {
            coachingId: c.coaching_id,
            clientId: c.client_id,
            name: clientReadable ? `${c.client_first_name} ${c.client_last_name}` : null,
          }
        : null,
    clientNameDisclosed: c.client_name_disclosed,
  };
}

export function presentEmployer(
  e: EmployerWithCounts,
  parts: {
    persons: EmployerContactPersonRow[];
    openings: OpeningWithEmployer[];
    supports: Parameters<typeof presentSupportUse>[0][];
    contacts: Dto<typeof EmployerContactDto>[];
  },
): EmployerDto {
  return {
    ...presentEmployerSummary(e),
    organisation: { id: e.organisation_id, name: e.organisation_name },
    notes: e.notes,
    contactPersons: parts.persons.map(presentContactPerson),
    openings: parts.openings.map(presentOpening),
    supports: parts.supports.map(presentSupportUse),
    recentContacts: parts.contacts,
    version: e.version,
  };
}
