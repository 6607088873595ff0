import { sql } from 'kysely';
import { timeInPeriod } from '../report-scope.ts';
import { type OrganisationCount, organisationTables } from './by-organisation.ts';
import type { FigureGroup } from './figure-group.ts';

/**
 * Referrals sent in the period to the teams in scope, by the referring organisation. A redirected referral is
 * left out: the referral it was redirected to is counted instead (for the team that received it).
 */
export const referralFigures: FigureGroup = {
  id: 'referrals',
  metrics: ['referrals.source'],
  async compute({ scope, run }) {
    const conditions = [
      sql`r.status <> 'redirected'`,
      timeInPeriod(sql.ref('r.sent_at'), scope),
      ...(scope.organisationId ? [sql`r.receiving_organisation_id = ${scope.organisationId}`] : []),
      ...(scope.teamId ? [sql`r.receiving_team_id = ${scope.teamId}`] : []),
      ...(scope.municipality
        ? [sql`r.client_id in (select cl.id from client cl where cl.municipality = ${scope.municipality})`]
        : []),
      ...(scope.pathwayId
        ? [sql`r.id in (select c.referral_id from client_case c where c.pathway_id = ${scope.pathwayId})`]
        : []),
    ];
    const rows = await run<OrganisationCount>(sql`
      select o.id as organisation_id, o.name, o.type, t.name_fi as type_fi, t.name_sv as type_sv,
        t.name_en as type_en, t.sort_order as type_order, x.count
      from (
        select r.referring_organisation_id, count(*) as count
        from referral r
        where ${sql.join(conditions, sql` and `)}
        group by r.referring_organisation_id
      ) x
      join organisation o on o.id = x.referring_organisation_id
      join organisation_type t on t.code = o.type
    `);
    return [
      {
        id: 'referrals.source',
        ...organisationTables(rows, { fi: 'Ohjaukset', sv: 'Hänvisningar', en: 'Referrals' }, 'persons'),
      },
    ];
  },
};
