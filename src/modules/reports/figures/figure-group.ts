import type { RawBuilder } from 'kysely';
import type { MetricId } from '../metrics.ts';
import type { ReportScope } from '../report-scope.ts';
import type { Figure, Localised, ReportTable } from '../report-table.ts';

/** Runs one statement of the report and returns its rows (the service times and records each one). */
export type QueryRunner = <R>(query: RawBuilder<R>) => Promise<R[]>;

export interface ReportContext {
  scope: ReportScope;
  run: QueryRunner;
  /** Loads something several groups need (instrument definitions) once per report. */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * One file per group of figures: its SQL reads each table it needs once, aggregates in the database and
 * returns only counts and statistics; the group turns them into tables. Add a group to figures/index.ts.
 */
export interface FigureGroup {
  id: string;
  metrics: readonly MetricId[];
  compute(ctx: ReportContext): Promise<Figure[]>;
}

/** Counts arrive as bigint → number; a missing aggregate is 0. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export const TOTAL: Localised = { fi: 'Yhteensä', sv: 'Totalt', en: 'Total' };
export const COUNT: Localised = { fi: 'Lukumäärä', sv: 'Antal', en: 'Number' };
export const SHARE: Localised = { fi: '%-osuus', sv: 'Andel %', en: 'Share %' };
export const CLIENTS: Localised = { fi: 'Asiakkaat', sv: 'Klienter', en: 'Clients' };
export const N: Localised = { fi: 'n', sv: 'n', en: 'n' };

/** A one-dimensional breakdown: rows that add up to a total row, each with a count and its share. */
export function breakdownTable(
  key: string,
  title: Localised | null,
  rows: { key: string; label: Localised; detail?: Localised | null; count: number }[],
  countLabel: Localised = COUNT,
  kind: 'persons' | 'events' = 'persons',
): ReportTable {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return {
    key,
    title,
    columns: [
      kind === 'persons'
        ? { key: 'count', label: countLabel, kind: 'persons' }
        : { key: 'count', label: countLabel, kind: 'events' },
      {
        key: 'share',
        label: SHARE,
        kind: 'share',
        numerator: 'count',
        denominator: { column: 'count', row: 'total' },
      },
    ],
    rows: [
      ...rows.map((r) => ({
        key: r.key,
        label: r.label,
        detail: r.detail ?? null,
        cells: { count: r.count },
      })),
      { key: 'total', label: TOTAL, total: true, cells: { count: total } },
    ],
    groups: [
      {
        members: rows.map((r) => ({ row: r.key, column: 'count' })),
        total: { row: 'total', column: 'count' },
      },
    ],
  };
}
