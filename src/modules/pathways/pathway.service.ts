import type { Trx } from '../../server/db/database.ts';
import { isUniqueViolation, requireUpdated } from '../../server/db/versioned.ts';
import { conflict, invalidField, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { presentPathway } from './pathway.presenter.ts';
import { findPathwayRow, listPathwayRows, phasesByPathway, phasesInUse } from './pathway.repository.ts';
import type { PathwayInput, PathwayUpdateInput } from './pathway.schema.ts';

export async function listPathways(trx: Trx, includeInactive: boolean) {
  const rows = await listPathwayRows(trx, includeInactive);
  const phases = await phasesByPathway(
    trx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentPathway(r, phases.get(r.id) ?? []));
}

export async function loadPathway(trx: Trx, id: string) {
  const row = await findPathwayRow(trx, id);
  if (!row) throw notFound('pathway');
  const phases = await phasesByPathway(trx, [id]);
  return presentPathway(row, phases.get(id) ?? []);
}

function describedFields(input: Omit<PathwayInput, 'code' | 'phases'>) {
  return {
    name_fi: input.nameFi,
    name_sv: input.nameSv,
    name_en: input.nameEn,
    description_fi: input.descriptionFi,
    description_sv: input.descriptionSv,
    description_en: input.descriptionEn,
    stale_after_days: input.staleAfterDays,
  };
}

export async function createPathway(trx: Trx, actor: Actor, input: PathwayInput, now: Date) {
  if (input.phases.some((p) => p.id)) {
    throw invalidField(
      'body.phases',
      'phase_id_on_create',
      'A new pathway has only new phases: leave out the ids.',
    );
  }
  try {
    const { id } = await trx
      .insertInto('pathway')
      .values({
        code: input.code,
        ...describedFields(input),
        created_by: actor.userId,
        updated_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('pathway_phase')
      .values(
        input.phases.map((p, i) => ({
          pathway_id: id,
          ordinal: i + 1,
          name_fi: p.nameFi,
          name_sv: p.nameSv,
          name_en: p.nameEn,
          created_by: actor.userId,
          updated_by: actor.userId,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    return id;
  } catch (err) {
    if (isUniqueViolation(err, 'pathway_code_unique')) {
      throw conflict('duplicate_code', 'A pathway with this code already exists.');
    }
    throw err;
  }
}

/**
 * Replaces the name, stale limit and phase list. Phases keep their ids (running cases point to them) and take
 * the order given; a phase left out is removed unless a case is or has been in it.
 */
export async function changePathway(
  trx: Trx,
  actor: Actor,
  id: string,
  input: PathwayUpdateInput,
  now: Date,
) {
  const current = await findPathwayRow(trx, id);
  if (!current) throw notFound('pathway');
  const updated = await trx
    .updateTable('pathway')
    .set({
      ...describedFields(input),
      active: input.active,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: current.version }), 'pathway');

  const existing = (await phasesByPathway(trx, [id])).get(id) ?? [];
  const existingIds = new Set(existing.map((p) => p.id));
  input.phases.forEach((p, i) => {
    if (p.id && !existingIds.has(p.id)) {
      throw invalidField(
        `body.phases.${i}.id`,
        'unknown_phase',
        'This phase is not a phase of this pathway.',
      );
    }
  });
  const kept = new Set(input.phases.flatMap((p) => (p.id ? [p.id] : [])));
  const removed = existing.filter((p) => !kept.has(p.id)).map((p) => p.id);
  const inUse = await phasesInUse(trx, removed);
  if (inUse.size > 0) {
    throw conflict(
      'phase_in_use',
      'A phase that cases are or have been in cannot be removed. Rename it instead.',
      {
        phaseIds: [...inUse],
      },
    );
  }
  if (removed.length > 0) await trx.deleteFrom('pathway_phase').where('id', 'in', removed).execute();
  // The ordinal constraint is checked at commit, so phases can swap places here.
  for (const [i, p] of input.phases.entries()) {
    const fields = {
      ordinal: i + 1,
      name_fi: p.nameFi,
      name_sv: p.nameSv,
      name_en: p.nameEn,
      updated_by: actor.userId,
      updated_at: now,
    };
    if (p.id) {
      await trx
        .updateTable('pathway_phase')
        .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
        .where('id', '=', p.id)
        .execute();
    } else {
      await trx
        .insertInto('pathway_phase')
        .values({ ...fields, pathway_id: id, created_by: actor.userId, created_at: now })
        .execute();
    }
  }
}
