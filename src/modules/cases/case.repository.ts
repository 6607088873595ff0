import { sql } from 'kysely';
import type { Trx } from '../../server/db/database.ts';
import { consentStatus } from '../../server/policy/consent-validity.ts';
import { CLIENT_WORKER_ROLES } from '../../server/policy/roles.ts';

/** A case with the names its summary shows and its current case manager. */
export function caseQuery(trx: Trx) {
  return trx
    .selectFrom('client_case as k')
    .innerJoin('client as c', 'c.id', 'k.client_id')
    .innerJoin('team as t', 't.id', 'k.team_id')
    .innerJoin('organisation as o', 'o.id', 'k.organisation_id')
    .innerJoin('pathway as p', 'p.id', 'k.pathway_id')
    .innerJoin('pathway_phase as ph', 'ph.id', 'k.current_phase_id')
    .leftJoin('case_manager_assignment as m', (join) =>
      join.onRef('m.case_id', '=', 'k.id').on('m.ended_at', 'is', null),
    )
    .leftJoin('app_user as mu', 'mu.id', 'm.user_id')
    .leftJoin('organisation as mo', 'mo.id', 'm.organisation_id')
    .selectAll('k')
    .select([
      'c.first_name as client_first_name',
      'c.last_name as client_last_name',
      't.name as team_name',
      'o.name as organisation_name',
      'p.code as pathway_code',
      'p.name_fi as pathway_name_fi',
      'p.name_sv as pathway_name_sv',
      'p.name_en as pathway_name_en',
      'p.stale_after_days',
      'ph.ordinal as phase_ordinal',
      'ph.name_fi as phase_name_fi',
      'ph.name_sv as phase_name_sv',
      'ph.name_en as phase_name_en',
      'm.id as manager_assignment_id',
      'm.user_id as manager_user_id',
      'm.organisation_id as manager_organisation_id',
      'm.note as manager_note',
      'm.started_at as manager_started_at',
      'mu.first_name as manager_first_name',
      'mu.last_name as manager_last_name',
      'mo.name as manager_organisation_name',
    ]);
}
export type CaseWithNames = Awaited<ReturnType<typeof findCase>> & object;

export function findCase(trx: Trx, id: string) {
  return caseQuery(trx).where('k.id', '=', id).executeTakeFirst();
}

/** Just enough for the access decision: whose client, which organisation controls the case. */
export function findCaseSubject(trx: Trx, id: string) {
  return trx
    .selectFrom('client_case')
    .select(['id', 'client_id', 'organisation_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listClientCases(trx: Trx, clientId: string) {
  return caseQuery(trx)
    .where('k.client_id', '=', clientId)
    .orderBy('k.opened_on', 'desc')
    .orderBy('k.created_at', 'desc')
    .execute();
}

export function phaseHistory(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_phase_change as pc')
    .innerJoin('organisation as o', 'o.id', 'pc.organisation_id')
    .leftJoin('app_user as u', 'u.id', 'pc.created_by')
    .where('pc.case_id', '=', caseId)
    .selectAll('pc')
    .select(['o.name as organisation_name', 'u.first_name', 'u.last_name'])
    .orderBy('pc.seq', 'desc')
    .execute();
}

export function managerHistory(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_manager_assignment as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .where('m.case_id', '=', caseId)
    .selectAll('m')
    .select(['u.first_name', 'u.last_name', 'o.name as organisation_name'])
    .orderBy('m.started_at', 'desc')
    .orderBy(sql`m.ended_at is null`, 'desc')
    .execute();
}

export function teamMembers(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_team_member as tm')
    .innerJoin('organisation as o', 'o.id', 'tm.organisation_id')
    .leftJoin('app_user as u', 'u.id', 'tm.user_id')
    .leftJoin('app_user as ab', 'ab.id', 'tm.added_by')
    .leftJoin('app_user as rb', 'rb.id', 'tm.removed_by')
    .where('tm.case_id', '=', caseId)
    .selectAll('tm')
    .select([
      'o.name as organisation_name',
      'u.first_name as user_first_name',
      'u.last_name as user_last_name',
      'ab.first_name as added_first_name',
      'ab.last_name as added_last_name',
      'rb.first_name as removed_first_name',
      'rb.last_name as removed_last_name',
    ])
    .orderBy(sql`tm.removed_at is not null`)
    .orderBy('tm.added_at')
    .execute();
}
export type TeamMemberWithNames = Awaited<ReturnType<typeof teamMembers>>[number];

/** Organisations the client has consented to see the case organisation's 'plan' data today. */
export async function planConsentRecipients(trx: Trx, clientId: string, controllerId: string, now: Date) {
  const rows = await trx
    .selectFrom('consent')
    .where('client_id', '=', clientId)
    .where('controller_organisation_id', '=', controllerId)
    .where(sql<boolean>`'plan' = any(categories)`)
    .select(['recipient_organisation_id', 'valid_from', 'valid_until', 'withdrawn_at'])
    .execute();
  return new Set(
    rows.filter((c) => consentStatus(c, now) === 'active').map((c) => c.recipient_organisation_id),
  );
}

/** Active professionals of the given organisations, with a role that works with clients. */
export function activeProfessionals(trx: Trx, organisationIds: string[], userId?: string) {
  let q = trx
    .selectFrom('membership as ms')
    .innerJoin('app_user as u', 'u.id', 'ms.user_id')
    .innerJoin('organisation as o', 'o.id', 'ms.organisation_id')
    .where('ms.organisation_id', 'in', organisationIds)
    .where('ms.active', '=', true)
    .where('u.active', '=', true)
    .where('o.active', '=', true)
    .where('ms.role', 'in', [...CLIENT_WORKER_ROLES])
    .select([
      'ms.user_id',
      'ms.organisation_id',
      'ms.role',
      'u.first_name',
      'u.last_name',
      'o.name as organisation_name',
    ])
    .orderBy('u.last_name')
    .orderBy('u.first_name');
  if (userId) q = q.where('ms.user_id', '=', userId);
  return q.execute();
}

/** Organisations that may name the case manager: those on the case team, and the case's own. */
export async function teamOrganisationIds(
  trx: Trx,
  caseId: string,
  caseOrganisationId: string,
): Promise<string[]> {
  const rows = await trx
    .selectFrom('case_team_member')
    .where('case_id', '=', caseId)
    .where('removed_at', 'is', null)
    .select('organisation_id')
    .distinct()
    .execute();
  return [...new Set([caseOrganisationId, ...rows.map((r) => r.organisation_id)])];
}
