import { sql } from 'kysely';
import { andCaseConditions, dateInPeriod } from '../report-scope.ts';
import { breakdownTable, type FigureGroup, num } from './figure-group.ts';

interface OutcomeRow {
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  closed: number;
}

/** Cases closed in the period by outcome; every outcome of the code list is shown, unused ones as zero. */
export const outcomeFigures: FigureGroup = {
  id: 'outcomes',
  metrics: ['cases.outcomes'],
  async compute({ scope, run }) {
    const rows = await run<OutcomeRow>(sql`
      select o.code, o.name_fi, o.name_sv, o.name_en, coalesce(x.closed, 0) as closed
      from case_outcome o
      left join (
        select c.outcome_code, count(*) as closed
        from client_case c
        where ${dateInPeriod(sql.ref('c.closed_on'), scope)} ${andCaseConditions(scope, 'c')}
        group by c.outcome_code
      ) x on x.outcome_code = o.code
      where o.active or x.closed > 0
      order by o.sort_order, o.code
    `);
    return [
      {
        id: 'cases.outcomes',
        tables: [
          breakdownTable(
            'outcomes',
            null,
            rows.map((r) => ({
              key: r.code,
              label: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
              count: num(r.closed),
            })),
            { fi: 'Päättyneet asiakkuudet', sv: 'Avslutade klientskap', en: 'Closed cases' },
          ),
        ],
      },
    ];
  },
};
