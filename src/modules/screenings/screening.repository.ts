import type { Trx } from '../../server/db/database.ts';
import type { NewScreeningRow } from './screening.table.ts';

function screeningQuery(trx: Trx) {
  return trx
    .selectFrom('screening as s')
    .innerJoin('organisation as o', 'o.id', 's.organisation_id')
    .leftJoin('app_user as u', 'u.id', 's.created_by')
    .selectAll('s')
    .select([
      'o.name as organisation_name',
      'u.first_name as author_first_name',
      'u.last_name as author_last_name',
    ]);
}
export type ScreeningWithNames = Awaited<ReturnType<typeof findScreening>> & object;

export function findScreening(trx: Trx, id: string) {
  return screeningQuery(trx).where('s.id', '=', id).executeTakeFirst();
}

export function listClientScreenings(trx: Trx, clientId: string) {
  return screeningQuery(trx)
    .where('s.client_id', '=', clientId)
    .orderBy('s.screened_on', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
}

export function insertScreening(trx: Trx, row: NewScreeningRow) {
  return trx.insertInto('screening').values(row).returning('id').executeTakeFirstOrThrow();
}
