import type { Trx } from '../../server/db/database.ts';
import { requireUpdated } from '../../server/db/versioned.ts';
import { conflict, invalidField, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { pastOrToday } from '../cases/calendar.ts';
import { listModules } from './coaching.repository.ts';
import type { ModuleInput, ModuleReviewInput } from './coaching.schema.ts';
import { closeCoaching, loadCoaching, requireActiveCoaching } from './coaching.service.ts';

/**
 * Modular coaching (003): one module at a time. The next starts only after the previous one's review decided to
 * go on, and not before that review.
 */
export async function startModule(trx: Trx, actor: Actor, coachingId: string, input: ModuleInput, now: Date) {
  const k = await requireActiveCoaching(trx, coachingId);
  const modules = await listModules(trx, coachingId);
  const last = modules.at(-1);
  if (last && last.reviewed_on === null) {
    throw conflict(
      'module_open',
      `Module ${last.ordinal} is still open. Review it before starting the next one.`,
    );
  }
  const startedOn = pastOrToday('body.startedOn', input.startedOn, now);
  const earliest = last?.reviewed_on ?? k.started_on;
  if (startedOn < earliest) {
    throw invalidField('body.startedOn', 'before_previous', `The module cannot start before ${earliest}.`);
  }
  if (input.plannedEndOn < startedOn) {
    throw invalidField('body.plannedEndOn', 'before_start', 'The planned end is before the start.');
  }
  const { id } = await trx
    .insertInto('coaching_module')
    .values({
      coaching_id: coachingId,
      client_id: k.client_id,
      organisation_id: k.organisation_id,
      ordinal: (last?.ordinal ?? 0) + 1,
      goal: input.goal,
      started_on: startedOn,
      planned_end_on: input.plannedEndOn,
      reviewed_on: null,
      client_attended: null,
      coach_attended: null,
      purchaser_attended: null,
      purchaser_name: null,
      decision: null,
      created_by: actor.userId,
      updated_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * The review at the end of a module, by client, coach and purchaser: who attended, and the decision — the next
 * module, or the end of the coaching (which ends it on the review date).
 */
export async function reviewModule(
  trx: Trx,
  actor: Actor,
  moduleId: string,
  input: ModuleReviewInput,
  now: Date,
) {
  const m = await trx.selectFrom('coaching_module').selectAll().where('id', '=', moduleId).executeTakeFirst();
  if (!m) throw notFound('module');
  if (m.reviewed_on) throw conflict('already_reviewed', 'This module has already been reviewed.');
  const k = await loadCoaching(trx, m.coaching_id);
  if (k.ended_on) throw conflict('coaching_ended', 'The coaching has ended.');
  const reviewedOn = pastOrToday('body.reviewedOn', input.reviewedOn, now);
  if (reviewedOn < m.started_on) {
    throw invalidField('body.reviewedOn', 'before_start', `The module started on ${m.started_on}.`);
  }
  if (!input.attended.client && !input.attended.coach && !input.attended.purchaser) {
    throw invalidField('body.attended', 'nobody_attended', 'Mark who took part in the review.');
  }
  const updated = await trx
    .updateTable('coaching_module')
    .set({
      reviewed_on: reviewedOn,
      client_attended: input.attended.client,
      coach_attended: input.attended.coach,
      purchaser_attended: input.attended.purchaser,
      purchaser_name: input.purchaserName?.trim() || null,
      decision: input.decision,
      review_notes: input.notes,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', moduleId)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: m.version }), 'module');
  if (input.decision === 'end_coaching') {
    await closeCoaching(
      trx,
      actor,
      k,
      { endedOn: reviewedOn, reason: 'module_review', note: input.notes, version: k.version },
      now,
    );
  }
  return m.coaching_id;
}
