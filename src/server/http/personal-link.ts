import { z } from 'zod';
import { hashToken, randomToken } from '../auth/tokens.ts';
import { AppError } from './errors.ts';

/**
 * Personal links answered without an account: the client's questionnaires and the work-trial supervisor's feedback
 * form. One set of rules for both: a random 256-bit token, stored only as its SHA-256; valid 14 days from sending;
 * dead once used; every dead or unknown token answers the same 404; rate-limited per address.
 */
export const LINK_VALID_MS = 14 * 86_400_000;

// Per IP address and route; a 256-bit token cannot be guessed anyway, this keeps scanners from trying.
export const LINK_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

/**
 * Every dead link answers exactly this, whether the token is unknown, guessed, used, revoked or expired, so
 * that the answer tells nothing about a link's existence or state.
 */
export const deadLink = () =>
  new AppError(
    404,
    'not_found',
    'This link is not in use. It may have expired or been used already. Ask your contact person for a new one.',
  );

export const LinkTokenParams = z.object({ token: z.string().max(200) });

/** A new token for a message and the hash that is stored; the token itself is never stored. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomToken();
  return { token, tokenHash: hashToken(token) };
}

export function linkExpiry(now: Date): Date {
  return new Date(now.getTime() + LINK_VALID_MS);
}

/** The page a link opens in the web app, e.g. `/q/<token>` or `/f/<token>`. */
export function personalLinkUrl(publicUrl: string, pathPrefix: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${pathPrefix}/${token}`;
}
