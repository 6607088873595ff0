import type { z } from 'zod';
import type { Trx } from '../../server/db/database.ts';
import { isUniqueViolation, requireUpdated } from '../../server/db/versioned.ts';
import { conflict, invalidField, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import {
  findClientIdByIdentityCode,
  findClientWithOrganisation,
  insertClient,
  isClientVisible,
} from './client.repository.ts';
import type { ClientBody, ClientFieldsInput, ClientUpdateBody } from './client.schema.ts';
import { parseIdentityCode } from './identity-code.ts';

const IDENTITY_CODE_MESSAGES = {
  format:
    'An identity code is DDMMYY, a century sign (+, -, Y, X, W, V, U, A, B, C, D, E, F), three digits and a check character.',
  date: 'The identity code does not start with a real date.',
  check_character: 'The check character of the identity code does not match.',
} as const;

export function requireIdentityCode(field: string, input: string) {
  const parsed = parseIdentityCode(input);
  if (!parsed.valid) {
    throw invalidField(field, `identity_code_${parsed.problem}`, IDENTITY_CODE_MESSAGES[parsed.problem]);
  }
  return parsed;
}

/** How the client wants to be contacted must be possible with the details given. */
function checkContactPreference(input: ClientFieldsInput) {
  const needs = {
    phone: ['phone', input.phone],
    sms: ['phone', input.phone],
    email: ['email', input.email],
    letter: ['streetAddress', input.streetAddress && input.postalCode && input.postOffice],
  } as const;
  const [field, value] = needs[input.contactPreference];
  if (!value) {
    throw invalidField(
      `body.${field}`,
      'required_for_contact_preference',
      `The chosen way of contacting the client needs ${field === 'streetAddress' ? 'a full postal address' : `a ${field}`}.`,
    );
  }
}

function fields(input: ClientFieldsInput) {
  return {
    first_name: input.firstName,
    last_name: input.lastName,
    phone: input.phone ?? null,
    email: input.email ?? null,
    street_address: input.streetAddress ?? null,
    postal_code: input.postalCode ?? null,
    post_office: input.postOffice ?? null,
    municipality: input.municipality,
    preferred_language: input.preferredLanguage,
    contact_preference: input.contactPreference,
  };
}

/**
 * One person, one client record in the network. A second registration is refused; those who may see
 * the existing record get a pointer to it, others only learn that the person is already registered.
 */
async function refuseDuplicate(trx: Trx, actor: Actor, identityCode: string, now: Date): Promise<void> {
  const existing = await findClientIdByIdentityCode(trx, identityCode);
  if (!existing) return;
  if (await isClientVisible(trx, actor, existing.id, now)) {
    throw conflict('client_exists', 'This person is already a client. Open the existing client.', {
      clientId: existing.id,
    });
  }
  throw conflict(
    'client_exists_elsewhere',
    'This person is already registered by another organisation of the network. Ask for a referral to get access.',
  );
}

export async function registerClient(trx: Trx, actor: Actor, input: z.infer<typeof ClientBody>, now: Date) {
  const parsed = requireIdentityCode('body.identityCode', input.identityCode);
  checkContactPreference(input);
  await refuseDuplicate(trx, actor, parsed.code, now);
  try {
    const { id } = await insertClient(trx, {
      ...fields(input),
      identity_code: parsed.code,
      date_of_birth: parsed.dateOfBirth,
      sex: parsed.sex,
      registering_organisation_id: actor.organisationId,
      created_by: actor.userId,
      updated_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    return id;
  } catch (err) {
    // Two people registering the same person at the same moment: the second one gets the same answer.
    if (isUniqueViolation(err)) await refuseDuplicate(trx, actor, parsed.code, now);
    throw err;
  }
}

export async function changeClient(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof ClientUpdateBody>,
  now: Date,
) {
  checkContactPreference(input);
  const updated = await trx
    .updateTable('client')
    .set({ ...fields(input), version: input.version + 1, updated_by: actor.userId, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(
    updated,
    () => trx.selectFrom('client').select('version').where('id', '=', id).executeTakeFirst(),
    'client',
  );
}

export async function loadClient(trx: Trx, id: string) {
  const row = await findClientWithOrganisation(trx, id);
  if (!row) throw notFound('client');
  return row;
}

// Long enough for the emergency at hand; a new reason is needed after it.
const BREAK_GLASS_MS = 2 * 3_600_000;

export async function breakGlass(trx: Trx, actor: Actor, identityCode: string, reason: string, now: Date) {
  const parsed = requireIdentityCode('body.identityCode', identityCode);
  const client = await findClientIdByIdentityCode(trx, parsed.code);
  if (!client) throw notFound('client');
  const expiresAt = new Date(now.getTime() + BREAK_GLASS_MS);
  await trx
    .insertInto('break_glass_access')
    .values({
      user_id: actor.userId,
      organisation_id: actor.organisationId,
      role: actor.role,
      client_id: client.id,
      reason,
      started_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { clientId: client.id, expiresAt };
}
