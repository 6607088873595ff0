import type { Actor } from '../../server/policy/actor.ts';
import { personName } from '../cases/calendar.ts';
import { editableUntil, entryPermissions } from '../cases/entry-rules.ts';
import type { ConsultationWithNames } from './consultation.repository.ts';
import type { ConsultationDto } from './consultation.schema.ts';

export function presentConsultation(q: ConsultationWithNames, actor: Actor, now: Date): ConsultationDto {
  const permissions = entryPermissions(q, actor, now);
  return {
    id: q.id,
    clientId: q.client_id,
    caseId: q.case_id,
    organisationId: q.organisation_id,
    organisationName: q.organisation_name,
    askerRole: q.asker_role,
    toOrganisationId: q.to_organisation_id,
    toOrganisationName: q.to_organisation_name,
    toUserId: q.to_user_id,
    toUserName: personName(q.to_first_name, q.to_last_name),
    topic: q.topic,
    question: q.question,
    answer: q.answer,
    answeredAt: q.answered_at?.toISOString() ?? null,
    answeredBy: personName(q.answerer_first_name, q.answerer_last_name),
    correctsId: q.corrects_id,
    correctedById: q.corrected_by_id,
    recordedAt: q.created_at.toISOString(),
    recordedBy: personName(q.author_first_name, q.author_last_name),
    editableUntil: editableUntil(q).toISOString(),
    permissions: {
      edit: permissions.edit && q.answered_at === null,
      correct: permissions.correct,
      answer:
        q.answered_at === null && q.corrected_by_id === null && q.to_organisation_id === actor.organisationId,
    },
    version: q.version,
  };
}
