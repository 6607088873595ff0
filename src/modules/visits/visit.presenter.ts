import type { Actor } from '../../server/policy/actor.ts';
import { personName } from '../cases/calendar.ts';
import { editableUntil, entryPermissions } from '../cases/entry-rules.ts';
import type { VisitWithNames } from './visit.repository.ts';
import type { VisitDto } from './visit.schema.ts';

export function presentVisit(v: VisitWithNames, actor: Actor, now: Date): VisitDto {
  return {
    id: v.id,
    clientId: v.client_id,
    caseId: v.case_id,
    organisationId: v.organisation_id,
    organisationName: v.organisation_name,
    professionalUserId: v.professional_user_id,
    professionalName: `${v.professional_first_name} ${v.professional_last_name}`,
    visitOn: v.visit_on,
    mode: v.mode,
    durationMinutes: v.duration_minutes,
    note: v.note,
    correctsId: v.corrects_id,
    correctedById: v.corrected_by_id,
    recordedAt: v.created_at.toISOString(),
    recordedBy: personName(v.author_first_name, v.author_last_name),
    editableUntil: editableUntil(v).toISOString(),
    permissions: entryPermissions(v, actor, now),
    version: v.version,
  };
}
