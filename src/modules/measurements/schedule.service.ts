import type { Db, Trx } from '../../server/db/database.ts';
import { invalidField } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { latestInstruments } from '../questionnaires/instrument.repository.ts';
import { addMonths } from './rounds.ts';

export interface ScheduleEntry {
  instrumentCode: string;
  offsetMonths: number;
}

/** A pathway's own active rows, or the network's default (pathway_id null) when it has none. */
export async function effectiveSchedule(
  db: Db | Trx,
  pathwayId: string | null,
): Promise<{ ownSchedule: boolean; entries: ScheduleEntry[] }> {
  const rows = await db
    .selectFrom('measurement_schedule')
    .select(['pathway_id', 'instrument_code', 'offset_months'])
    .where('active', '=', true)
    .where((eb) =>
      pathwayId
        ? eb.or([eb('pathway_id', '=', pathwayId), eb('pathway_id', 'is', null)])
        : eb('pathway_id', 'is', null),
    )
    .orderBy('offset_months')
    .orderBy('instrument_code')
    .execute();
  const own = rows.filter((r) => pathwayId && r.pathway_id === pathwayId);
  const chosen = own.length ? own : rows.filter((r) => r.pathway_id === null);
  return {
    ownSchedule: own.length > 0,
    entries: chosen.map((r) => ({ instrumentCode: r.instrument_code, offsetMonths: r.offset_months })),
  };
}

export interface CaseForScheduling {
  id: string;
  client_id: string;
  organisation_id: string;
  pathway_id: string;
  opened_on: string;
}

/**
 * Creates the case's measurements from its pathway's schedule: the baseline due on the opening day, each
 * follow-up that many months later. Idempotent: a round that exists is left as it is.
 */
export async function scheduleMeasurements(trx: Trx, caseRow: CaseForScheduling, now: Date): Promise<number> {
  const { entries } = await effectiveSchedule(trx, caseRow.pathway_id);
  if (entries.length === 0) return 0;
  const inserted = await trx
    .insertInto('measurement')
    .values(
      entries.map((e) => ({
        case_id: caseRow.id,
        client_id: caseRow.client_id,
        organisation_id: caseRow.organisation_id,
        instrument_code: e.instrumentCode,
        offset_months: e.offsetMonths,
        due_on: addMonths(caseRow.opened_on, e.offsetMonths),
        instrument_id: null,
        answered_at: null,
        created_at: now,
        created_by: null,
        updated_at: now,
        updated_by: null,
      })),
    )
    .onConflict((oc) => oc.constraint('measurement_round').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/**
 * Replaces a pathway's schedule (or the default with pathwayId null). Rows are retired, not deleted, so the
 * history stays; an empty list for a pathway makes it follow the default again.
 */
export async function replaceSchedule(
  trx: Trx,
  actor: Actor,
  pathwayId: string | null,
  entries: ScheduleEntry[],
  now: Date,
): Promise<void> {
  if (pathwayId) {
    const pathway = await trx
      .selectFrom('pathway')
      .select('id')
      .where('id', '=', pathwayId)
      .executeTakeFirst();
    if (!pathway) throw invalidField('body.pathwayId', 'unknown_pathway', 'No such pathway.');
  }
  const instruments = await latestInstruments(
    trx,
    entries.map((e) => e.instrumentCode),
  );
  entries.forEach((e, i) => {
    const instrument = instruments.get(e.instrumentCode);
    if (!instrument)
      throw invalidField(`body.entries.${i}.instrumentCode`, 'unknown_instrument', 'No such instrument.');
    if (instrument.row.respondent !== 'client') {
      throw invalidField(
        `body.entries.${i}.instrumentCode`,
        'not_for_clients',
        'This instrument is not answered by clients.',
      );
    }
  });
  const seen = new Set(entries.map((e) => `${e.instrumentCode}@${e.offsetMonths}`));
  if (seen.size !== entries.length)
    throw invalidField('body.entries', 'duplicate', 'An instrument appears twice in one round.');

  await trx
    .updateTable('measurement_schedule')
    .set((eb) => ({
      active: false,
      version: eb('version', '+', 1),
      updated_at: now,
      updated_by: actor.userId,
    }))
    .where((eb) => (pathwayId ? eb('pathway_id', '=', pathwayId) : eb('pathway_id', 'is', null)))
    .where('active', '=', true)
    .execute();
  if (entries.length === 0) return;
  await trx
    .insertInto('measurement_schedule')
    .values(
      entries.map((e) => ({
        pathway_id: pathwayId,
        instrument_code: e.instrumentCode,
        offset_months: e.offsetMonths,
        created_at: now,
        created_by: actor.userId,
        updated_at: now,
        updated_by: actor.userId,
      })),
    )
    .execute();
}
