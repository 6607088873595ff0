import { sql } from 'kysely';
import type { Trx } from '../../server/db/database.ts';

/** A coaching with the names its summary shows. */
function coachingQuery(trx: Trx) {
  return trx
    .selectFrom('coaching as k')
    .innerJoin('client as c', 'c.id', 'k.client_id')
    .innerJoin('organisation as o', 'o.id', 'k.organisation_id')
    .innerJoin('app_user as u', 'u.id', 'k.coach_user_id')
    .leftJoin('team as t', 't.id', 'k.team_id')
    .selectAll('k')
    .select([
      'c.first_name as client_first_name',
      'c.last_name as client_last_name',
      'o.name as organisation_name',
      'u.first_name as coach_first_name',
      'u.last_name as coach_last_name',
      't.name as team_name',
    ]);
}
export type CoachingWithNames = Awaited<ReturnType<typeof findCoaching>> & object;

export function findCoaching(trx: Trx, id: string) {
  return coachingQuery(trx).where('k.id', '=', id).executeTakeFirst();
}

/** Just enough for the access decision: whose client, which organisation controls the coaching. */
export function findCoachingSubject(trx: Trx, id: string) {
  return trx
    .selectFrom('coaching')
    .select(['id', 'client_id', 'organisation_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findModuleSubject(trx: Trx, moduleId: string) {
  return trx
    .selectFrom('coaching_module')
    .select(['id', 'coaching_id', 'client_id', 'organisation_id'])
    .where('id', '=', moduleId)
    .executeTakeFirst();
}

export function findPlacementSubject(trx: Trx, placementId: string) {
  return trx
    .selectFrom('job_placement')
    .select(['id', 'coaching_id', 'client_id', 'organisation_id'])
    .where('id', '=', placementId)
    .executeTakeFirst();
}

/** The organisation's coachings (its own records), newest first. */
export function listOrganisationCoachings(
  trx: Trx,
  organisationId: string,
  filter: { coachUserId?: string | undefined; status: 'active' | 'ended' | 'all' },
) {
  let q = coachingQuery(trx).where('k.organisation_id', '=', organisationId);
  if (filter.coachUserId) q = q.where('k.coach_user_id', '=', filter.coachUserId);
  if (filter.status === 'active') q = q.where('k.ended_on', 'is', null);
  if (filter.status === 'ended') q = q.where('k.ended_on', 'is not', null);
  return q.orderBy('k.started_on', 'desc').orderBy('k.created_at', 'desc').execute();
}

export function listClientCoachings(trx: Trx, clientId: string) {
  return coachingQuery(trx).where('k.client_id', '=', clientId).orderBy('k.started_on', 'desc').execute();
}

export function findProfile(trx: Trx, coachingId: string) {
  return trx
    .selectFrom('vocational_profile')
    .selectAll()
    .where('coaching_id', '=', coachingId)
    .executeTakeFirst();
}

export function listModules(trx: Trx, coachingId: string) {
  return trx
    .selectFrom('coaching_module')
    .selectAll()
    .where('coaching_id', '=', coachingId)
    .orderBy('ordinal')
    .execute();
}

export function listJobSearchEntries(trx: Trx, coachingId: string) {
  return trx
    .selectFrom('job_search_entry as j')
    .leftJoin('employer as e', 'e.id', 'j.employer_id')
    .leftJoin('app_user as u', 'u.id', 'j.created_by')
    .selectAll('j')
    .select(['e.name as employer_name', 'u.first_name', 'u.last_name'])
    .where('j.coaching_id', '=', coachingId)
    .orderBy('j.entry_on', 'desc')
    .orderBy('j.created_at', 'desc')
    .execute();
}

export function listPlacements(trx: Trx, coachingId: string) {
  return trx
    .selectFrom('job_placement as p')
    .innerJoin('employer as e', 'e.id', 'p.employer_id')
    .selectAll('p')
    .select('e.name as employer_name')
    .where('p.coaching_id', '=', coachingId)
    .orderBy('p.started_on', 'desc')
    .execute();
}

export function listSupportEntries(trx: Trx, coachingId: string) {
  return trx
    .selectFrom('coaching_support_entry as s')
    .leftJoin('app_user as u', 'u.id', 's.created_by')
    .selectAll('s')
    .select(['u.first_name', 'u.last_name'])
    .where('s.coaching_id', '=', coachingId)
    .orderBy('s.supported_on', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
}

export function listCoachingContacts(trx: Trx, coachingId: string) {
  return trx
    .selectFrom('employer_contact as ec')
    .innerJoin('employer as e', 'e.id', 'ec.employer_id')
    .leftJoin('app_user as u', 'u.id', 'ec.coach_user_id')
    .select([
      'ec.id',
      'ec.employer_id',
      'e.name as employer_name',
      'ec.contacted_on',
      'ec.purpose',
      'ec.outcome',
      'ec.client_name_disclosed',
      'u.first_name',
      'u.last_name',
    ])
    .where('ec.coaching_id', '=', coachingId)
    .orderBy('ec.contacted_on', 'desc')
    .execute();
}

export function listCoachingWorkTrials(trx: Trx, coachingId: string) {
  return trx
    .selectFrom('work_trial as w')
    .innerJoin('employer as e', 'e.id', 'w.employer_id')
    .select([
      'w.id',
      'w.employer_id',
      'e.name as employer_name',
      'w.starts_on',
      'w.ends_on',
      'w.interrupted_on',
    ])
    .where('w.coaching_id', '=', coachingId)
    .orderBy('w.starts_on', 'desc')
    .execute();
}

/** Job coaches of the organisation with their active coachings (none counted as 0). */
export function organisationCaseloads(trx: Trx, organisationId: string) {
  return trx
    .selectFrom('membership as ms')
    .innerJoin('app_user as u', 'u.id', 'ms.user_id')
    .leftJoin('coaching as k', (j) =>
      j
        .onRef('k.coach_user_id', '=', 'ms.user_id')
        .onRef('k.organisation_id', '=', 'ms.organisation_id')
        .on('k.ended_on', 'is', null),
    )
    .where('ms.organisation_id', '=', organisationId)
    .where('ms.role', '=', 'job_coach')
    .where('ms.active', '=', true)
    .where('u.active', '=', true)
    .groupBy(['ms.user_id', 'u.first_name', 'u.last_name'])
    .select([
      'ms.user_id',
      'u.first_name',
      'u.last_name',
      sql<number>`count(k.id)::int`.as('active_clients'),
      sql<number>`count(k.id) filter (where k.intensity = 'intensive')::int`.as('intensive'),
      sql<number>`count(k.id) filter (where k.intensity = 'light_support')::int`.as('light_support'),
    ])
    .orderBy('u.last_name')
    .orderBy('u.first_name')
    .execute();
}

/** An active job coach membership in the organisation. */
export function findJobCoach(trx: Trx, organisationId: string, userId: string) {
  return trx
    .selectFrom('membership as ms')
    .innerJoin('app_user as u', 'u.id', 'ms.user_id')
    .where('ms.organisation_id', '=', organisationId)
    .where('ms.user_id', '=', userId)
    .where('ms.role', '=', 'job_coach')
    .where('ms.active', '=', true)
    .where('u.active', '=', true)
    .select('ms.user_id')
    .executeTakeFirst();
}
