import type { Trx } from '../../server/db/database.ts';
import type { Answers } from '../questionnaires/instrument.schema.ts';
import type { MeasurementFact } from './measures.ts';

function factsQuery(trx: Trx) {
  return trx
    .selectFrom('measurement as m')
    .innerJoin('client_case as k', 'k.id', 'm.case_id')
    .leftJoin('measurement_response as r', 'r.measurement_id', 'm.id')
    .select((eb) => [
      'm.id',
      'm.case_id',
      'm.client_id',
      'm.organisation_id',
      'm.instrument_code',
      'm.offset_months',
      'm.due_on',
      'm.status',
      'm.instrument_id',
      'm.version',
      'k.opened_on',
      'k.closed_on',
      'r.source',
      'r.answers',
      'r.scores',
      'r.answered_on',
      eb
        .exists(
          eb.selectFrom('questionnaire_link as l').select('l.id').whereRef('l.measurement_id', '=', 'm.id'),
        )
        .as('had_link'),
    ]);
}
export type MeasurementFactRow = Awaited<ReturnType<ReturnType<typeof factsQuery>['execute']>>[number];

export function toFact(row: MeasurementFactRow): MeasurementFact {
  return {
    measurementId: row.id,
    caseId: row.case_id,
    code: row.instrument_code,
    offsetMonths: row.offset_months,
    dueOn: row.due_on,
    status: row.status,
    hadLink: Boolean(row.had_link),
    source: row.source,
    answeredOn: row.answered_on,
    answers: (row.answers as Answers | null) ?? null,
    scores: row.scores ?? null,
    instrumentId: row.instrument_id,
  };
}

export function clientMeasurementRows(trx: Trx, clientId: string) {
  return factsQuery(trx)
    .where('m.client_id', '=', clientId)
    .orderBy('k.opened_on', 'desc')
    .orderBy('m.offset_months')
    .orderBy('m.instrument_code')
    .execute();
}

export interface SummaryFilter {
  from: string;
  to: string;
  pathwayId?: string | undefined;
  organisationId?: string | undefined;
}

/** Measurements of every case with something due in the period (their baselines included, whenever due). */
export function summaryRows(trx: Trx, f: SummaryFilter) {
  let q = factsQuery(trx).where(({ exists, selectFrom }) =>
    exists(
      selectFrom('measurement as p')
        .select('p.id')
        .whereRef('p.case_id', '=', 'm.case_id')
        .where('p.due_on', '>=', f.from)
        .where('p.due_on', '<=', f.to),
    ),
  );
  if (f.pathwayId) q = q.where('k.pathway_id', '=', f.pathwayId);
  if (f.organisationId) q = q.where('k.organisation_id', '=', f.organisationId);
  return q.execute();
}

/** The newest link of each of these measurements (for the professional's view: sent, expires, reminders). */
export async function latestLinks(trx: Trx, measurementIds: readonly string[]) {
  if (measurementIds.length === 0) return new Map<string, LinkState>();
  const rows = await trx
    .selectFrom('questionnaire_link')
    .select([
      'measurement_id',
      'channel',
      'sent_at',
      'expires_at',
      'used_at',
      'revoked_at',
      'reminders_sent',
      'partial_saved_at',
    ])
    .where('measurement_id', 'in', [...measurementIds])
    .orderBy('sent_at', 'desc')
    .execute();
  const latest = new Map<string, LinkState>();
  for (const r of rows) if (!latest.has(r.measurement_id)) latest.set(r.measurement_id, r);
  return latest;
}
export interface LinkState {
  channel: 'email' | 'sms';
  sent_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  reminders_sent: number;
  partial_saved_at: Date | null;
}

/**
 * Measurements waiting for someone: due (or an expired link) by `horizon`, of open cases the actor's
 * organisation runs, or of the actor's own cases as case manager when `mine`.
 */
export function worklistRows(
  trx: Trx,
  organisationId: string,
  userId: string,
  horizon: string,
  mine: boolean,
) {
  let q = trx
    .selectFrom('measurement as m')
    .innerJoin('client_case as k', 'k.id', 'm.case_id')
    .innerJoin('client as c', 'c.id', 'm.client_id')
    .select([
      'm.id',
      'm.case_id',
      'm.client_id',
      'm.organisation_id',
      'm.instrument_code',
      'm.offset_months',
      'm.due_on',
      'm.status',
      'c.first_name',
      'c.last_name',
    ])
    .where('m.status', 'in', ['due', 'expired'])
    .where('m.due_on', '<=', horizon)
    .where('k.closed_on', 'is', null);
  q = mine
    ? q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('case_manager_assignment as a')
            .select('a.id')
            .whereRef('a.case_id', '=', 'k.id')
            .where('a.user_id', '=', userId)
            .where('a.ended_at', 'is', null),
        ),
      )
    : q.where('k.organisation_id', '=', organisationId);
  return q.orderBy('m.due_on').orderBy('m.instrument_code').limit(500).execute();
}
