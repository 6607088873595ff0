import { sql } from 'kysely';
import { andCaseInScope, timeInPeriod } from '../report-scope.ts';
import { type OrganisationCount, organisationTables } from './by-organisation.ts';
import type { FigureGroup } from './figure-group.ts';

/**
 * Consultation contacts by the asking organisation. Each consultation counts once: the original entry (a
 * correction points to it and is not a new contact), dated by when it was first recorded.
 */
export const consultationFigures: FigureGroup = {
  id: 'consultations',
  metrics: ['consultations.asking_organisation'],
  async compute({ scope, run }) {
    const rows = await run<OrganisationCount>(sql`
      select o.id as organisation_id, o.name, o.type, t.name_fi as type_fi, t.name_sv as type_sv,
        t.name_en as type_en, t.sort_order as type_order, x.count
      from (
        select c.organisation_id, count(*) as count
        from consultation c
        where c.corrects_id is null
          and ${timeInPeriod(sql.ref('c.created_at'), scope)}
          ${andCaseInScope(scope, sql.ref('c.case_id'))}
        group by c.organisation_id
      ) x
      join organisation o on o.id = x.organisation_id
      join organisation_type t on t.code = o.type
    `);
    return [
      {
        id: 'consultations.asking_organisation',
        ...organisationTables(rows, { fi: 'Yhteydenotot', sv: 'Kontakter', en: 'Contacts' }, 'events'),
      },
    ];
  },
};
