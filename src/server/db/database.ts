import type { Kysely, Transaction } from 'kysely';
import type { ClientTable, BreakGlassAccessTable, CareRelationshipView } from '../../modules/clients/client.table.ts';
import type { ConsentTable, DataCategoryTable } from '../../modules/consents/consent.table.ts';
import type {
  OrganisationTable,
  OrganisationTypeTable,
  TeamMemberTable,
  TeamTable,
} from '../../modules/organisations/organisation.table.ts';
import type { AppUserTable, MembershipTable } from '../../modules/users/user.table.ts';
import type { AuditEventTable, DisclosureLogTable } from '../audit/audit.table.ts';
import type { UserSessionTable } from '../auth/session.table.ts';

export interface RecordVersionTable {
  id: number;
  table_name: string;
  record_id: string;
  version: number;
  data: Record<string, unknown>;
  changed_at: Date;
  changed_by: string | null;
}

/** The whole schema, assembled from each capability's own table file. */
export interface Database {
  organisation_type: OrganisationTypeTable;
  organisation: OrganisationTable;
  team: TeamTable;
  team_member: TeamMemberTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  user_session: UserSessionTable;
  data_category: DataCategoryTable;
  client: ClientTable;
  care_relationship: CareRelationshipView;
  break_glass_access: BreakGlassAccessTable;
  consent: ConsentTable;
  record_version: RecordVersionTable;
  audit_event: AuditEventTable;
  disclosure_log: DisclosureLogTable;
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
