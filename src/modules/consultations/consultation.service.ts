import type { Trx } from '../../server/db/database.ts';
import { isUniqueViolation, requireUpdated } from '../../server/db/versioned.ts';
import { AppError, conflict, invalidField, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { organisationDecision } from '../../server/policy/client-access.ts';
import { activeProfessionals } from '../cases/case.repository.ts';
import { loadCase, requireOpenCase } from '../cases/case.service.ts';
import { requireCorrectable, requireEditable } from '../cases/entry-rules.ts';
import { findConsultation } from './consultation.repository.ts';
import type { ConsultationInput, ConsultationUpdateInput } from './consultation.schema.ts';

/**
 * The organisation asked must be able to read the question: a care relationship with the client (for example
 * on the case team) and, for another organisation, the client's consent covering 'assessment'.
 */
async function checkRecipient(trx: Trx, actor: Actor, clientId: string, input: ConsultationInput, now: Date) {
  const organisation = await trx
    .selectFrom('organisation')
    .select(['id', 'name', 'active'])
    .where('id', '=', input.toOrganisationId)
    .executeTakeFirst();
  if (!organisation?.active) {
    throw invalidField('body.toOrganisationId', 'unknown_organisation', 'No such active organisation.');
  }
  if (
    input.toUserId &&
    (await activeProfessionals(trx, [input.toOrganisationId], input.toUserId)).length === 0
  ) {
    throw invalidField(
      'body.toUserId',
      'not_a_member',
      'The professional must be an active member of that organisation.',
    );
  }
  const decision = await organisationDecision(
    trx,
    input.toOrganisationId,
    'consultation.read',
    { clientId, controllerOrganisationId: actor.organisationId, category: 'assessment' },
    now,
  );
  if (!decision.allowed) {
    throw invalidField(
      'body.toOrganisationId',
      decision.reason === 'no_consent' ? 'recipient_no_consent' : 'recipient_no_relationship',
      decision.reason === 'no_consent'
        ? `${organisation.name} cannot read the consultation: the client has not consented to disclosing assessment data to it.`
        : `${organisation.name} has no care relationship with the client. Add it to the case team first.`,
    );
  }
}

async function insertConsultation(
  trx: Trx,
  actor: Actor,
  k: { id: string; client_id: string },
  input: ConsultationInput,
  extra: {
    corrects_id: string | null;
    answer?: string | null;
    answered_at?: Date | null;
    answered_by?: string | null;
  },
  now: Date,
) {
  await checkRecipient(trx, actor, k.client_id, input, now);
  try {
    const { id } = await trx
      .insertInto('consultation')
      .values({
        client_id: k.client_id,
        case_id: k.id,
        organisation_id: actor.organisationId,
        asker_role: actor.role,
        to_organisation_id: input.toOrganisationId,
        to_user_id: input.toUserId ?? null,
        topic: input.topic,
        question: input.question,
        answer: extra.answer ?? null,
        answered_at: extra.answered_at ?? null,
        answered_by: extra.answered_by ?? null,
        corrects_id: extra.corrects_id,
        created_by: actor.userId,
        updated_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (err) {
    if (isUniqueViolation(err, 'consultation_one_correction')) {
      throw conflict(
        'already_corrected',
        'This entry has already been corrected. Correct the latest version instead.',
      );
    }
    throw err;
  }
}

export async function askConsultation(
  trx: Trx,
  actor: Actor,
  caseId: string,
  input: ConsultationInput,
  now: Date,
) {
  const k = await requireOpenCase(trx, caseId);
  return insertConsultation(trx, actor, k, input, { corrects_id: null }, now);
}

export async function loadConsultation(trx: Trx, id: string) {
  const q = await findConsultation(trx, id);
  if (!q) throw notFound('consultation');
  return q;
}

const alreadyAnswered = () =>
  conflict(
    'already_answered',
    'The consultation has been answered. Add a correction to change the question.',
  );

export async function changeConsultation(
  trx: Trx,
  actor: Actor,
  id: string,
  input: ConsultationUpdateInput,
  now: Date,
) {
  const q = await loadConsultation(trx, id);
  requireEditable(q, actor, now);
  if (q.answered_at) throw alreadyAnswered();
  await checkRecipient(trx, actor, q.client_id, input, now);
  const updated = await trx
    .updateTable('consultation')
    .set({
      to_organisation_id: input.toOrganisationId,
      to_user_id: input.toUserId ?? null,
      topic: input.topic,
      question: input.question,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: q.version }), 'consultation');
}

/**
 * The correction keeps the answer already given (it answered the same matter); the original, with its
 * answer, stays visible beside it.
 */
export async function correctConsultation(
  trx: Trx,
  actor: Actor,
  id: string,
  input: ConsultationInput,
  now: Date,
) {
  const q = await loadConsultation(trx, id);
  requireCorrectable(q, actor);
  const k = await loadCase(trx, q.case_id);
  return insertConsultation(
    trx,
    actor,
    k,
    input,
    { corrects_id: q.id, answer: q.answer, answered_at: q.answered_at, answered_by: q.answered_by },
    now,
  );
}

/** Any professional of the organisation asked may answer (a colleague covers for the one named). */
export async function answerConsultation(
  trx: Trx,
  actor: Actor,
  id: string,
  answer: string,
  version: number,
  now: Date,
) {
  const q = await loadConsultation(trx, id);
  if (q.to_organisation_id !== actor.organisationId) {
    throw new AppError(403, 'not_recipient', 'Only the organisation asked can answer the consultation.');
  }
  if (q.corrected_by_id) {
    throw conflict('already_corrected', 'The question has been corrected. Answer the corrected one.', {
      correctionId: q.corrected_by_id,
    });
  }
  if (q.answered_at) throw conflict('already_answered', 'The consultation has already been answered.');
  const updated = await trx
    .updateTable('consultation')
    .set({
      answer,
      answered_at: now,
      answered_by: actor.userId,
      version: version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: q.version }), 'consultation');
}
