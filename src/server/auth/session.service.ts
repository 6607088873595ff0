import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Trx } from '../db/database.ts';
import type { Actor } from '../policy/actor.ts';
import { findLiveSession, insertSession, revokeSession, touchSession } from './session.repository.ts';
import { hashToken, randomToken } from './tokens.ts';

export const SESSION_COOKIE = 'tkp_session';
export const CSRF_COOKIE = 'tkp_csrf';
export const CSRF_HEADER = 'x-csrf-token';
// Writing last_seen_at on every request would make each read a write; a minute's precision is enough.
const TOUCH_INTERVAL_MS = 60_000;

export interface AuthenticatedSession {
  actor: Actor;
  csrfToken: string;
}

export async function startSession(
  trx: Trx,
  reply: FastifyReply,
  config: Config,
  input: { userId: string; membershipId: string; now: Date },
): Promise<AuthenticatedSession['csrfToken']> {
  const token = randomToken();
  const csrfToken = randomToken();
  await insertSession(trx, {
    tokenHash: hashToken(token),
    userId: input.userId,
    membershipId: input.membershipId,
    csrfToken,
    expiresAt: new Date(input.now.getTime() + config.sessionAbsoluteMs),
    now: input.now,
  });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
  });
  setCsrfCookie(reply, config, csrfToken);
  return csrfToken;
}

export function setCsrfCookie(reply: FastifyReply, config: Config, csrfToken: string): void {
  reply.setCookie(CSRF_COOKIE, csrfToken, {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure: config.cookieSecure,
  });
}

/** Idle timeout and absolute lifetime are both enforced here; an expired session is revoked on sight. */
export async function authenticate(
  trx: Trx,
  request: FastifyRequest,
  config: Config,
  now: Date,
): Promise<AuthenticatedSession | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const tokenHash = hashToken(token);
  const session = await findLiveSession(trx, tokenHash);
  if (!session) return null;
  const idleFor = now.getTime() - session.last_seen_at.getTime();
  if (now >= session.expires_at || idleFor > config.sessionIdleMs) {
    await revokeSession(trx, tokenHash, now, now >= session.expires_at ? 'absolute_timeout' : 'idle_timeout');
    return null;
  }
  if (idleFor > TOUCH_INTERVAL_MS) await touchSession(trx, tokenHash, now);
  return {
    actor: {
      userId: session.user_id,
      membershipId: session.membership_id,
      organisationId: session.organisation_id,
      role: session.role,
      sessionTokenHash: tokenHash,
    },
    csrfToken: session.csrf_token,
  };
}

export function clearSessionCookies(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
  });
}
