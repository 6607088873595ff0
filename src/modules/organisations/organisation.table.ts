import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { TrackedOptionalActor } from '../../server/db/columns.ts';

export interface OrganisationTypeTable {
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  sort_order: Generated<number>;
}

export interface OrganisationTable extends TrackedOptionalActor {
  id: Generated<string>;
  name: string;
  type: string;
  business_id: string;
  municipality: string;
  active: Generated<boolean>;
}
export type OrganisationRow = Selectable<OrganisationTable>;
export type NewOrganisationRow = Insertable<OrganisationTable>;
export type OrganisationUpdate = Updateable<OrganisationTable>;

export interface TeamTable extends TrackedOptionalActor {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  description: Generated<string>;
  active: Generated<boolean>;
}
export type TeamRow = Selectable<TeamTable>;

export interface TeamMemberTable {
  team_id: string;
  user_id: string;
  created_at: Generated<Date>;
  created_by: string | null;
}
