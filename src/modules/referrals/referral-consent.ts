import type { Trx } from '../../server/db/database.ts';
import { invalidField } from '../../server/http/errors.ts';
import { consentStatus } from '../../server/policy/consent-validity.ts';

/** A referral is 'assessment' data: the consent must let it, and what follows it, reach the receiver. */
export const REFERRAL_CATEGORY = 'assessment';

export interface DisclosureParties {
  clientId: string;
  controllerOrganisationId: string;
  recipientOrganisationId: string;
}

export type ConsentProblem = 'consent_not_matching' | 'consent_not_active' | 'consent_missing_category';

const MESSAGES: Record<ConsentProblem, string> = {
  consent_not_matching:
    'The consent must be this client’s consent to disclose from the referring organisation to the receiving team’s organisation.',
  consent_not_active: 'The consent is not valid today (not yet started, expired or withdrawn).',
  consent_missing_category: `The consent must cover the category '${REFERRAL_CATEGORY}' (work and functional capacity).`,
};

/** Why a consent does not carry a referral between these parties today, or null when it does. */
export async function consentProblem(
  trx: Trx,
  consentId: string,
  parties: DisclosureParties,
  now: Date,
): Promise<ConsentProblem | null> {
  const c = await trx.selectFrom('consent').selectAll().where('id', '=', consentId).executeTakeFirst();
  if (
    !c ||
    c.client_id !== parties.clientId ||
    c.controller_organisation_id !== parties.controllerOrganisationId ||
    c.recipient_organisation_id !== parties.recipientOrganisationId
  ) {
    return 'consent_not_matching';
  }
  if (consentStatus(c, now) !== 'active') return 'consent_not_active';
  if (!c.categories.includes(REFERRAL_CATEGORY)) return 'consent_missing_category';
  return null;
}

export async function requireReferralConsent(
  trx: Trx,
  field: string,
  consentId: string,
  parties: DisclosureParties,
  now: Date,
): Promise<void> {
  const problem = await consentProblem(trx, consentId, parties, now);
  if (problem) throw invalidField(field, problem, MESSAGES[problem]);
}
