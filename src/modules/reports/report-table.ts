/**
 * The shape every figure of the report takes: one or more small tables of aggregates. Columns say what a
 * number counts, so that small-count protection (suppression.ts) and the exports work on any figure the same
 * way, and a figure group added later (employment, issue 6) needs no changes here.
 */

export type Localised = { fi: string; sv: string; en: string };
export type Language = keyof Localised;
export const REPORT_LANGUAGES = ['fi', 'sv', 'en'] as const satisfies readonly Language[];

/** The same text in every language (an organisation's name, a number). */
export const same = (text: string): Localised => ({ fi: text, sv: text, en: text });

/** Text from a definition that may lack a language: the missing one falls back to Finnish, then any. */
export function localised(text: Partial<Localised> | undefined, fallback = ''): Localised {
  const any = text?.fi ?? text?.en ?? text?.sv ?? fallback;
  return { fi: text?.fi ?? any, sv: text?.sv ?? any, en: text?.en ?? any };
}

/**
 * - persons: a count of people (clients, referrals, responses, cases — each is one person's); fewer than the
 *   threshold is small and hidden in an external report;
 * - events: a count of events (visits, consultation contacts). With `persons`, it is hidden whenever the
 *   row's count of people is small; without, the threshold applies to the events themselves;
 * - share: numerator / denominator × 100, both counts of the table;
 * - statistic: a mean, median or percentile over the people counted by `basis`.
 */
export type Column =
  | { key: string; label: Localised; kind: 'persons' }
  | { key: string; label: Localised; kind: 'events'; persons?: string }
  | {
      key: string;
      label: Localised;
      kind: 'share';
      numerator: string;
      /** The denominator cell: a column of the same row, or a cell of another row (a total row). */
      denominator: { column: string; row?: string };
    }
  | { key: string; label: Localised; kind: 'statistic'; unit: 'years' | 'days' | 'score'; basis: string };

export type ColumnKind = Column['kind'];

export interface Row {
  key: string;
  label: Localised;
  /** A second descriptor, e.g. an organisation's type beside its name. */
  detail?: Localised | null;
  total?: boolean;
  /** Column key → value; null when there is nothing to compute (a mean of no one). */
  cells: Record<string, number | null>;
}

export interface CellRef {
  row: string;
  column: string;
  /** The table, in a figure's groups that link two of its tables; a table's own groups leave it out. */
  table?: string;
}

/**
 * Cells whose values add up to the total cell. A hidden member could be recovered from the total and the
 * others, so suppression hides more than one member of such a group.
 */
export interface Group {
  members: CellRef[];
  total: CellRef;
}

export interface ReportTable {
  key: string;
  title: Localised | null;
  columns: Column[];
  rows: Row[];
  groups: Group[];
}

export interface Figure {
  id: string;
  tables: ReportTable[];
  /** Groups across the figure's tables, e.g. organisations adding up to their type in another table. */
  groups?: Group[];
}

/** A group over one column: the listed rows add up to the total row. */
export function columnGroup(column: string, rows: readonly string[], totalRow: string): Group {
  return { members: rows.map((row) => ({ row, column })), total: { row: totalRow, column } };
}

/** A group within one row: the listed columns add up to the total column. */
export function rowGroup(row: string, columns: readonly string[], totalColumn: string): Group {
  return { members: columns.map((column) => ({ row, column })), total: { row, column: totalColumn } };
}

export const cellKey = (ref: CellRef) => `${ref.row}\u0000${ref.column}`;
/** A cell's key within a figure (its table's key first). */
export const figureCellKey = (table: string, ref: CellRef) =>
  `${ref.table ?? table}\u0000${ref.row}\u0000${ref.column}`;

/** Decimals shown for a column's values (the JSON carries the same rounding as the exports). */
export function decimalsOf(column: Column): number {
  if (column.kind === 'share') return 1;
  if (column.kind === 'statistic') return column.unit === 'score' ? 2 : 1;
  return 0;
}

export function round(value: number | null, decimals: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
