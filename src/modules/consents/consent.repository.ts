import type { Trx } from '../../server/db/database.ts';
import type { NewConsentRow } from './consent.table.ts';

function consentQuery(trx: Trx) {
  return trx
    .selectFrom('consent as c')
    .innerJoin('organisation as co', 'co.id', 'c.controller_organisation_id')
    .innerJoin('organisation as ro', 'ro.id', 'c.recipient_organisation_id')
    .innerJoin('app_user as cu', 'cu.id', 'c.created_by')
    .leftJoin('app_user as wu', 'wu.id', 'c.withdrawn_by')
    .selectAll('c')
    .select([
      'co.name as controller_name',
      'ro.name as recipient_name',
      'cu.first_name as recorder_first_name',
      'cu.last_name as recorder_last_name',
      'wu.first_name as withdrawer_first_name',
      'wu.last_name as withdrawer_last_name',
    ]);
}
export type ConsentWithNames = Awaited<ReturnType<typeof findConsent>> & object;

export function listClientConsents(trx: Trx, clientId: string) {
  return consentQuery(trx).where('c.client_id', '=', clientId).orderBy('c.created_at', 'desc').execute();
}

export function findConsent(trx: Trx, id: string) {
  return consentQuery(trx).where('c.id', '=', id).executeTakeFirst();
}

export function insertConsent(trx: Trx, row: NewConsentRow) {
  return trx.insertInto('consent').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function knownCategories(trx: Trx): Promise<Set<string>> {
  const rows = await trx.selectFrom('data_category').select('code').execute();
  return new Set(rows.map((r) => r.code));
}
