import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id (v1.3); OWASP's minimum is m=19 MiB, t=2, p=1.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this when the user does not exist keeps the response time the same.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2b8XpqgGvf8v2lSGXlY1rKpZ7R3JvJ6fD6m4rFQKq5Y';

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(storedHash ?? DUMMY_HASH, password);
  } catch {
    return false;
  }
}

/** A password policy a person can meet: length over complexity (NIST SP 800-63B). */
export const PASSWORD_MIN_LENGTH = 12;
