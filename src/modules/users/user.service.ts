import type { z } from 'zod';
import { hashPassword } from '../../server/auth/password.ts';
import { revokeUserSessions } from '../../server/auth/session.repository.ts';
import type { Trx } from '../../server/db/database.ts';
import { isUniqueViolation, requireUpdated } from '../../server/db/versioned.ts';
import { conflict, invalidField, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { listUsersWithMemberships } from './user.repository.ts';
import type { MembershipInput, UserBody, UserUpdateBody } from './user.schema.ts';

type Membership = z.infer<typeof MembershipInput>;
const key = (m: { organisationId: string; role: string }) => `${m.organisationId}/${m.role}`;

async function checkOrganisations(trx: Trx, memberships: Membership[]) {
  const ids = [...new Set(memberships.map((m) => m.organisationId))];
  const found = await trx.selectFrom('organisation').where('id', 'in', ids).select('id').execute();
  if (found.length !== ids.length) {
    throw invalidField(
      'body.memberships',
      'unknown_organisation',
      'A membership names an unknown organisation.',
    );
  }
}

const duplicateEmail = () => conflict('duplicate_email', 'A user with this e-mail address already exists.');

export async function loadUser(trx: Trx, id: string) {
  const [user] = await listUsersWithMemberships(trx, { id });
  if (!user) throw notFound('user');
  return user;
}

export async function createUser(trx: Trx, actor: Actor, input: z.infer<typeof UserBody>) {
  await checkOrganisations(trx, input.memberships);
  let id: string;
  try {
    ({ id } = await trx
      .insertInto('app_user')
      .values({
        email: input.email,
        first_name: input.firstName,
        last_name: input.lastName,
        password_hash: input.password ? await hashPassword(input.password) : null,
        oidc_subject: input.oidcSubject || null,
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow());
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateEmail();
    throw err;
  }
  await syncMemberships(trx, actor, id, input.memberships);
  return loadUser(trx, id);
}

/** Memberships are never deleted: a removed one is deactivated, so history stays readable. */
async function syncMemberships(trx: Trx, actor: Actor, userId: string, wanted: Membership[]) {
  const existing = await trx.selectFrom('membership').where('user_id', '=', userId).selectAll().execute();
  const wantedKeys = new Set(wanted.map(key));
  for (const m of existing) {
    const active = wantedKeys.has(key({ organisationId: m.organisation_id, role: m.role }));
    if (m.active !== active) {
      await trx
        .updateTable('membership')
        .set({ active, version: m.version + 1, updated_by: actor.userId, updated_at: new Date() })
        .where('id', '=', m.id)
        .execute();
    }
  }
  const existingKeys = new Set(existing.map((m) => key({ organisationId: m.organisation_id, role: m.role })));
  const added = [...new Map(wanted.map((m) => [key(m), m])).values()].filter(
    (m) => !existingKeys.has(key(m)),
  );
  if (added.length > 0) {
    await trx
      .insertInto('membership')
      .values(
        added.map((m) => ({
          user_id: userId,
          organisation_id: m.organisationId,
          role: m.role,
          created_by: actor.userId,
          updated_by: actor.userId,
        })),
      )
      .execute();
  }
}

export async function changeUser(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof UserUpdateBody>,
  now: Date,
) {
  await checkOrganisations(trx, input.memberships);
  let updated: { id: string } | undefined;
  try {
    updated = await trx
      .updateTable('app_user')
      .set({
        email: input.email,
        first_name: input.firstName,
        last_name: input.lastName,
        active: input.active,
        oidc_subject: input.oidcSubject || null,
        ...(input.password ? { password_hash: await hashPassword(input.password) } : {}),
        version: input.version + 1,
        updated_by: actor.userId,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateEmail();
    throw err;
  }
  await requireUpdated(
    updated,
    () => trx.selectFrom('app_user').select('version').where('id', '=', id).executeTakeFirst(),
    'user',
  );
  await syncMemberships(trx, actor, id, input.memberships);
  // A deactivated user is signed out everywhere at once, not when the session would expire.
  if (!input.active) await revokeUserSessions(trx, id, now, 'user_deactivated');
  return loadUser(trx, id);
}
