import type { Generated, Selectable } from 'kysely';

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  membership_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  revoke_reason: string | null;
}
export type UserSessionRow = Selectable<UserSessionTable>;
