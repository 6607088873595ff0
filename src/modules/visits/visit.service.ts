import type { Trx } from '../../server/db/database.ts';
import { isUniqueViolation, requireUpdated } from '../../server/db/versioned.ts';
import { conflict, invalidField, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { pastOrToday } from '../cases/calendar.ts';
import { activeProfessionals } from '../cases/case.repository.ts';
import { loadCase, requireOpenCase } from '../cases/case.service.ts';
import { requireCorrectable, requireEditable } from '../cases/entry-rules.ts';
import { findVisit } from './visit.repository.ts';
import type { VisitInput, VisitUpdateInput } from './visit.schema.ts';

/** The visit's professional works for the organisation that records it (its controller). */
async function visitFields(trx: Trx, actor: Actor, input: VisitInput, now: Date) {
  const professional = input.professionalUserId ?? actor.userId;
  if ((await activeProfessionals(trx, [actor.organisationId], professional)).length === 0) {
    throw invalidField(
      'body.professionalUserId',
      'not_a_member',
      'The professional must be an active member of your organisation.',
    );
  }
  return {
    professional_user_id: professional,
    visit_on: pastOrToday('body.visitOn', input.visitOn, now),
    mode: input.mode,
    duration_minutes: input.durationMinutes,
    note: input.note,
  };
}

async function insertVisit(
  trx: Trx,
  actor: Actor,
  k: { id: string; client_id: string },
  input: VisitInput,
  correctsId: string | null,
  now: Date,
) {
  try {
    const { id } = await trx
      .insertInto('visit')
      .values({
        ...(await visitFields(trx, actor, input, now)),
        client_id: k.client_id,
        case_id: k.id,
        organisation_id: actor.organisationId,
        corrects_id: correctsId,
        created_by: actor.userId,
        updated_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (err) {
    if (isUniqueViolation(err, 'visit_one_correction')) {
      throw conflict(
        'already_corrected',
        'This entry has already been corrected. Correct the latest version instead.',
      );
    }
    throw err;
  }
}

export async function recordVisit(trx: Trx, actor: Actor, caseId: string, input: VisitInput, now: Date) {
  const k = await requireOpenCase(trx, caseId);
  return insertVisit(trx, actor, k, input, null, now);
}

export async function loadVisit(trx: Trx, id: string) {
  const v = await findVisit(trx, id);
  if (!v) throw notFound('visit');
  return v;
}

export async function changeVisit(trx: Trx, actor: Actor, id: string, input: VisitUpdateInput, now: Date) {
  const v = await loadVisit(trx, id);
  requireEditable(v, actor, now);
  const updated = await trx
    .updateTable('visit')
    .set({
      ...(await visitFields(trx, actor, input, now)),
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: v.version }), 'visit');
}

/** A correction is recorded even on a closed case: the record must be right afterwards too. */
export async function correctVisit(trx: Trx, actor: Actor, id: string, input: VisitInput, now: Date) {
  const v = await loadVisit(trx, id);
  requireCorrectable(v, actor);
  const k = await loadCase(trx, v.case_id);
  return insertVisit(trx, actor, k, input, v.id, now);
}
