import type { Messages } from '../i18n/fi.ts';
import type { ReportFigure, ReportTable } from './queries.ts';

/**
 * How the page arranges the API's figures: in sections by the first part of the figure's id (the figure
 * group), in the API's order. A figure group the page does not know yet shows under "other figures", so a
 * new figure needs no change here to be seen.
 */
export type SectionKey = keyof Messages['reports']['sections'];

const SECTION_OF_GROUP: Record<string, SectionKey> = {
  clients: 'clients',
  visits: 'visits',
  consultations: 'visits',
  referrals: 'referrals',
  network: 'network',
  questionnaires: 'questionnaires',
  experience: 'experience',
  cases: 'outcomes',
  waiting: 'outcomes',
  phases: 'outcomes',
  employment: 'employment',
};

export interface ReportSection {
  key: SectionKey;
  figures: ReportFigure[];
}

export function sectionsOf(figures: readonly ReportFigure[]): ReportSection[] {
  const sections = new Map<SectionKey, ReportFigure[]>();
  for (const figure of figures) {
    const group = figure.id.split('.')[0] ?? figure.id;
    const key = SECTION_OF_GROUP[group] ?? 'other';
    const list = sections.get(key) ?? [];
    list.push(figure);
    sections.set(key, list);
  }
  return [...sections].map(([key, list]) => ({ key, figures: list }));
}

/** A distribution drawn as a bar chart: bars for the table's rows (not the total), lengths from `value`. */
export interface ChartSpec {
  /** The column whose values are the bars' lengths. */
  value: string;
  /** A count shown beside the value in the bar's label ("47,1 % (8)"). */
  count?: string;
}

/** Which tables are drawn as charts: the distributions of issue 5. Table key `*` means every table. */
const CHARTS: Record<string, Record<string, ChartSpec>> = {
  'clients.age': { age_groups: { value: 'share', count: 'count' } },
  'consultations.asking_organisation': { by_organisation_type: { value: 'share', count: 'count' } },
  'referrals.source': { by_organisation_type: { value: 'share', count: 'count' } },
  'network.organisation_types': { organisation_types: { value: 'share', count: 'clients' } },
  'experience.prem': { '*': { value: 'share', count: 'count' } },
  'experience.stakeholder': { '*': { value: 'share', count: 'count' } },
  'cases.outcomes': { outcomes: { value: 'share', count: 'count' } },
  'phases.time_in_phase': { phases: { value: 'median', count: 'n' } },
};

export function chartOf(figure: ReportFigure, table: ReportTable): ChartSpec | null {
  const specs = CHARTS[figure.id];
  const spec = specs?.[table.key] ?? specs?.['*'];
  if (!spec || !table.columns.some((c) => c.key === spec.value)) return null;
  return spec;
}

/** A table of one row reads best as a few key figures side by side (count and visits, median and n). */
export function isKeyFigureTable(table: ReportTable): boolean {
  return table.rows.length === 1;
}
