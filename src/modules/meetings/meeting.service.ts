import type { Trx } from '../../server/db/database.ts';
import { isUniqueViolation, requireUpdated } from '../../server/db/versioned.ts';
import { AppError, conflict, invalidField, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { loadCase, requireOpenCase } from '../cases/case.service.ts';
import { requireCorrectable, requireEditable } from '../cases/entry-rules.ts';
import { findMeeting, participantsOf, setParticipants } from './meeting.repository.ts';
import type { MeetingCorrectionInput, MeetingInput, MeetingUpdateInput } from './meeting.schema.ts';

async function checkOrganisations(trx: Trx, organisationIds: string[]) {
  const unique = [...new Set(organisationIds)];
  const found = await trx
    .selectFrom('organisation')
    .select('id')
    .where('id', 'in', unique)
    .where('active', '=', true)
    .execute();
  if (found.length !== unique.length) {
    throw invalidField(
      'body.organisationIds',
      'unknown_organisation',
      'Every participant must be an active organisation.',
    );
  }
}

async function insertMeeting(
  trx: Trx,
  actor: Actor,
  k: { id: string; client_id: string },
  input: MeetingCorrectionInput,
  correctsId: string | null,
  now: Date,
) {
  await checkOrganisations(trx, input.organisationIds);
  const startsAt = new Date(input.startsAt);
  if (input.summary && startsAt > now) {
    throw invalidField(
      'body.summary',
      'meeting_not_held',
      'The summary is written after the meeting has started.',
    );
  }
  try {
    const { id } = await trx
      .insertInto('network_meeting')
      .values({
        client_id: k.client_id,
        case_id: k.id,
        organisation_id: actor.organisationId,
        starts_at: startsAt,
        duration_minutes: input.durationMinutes ?? null,
        client_participated: input.clientParticipated ?? null,
        note: input.note,
        summary: input.summary ?? null,
        signed_by: input.summary ? actor.userId : null,
        signed_at: input.summary ? now : null,
        corrects_id: correctsId,
        created_by: actor.userId,
        updated_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setParticipants(trx, id, input.organisationIds);
    return id;
  } catch (err) {
    if (isUniqueViolation(err, 'network_meeting_one_correction')) {
      throw conflict(
        'already_corrected',
        'This entry has already been corrected. Correct the latest version instead.',
      );
    }
    throw err;
  }
}

export async function scheduleMeeting(
  trx: Trx,
  actor: Actor,
  caseId: string,
  input: MeetingInput,
  now: Date,
) {
  const k = await requireOpenCase(trx, caseId);
  return insertMeeting(trx, actor, k, input, null, now);
}

export async function loadMeeting(trx: Trx, id: string) {
  const m = await findMeeting(trx, id);
  if (!m) throw notFound('meeting');
  return m;
}

const summarySigned = () =>
  conflict(
    'summary_signed',
    'The meeting’s summary has been signed. Add a correction to change the meeting.',
  );

export async function changeMeeting(
  trx: Trx,
  actor: Actor,
  id: string,
  input: MeetingUpdateInput,
  now: Date,
) {
  const m = await loadMeeting(trx, id);
  requireEditable(m, actor, now);
  if (m.signed_at) throw summarySigned();
  await checkOrganisations(trx, input.organisationIds);
  const updated = await trx
    .updateTable('network_meeting')
    .set({
      starts_at: new Date(input.startsAt),
      duration_minutes: input.durationMinutes ?? null,
      note: input.note,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: m.version }), 'meeting');
  await setParticipants(trx, id, input.organisationIds);
}

export async function correctMeeting(
  trx: Trx,
  actor: Actor,
  id: string,
  input: MeetingCorrectionInput,
  now: Date,
) {
  const m = await loadMeeting(trx, id);
  requireCorrectable(m, actor);
  const k = await loadCase(trx, m.case_id);
  return insertMeeting(trx, actor, k, input, m.id, now);
}

/**
 * The shared summary is written once, after the meeting, by a professional of an organisation that took part
 * (or ran it), and signed by that writer. A later change is a correction of the meeting.
 */
export async function signMeetingSummary(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { summary: string; clientParticipated: boolean; version: number },
  now: Date,
) {
  const m = await loadMeeting(trx, id);
  if (m.corrected_by_id) {
    throw conflict('already_corrected', 'The meeting has been corrected. Sign the corrected one.', {
      correctionId: m.corrected_by_id,
    });
  }
  if (m.signed_at)
    throw conflict('summary_signed', 'The summary has already been signed. Add a correction to change it.');
  if (m.starts_at > now)
    throw conflict('meeting_not_held', 'The summary is written after the meeting has started.');
  const participants = (await participantsOf(trx, [id])).get(id) ?? [];
  if (
    m.organisation_id !== actor.organisationId &&
    !participants.some((p) => p.organisationId === actor.organisationId)
  ) {
    throw new AppError(
      403,
      'not_participant',
      'The summary is written by an organisation that took part in the meeting.',
    );
  }
  const updated = await trx
    .updateTable('network_meeting')
    .set({
      summary: input.summary,
      client_participated: input.clientParticipated,
      signed_by: actor.userId,
      signed_at: now,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: m.version }), 'meeting');
}
