import { finnishDate } from '../../server/policy/client-access.ts';
import type { ClientWithOrganisation } from './client.repository.ts';
import type { ClientDto } from './client.schema.ts';
import { ageOn } from './identity-code.ts';

export function presentClientSummary(
  row: {
    id: string;
    identity_code: string;
    first_name: string;
    last_name: string;
    date_of_birth: string;
    municipality: string;
  },
  now: Date,
) {
  return {
    id: row.id,
    identityCode: row.identity_code,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    age: ageOn(row.date_of_birth, finnishDate(now)),
    municipality: row.municipality,
  };
}

export function presentClient(row: ClientWithOrganisation, now: Date, accessBasis: string): ClientDto {
  return {
    ...presentClientSummary(row, now),
    sex: row.sex,
    phone: row.phone,
    email: row.email,
    streetAddress: row.street_address,
    postalCode: row.postal_code,
    postOffice: row.post_office,
    preferredLanguage: row.preferred_language,
    contactPreference: row.contact_preference,
    registeringOrganisationId: row.registering_organisation_id,
    registeringOrganisationName: row.registering_organisation_name,
    accessBasis,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
