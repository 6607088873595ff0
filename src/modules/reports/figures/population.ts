import { sql } from 'kysely';
import { andCaseConditions, caseOpenInPeriod, finnishDay } from '../report-scope.ts';
import type { Localised, ReportTable } from '../report-table.ts';
import { breakdownTable, COUNT, type FigureGroup, N, num, numOrNull, SHARE, TOTAL } from './figure-group.ts';

interface PopulationRow {
  cases_open: number;
  cases_new: number;
  cases_closed: number;
  clients: number;
  men: number;
  women: number;
  age_n: number;
  mean_age: number | null;
  age_under_25: number;
  age_25_34: number;
  age_35_44: number;
  age_45_54: number;
  age_55_plus: number;
  unemployed_under_12: number;
  unemployed_12_36: number;
  unemployed_over_36: number;
}

/**
 * The clients of the period (one row per person, from their cases in scope) and who they are: one statement
 * over the cases, their referrals and the clients' basic data, grouped per client.
 */
export const populationFigures: FigureGroup = {
  id: 'population',
  metrics: ['clients.period', 'clients.age', 'clients.sex', 'clients.unemployment'],
  async compute(ctx) {
    const { scope, run } = ctx;
    const sentOn = finnishDay(sql.ref('r.sent_at'));
    // Grouped per client after the joins (not joined after grouping), so that every process of a parallel plan
    // shares the work instead of each building the per-client table again.
    const [row] = await run<PopulationRow>(sql`
      select
        coalesce(sum(p.cases), 0) as cases_open,
        coalesce(sum(p.cases_new), 0) as cases_new,
        coalesce(sum(p.cases_closed), 0) as cases_closed,
        count(*) as clients,
        count(*) filter (where p.sex = 'male') as men,
        count(*) filter (where p.sex = 'female') as women,
        count(p.age) as age_n,
        avg(p.age)::float8 as mean_age,
        count(*) filter (where p.age < 25) as age_under_25,
        count(*) filter (where p.age between 25 and 34) as age_25_34,
        count(*) filter (where p.age between 35 and 44) as age_35_44,
        count(*) filter (where p.age between 45 and 54) as age_45_54,
        count(*) filter (where p.age >= 55) as age_55_plus,
        count(*) filter (where p.unemployment = 1) as unemployed_under_12,
        count(*) filter (where p.unemployment = 2) as unemployed_12_36,
        count(*) filter (where p.unemployment = 3) as unemployed_over_36
      from (
        select c.client_id, cl.sex,
          extract(year from age(min(c.opened_on), min(cl.date_of_birth)))::int as age,
          count(*) as cases,
          count(*) filter (where c.opened_on >= ${scope.from}::date) as cases_new,
          count(*) filter (where c.closed_on <= ${scope.to}::date) as cases_closed,
          max(case
            when r.unemployed_since is null then null
            when r.unemployed_since < ${sentOn} - interval '3 years' then 3
            when r.unemployed_since <= ${sentOn} - interval '12 months' then 2
            else 1 end) as unemployment
        from client_case c
        join client cl on cl.id = c.client_id
        left join referral r on r.id = c.referral_id
        where ${caseOpenInPeriod('c', scope)} ${andCaseConditions(scope, 'c')}
        group by c.client_id, cl.sex
      ) p
    `);
    const r = row!;
    const clients = num(r.clients);
    // The base of the network's shares: the same clients, counted once per report.
    await ctx.once('clientsInPeriod', async () => clients);

    const period: ReportTable = {
      key: 'counts',
      title: null,
      columns: [{ key: 'count', label: COUNT, kind: 'persons' }],
      rows: [
        {
          key: 'clients',
          label: { fi: 'Asiakkaat', sv: 'Klienter', en: 'Clients' },
          cells: { count: clients },
        },
        {
          key: 'cases_open',
          label: { fi: 'Avoinna olleet asiakkuudet', sv: 'Öppna klientskap', en: 'Cases open' },
          cells: { count: num(r.cases_open) },
        },
        {
          key: 'cases_new',
          label: { fi: 'Uudet asiakkuudet', sv: 'Nya klientskap', en: 'New cases' },
          cells: { count: num(r.cases_new) },
        },
        {
          key: 'cases_closed',
          label: { fi: 'Päättyneet asiakkuudet', sv: 'Avslutade klientskap', en: 'Closed cases' },
          cells: { count: num(r.cases_closed) },
        },
      ],
      groups: [],
    };

    const mean: ReportTable = {
      key: 'mean',
      title: null,
      columns: [
        { key: 'n', label: N, kind: 'persons' },
        {
          key: 'mean',
          label: { fi: 'Keski-ikä, v', sv: 'Medelålder, år', en: 'Mean age, years' },
          kind: 'statistic',
          unit: 'years',
          basis: 'n',
        },
      ],
      rows: [{ key: 'clients', label: TOTAL, cells: { n: num(r.age_n), mean: numOrNull(r.mean_age) } }],
      groups: [],
    };
    const bands: [string, Localised, number][] = [
      ['under_25', { fi: 'Alle 25 v', sv: 'Under 25 år', en: 'Under 25' }, num(r.age_under_25)],
      ['25_34', { fi: '25–34 v', sv: '25–34 år', en: '25–34' }, num(r.age_25_34)],
      ['35_44', { fi: '35–44 v', sv: '35–44 år', en: '35–44' }, num(r.age_35_44)],
      ['45_54', { fi: '45–54 v', sv: '45–54 år', en: '45–54' }, num(r.age_45_54)],
      ['55_plus', { fi: '55 v tai yli', sv: '55 år eller äldre', en: '55 or over' }, num(r.age_55_plus)],
    ];
    const ageGroups = breakdownTable(
      'age_groups',
      { fi: 'Ikäryhmät', sv: 'Åldersgrupper', en: 'Age groups' },
      bands.map(([key, label, count]) => ({ key, label, count })),
    );

    const sex = breakdownTable('sex', null, [
      { key: 'men', label: { fi: 'Miehet', sv: 'Män', en: 'Men' }, count: num(r.men) },
      { key: 'women', label: { fi: 'Naiset', sv: 'Kvinnor', en: 'Women' }, count: num(r.women) },
    ]);

    const under12 = num(r.unemployed_under_12);
    const from12to36 = num(r.unemployed_12_36);
    const over36 = num(r.unemployed_over_36);
    const unemployment: ReportTable = {
      key: 'duration',
      title: null,
      columns: [
        { key: 'count', label: COUNT, kind: 'persons' },
        {
          key: 'share',
          label: SHARE,
          kind: 'share',
          numerator: 'count',
          denominator: { column: 'count', row: 'total' },
        },
      ],
      rows: [
        {
          key: 'long_term',
          label: {
            fi: 'Pitkäaikaistyöttömät (12 kk tai enemmän)',
            sv: 'Långtidsarbetslösa (12 mån. eller mer)',
            en: 'Long-term unemployed (12 months or more)',
          },
          cells: { count: from12to36 + over36 },
        },
        {
          key: 'over_3_years',
          label: {
            fi: 'Yli 3 vuotta työttömänä',
            sv: 'Arbetslösa i över 3 år',
            en: 'Unemployed for over 3 years',
          },
          cells: { count: over36 },
        },
        {
          key: 'from_12_months_to_3_years',
          label: { fi: '12 kk – 3 vuotta', sv: '12 mån. – 3 år', en: '12 months to 3 years' },
          cells: { count: from12to36 },
        },
        {
          key: 'under_12_months',
          label: { fi: 'Alle 12 kk', sv: 'Under 12 mån.', en: 'Under 12 months' },
          cells: { count: under12 },
        },
        {
          key: 'not_recorded',
          label: { fi: 'Ei kirjattu', sv: 'Inte antecknat', en: 'Not recorded' },
          cells: { count: clients - under12 - from12to36 - over36 },
        },
        { key: 'total', label: TOTAL, total: true, cells: { count: clients } },
      ],
      groups: [
        {
          members: ['under_12_months', 'from_12_months_to_3_years', 'over_3_years', 'not_recorded'].map(
            (row) => ({
              row,
              column: 'count',
            }),
          ),
          total: { row: 'total', column: 'count' },
        },
        {
          members: ['from_12_months_to_3_years', 'over_3_years'].map((row) => ({ row, column: 'count' })),
          total: { row: 'long_term', column: 'count' },
        },
      ],
    };

    return [
      { id: 'clients.period', tables: [period] },
      { id: 'clients.age', tables: [mean, ageGroups] },
      { id: 'clients.sex', tables: [sex] },
      { id: 'clients.unemployment', tables: [unemployment] },
    ];
  },
};
