import type { Trx } from '../../server/db/database.ts';
import { invalidField, notFound } from '../../server/http/errors.ts';
import { withFieldPrefix } from '../../server/http/nested-fields.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { pastOrToday } from '../cases/calendar.ts';
import { findClientIdByIdentityCode, isClientVisible } from '../clients/client.repository.ts';
import { registerClient, requireIdentityCode } from '../clients/client.service.ts';
import { activeCodes } from '../code-lists/client-path-code-list.repository.ts';
import { insertScreening } from './screening.repository.ts';
import type { ScreeningInput } from './screening.schema.ts';

/**
 * The client of a screening. A person already registered elsewhere in the network is the same client: the
 * screening is recorded for that client (never a second record of one person), and the screening itself gives
 * this organisation a care relationship — the person is in front of its professional and is its client now.
 * The audit row marks such screenings for review.
 */
async function resolveClient(trx: Trx, actor: Actor, input: ScreeningInput, now: Date) {
  if (input.clientId) {
    if (!(await isClientVisible(trx, actor, input.clientId, now))) throw notFound('client');
    return { clientId: input.clientId, registered: false, registeredElsewhere: false };
  }
  const person = input.newClient!;
  const parsed = await withFieldPrefix('body.newClient.', async () =>
    requireIdentityCode('body.identityCode', person.identityCode),
  );
  const existing = await findClientIdByIdentityCode(trx, parsed.code);
  if (existing) {
    const visible = await isClientVisible(trx, actor, existing.id, now);
    return { clientId: existing.id, registered: false, registeredElsewhere: !visible };
  }
  const clientId = await withFieldPrefix('body.newClient.', () => registerClient(trx, actor, person, now));
  return { clientId, registered: true, registeredElsewhere: false };
}

export async function recordScreening(trx: Trx, actor: Actor, input: ScreeningInput, now: Date) {
  const screenedOn = pastOrToday('body.screenedOn', input.screenedOn, now);
  const known = await activeCodes(trx, 'screening_situation');
  const unknown = input.situations.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw invalidField(
      'body.situations',
      'unknown_situation',
      `Unknown check-list situations: ${unknown.join(', ')}.`,
    );
  }
  const client = await resolveClient(trx, actor, input, now);
  const { id } = await insertScreening(trx, {
    client_id: client.clientId,
    organisation_id: actor.organisationId,
    screened_on: screenedOn,
    situations: [...new Set(input.situations)],
    notes: input.notes,
    outcome: input.outcome,
    created_by: actor.userId,
    updated_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  return { id, ...client };
}
