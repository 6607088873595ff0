import type { Trx } from '../../server/db/database.ts';
import { conflict, invalidField, notFound } from '../../server/http/errors.ts';
import { withFieldPrefix } from '../../server/http/nested-fields.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import { recordConsent } from '../consents/consent.service.ts';
import type { ReferralDetails } from './referral.presenter.ts';
import {
  attachmentList,
  eligibilityOf,
  findReferral,
  insertStatusChange,
  openReferralTo,
  statusHistory,
} from './referral.repository.ts';
import type { ReferralInput } from './referral.schema.ts';
import { REFERRAL_CATEGORY, requireReferralConsent } from './referral-consent.ts';

export async function loadReferralDetails(trx: Trx, id: string): Promise<ReferralDetails> {
  const row = await findReferral(trx, id);
  if (!row) throw notFound('referral');
  return {
    row,
    history: await statusHistory(trx, id),
    attachments: await attachmentList(trx, id),
    eligibility: await eligibilityOf(trx, id),
  };
}

/** An active team of an active organisation, as a referral's receiver. */
export async function requireReceivingTeam(trx: Trx, field: string, teamId: string) {
  const team = await trx
    .selectFrom('team as t')
    .innerJoin('organisation as o', 'o.id', 't.organisation_id')
    .select(['t.id', 't.organisation_id', 'o.name as organisation_name'])
    .where('t.id', '=', teamId)
    .where('t.active', '=', true)
    .where('o.active', '=', true)
    .executeTakeFirst();
  if (!team) throw invalidField(field, 'unknown_team', 'No such active team.');
  return team;
}

export const referralAlreadyOpen = (referralId: string) =>
  conflict('referral_open', 'The client already has an open referral to this team.', { referralId });

/**
 * The consent that lets the referral reach the receiving organisation: an existing one, or one recorded
 * in the same transaction. Inside one organisation nothing is disclosed and no consent is needed.
 */
async function disclosureConsent(
  trx: Trx,
  actor: Actor,
  input: ReferralInput,
  team: { organisation_id: string; organisation_name: string },
  now: Date,
): Promise<string | null> {
  if (team.organisation_id === actor.organisationId) return null;
  const parties = {
    clientId: input.clientId,
    controllerOrganisationId: actor.organisationId,
    recipientOrganisationId: team.organisation_id,
  };
  if (input.consentId) {
    await requireReferralConsent(trx, 'body.consentId', input.consentId, parties, now);
    return input.consentId;
  }
  const consent = input.consent;
  if (!consent) {
    throw invalidField(
      'body.consentId',
      'consent_required',
      `The client’s consent to disclose to ${team.organisation_name} is required: choose an existing consent or record it with the referral.`,
    );
  }
  const today = finnishDate(now);
  if (consent.validFrom > today) {
    throw invalidField(
      'body.consent.validFrom',
      'consent_not_active',
      'The consent must be valid from today at the latest.',
    );
  }
  if (consent.validUntil < today) {
    throw invalidField('body.consent.validUntil', 'consent_not_active', 'The consent must be valid today.');
  }
  if (!consent.categories.includes(REFERRAL_CATEGORY)) {
    throw invalidField(
      'body.consent.categories',
      'consent_missing_category',
      `The consent must cover the category '${REFERRAL_CATEGORY}' (work and functional capacity).`,
    );
  }
  return withFieldPrefix('body.consent.', () =>
    recordConsent(
      trx,
      actor,
      input.clientId,
      {
        ...consent,
        controllerOrganisationId: actor.organisationId,
        recipientOrganisationId: team.organisation_id,
      },
      now,
    ),
  );
}

export async function sendReferral(trx: Trx, actor: Actor, input: ReferralInput, now: Date) {
  const team = await requireReceivingTeam(trx, 'body.receivingTeamId', input.receivingTeamId);
  const open = await openReferralTo(trx, input.clientId, team.id);
  if (open) throw referralAlreadyOpen(open.id);
  if (input.screeningId) {
    const screening = await trx
      .selectFrom('screening')
      .select('id')
      .where('id', '=', input.screeningId)
      .where('client_id', '=', input.clientId)
      .where('organisation_id', '=', actor.organisationId)
      .executeTakeFirst();
    if (!screening) {
      throw invalidField(
        'body.screeningId',
        'unknown_screening',
        'The screening must be this client’s, recorded by your organisation.',
      );
    }
  }
  if (input.unemployedSince && input.unemployedSince > finnishDate(now)) {
    throw invalidField('body.unemployedSince', 'future_date', 'The date cannot be in the future.');
  }
  const consentId = await disclosureConsent(trx, actor, input, team, now);
  const { id } = await trx
    .insertInto('referral')
    .values({
      client_id: input.clientId,
      referring_organisation_id: actor.organisationId,
      receiving_team_id: team.id,
      receiving_organisation_id: team.organisation_id,
      screening_id: input.screeningId ?? null,
      consent_id: consentId,
      reason: input.reason,
      unemployed_since: input.unemployedSince ?? null,
      sent_at: now,
      return_reason: null,
      eligibility_justification: null,
      redirected_from_id: null,
      redirected_to_id: null,
      created_by: actor.userId,
      updated_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertStatusChange(trx, {
    referralId: id,
    organisationId: actor.organisationId,
    from: null,
    to: 'sent',
    by: actor.userId,
    at: now,
  });
  return { id, consentId, consentCreated: Boolean(input.consent) && consentId !== null };
}
