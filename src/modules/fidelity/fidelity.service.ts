import type { Trx } from '../../server/db/database.ts';
import { requireUpdated } from '../../server/db/versioned.ts';
import { badRequest, conflict, staleVersion } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { listItems, listReviewScores, requireOwnReview, requireOwnTeam } from './fidelity.repository.ts';
import type { CreateReviewInput, UpdateReviewInput } from './fidelity.schema.ts';
import { fidelityBand, fidelityTotal, nextReviewDue } from './fidelity-scoring.ts';

const reviewFinal = () =>
  conflict('review_final', 'The review is final. A final review does not change; start a new review.');

/** A review of a coaching team of the actor's organisation starts as a draft with all 25 items unscored. */
export async function createReview(
  trx: Trx,
  actor: Actor,
  teamId: string,
  input: CreateReviewInput,
  now: Date,
) {
  await requireOwnTeam(trx, actor.organisationId, teamId);
  const tracked = { created_by: actor.userId, updated_by: actor.userId, created_at: now, updated_at: now };
  const { id } = await trx
    .insertInto('fidelity_review')
    .values({
      team_id: teamId,
      organisation_id: actor.organisationId,
      review_date: input.reviewDate,
      reviewer_1_name: input.reviewer1Name,
      reviewer_2_name: input.reviewer2Name,
      total_score: null,
      band: null,
      next_review_due: null,
      finalised_at: null,
      finalised_by: null,
      ...tracked,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const items = await listItems(trx);
  await trx
    .insertInto('fidelity_item_score')
    .values(
      items.map((i) => ({
        review_id: id,
        item_code: i.code,
        reviewer_1_score: null,
        reviewer_2_score: null,
        agreed_score: null,
        ...tracked,
      })),
    )
    .execute();
  return id;
}

/** Saves the reviewers, the action plan and any item scores; each changed item row keeps its history. */
export async function updateReview(trx: Trx, actor: Actor, id: string, input: UpdateReviewInput, now: Date) {
  const review = await requireOwnReview(trx, actor.organisationId, id);
  if (review.status === 'final') throw reviewFinal();
  if (review.version !== input.version) throw staleVersion(review.version);
  const scores = new Map((await listReviewScores(trx, id)).map((s) => [s.item_code, s]));
  const unknown = input.items.map((i, n) => ({ i, n })).filter(({ i }) => !scores.has(i.itemCode));
  if (unknown.length > 0) {
    throw badRequest(
      unknown.map(({ n }) => ({
        field: `body.items.${n}.itemCode`,
        code: 'unknown_item',
        message: 'No such item of the fidelity scale.',
      })),
    );
  }
  const updated = await trx
    .updateTable('fidelity_review')
    .set({
      review_date: input.reviewDate,
      reviewer_1_name: input.reviewer1Name,
      reviewer_2_name: input.reviewer2Name,
      action_plan: input.actionPlan,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: review.version }), 'fidelity review');
  for (const item of input.items) {
    const current = scores.get(item.itemCode)!;
    if (
      current.reviewer_1_score === item.reviewer1 &&
      current.reviewer_2_score === item.reviewer2 &&
      current.agreed_score === item.agreed &&
      current.note === item.note
    ) {
      continue;
    }
    await trx
      .updateTable('fidelity_item_score')
      .set((eb) => ({
        reviewer_1_score: item.reviewer1,
        reviewer_2_score: item.reviewer2,
        agreed_score: item.agreed,
        note: item.note,
        version: eb('version', '+', 1),
        updated_by: actor.userId,
        updated_at: now,
      }))
      .where('id', '=', current.id)
      .execute();
  }
}

/**
 * Final: every item has an agreed score; the total, band and next review date are computed here (never typed in),
 * and a team below the exemplary band has an action plan.
 */
export async function finaliseReview(trx: Trx, actor: Actor, id: string, version: number, now: Date) {
  const review = await requireOwnReview(trx, actor.organisationId, id);
  if (review.status === 'final') throw reviewFinal();
  if (review.version !== version) throw staleVersion(review.version);
  const items = await listItems(trx);
  const scores = new Map((await listReviewScores(trx, id)).map((s) => [s.item_code, s.agreed_score]));
  const missing = items.filter((i) => scores.get(i.code) == null).map((i) => i.code);
  if (missing.length > 0) {
    throw conflict('scores_missing', `${missing.length} items have no agreed score.`, { missing });
  }
  const total = fidelityTotal(items.map((i) => scores.get(i.code)));
  const band = fidelityBand(total);
  if (band !== 'exemplary' && review.action_plan.trim() === '') {
    throw conflict(
      'action_plan_missing',
      'Write the action plan before finalising: the team is below the exemplary band.',
    );
  }
  const updated = await trx
    .updateTable('fidelity_review')
    .set({
      status: 'final',
      total_score: total,
      band,
      next_review_due: nextReviewDue(review.review_date, total),
      finalised_at: now,
      finalised_by: actor.userId,
      version: version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: review.version }), 'fidelity review');
  return { total, band };
}
