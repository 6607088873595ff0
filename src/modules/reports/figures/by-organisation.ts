import type { Group, Localised, ReportTable } from '../report-table.ts';
import { same } from '../report-table.ts';
import { breakdownTable } from './figure-group.ts';

/** A count per organisation, with the organisation's type names (joined in the figure's SQL). */
export interface OrganisationCount {
  organisation_id: string;
  name: string;
  type: string;
  type_fi: string;
  type_sv: string;
  type_en: string;
  type_order: number;
  count: number;
}

/**
 * The same counts by organisation (largest first, as in the pilot's tables) and summed by organisation type.
 * Each type's row is the sum of its organisations' rows in the other table: the figure's groups say so, so that
 * a hidden organisation cannot be recovered from its type and the other organisations of that type.
 */
export function organisationTables(
  rows: readonly OrganisationCount[],
  countLabel: Localised,
  kind: 'persons' | 'events',
): { tables: ReportTable[]; groups: Group[] } {
  const typeName = (r: OrganisationCount): Localised => ({ fi: r.type_fi, sv: r.type_sv, en: r.type_en });
  const byCount = [...rows].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'fi'));
  const organisations = breakdownTable(
    'by_organisation',
    { fi: 'Organisaatioittain', sv: 'Per organisation', en: 'By organisation' },
    byCount.map((r) => ({
      key: r.organisation_id,
      label: same(r.name),
      detail: typeName(r),
      count: Number(r.count),
    })),
    countLabel,
    kind,
  );
  const types = new Map<string, { label: Localised; order: number; count: number }>();
  for (const r of rows) {
    const t = types.get(r.type) ?? { label: typeName(r), order: r.type_order, count: 0 };
    t.count += Number(r.count);
    types.set(r.type, t);
  }
  const byType = breakdownTable(
    'by_organisation_type',
    { fi: 'Organisaatiotyypeittäin', sv: 'Per organisationstyp', en: 'By organisation type' },
    [...types.entries()]
      .sort(([, a], [, b]) => b.count - a.count || a.order - b.order)
      .map(([key, t]) => ({ key, label: t.label, count: t.count })),
    countLabel,
    kind,
  );
  const groups: Group[] = [...types.keys()].map((type) => ({
    members: rows
      .filter((r) => r.type === type)
      .map((r) => ({ table: organisations.key, row: r.organisation_id, column: 'count' })),
    total: { table: byType.key, row: type, column: 'count' },
  }));
  return { tables: [organisations, byType], groups };
}
