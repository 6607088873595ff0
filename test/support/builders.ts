import { FinnishBusinessIds } from 'finnish-business-ids';
import { syntheticIdentityCode } from '../../src/modules/clients/identity-code.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import type { Db } from '../../src/server/db/database.ts';
import type { Role } from '../../src/server/policy/roles.ts';

let sequence = 0;
const next = () => ++sequence;
export const TEST_PASSWORD = 'test-password-123';
let cachedHash: Promise<string> | undefined;

export async function makeOrganisation(
  db: Db,
  overrides: Partial<{ name: string; type: string; municipality: string }> = {},
) {
  const n = next();
  const base = String(2_000_000 + n * 17).padStart(7, '0');
  return db
    .insertInto('organisation')
    .values({
      name: overrides.name ?? `Testiorganisaatio ${n}`,
      type: overrides.type ?? 'sote_centre',
      business_id: `${base}-${FinnishBusinessIds.calculateChecksum(base)}`,
      municipality: overrides.municipality ?? 'Kuopio',
      created_by: null,
      updated_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeUser(
  db: Db,
  organisationId: string,
  role: Role,
  overrides: Partial<{ email: string }> = {},
) {
  const n = next();
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const user = await db
    .insertInto('app_user')
    .values({
      email: overrides.email ?? `user${n}-${role}@test.invalid`,
      first_name: 'Testi',
      last_name: `Käyttäjä${n}`,
      password_hash: await cachedHash,
      oidc_subject: null,
      created_by: null,
      updated_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const membership = await db
    .insertInto('membership')
    .values({ user_id: user.id, organisation_id: organisationId, role, created_by: null, updated_by: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...user, membershipId: membership.id, organisationId, role, password: TEST_PASSWORD };
}

/** A synthetic identity code not used before in this test process. */
export function nextIdentityCode(): string {
  const n = next();
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(n / 28) % 12) + 1).padStart(2, '0');
  return syntheticIdentityCode(`19${70 + (Math.floor(n / 336) % 30)}-${month}-${day}`, 900 + (n % 100));
}

export async function makeClient(
  db: Db,
  organisationId: string,
  createdBy: string,
  overrides: Partial<{ firstName: string; lastName: string; identityCode: string }> = {},
) {
  const code = overrides.identityCode ?? nextIdentityCode();
  const { parseIdentityCode } = await import('../../src/modules/clients/identity-code.ts');
  const parsed = parseIdentityCode(code);
  if (!parsed.valid) throw new Error(`bad test identity code ${code}`);
  return db
    .insertInto('client')
    .values({
      identity_code: parsed.code,
      date_of_birth: parsed.dateOfBirth,
      sex: parsed.sex,
      first_name: overrides.firstName ?? 'Asiakas',
      last_name: overrides.lastName ?? `Testinen${next()}`,
      phone: '+358 40 000 0000',
      email: null,
      street_address: null,
      postal_code: null,
      post_office: null,
      municipality: 'Kuopio',
      preferred_language: 'fi',
      contact_preference: 'sms',
      registering_organisation_id: organisationId,
      created_by: createdBy,
      updated_by: createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
