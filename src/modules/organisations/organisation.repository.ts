import { sql } from 'kysely';
import type { Trx } from '../../server/db/database.ts';
import { requireUpdated } from '../../server/db/versioned.ts';
import type { NewOrganisationRow, OrganisationUpdate } from './organisation.table.ts';

export function listOrganisations(trx: Trx) {
  return trx.selectFrom('organisation').selectAll().orderBy('name').execute();
}

export function findOrganisation(trx: Trx, id: string) {
  return trx.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertOrganisation(trx: Trx, row: NewOrganisationRow) {
  return trx.insertInto('organisation').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrganisation(trx: Trx, id: string, version: number, changes: OrganisationUpdate) {
  const updated = await trx
    .updateTable('organisation')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return requireUpdated(
    updated,
    () => trx.selectFrom('organisation').select('version').where('id', '=', id).executeTakeFirst(),
    'organisation',
  );
}

export async function organisationTypeExists(trx: Trx, code: string): Promise<boolean> {
  return Boolean(
    await trx.selectFrom('organisation_type').select('code').where('code', '=', code).executeTakeFirst(),
  );
}

export function listTeams(trx: Trx, organisationId?: string) {
  let q = trx
    .selectFrom('team as t')
    .select((eb) => [
      't.id',
      't.organisation_id',
      't.name',
      't.description',
      't.active',
      't.version',
      eb
        .selectFrom('team_member as tm')
        .whereRef('tm.team_id', '=', 't.id')
        .select(sql<string[]>`coalesce(array_agg(tm.user_id), '{}')`.as('ids'))
        .as('member_user_ids'),
    ])
    .orderBy('t.name');
  if (organisationId) q = q.where('t.organisation_id', '=', organisationId);
  return q.execute();
}

export async function setTeamMembers(
  trx: Trx,
  teamId: string,
  userIds: string[],
  actorId: string,
): Promise<void> {
  await trx.deleteFrom('team_member').where('team_id', '=', teamId).execute();
  if (userIds.length === 0) return;
  await trx
    .insertInto('team_member')
    .values([...new Set(userIds)].map((user_id) => ({ team_id: teamId, user_id, created_by: actorId })))
    .execute();
}
