import type { Trx } from '../../server/db/database.ts';
import type { PathwayPhaseRow } from './pathway.table.ts';

export function listPathwayRows(trx: Trx, includeInactive: boolean) {
  let q = trx.selectFrom('pathway').selectAll().orderBy('name_fi');
  if (!includeInactive) q = q.where('active', '=', true);
  return q.execute();
}

export function findPathwayRow(trx: Trx, id: string) {
  return trx.selectFrom('pathway').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function phasesByPathway(
  trx: Trx,
  pathwayIds: string[],
): Promise<Map<string, PathwayPhaseRow[]>> {
  const byPathway = new Map<string, PathwayPhaseRow[]>(pathwayIds.map((id) => [id, []]));
  if (pathwayIds.length === 0) return byPathway;
  const rows = await trx
    .selectFrom('pathway_phase')
    .selectAll()
    .where('pathway_id', 'in', pathwayIds)
    .orderBy('pathway_id')
    .orderBy('ordinal')
    .execute();
  for (const row of rows) byPathway.get(row.pathway_id)?.push(row);
  return byPathway;
}

/** Phases that a case is in or has been in: they cannot be removed from their pathway. */
export async function phasesInUse(trx: Trx, phaseIds: string[]): Promise<Set<string>> {
  if (phaseIds.length === 0) return new Set();
  const [current, history] = await Promise.all([
    trx
      .selectFrom('client_case')
      .select('current_phase_id as id')
      .where('current_phase_id', 'in', phaseIds)
      .execute(),
    trx
      .selectFrom('case_phase_change')
      .select('to_phase_id as id')
      .where((eb) => eb.or([eb('to_phase_id', 'in', phaseIds), eb('from_phase_id', 'in', phaseIds)]))
      .execute(),
  ]);
  return new Set([...current, ...history].map((r) => r.id));
}
