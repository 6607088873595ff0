import type { Messages } from '../i18n/fi.ts';
import type { Language } from '../i18n/language.tsx';
import type { ReportCell, ReportColumn, ReportFigure, ReportTable } from './queries.ts';

/** How a number is written in each interface language: 46,5 in Finnish and Swedish, 46.5 in English. */
const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function formatNumber(value: number, decimals: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: true,
  }).format(value);
}

/** What a cell shows: "<5" and ".." as the API marks them, the number, or nothing to compute (null). */
export type CellDisplay =
  | { kind: 'small'; text: '<5' }
  | { kind: 'hidden'; text: '..' }
  | { kind: 'none'; text: '–' }
  | { kind: 'value'; text: string; value: number };

export function cellDisplay(cell: ReportCell | undefined, column: ReportColumn, lang: Language): CellDisplay {
  if (cell?.suppressed === 'small') return { kind: 'small', text: '<5' };
  if (cell?.suppressed) return { kind: 'hidden', text: '..' };
  if (!cell || cell.value === null) return { kind: 'none', text: '–' };
  return { kind: 'value', text: formatNumber(cell.value, column.decimals, lang), value: cell.value };
}

/** A value with its unit, for a chart's label: "47,1 %", "14 vrk". */
export function withUnit(text: string, column: ReportColumn, t: Messages): string {
  if (column.unit === 'percent') return t.reports.units.percent(text);
  if (column.unit === 'days') return t.reports.units.days(text);
  if (column.unit === 'years') return t.reports.units.years(text);
  return text;
}

/**
 * A report with nothing in it: every count is zero (or nothing to compute) and nothing is hidden. Counts of
 * people or events only: a hidden cell or any count above zero means there is something to show.
 */
export function isEmptyReport(figures: readonly ReportFigure[]): boolean {
  return figures.every((f) =>
    f.tables.every((table: ReportTable) =>
      table.rows.every((row) =>
        table.columns.every((c) => {
          if (c.kind !== 'persons' && c.kind !== 'events') return true;
          const cell = row.cells[c.key];
          return !cell || (!cell.suppressed && (cell.value === null || cell.value === 0));
        }),
      ),
    ),
  );
}
