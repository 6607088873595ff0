import {
  type Column,
  decimalsOf,
  type Figure,
  figureCellKey,
  type Group,
  type ReportTable,
  type Row,
  round,
} from './report-table.ts';

/**
 * Small-count protection for reports that leave the organisation. Pure: a figure's tables in, their cells
 * marked out.
 *
 * - small: a count of people from 1 to threshold − 1, shown as "<5". Zero is shown: it names no one;
 * - complementary: a count hidden so that a small one cannot be recovered from a total shown beside it
 *   (shown as ".."). In every group whose total is shown, the hidden members are none, or at least two whose
 *   sum is at least the threshold; the next smallest non-zero member is hidden until that holds;
 * - derived: a share, mean, median or events count computed from a hidden count, or a statistic over fewer
 *   people than the threshold (shown as "..").
 */
export type Suppression = 'small' | 'complementary' | 'derived';

export const SUPPRESSION_THRESHOLD = 5;

export interface PresentedCell {
  value: number | null;
  suppressed: Suppression | null;
}

export interface PresentedRow extends Omit<Row, 'cells'> {
  cells: Record<string, PresentedCell>;
}

export interface PresentedTable extends Omit<ReportTable, 'rows'> {
  rows: PresentedRow[];
}

/** Fills in shares from their numerator and denominator cells (so a share always matches its counts). */
export function withShares(table: ReportTable): ReportTable {
  const byRow = new Map(table.rows.map((r) => [r.key, r]));
  const shares = table.columns.filter((c) => c.kind === 'share');
  if (shares.length === 0) return table;
  return {
    ...table,
    rows: table.rows.map((row) => {
      const cells = { ...row.cells };
      for (const col of shares) {
        const numerator = row.cells[col.numerator] ?? null;
        const denominatorRow = col.denominator.row ? byRow.get(col.denominator.row) : row;
        const denominator = denominatorRow?.cells[col.denominator.column] ?? null;
        cells[col.key] = numerator === null || !denominator ? null : (numerator / denominator) * 100;
      }
      return { ...row, cells };
    }),
  };
}

/**
 * Marks the cells an external report hides, over all tables of a figure at once (a figure's groups may link
 * its tables: organisations adding up to their type). Keys are figureCellKey(table, cell). `threshold` is the
 * smallest count of people shown (5).
 */
export function suppressFigure(
  tables: readonly ReportTable[],
  figureGroups: readonly Group[] = [],
  threshold = SUPPRESSION_THRESHOLD,
): Map<string, Suppression> {
  const value = new Map<string, number | null>();
  for (const t of tables) {
    for (const row of t.rows) {
      for (const col of t.columns)
        value.set(figureCellKey(t.key, { row: row.key, column: col.key }), row.cells[col.key] ?? null);
    }
  }
  const groups: { members: string[]; total: string }[] = [
    ...tables.flatMap((t) =>
      t.groups.map((g) => ({
        members: g.members.map((m) => figureCellKey(t.key, m)),
        total: figureCellKey(t.key, g.total),
      })),
    ),
    ...figureGroups.map((g) => ({
      members: g.members.map((m) => figureCellKey('', m)),
      total: figureCellKey('', g.total),
    })),
  ];
  const at = (key: string) => value.get(key) ?? null;
  const state = new Map<string, Suppression>();
  const isSmall = (v: number | null) => v !== null && v > 0 && v < threshold;

  // Primary: small counts of people (and events counted without people).
  for (const t of tables) {
    for (const row of t.rows) {
      for (const col of t.columns) {
        const key = figureCellKey(t.key, { row: row.key, column: col.key });
        if ((col.kind === 'persons' || (col.kind === 'events' && !col.persons)) && isSmall(at(key)))
          state.set(key, 'small');
      }
    }
  }
  // Events of a small number of people are about those people.
  const followPersons = () => {
    for (const t of tables) {
      for (const row of t.rows) {
        for (const col of t.columns) {
          if (col.kind !== 'events' || !col.persons) continue;
          const own = figureCellKey(t.key, { row: row.key, column: col.key });
          if (
            !state.has(own) &&
            state.get(figureCellKey(t.key, { row: row.key, column: col.persons })) === 'small'
          ) {
            state.set(own, 'derived');
          }
        }
      }
    }
  };
  followPersons();

  // Complementary: repeat until every group with a shown total is safe (hiding only ever adds, so it ends).
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      if (state.has(group.total)) continue;
      for (;;) {
        const hidden = group.members.filter((m) => state.has(m));
        const hiddenSum = hidden.reduce((sum, m) => sum + (at(m) ?? 0), 0);
        if (hidden.length === 0 || (hidden.length >= 2 && hiddenSum >= threshold)) break;
        const candidates = group.members
          .filter((m) => !state.has(m) && (at(m) ?? 0) > 0)
          .sort((a, b) => (at(a) ?? 0) - (at(b) ?? 0));
        const next = candidates[0];
        if (!next) {
          // Every non-zero member is hidden and still too few: the total itself would tell.
          state.set(group.total, 'complementary');
          changed = true;
          break;
        }
        state.set(next, 'complementary');
        changed = true;
      }
    }
    followPersons();
  }

  // Derived values: shares of hidden counts, statistics over hidden or small bases.
  for (const t of tables) {
    const byRow = new Map(t.rows.map((r) => [r.key, r]));
    for (const row of t.rows) {
      for (const col of t.columns) {
        const own = figureCellKey(t.key, { row: row.key, column: col.key });
        if (state.has(own)) continue;
        if (col.kind === 'share') {
          const denominatorRow = col.denominator.row ?? row.key;
          const numerator = figureCellKey(t.key, { row: row.key, column: col.numerator });
          const denominator = figureCellKey(t.key, { row: denominatorRow, column: col.denominator.column });
          if (byRow.has(denominatorRow) && (state.has(numerator) || state.has(denominator)))
            state.set(own, 'derived');
        }
        if (col.kind === 'statistic') {
          const basis = figureCellKey(t.key, { row: row.key, column: col.basis });
          const n = at(basis);
          if (state.has(basis) || (n !== null && n < threshold && at(own) !== null))
            state.set(own, 'derived');
        }
      }
    }
  }
  return state;
}

/** One table's hidden cells (keys cellKey(row, column)); a table on its own, without figure groups. */
export function suppressTable(
  table: ReportTable,
  threshold = SUPPRESSION_THRESHOLD,
): Map<string, Suppression> {
  const prefix = `${table.key}\u0000`;
  return new Map([...suppressFigure([table], [], threshold)].map(([k, v]) => [k.slice(prefix.length), v]));
}

/**
 * A figure's tables as the API and the exports show them: shares computed, values rounded, and in an external
 * report the hidden cells without their values.
 */
export function presentFigure(
  figure: Figure,
  external: boolean,
  threshold = SUPPRESSION_THRESHOLD,
): PresentedTable[] {
  const tables = figure.tables.map(withShares);
  const hidden = external
    ? suppressFigure(tables, figure.groups ?? [], threshold)
    : new Map<string, Suppression>();
  return tables.map((t) => ({
    ...t,
    rows: t.rows.map((row) => ({
      ...row,
      cells: Object.fromEntries(
        t.columns.map((col: Column) => {
          const s = hidden.get(figureCellKey(t.key, { row: row.key, column: col.key })) ?? null;
          return [
            col.key,
            { value: s ? null : round(row.cells[col.key] ?? null, decimalsOf(col)), suppressed: s },
          ];
        }),
      ),
    })),
  }));
}

/** One table presented on its own (no figure groups). */
export function presentTable(
  table: ReportTable,
  external: boolean,
  threshold = SUPPRESSION_THRESHOLD,
): PresentedTable {
  return presentFigure({ id: '', tables: [table] }, external, threshold)[0]!;
}

/** What a hidden cell shows: "<5" for a small count, ".." for anything hidden to protect one. */
export function suppressionMark(s: Suppression, threshold = SUPPRESSION_THRESHOLD): string {
  return s === 'small' ? `<${threshold}` : '..';
}
