import { consentStatus } from '../../server/policy/consent-validity.ts';
import type { ConsentWithNames } from './consent.repository.ts';
import type { ConsentDto } from './consent.schema.ts';

export function presentConsent(c: ConsentWithNames, now: Date): ConsentDto {
  return {
    id: c.id,
    clientId: c.client_id,
    controllerOrganisationId: c.controller_organisation_id,
    controllerOrganisationName: c.controller_name,
    recipientOrganisationId: c.recipient_organisation_id,
    recipientOrganisationName: c.recipient_name,
    categories: c.categories,
    validFrom: c.valid_from,
    validUntil: c.valid_until,
    method: c.method,
    note: c.note,
    status: consentStatus(c, now),
    recordedAt: c.created_at.toISOString(),
    recordedBy: `${c.recorder_first_name} ${c.recorder_last_name}`,
    withdrawnAt: c.withdrawn_at?.toISOString() ?? null,
    withdrawnBy: c.withdrawer_first_name ? `${c.withdrawer_first_name} ${c.withdrawer_last_name}` : null,
    withdrawalNote: c.withdrawal_note,
    version: c.version,
  };
}
