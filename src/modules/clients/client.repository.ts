import { sql } from 'kysely';
import type { Trx } from '../../server/db/database.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { clientVisibleTo } from '../../server/policy/client-access.ts';
import type { NewClientRow } from './client.table.ts';

export function findClientWithOrganisation(trx: Trx, id: string) {
  return trx
    .selectFrom('client as c')
    .innerJoin('organisation as o', 'o.id', 'c.registering_organisation_id')
    .where('c.id', '=', id)
    .selectAll('c')
    .select('o.name as registering_organisation_name')
    .executeTakeFirst();
}
export type ClientWithOrganisation = NonNullable<Awaited<ReturnType<typeof findClientWithOrganisation>>>;

export function findClientIdByIdentityCode(trx: Trx, identityCode: string) {
  return trx.selectFrom('client').select('id').where('identity_code', '=', identityCode).executeTakeFirst();
}

export async function isClientVisible(trx: Trx, actor: Actor, clientId: string, now: Date): Promise<boolean> {
  const row = await trx
    .selectFrom('client')
    .where('id', '=', clientId)
    .where(clientVisibleTo(actor, now))
    .select('id')
    .executeTakeFirst();
  return Boolean(row);
}

export function insertClient(trx: Trx, row: NewClientRow) {
  return trx.insertInto('client').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Search among the clients the actor may see: an identity code matches exactly, a name by prefixes. */
export function searchVisibleClients(
  trx: Trx,
  actor: Actor,
  now: Date,
  search: { identityCode?: string; words?: string[] },
) {
  let q = trx
    .selectFrom('client')
    .where(clientVisibleTo(actor, now))
    .select([
      'id',
      'identity_code',
      'first_name',
      'last_name',
      'date_of_birth',
      'municipality',
      'registering_organisation_id',
    ])
    .orderBy('last_name')
    .orderBy('first_name')
    .limit(50);
  if (search.identityCode) q = q.where('identity_code', '=', search.identityCode);
  for (const word of search.words ?? []) {
    const pattern = `${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb(sql`lower(first_name)`, 'like', pattern), eb(sql`lower(last_name)`, 'like', pattern)]),
    );
  }
  return q.execute();
}

export function clientVersions(trx: Trx, clientId: string) {
  return trx
    .selectFrom('record_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.changed_by')
    .where('v.table_name', '=', 'client')
    .where('v.record_id', '=', clientId)
    .select(['v.version', 'v.data', 'v.changed_at', 'u.first_name', 'u.last_name'])
    .orderBy('v.version')
    .execute();
}
