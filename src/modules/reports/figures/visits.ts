import { sql } from 'kysely';
import { andCaseInScope, dateInPeriod } from '../report-scope.ts';
import type { Localised, ReportTable } from '../report-table.ts';
import { CLIENTS, type FigureGroup, num } from './figure-group.ts';

interface VisitRow {
  coordinator_clients: number;
  coordinator_visits: number;
  physician_clients: number;
  physician_visits: number;
}

const VISITS: Localised = { fi: 'Käynnit', sv: 'Besök', en: 'Visits' };

function seenTable(key: string, label: Localised, clients: number, visits: number): ReportTable {
  return {
    key,
    title: null,
    columns: [
      { key: 'clients', label: CLIENTS, kind: 'persons' },
      { key: 'visits', label: VISITS, kind: 'events', persons: 'clients' },
    ],
    rows: [{ key, label, cells: { clients, visits } }],
    groups: [],
  };
}

/**
 * Visits in the period by the professional's role in the recording organisation. One pass over the visits:
 * per client, the coordinator's and the physician's visits; a visit replaced by a correction is left out
 * (its correction is the visit).
 */
export const visitFigures: FigureGroup = {
  id: 'visits',
  metrics: ['visits.coordinator', 'visits.physician'],
  async compute({ scope, run }) {
    const [row] = await run<VisitRow>(sql`
      with roles as (
        select m.user_id, m.organisation_id,
          bool_or(m.role = 'coordinator') as coordinator, bool_or(m.role = 'physician') as physician
        from membership m
        where m.role in ('coordinator', 'physician')
        group by m.user_id, m.organisation_id
      ),
      per_client as (
        select v.client_id,
          count(*) filter (where r.coordinator) as coordinator_visits,
          count(*) filter (where r.physician) as physician_visits
        from visit v
        join roles r on r.user_id = v.professional_user_id and r.organisation_id = v.organisation_id
        where ${dateInPeriod(sql.ref('v.visit_on'), scope)}
          and not exists (select 1 from visit x where x.corrects_id = v.id)
          ${andCaseInScope(scope, sql.ref('v.case_id'))}
        group by v.client_id
      )
      select
        count(*) filter (where coordinator_visits > 0) as coordinator_clients,
        coalesce(sum(coordinator_visits), 0) as coordinator_visits,
        count(*) filter (where physician_visits > 0) as physician_clients,
        coalesce(sum(physician_visits), 0) as physician_visits
      from per_client
    `);
    const r = row!;
    return [
      {
        id: 'visits.coordinator',
        tables: [
          seenTable(
            'coordinator',
            { fi: 'Työkykykoordinaattori', sv: 'Arbetsförmågekoordinator', en: 'Work ability coordinator' },
            num(r.coordinator_clients),
            num(r.coordinator_visits),
          ),
        ],
      },
      {
        id: 'visits.physician',
        tables: [
          seenTable(
            'physician',
            { fi: 'Lääkäri', sv: 'Läkare', en: 'Physician' },
            num(r.physician_clients),
            num(r.physician_visits),
          ),
        ],
      },
    ];
  },
};
