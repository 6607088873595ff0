import type { Actor } from '../../server/policy/actor.ts';
import { personName } from '../cases/calendar.ts';
import { editableUntil, entryPermissions } from '../cases/entry-rules.ts';
import type { MeetingWithNames, Participants } from './meeting.repository.ts';
import type { MeetingDto } from './meeting.schema.ts';

export function canSign(m: MeetingWithNames, participantIds: string[], actor: Actor, now: Date): boolean {
  return (
    m.signed_at === null &&
    m.corrected_by_id === null &&
    m.starts_at <= now &&
    (m.organisation_id === actor.organisationId || participantIds.includes(actor.organisationId))
  );
}

export function presentMeeting(
  m: MeetingWithNames,
  participants: Participants,
  actor: Actor,
  now: Date,
): MeetingDto {
  const list = participants.get(m.id) ?? [];
  const permissions = entryPermissions(m, actor, now);
  return {
    id: m.id,
    clientId: m.client_id,
    caseId: m.case_id,
    organisationId: m.organisation_id,
    organisationName: m.organisation_name,
    startsAt: m.starts_at.toISOString(),
    durationMinutes: m.duration_minutes,
    participants: list,
    clientParticipated: m.client_participated,
    note: m.note,
    summary: m.summary,
    signedBy: personName(m.signer_first_name, m.signer_last_name),
    signedAt: m.signed_at?.toISOString() ?? null,
    correctsId: m.corrects_id,
    correctedById: m.corrected_by_id,
    recordedAt: m.created_at.toISOString(),
    recordedBy: personName(m.author_first_name, m.author_last_name),
    editableUntil: editableUntil(m).toISOString(),
    permissions: {
      edit: permissions.edit && m.signed_at === null,
      correct: permissions.correct,
      sign: canSign(
        m,
        list.map((p) => p.organisationId),
        actor,
        now,
      ),
    },
    version: m.version,
  };
}
