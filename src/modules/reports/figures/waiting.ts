import { sql } from 'kysely';
import { countOf, histogramOf, percentileOf } from '../histogram.ts';
import { andCaseInScope, finnishDay } from '../report-scope.ts';
import type { ReportTable } from '../report-table.ts';
import { type FigureGroup, N } from './figure-group.ts';

/**
 * Days from the referral to the case's first visit, for first visits in the period. The visits are grouped per
 * case over all dates up to the period's end (a visit before the period makes a later one not the first); the
 * database counts cases per number of days, the median and 90th percentile are computed here from the counts.
 */
export const waitingFigures: FigureGroup = {
  id: 'waiting',
  metrics: ['waiting.referral_to_first_visit'],
  async compute({ scope, run }) {
    // The first visits are found first (a parallel aggregate over the visits), then joined to their cases'
    // referrals: a join under the aggregate would have every process build the same hash table again.
    const rows = await run<{ value: number; count: number }>(sql`
      with first_visit as materialized (
        select v.case_id, min(v.visit_on) as first_on
        from visit v
        where v.visit_on <= ${scope.to}::date
          and not exists (select 1 from visit x where x.corrects_id = v.id)
          ${andCaseInScope(scope, sql.ref('v.case_id'))}
        group by v.case_id
        having min(v.visit_on) >= ${scope.from}::date
      )
      select f.first_on - ${finnishDay(sql.ref('r.sent_at'))} as value, count(*) as count
      from first_visit f
      join client_case c on c.id = f.case_id
      join referral r on r.id = c.referral_id
      group by 1
    `);
    const h = histogramOf(rows);
    const table: ReportTable = {
      key: 'days',
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
          key: 'p90',
          label: { fi: '90. persentiili, vrk', sv: '90:e percentil, dygn', en: '90th percentile, days' },
          kind: 'statistic',
          unit: 'days',
          basis: 'n',
        },
      ],
      rows: [
        {
          key: 'cases',
          label: {
            fi: 'Ohjauksesta avatut asiakkuudet',
            sv: 'Klientskap som öppnats efter hänvisning',
            en: 'Cases opened from a referral',
          },
          cells: { n: countOf(h), median: percentileOf(h, 0.5), p90: percentileOf(h, 0.9) },
        },
      ],
      groups: [],
    };
    return [{ id: 'waiting.referral_to_first_visit', tables: [table] }];
  },
};
