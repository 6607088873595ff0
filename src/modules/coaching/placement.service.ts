import type { Trx } from '../../server/db/database.ts';
import { requireUpdated } from '../../server/db/versioned.ts';
import { conflict, invalidField, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { pastOrToday } from '../cases/calendar.ts';
import { requireOwnEmployer, requireOwnOpening } from '../employers/employer.repository.ts';
import type {
  EndPlacementInput,
  JobSearchEntryInput,
  PlacementInput,
  SupportEntryInput,
} from './coaching.schema.ts';
import { requireActiveCoaching } from './coaching.service.ts';

export async function logJobSearch(
  trx: Trx,
  actor: Actor,
  coachingId: string,
  input: JobSearchEntryInput,
  now: Date,
) {
  const k = await requireActiveCoaching(trx, coachingId);
  if (input.employerId) await requireOwnEmployer(trx, k.organisation_id, input.employerId, 'body.employerId');
  if (input.jobOpeningId)
    await requireOwnOpening(trx, k.organisation_id, input.jobOpeningId, 'body.jobOpeningId');
  const entryOn = pastOrToday('body.entryOn', input.entryOn, now);
  const { id } = await trx
    .insertInto('job_search_entry')
    .values({
      coaching_id: coachingId,
      client_id: k.client_id,
      organisation_id: k.organisation_id,
      entry_on: entryOn,
      activity: input.activity,
      employer_id: input.employerId ?? null,
      job_opening_id: input.jobOpeningId ?? null,
      description: input.description,
      outcome: input.outcome,
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
 * A job start with an employer of the coaching organisation's register. Fewer than 4 hours a week is recorded
 * (nothing entered is lost) but does not count as a job start; the DTO says so. Filling an opening marks it filled.
 */
export async function startPlacement(
  trx: Trx,
  actor: Actor,
  coachingId: string,
  input: PlacementInput,
  now: Date,
) {
  const k = await requireActiveCoaching(trx, coachingId);
  await requireOwnEmployer(trx, k.organisation_id, input.employerId, 'body.employerId');
  if (input.jobOpeningId) {
    const opening = await requireOwnOpening(trx, k.organisation_id, input.jobOpeningId, 'body.jobOpeningId');
    if (opening.employer_id !== input.employerId) {
      throw invalidField('body.jobOpeningId', 'other_employer', 'The opening is another employer’s.');
    }
  }
  const startedOn = pastOrToday('body.startedOn', input.startedOn, now);
  if (startedOn < k.started_on) {
    throw invalidField('body.startedOn', 'before_coaching', `The coaching started on ${k.started_on}.`);
  }
  const { id } = await trx
    .insertInto('job_placement')
    .values({
      coaching_id: coachingId,
      client_id: k.client_id,
      organisation_id: k.organisation_id,
      employer_id: input.employerId,
      job_opening_id: input.jobOpeningId ?? null,
      title: input.title,
      hours_per_week: Math.round(input.hoursPerWeek * 10) / 10,
      pay_subsidy: input.paySubsidy,
      open_labour_market: input.openLabourMarket,
      started_on: startedOn,
      ended_on: null,
      end_reason: null,
      created_by: actor.userId,
      updated_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.jobOpeningId) {
    await trx
      .updateTable('job_opening')
      .set((eb) => ({
        status: 'filled',
        version: eb('version', '+', 1),
        updated_by: actor.userId,
        updated_at: now,
      }))
      .where('id', '=', input.jobOpeningId)
      .where('status', '=', 'open')
      .execute();
  }
  return id;
}

async function loadPlacement(trx: Trx, id: string) {
  const p = await trx.selectFrom('job_placement').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound('job');
  return p;
}

/** The end of a job is recorded whether or not the coaching still runs: tenure is measured to it. */
export async function endPlacement(
  trx: Trx,
  actor: Actor,
  placementId: string,
  input: EndPlacementInput,
  now: Date,
) {
  const p = await loadPlacement(trx, placementId);
  if (p.ended_on) throw conflict('already_ended', 'The end of this job has already been recorded.');
  const endedOn = pastOrToday('body.endedOn', input.endedOn, now);
  if (endedOn < p.started_on)
    throw invalidField('body.endedOn', 'before_start', `The job started on ${p.started_on}.`);
  const updated = await trx
    .updateTable('job_placement')
    .set({
      ended_on: endedOn,
      end_reason: input.reason,
      end_note: input.note,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', placementId)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: p.version }), 'job');
  return p.coaching_id;
}

/** On- and off-the-job support after a job start (EUSE stage 5), while the coaching runs. */
export async function addSupportEntry(
  trx: Trx,
  actor: Actor,
  placementId: string,
  input: SupportEntryInput,
  now: Date,
) {
  const p = await loadPlacement(trx, placementId);
  const k = await requireActiveCoaching(trx, p.coaching_id);
  const supportedOn = pastOrToday('body.supportedOn', input.supportedOn, now);
  if (supportedOn < p.started_on) {
    throw invalidField('body.supportedOn', 'before_job_start', `The job started on ${p.started_on}.`);
  }
  if (p.ended_on && supportedOn > p.ended_on) {
    throw invalidField('body.supportedOn', 'after_job_end', `The job ended on ${p.ended_on}.`);
  }
  const { id } = await trx
    .insertInto('coaching_support_entry')
    .values({
      coaching_id: p.coaching_id,
      placement_id: placementId,
      client_id: k.client_id,
      organisation_id: k.organisation_id,
      supported_on: supportedOn,
      setting: input.setting,
      with_employer: input.withEmployer,
      duration_minutes: input.durationMinutes ?? null,
      note: input.note,
      created_by: actor.userId,
      updated_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, coachingId: p.coaching_id };
}
