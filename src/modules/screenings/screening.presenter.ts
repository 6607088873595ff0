import { personName } from '../cases/calendar.ts';
import type { ScreeningWithNames } from './screening.repository.ts';
import type { ScreeningDto } from './screening.schema.ts';

export function presentScreening(s: ScreeningWithNames): ScreeningDto {
  return {
    id: s.id,
    clientId: s.client_id,
    organisationId: s.organisation_id,
    organisationName: s.organisation_name,
    screenedOn: s.screened_on,
    situations: s.situations,
    notes: s.notes,
    outcome: s.outcome,
    recordedAt: s.created_at.toISOString(),
    recordedBy: personName(s.author_first_name, s.author_last_name),
    version: s.version,
  };
}
