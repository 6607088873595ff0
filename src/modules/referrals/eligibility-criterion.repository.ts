import { sql } from 'kysely';
import type { Trx } from '../../server/db/database.ts';

/** The rows of one list: a team's own (teamId) or the network default (null). */
export function criteriaOfScope(trx: Trx, teamId: string | null, onlyActive = true) {
  let q = trx
    .selectFrom('eligibility_criterion')
    .selectAll()
    .where('team_id', teamId === null ? 'is' : '=', teamId)
    .orderBy('ordinal');
  if (onlyActive) q = q.where('active', '=', true);
  return q.execute();
}

/**
 * Every change inserts a row (version 1) or raises a row's version, so the sum over the list's rows, retired
 * ones included, grows with each change: an optimistic lock for the list as a whole.
 */
export async function listVersionOf(trx: Trx, teamId: string | null): Promise<number> {
  const row = await trx
    .selectFrom('eligibility_criterion')
    .select(sql<number>`coalesce(sum(version), 0)::int`.as('v'))
    .where('team_id', teamId === null ? 'is' : '=', teamId)
    .executeTakeFirstOrThrow();
  return row.v;
}

/** Two admins saving the same list wait for each other, so the version check above holds. */
export async function lockList(trx: Trx, teamId: string | null): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`eligibility_criterion:${teamId ?? 'network'}`}))`.execute(
    trx,
  );
}
