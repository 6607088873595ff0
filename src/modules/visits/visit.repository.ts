import type { Trx } from '../../server/db/database.ts';

export function visitQuery(trx: Trx) {
  return trx
    .selectFrom('visit as v')
    .innerJoin('organisation as o', 'o.id', 'v.organisation_id')
    .innerJoin('app_user as p', 'p.id', 'v.professional_user_id')
    .leftJoin('app_user as a', 'a.id', 'v.created_by')
    .leftJoin('visit as correction', 'correction.corrects_id', 'v.id')
    .selectAll('v')
    .select([
      'o.name as organisation_name',
      'p.first_name as professional_first_name',
      'p.last_name as professional_last_name',
      'a.first_name as author_first_name',
      'a.last_name as author_last_name',
      'correction.id as corrected_by_id',
    ]);
}
export type VisitWithNames = Awaited<ReturnType<typeof findVisit>> & object;

export function findVisit(trx: Trx, id: string) {
  return visitQuery(trx).where('v.id', '=', id).executeTakeFirst();
}

export function listCaseVisits(trx: Trx, caseId: string) {
  return visitQuery(trx)
    .where('v.case_id', '=', caseId)
    .orderBy('v.visit_on', 'desc')
    .orderBy('v.created_at', 'desc')
    .execute();
}
