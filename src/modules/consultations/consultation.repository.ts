import type { Trx } from '../../server/db/database.ts';

export function consultationQuery(trx: Trx) {
  return trx
    .selectFrom('consultation as q')
    .innerJoin('organisation as o', 'o.id', 'q.organisation_id')
    .innerJoin('organisation as t', 't.id', 'q.to_organisation_id')
    .leftJoin('app_user as tu', 'tu.id', 'q.to_user_id')
    .leftJoin('app_user as a', 'a.id', 'q.created_by')
    .leftJoin('app_user as ab', 'ab.id', 'q.answered_by')
    .leftJoin('consultation as correction', 'correction.corrects_id', 'q.id')
    .selectAll('q')
    .select([
      'o.name as organisation_name',
      't.name as to_organisation_name',
      'tu.first_name as to_first_name',
      'tu.last_name as to_last_name',
      'a.first_name as author_first_name',
      'a.last_name as author_last_name',
      'ab.first_name as answerer_first_name',
      'ab.last_name as answerer_last_name',
      'correction.id as corrected_by_id',
    ]);
}
export type ConsultationWithNames = Awaited<ReturnType<typeof findConsultation>> & object;

export function findConsultation(trx: Trx, id: string) {
  return consultationQuery(trx).where('q.id', '=', id).executeTakeFirst();
}

export function listCaseConsultations(trx: Trx, caseId: string) {
  return consultationQuery(trx).where('q.case_id', '=', caseId).orderBy('q.created_at', 'desc').execute();
}
