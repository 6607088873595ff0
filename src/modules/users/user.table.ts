import type { Generated, Insertable, Selectable } from 'kysely';
import type { TrackedOptionalActor } from '../../server/db/columns.ts';
import type { Role } from '../../server/policy/roles.ts';

export interface AppUserTable extends TrackedOptionalActor {
  id: Generated<string>;
  email: string;
  first_name: string;
  last_name: string;
  password_hash: string | null;
  oidc_subject: string | null;
  active: Generated<boolean>;
}
export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUserRow = Insertable<AppUserTable>;

export interface MembershipTable extends TrackedOptionalActor {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  role: Role;
  active: Generated<boolean>;
}
export type MembershipRow = Selectable<MembershipTable>;
