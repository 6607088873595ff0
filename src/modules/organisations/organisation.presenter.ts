import type { OrganisationDto, TeamDto } from './organisation.schema.ts';
import type { OrganisationRow } from './organisation.table.ts';

export function presentOrganisation(row: OrganisationRow): OrganisationDto {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    businessId: row.business_id,
    municipality: row.municipality,
    active: row.active,
    version: row.version,
  };
}

export function presentTeam(row: {
  id: string;
  organisation_id: string;
  name: string;
  description: string;
  active: boolean;
  version: number;
  member_user_ids: string[] | null;
}): TeamDto {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    description: row.description,
    active: row.active,
    memberUserIds: row.member_user_ids ?? [],
    version: row.version,
  };
}
