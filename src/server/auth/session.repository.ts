import type { Trx } from '../db/database.ts';

export async function insertSession(
  trx: Trx,
  row: {
    tokenHash: string;
    userId: string;
    membershipId: string;
    csrfToken: string;
    expiresAt: Date;
    now: Date;
  },
): Promise<void> {
  await trx
    .insertInto('user_session')
    .values({
      token_hash: row.tokenHash,
      user_id: row.userId,
      membership_id: row.membershipId,
      csrf_token: row.csrfToken,
      created_at: row.now,
      last_seen_at: row.now,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** The session with its user and active membership, if the user and membership are still active. */
export async function findLiveSession(trx: Trx, tokenHash: string) {
  return trx
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('membership as m', 'm.id', 's.membership_id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('u.active', '=', true)
    .where('m.active', '=', true)
    .where('o.active', '=', true)
    .select([
      's.token_hash',
      's.user_id',
      's.membership_id',
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'm.organisation_id',
      'm.role',
    ])
    .executeTakeFirst();
}

export async function touchSession(trx: Trx, tokenHash: string, now: Date): Promise<void> {
  await trx
    .updateTable('user_session')
    .set({ last_seen_at: now })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function revokeSession(trx: Trx, tokenHash: string, now: Date, reason: string): Promise<void> {
  await trx
    .updateTable('user_session')
    .set({ revoked_at: now, revoke_reason: reason })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeUserSessions(
  trx: Trx,
  userId: string,
  now: Date,
  reason: string,
): Promise<number> {
  const res = await trx
    .updateTable('user_session')
    .set({ revoked_at: now, revoke_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function setSessionMembership(trx: Trx, tokenHash: string, membershipId: string): Promise<void> {
  await trx
    .updateTable('user_session')
    .set({ membership_id: membershipId })
    .where('token_hash', '=', tokenHash)
    .execute();
}
