import { sql } from 'kysely';
import { countOf, type Histogram, histogramOf, meanOf, percentileOf } from '../histogram.ts';
import { andCaseInScope, dateInPeriod } from '../report-scope.ts';
import type { ReportTable } from '../report-table.ts';
import { type FigureGroup, N } from './figure-group.ts';

interface PhaseRow {
  pathway_id: string;
  pathway_fi: string;
  pathway_sv: string;
  pathway_en: string;
  phase_id: string;
  ordinal: number;
  name_fi: string;
  name_sv: string;
  name_en: string;
}

/**
 * Completed stays in each phase that ended in the period, from case_phase_stay (kept by triggers from the
 * phase history and closures): the database counts stays per phase and length in days, the median and mean
 * are computed here from those counts.
 */
export const phaseFigures: FigureGroup = {
  id: 'phases',
  metrics: ['phases.time_in_phase'],
  async compute({ scope, run }) {
    const lengths = await run<{ phase_id: string; value: number; count: number }>(sql`
      select s.phase_id, s.left_on - s.entered_on as value, count(*) as count
      from case_phase_stay s
      where ${dateInPeriod(sql.ref('s.left_on'), scope)}
        ${andCaseInScope(scope, sql.ref('s.case_id'))}
      group by s.phase_id, s.left_on - s.entered_on
    `);
    const byPhase = new Map<string, { value: number; count: number }[]>();
    for (const r of lengths) byPhase.set(r.phase_id, [...(byPhase.get(r.phase_id) ?? []), r]);
    const phases = await run<PhaseRow>(sql`
      select p.id as pathway_id, p.name_fi as pathway_fi, p.name_sv as pathway_sv, p.name_en as pathway_en,
        ph.id as phase_id, ph.ordinal, ph.name_fi, ph.name_sv, ph.name_en
      from pathway_phase ph
      join pathway p on p.id = ph.pathway_id
      order by p.name_fi, ph.ordinal
    `);
    // The chosen pathway's phases, or those of every pathway with a stay in the period.
    const pathways = new Set(
      scope.pathwayId
        ? [scope.pathwayId]
        : phases.filter((ph) => byPhase.has(ph.phase_id)).map((ph) => ph.pathway_id),
    );
    const table: ReportTable = {
      key: 'phases',
      title: null,
      columns: [
        { key: 'n', label: N, kind: 'persons' },
        {
          key: 'median',
          label: { fi: 'Mediaani, vrk', sv: 'Median, dygn', en: 'Median, days' },
          kind: 'statistic',
          unit: 'days',
          basis: 'n',
        },
        {
          key: 'mean',
          label: { fi: 'Keskiarvo, vrk', sv: 'Medelvärde, dygn', en: 'Mean, days' },
          kind: 'statistic',
          unit: 'days',
          basis: 'n',
        },
      ],
      rows: phases
        .filter((ph) => pathways.has(ph.pathway_id))
        .map((ph) => {
          const h: Histogram = histogramOf(byPhase.get(ph.phase_id) ?? []);
          return {
            key: ph.phase_id,
            label: {
              fi: `${ph.ordinal}. ${ph.name_fi}`,
              sv: `${ph.ordinal}. ${ph.name_sv}`,
              en: `${ph.ordinal}. ${ph.name_en}`,
            },
            detail: { fi: ph.pathway_fi, sv: ph.pathway_sv, en: ph.pathway_en },
            cells: { n: countOf(h), median: percentileOf(h, 0.5), mean: meanOf(h) },
          };
        }),
      groups: [],
    };
    return [{ id: 'phases.time_in_phase', tables: [table] }];
  },
};
