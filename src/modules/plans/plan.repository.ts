import type { Trx } from '../../server/db/database.ts';
import type { NewCarePlanRow, NewGasReviewRow } from './plan.table.ts';

/** A plan with the names of who created and last saved it. */
function planQuery(trx: Trx) {
  return trx
    .selectFrom('care_plan as p')
    .innerJoin('app_user as cu', 'cu.id', 'p.created_by')
    .innerJoin('app_user as uu', 'uu.id', 'p.updated_by')
    .selectAll('p')
    .select([
      'cu.first_name as creator_first_name',
      'cu.last_name as creator_last_name',
      'uu.first_name as saver_first_name',
      'uu.last_name as saver_last_name',
    ]);
}
export type PlanWithNames = Awaited<ReturnType<typeof findPlan>> & object;

export function findPlan(trx: Trx, id: string) {
  return planQuery(trx).where('p.id', '=', id).executeTakeFirst();
}

export function findPlanOfCase(trx: Trx, caseId: string) {
  return planQuery(trx).where('p.case_id', '=', caseId).executeTakeFirst();
}

/** Just enough for the access decision: whose client, which organisation controls the plan. */
export function findPlanSubject(trx: Trx, id: string) {
  return trx
    .selectFrom('care_plan')
    .select(['id', 'case_id', 'client_id', 'organisation_id', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertPlan(trx: Trx, row: NewCarePlanRow) {
  return trx.insertInto('care_plan').values(row).returning(['id', 'version']).executeTakeFirstOrThrow();
}

/** Saves only when the stored version is still the one the caller started from. */
export function updatePlanContent(
  trx: Trx,
  id: string,
  fromVersion: number,
  values: { content: string; updated_by: string; updated_at: Date },
) {
  return trx
    .updateTable('care_plan')
    .set({ ...values, version: fromVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', fromVersion)
    .returning(['id', 'version'])
    .executeTakeFirst();
}

export function listPlanVersions(trx: Trx, planId: string) {
  return trx
    .selectFrom('care_plan_version as v')
    .innerJoin('app_user as u', 'u.id', 'v.saved_by')
    .where('v.plan_id', '=', planId)
    .selectAll('v')
    .select(['u.first_name as saver_first_name', 'u.last_name as saver_last_name'])
    .orderBy('v.version', 'desc')
    .execute();
}
export type PlanVersionWithNames = Awaited<ReturnType<typeof listPlanVersions>>[number];

export function findPlanVersion(trx: Trx, planId: string, version: number) {
  return trx
    .selectFrom('care_plan_version as v')
    .innerJoin('app_user as u', 'u.id', 'v.saved_by')
    .where('v.plan_id', '=', planId)
    .where('v.version', '=', version)
    .selectAll('v')
    .select(['u.first_name as saver_first_name', 'u.last_name as saver_last_name'])
    .executeTakeFirst();
}

export function listAcknowledgements(trx: Trx, planId: string) {
  return trx
    .selectFrom('care_plan_acknowledgement as a')
    .leftJoin('app_user as u', 'u.id', 'a.recorded_by')
    .where('a.plan_id', '=', planId)
    .selectAll('a')
    .select(['u.first_name as recorder_first_name', 'u.last_name as recorder_last_name'])
    .orderBy('a.plan_version', 'desc')
    .execute();
}
export type AcknowledgementWithNames = Awaited<ReturnType<typeof listAcknowledgements>>[number];

/** Once per version: a second acknowledgement of the same version leaves the first in place. */
export function insertAcknowledgement(
  trx: Trx,
  row: {
    plan_id: string;
    plan_version: number;
    method: 'in_person' | 'link';
    acknowledged_at: Date;
    recorded_by: string | null;
    created_at: Date;
  },
) {
  return trx
    .insertInto('care_plan_acknowledgement')
    .values(row)
    .onConflict((oc) => oc.columns(['plan_id', 'plan_version']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function listReviews(trx: Trx, planId: string) {
  return trx
    .selectFrom('gas_review as r')
    .innerJoin('app_user as u', 'u.id', 'r.created_by')
    .where('r.plan_id', '=', planId)
    .selectAll('r')
    .select(['u.first_name as recorder_first_name', 'u.last_name as recorder_last_name'])
    .orderBy('r.review_date', 'asc')
    .execute();
}
export type ReviewWithNames = Awaited<ReturnType<typeof listReviews>>[number];

export function insertReview(trx: Trx, row: NewGasReviewRow) {
  return trx.insertInto('gas_review').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function organisationNames(trx: Trx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('organisation').where('id', 'in', ids).select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function userNames(trx: Trx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('app_user')
    .where('id', 'in', ids)
    .select(['id', 'first_name', 'last_name'])
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.first_name} ${r.last_name}`]));
}

export function activeOrganisationIds(trx: Trx, ids: string[]) {
  return trx
    .selectFrom('organisation')
    .where('id', 'in', ids)
    .where('active', '=', true)
    .select('id')
    .execute();
}

/** Active memberships of the named people in the named organisations (a responsible person works there). */
export function activeMemberships(trx: Trx, userIds: string[], organisationIds: string[]) {
  return trx
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .where('m.user_id', 'in', userIds)
    .where('m.organisation_id', 'in', organisationIds)
    .where('m.active', '=', true)
    .where('u.active', '=', true)
    .select(['m.user_id', 'm.organisation_id'])
    .execute();
}
