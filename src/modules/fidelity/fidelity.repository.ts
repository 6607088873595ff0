import { sql } from 'kysely';
import type { Trx } from '../../server/db/database.ts';
import { notFound } from '../../server/http/errors.ts';

export function listItems(trx: Trx) {
  return trx.selectFrom('fidelity_item').selectAll().orderBy('number').execute();
}

/** A team of the actor's organisation; another organisation's team is not found. */
export async function requireOwnTeam(trx: Trx, organisationId: string, teamId: string) {
  const team = await trx
    .selectFrom('team')
    .select(['id', 'name', 'organisation_id'])
    .where('id', '=', teamId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!team) throw notFound('team');
  return team;
}

function reviewQuery(trx: Trx) {
  return trx
    .selectFrom('fidelity_review as r')
    .innerJoin('team as t', 't.id', 'r.team_id')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .leftJoin('app_user as fu', 'fu.id', 'r.finalised_by')
    .selectAll('r')
    .select([
      't.name as team_name',
      'o.name as organisation_name',
      'fu.first_name as finaliser_first_name',
      'fu.last_name as finaliser_last_name',
    ]);
}
export type ReviewWithNames = Awaited<ReturnType<typeof findReview>> & object;

export async function requireOwnReview(trx: Trx, organisationId: string, id: string) {
  const row = await reviewQuery(trx)
    .where('r.id', '=', id)
    .where('r.organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) throw notFound('fidelity review');
  return row;
}

export function findReview(trx: Trx, id: string) {
  return reviewQuery(trx).where('r.id', '=', id).executeTakeFirst();
}

export function listTeamReviews(trx: Trx, teamId: string) {
  return reviewQuery(trx)
    .where('r.team_id', '=', teamId)
    .orderBy('r.review_date', 'desc')
    .orderBy('r.created_at', 'desc')
    .execute();
}

export function listOrganisationTeams(trx: Trx, organisationId: string) {
  return trx
    .selectFrom('team')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

export function listReviewScores(trx: Trx, reviewId: string) {
  return trx.selectFrom('fidelity_item_score').selectAll().where('review_id', '=', reviewId).execute();
}

/**
 * The largest active caseload among the team's coaches: coachings of the team, or of a job coach who is a member of
 * the team (item 1 of the scale).
 */
export async function largestTeamCaseload(trx: Trx, teamId: string): Promise<number> {
  const rows = await trx
    .selectFrom('coaching as k')
    .where('k.ended_on', 'is', null)
    .where((eb) =>
      eb.or([
        eb('k.team_id', '=', teamId),
        eb.exists(
          eb
            .selectFrom('team_member as tm')
            .whereRef('tm.user_id', '=', 'k.coach_user_id')
            .where('tm.team_id', '=', teamId),
        ),
      ]),
    )
    .groupBy('k.coach_user_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .execute();
  return Math.max(0, ...rows.map((r) => r.n));
}
