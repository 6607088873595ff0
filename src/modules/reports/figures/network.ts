import { sql } from 'kysely';
import { andCaseConditions, caseOpenInPeriod, dayAfter } from '../report-scope.ts';
import type { ReportTable } from '../report-table.ts';
import { breakdownTable, CLIENTS, type FigureGroup, num, SHARE } from './figure-group.ts';

interface NetworkRow {
  type: string | null;
  type_fi: string | null;
  type_sv: string | null;
  type_en: string | null;
  type_order: number | null;
  clients: number;
}

/**
 * Who took part in the clients' networks: organisations other than the one running the case, on the case team
 * or in a network meeting of the case, by the end of the period. One statement: each client's organisation
 * types once, then the clients with a network and the clients per type. The base (all clients of the period)
 * is the population group's count.
 */
export const networkFigures: FigureGroup = {
  id: 'network',
  metrics: ['network.clients', 'network.organisation_types'],
  async compute(ctx) {
    const { scope, run } = ctx;
    const end = dayAfter(scope.to);
    const rows = await run<NetworkRow>(sql`
      with client_type as (
        select p.client_id, o.type
        from (
          select c.client_id, m.organisation_id
          from client_case c
          join case_team_member m on m.case_id = c.id
          where ${caseOpenInPeriod('c', scope)} ${andCaseConditions(scope, 'c')}
            and m.organisation_id <> c.organisation_id and m.added_at < ${end}
          union all
          select c.client_id, mo.organisation_id
          from client_case c
          join network_meeting nm on nm.case_id = c.id
          join network_meeting_organisation mo on mo.meeting_id = nm.id
          where ${caseOpenInPeriod('c', scope)} ${andCaseConditions(scope, 'c')}
            and mo.organisation_id <> c.organisation_id and nm.starts_at < ${end}
            and not exists (select 1 from network_meeting x where x.corrects_id = nm.id)
        ) p
        join organisation o on o.id = p.organisation_id
        group by p.client_id, o.type
      )
      select 'network' as type, null as type_fi, null as type_sv, null as type_en, null::int as type_order,
        (select count(*) from (select client_id from client_type group by client_id) n) as clients
      union all
      select ct.type, t.name_fi, t.name_sv, t.name_en, t.sort_order, ct.clients
      from (select type, count(*) as clients from client_type group by type) ct
      join organisation_type t on t.code = ct.type
    `);
    // The base: the clients of the period, as clients.period counts them (from there when already counted).
    const all = await ctx.once('clientsInPeriod', async () => {
      const [base] = await run<{ clients: number }>(sql`
        select count(*) as clients from (
          select c.client_id from client_case c
          where ${caseOpenInPeriod('c', scope)} ${andCaseConditions(scope, 'c')}
          group by c.client_id
        ) a
      `);
      return num(base?.clients);
    });
    const withNetwork = num(rows.find((r) => r.type === 'network')?.clients);
    const clients = breakdownTable(
      'clients',
      null,
      [
        {
          key: 'with_network',
          label: {
            fi: 'Monialainen verkosto',
            sv: 'Sektorsövergripande nätverk',
            en: 'Multi-agency network',
          },
          count: withNetwork,
        },
        {
          key: 'without_network',
          label: { fi: 'Ei verkostoa', sv: 'Inget nätverk', en: 'No network' },
          count: all - withNetwork,
        },
      ],
      CLIENTS,
    );
    const types = rows
      .filter((r) => r.type !== 'network')
      .sort((a, b) => num(b.clients) - num(a.clients) || num(a.type_order) - num(b.type_order));
    // Not a breakdown: a client counts under every type in the network, so the rows do not add up.
    const byType: ReportTable = {
      key: 'organisation_types',
      title: null,
      columns: [
        { key: 'clients', label: CLIENTS, kind: 'persons' },
        {
          key: 'share',
          label: SHARE,
          kind: 'share',
          numerator: 'clients',
          denominator: { column: 'clients', row: 'all' },
        },
      ],
      rows: [
        ...types.map((t) => ({
          key: t.type!,
          label: { fi: t.type_fi ?? t.type!, sv: t.type_sv ?? t.type!, en: t.type_en ?? t.type! },
          cells: { clients: num(t.clients) },
        })),
        {
          key: 'all',
          label: { fi: 'Jakson asiakkaat', sv: 'Periodens klienter', en: 'Clients of the period' },
          total: true,
          cells: { clients: all },
        },
      ],
      groups: [],
    };
    return [
      { id: 'network.clients', tables: [clients] },
      { id: 'network.organisation_types', tables: [byType] },
    ];
  },
};
