import { type CompiledQuery, sql } from 'kysely';
import type { Trx } from '../../server/db/database.ts';
import { invalidField } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import type { FigureGroup, QueryRunner, ReportContext } from './figures/figure-group.ts';
import { FIGURE_GROUPS } from './figures/index.ts';
import { METRICS } from './metrics.ts';
import type { ReportQuery } from './report.schema.ts';
import type { ReportScope } from './report-scope.ts';
import type { Figure } from './report-table.ts';

export interface QueryTiming {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

export interface ReportOptions {
  /** Called after each statement with its text, parameters and time (the benchmark records them). */
  onQuery?: (timing: QueryTiming) => void;
  groups?: readonly FigureGroup[];
}

/**
 * Session settings of the report's transaction (SET LOCAL: they end with it). The aggregates hash up to a
 * million clients; with the server's default 4 MB they would spill to disk. JIT compilation costs more than it
 * saves on statements of this size.
 */
export const REPORT_SETTINGS = [sql`set local work_mem = '128MB'`, sql`set local jit = off`];

/**
 * Computes every figure of the report for a scope. Runs in the caller's transaction (one snapshot for all
 * figures), statement by statement, each figure group reading its tables once and aggregating in SQL.
 */
export async function computeReport(
  trx: Trx,
  scope: ReportScope,
  options: ReportOptions = {},
): Promise<Figure[]> {
  const run: QueryRunner = async <R>(query: { compile(db: Trx): CompiledQuery<R> }) => {
    const compiled = query.compile(trx);
    const started = performance.now();
    const result = await trx.executeQuery(compiled);
    options.onQuery?.({
      sql: compiled.sql,
      parameters: compiled.parameters,
      ms: performance.now() - started,
    });
    return result.rows;
  };
  for (const setting of REPORT_SETTINGS) await run(setting);
  const cache = new Map<string, Promise<unknown>>();
  const ctx: ReportContext = {
    scope,
    run,
    once<T>(key: string, load: () => Promise<T>) {
      if (!cache.has(key)) cache.set(key, load());
      return cache.get(key) as Promise<T>;
    },
  };
  const figures: Figure[] = [];
  for (const group of options.groups ?? FIGURE_GROUPS) figures.push(...(await group.compute(ctx)));
  const order = new Map<string, number>(METRICS.map((m, i) => [m.id, i]));
  return figures.sort((a, b) => (order.get(a.id) ?? 999) - (order.get(b.id) ?? 999));
}

/** The same calendar day a year earlier, plus one day: a default period of the last twelve months. */
function yearBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export interface ResolvedReport {
  scope: ReportScope;
  /** Hidden small counts: asked for, or the report covers another organisation's cases. */
  external: boolean;
}

/**
 * The period defaults to the last twelve months up to today; the organisation to the team's, or else the
 * user's own. `organisationId=all` covers every organisation. The exact (internal) figures are for the user's
 * own organisation only: a report on any other organisation's cases is always protected as an external one.
 */
export async function resolveReport(
  trx: Trx,
  actor: Actor,
  query: ReportQuery,
  now: Date,
): Promise<ResolvedReport> {
  const to = query.to ?? finnishDate(now);
  const from = query.from ?? yearBefore(to);
  if (from > to)
    throw invalidField('querystring.from', 'invalid_period', 'The start date is after the end date.');
  let organisationId: string | null;
  if (query.organisationId === 'all') organisationId = null;
  else if (query.organisationId) organisationId = query.organisationId;
  else if (query.teamId) {
    const team = await trx
      .selectFrom('team')
      .select('organisation_id')
      .where('id', '=', query.teamId)
      .executeTakeFirst();
    if (!team) throw invalidField('querystring.teamId', 'unknown_team', 'No such team.');
    organisationId = team.organisation_id;
  } else organisationId = actor.organisationId;
  const scope: ReportScope = {
    from,
    to,
    organisationId,
    teamId: query.teamId ?? null,
    municipality: query.municipality ?? null,
    pathwayId: query.pathwayId ?? null,
  };
  return { scope, external: query.audience === 'external' || organisationId !== actor.organisationId };
}
