import type { Trx } from '../../server/db/database.ts';

/** Every step of the client's referrals, with the organisation that took it. */
export function referralSteps(trx: Trx, clientId: string) {
  return trx
    .selectFrom('referral_status_change as s')
    .innerJoin('referral as r', 'r.id', 's.referral_id')
    .innerJoin('organisation as o', 'o.id', 's.organisation_id')
    .innerJoin('team as t', 't.id', 'r.receiving_team_id')
    .leftJoin('app_user as u', 'u.id', 's.created_by')
    .where('r.client_id', '=', clientId)
    .select([
      's.id',
      's.referral_id',
      's.from_status',
      's.to_status',
      's.note',
      's.created_at',
      's.organisation_id',
      'o.name as organisation_name',
      'r.referring_organisation_id',
      't.name as team_name',
      'u.first_name',
      'u.last_name',
    ])
    .execute();
}

export function phaseSteps(trx: Trx, clientId: string) {
  return trx
    .selectFrom('case_phase_change as pc')
    .innerJoin('client_case as k', 'k.id', 'pc.case_id')
    .innerJoin('organisation as o', 'o.id', 'pc.organisation_id')
    .innerJoin('pathway_phase as tp', 'tp.id', 'pc.to_phase_id')
    .leftJoin('pathway_phase as fp', 'fp.id', 'pc.from_phase_id')
    .leftJoin('app_user as u', 'u.id', 'pc.created_by')
    .where('k.client_id', '=', clientId)
    .select([
      'pc.id',
      'pc.case_id',
      'pc.from_phase_id',
      'pc.changed_on',
      'pc.note',
      'pc.created_at',
      'pc.organisation_id',
      'o.name as organisation_name',
      'k.organisation_id as case_organisation_id',
      'tp.name_fi as to_fi',
      'tp.name_sv as to_sv',
      'tp.name_en as to_en',
      'fp.name_fi as from_fi',
      'fp.name_sv as from_sv',
      'fp.name_en as from_en',
      'u.first_name',
      'u.last_name',
    ])
    .execute();
}

export function managerSteps(trx: Trx, clientId: string) {
  return trx
    .selectFrom('case_manager_assignment as m')
    .innerJoin('client_case as k', 'k.id', 'm.case_id')
    .innerJoin('organisation as ko', 'ko.id', 'k.organisation_id')
    .innerJoin('organisation as mo', 'mo.id', 'm.organisation_id')
    .innerJoin('app_user as mu', 'mu.id', 'm.user_id')
    .leftJoin('app_user as u', 'u.id', 'm.created_by')
    .where('k.client_id', '=', clientId)
    .select([
      'm.id',
      'm.case_id',
      'm.started_at',
      'k.organisation_id as case_organisation_id',
      'ko.name as case_organisation_name',
      'mo.name as manager_organisation_name',
      'mu.first_name as manager_first_name',
      'mu.last_name as manager_last_name',
      'u.first_name',
      'u.last_name',
    ])
    .execute();
}

export function teamSteps(trx: Trx, clientId: string) {
  return trx
    .selectFrom('case_team_member as tm')
    .innerJoin('client_case as k', 'k.id', 'tm.case_id')
    .innerJoin('organisation as ko', 'ko.id', 'k.organisation_id')
    .innerJoin('organisation as mo', 'mo.id', 'tm.organisation_id')
    .leftJoin('app_user as mu', 'mu.id', 'tm.user_id')
    .leftJoin('app_user as ab', 'ab.id', 'tm.added_by')
    .leftJoin('app_user as rb', 'rb.id', 'tm.removed_by')
    .where('k.client_id', '=', clientId)
    .select([
      'tm.id',
      'tm.case_id',
      'tm.role',
      'tm.added_at',
      'tm.removed_at',
      'k.organisation_id as case_organisation_id',
      'ko.name as case_organisation_name',
      'mo.name as member_organisation_name',
      'mu.first_name as member_first_name',
      'mu.last_name as member_last_name',
      'ab.first_name as added_first_name',
      'ab.last_name as added_last_name',
      'rb.first_name as removed_first_name',
      'rb.last_name as removed_last_name',
    ])
    .execute();
}
