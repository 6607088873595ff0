import type { Trx } from '../../server/db/database.ts';
import { invalidField, notFound, staleVersion } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { criteriaOfScope, listVersionOf, lockList } from './eligibility-criterion.repository.ts';
import type { CriteriaInput, CriteriaListDto } from './eligibility-criterion.schema.ts';
import type { EligibilityCriterionRow } from './eligibility-criterion.table.ts';

export function presentCriterion(c: EligibilityCriterionRow) {
  return { id: c.id, ordinal: c.ordinal, textFi: c.text_fi, textSv: c.text_sv, textEn: c.text_en };
}

/** The criteria a team checks: its own active list, or the network default when it has none. */
export async function criteriaForTeam(trx: Trx, teamId: string) {
  const own = await criteriaOfScope(trx, teamId);
  return own.length > 0
    ? { source: 'team' as const, rows: own }
    : { source: 'network' as const, rows: await criteriaOfScope(trx, null) };
}

async function requireTeam(trx: Trx, teamId: string) {
  const team = await trx.selectFrom('team').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!team) throw notFound('team');
}

export async function loadCriteriaList(trx: Trx, teamId: string | null): Promise<CriteriaListDto> {
  if (teamId === null) {
    const rows = await criteriaOfScope(trx, null);
    return {
      teamId: null,
      source: 'network',
      criteria: rows.map(presentCriterion),
      listVersion: await listVersionOf(trx, null),
    };
  }
  await requireTeam(trx, teamId);
  const { source, rows } = await criteriaForTeam(trx, teamId);
  return {
    teamId,
    source,
    criteria: rows.map(presentCriterion),
    listVersion: await listVersionOf(trx, teamId),
  };
}

/** Replaces one list. Criteria are retired rather than deleted: referral assessments point to them. */
export async function changeCriteria(
  trx: Trx,
  actor: Actor,
  teamId: string | null,
  input: CriteriaInput,
  now: Date,
) {
  if (teamId !== null) await requireTeam(trx, teamId);
  if (teamId === null && input.criteria.length === 0) {
    throw invalidField(
      'body.criteria',
      'criteria_required',
      'The network’s default list needs at least one criterion.',
    );
  }
  await lockList(trx, teamId);
  const current = await listVersionOf(trx, teamId);
  if (current !== input.listVersion) throw staleVersion(current);

  const existing = await criteriaOfScope(trx, teamId);
  const existingIds = new Set(existing.map((c) => c.id));
  input.criteria.forEach((c, i) => {
    if (c.id && !existingIds.has(c.id)) {
      throw invalidField(`body.criteria.${i}.id`, 'unknown_criterion', 'This criterion is not on this list.');
    }
  });
  const kept = new Set(input.criteria.flatMap((c) => (c.id ? [c.id] : [])));
  const retired = existing.filter((c) => !kept.has(c.id)).map((c) => c.id);
  if (retired.length > 0) {
    await trx
      .updateTable('eligibility_criterion')
      .set((eb) => ({
        active: false,
        version: eb('version', '+', 1),
        updated_by: actor.userId,
        updated_at: now,
      }))
      .where('id', 'in', retired)
      .execute();
  }
  for (const [i, c] of input.criteria.entries()) {
    const fields = {
      ordinal: i + 1,
      text_fi: c.textFi,
      text_sv: c.textSv,
      text_en: c.textEn,
      updated_by: actor.userId,
      updated_at: now,
    };
    if (c.id) {
      await trx
        .updateTable('eligibility_criterion')
        .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
        .where('id', '=', c.id)
        .execute();
    } else {
      await trx
        .insertInto('eligibility_criterion')
        .values({ ...fields, team_id: teamId, created_by: actor.userId, created_at: now })
        .execute();
    }
  }
}
