import type { z } from 'zod';
import type { Trx } from '../../server/db/database.ts';
import { requireUpdated } from '../../server/db/versioned.ts';
import { conflict, invalidField, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { findConsent, insertConsent, knownCategories } from './consent.repository.ts';
import type { ConsentBody, WithdrawBody } from './consent.schema.ts';

export async function recordConsent(
  trx: Trx,
  actor: Actor,
  clientId: string,
  input: z.infer<typeof ConsentBody>,
  now: Date,
) {
  const categories = await knownCategories(trx);
  const unknown = input.categories.filter((c) => !categories.has(c));
  if (unknown.length > 0) {
    throw invalidField(
      'body.categories',
      'unknown_category',
      `Unknown data categories: ${unknown.join(', ')}.`,
    );
  }
  // The consent is given to one of its parties: the one disclosing or the one receiving the data.
  if (![input.controllerOrganisationId, input.recipientOrganisationId].includes(actor.organisationId)) {
    throw invalidField(
      'body.controllerOrganisationId',
      'recorder_not_party',
      'Your organisation must be the one disclosing or the one receiving the data.',
    );
  }
  const orgs = await trx
    .selectFrom('organisation')
    .where('id', 'in', [input.controllerOrganisationId, input.recipientOrganisationId])
    .select('id')
    .execute();
  if (orgs.length !== 2)
    throw invalidField('body.recipientOrganisationId', 'unknown_organisation', 'No such organisation.');
  const { id } = await insertConsent(trx, {
    client_id: clientId,
    controller_organisation_id: input.controllerOrganisationId,
    recipient_organisation_id: input.recipientOrganisationId,
    categories: [...new Set(input.categories)],
    valid_from: input.validFrom,
    valid_until: input.validUntil,
    method: input.method,
    note: input.note,
    created_by: actor.userId,
    updated_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  return id;
}

/** Withdrawal takes effect at once: the next read by the recipient is already refused. */
export async function withdrawConsent(
  trx: Trx,
  actor: Actor,
  consentId: string,
  input: z.infer<typeof WithdrawBody>,
  now: Date,
) {
  const current = await findConsent(trx, consentId);
  if (!current) throw notFound('consent');
  if (current.withdrawn_at) throw conflict('already_withdrawn', 'The consent has already been withdrawn.');
  const updated = await trx
    .updateTable('consent')
    .set({
      withdrawn_at: now,
      withdrawn_by: actor.userId,
      withdrawal_note: input.note,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', consentId)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: current.version }), 'consent');
}
