import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: session tokens and CSRF tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as hashes, so a copy of the database does not let anyone sign in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
