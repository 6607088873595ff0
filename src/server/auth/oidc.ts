import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { z } from 'zod';
import type { Config, OidcConfig } from '../config.ts';
import type { Trx } from '../db/database.ts';
import { activeMemberships } from './auth.service.ts';

/**
 * OpenID Connect sign-in for professionals: authorization code flow with PKCE (S256), state and nonce.
 * The provider proves who the person is; the account, its memberships and its session stay ours.
 */

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
export const OIDC_SCOPE = 'openid email';
// Each HTTP call to the provider (discovery, token, userinfo) gives up after this many seconds.
const PROVIDER_TIMEOUT_S = 10;
const TRANSACTION_TTL_MS = 10 * 60_000;

export type ProviderFailure = 'provider_unavailable' | 'provider_error' | 'token_error' | 'userinfo_error';

/** A failed exchange with the provider. `detail` is for the server log: error names and codes, never values. */
export class OidcProviderError extends Error {
  readonly result: ProviderFailure;
  readonly detail: Record<string, string>;
  constructor(result: ProviderFailure, cause: unknown) {
    super(`OpenID Connect: ${result}`);
    this.result = result;
    const e = cause as { name?: unknown; code?: unknown; error?: unknown } | null;
    this.detail = {};
    if (typeof e?.name === 'string') this.detail.name = e.name;
    if (typeof e?.code === 'string') this.detail.code = e.code;
    if (typeof e?.error === 'string') this.detail.error = e.error;
  }
}

async function atProvider<T>(failure: ProviderFailure, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof OidcProviderError) throw err;
    throw new OidcProviderError(
      failure === 'token_error' && err instanceof client.AuthorizationResponseError
        ? 'provider_error'
        : failure,
      err,
    );
  }
}

export function callbackUrl(config: Config): string {
  return `${config.publicUrl.replace(/\/+$/, '')}${OIDC_CALLBACK_PATH}`;
}

// One discovery per configuration, that is per process, made by the first login. A failed discovery
// (the provider was down) is forgotten so that the next login tries again.
const discovered = new WeakMap<OidcConfig, Promise<client.Configuration>>();

export function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  const cached = discovered.get(oidc);
  if (cached) return cached;
  const pending = client.discovery(
    new URL(oidc.issuer),
    oidc.clientId,
    oidc.clientSecret ? { client_secret: oidc.clientSecret } : undefined,
    // client_secret_basic is the registration default (OpenID Connect Registration §2); a client
    // without a secret is a public client protected by PKCE alone.
    oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None(),
    {
      // openid-client refuses http:// unless told; OIDC_ALLOW_HTTP is for a local test provider only.
      execute: oidc.allowHttp ? [client.allowInsecureRequests] : [],
      timeout: PROVIDER_TIMEOUT_S,
    },
  );
  discovered.set(oidc, pending);
  pending.catch(() => {
    if (discovered.get(oidc) === pending) discovered.delete(oidc);
  });
  return pending;
}

/**
 * A same-site path to return to after signing in ("/clients?q=x"), or null. Refuses absolute URLs,
 * protocol-relative ones ("//host", "/\host") and anything that normalises into one.
 */
export function safeReturnPath(value: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (value.length > 2000 || !value.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(value)) return null;
  if (value.startsWith('//')) return null;
  const base = 'http://return-path.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === base && !path.startsWith('//') ? path : null;
}

/*
 * The login transaction (state, nonce, PKCE code verifier, return path) waits for the provider's answer
 * in a cookie: httpOnly, SameSite=Lax (the provider's redirect back is a top-level GET navigation, so
 * Lax cookies come with it), 10 minutes, cleared by the callback whatever happens. The values are only
 * useful together with the authorization code the provider sends to this browser, and the code only
 * together with the verifier, so nothing here signs or encrypts them and no table is needed (any app
 * instance can finish the login). Over https the cookie carries the __Host- prefix, so that a sibling
 * subdomain cannot plant a transaction of its own (login CSRF); the return path is checked again when
 * it is read back, and the cookie's age on the server as well as in the browser.
 */
const Transaction = z.object({
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  codeVerifier: z.string().min(43).max(128),
  returnTo: z.string().max(2000),
  issuedAt: z.number().int(),
});
export type OidcTransaction = z.infer<typeof Transaction>;

export function transactionCookieName(config: Config): string {
  return config.cookieSecure ? '__Host-tkp_oidc' : 'tkp_oidc';
}

function transactionCookieOptions(config: Config) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure } as const;
}

export function setTransactionCookie(reply: FastifyReply, config: Config, tx: OidcTransaction): void {
  reply.setCookie(transactionCookieName(config), Buffer.from(JSON.stringify(tx)).toString('base64url'), {
    ...transactionCookieOptions(config),
    maxAge: TRANSACTION_TTL_MS / 1000,
  });
}

export function clearTransactionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(transactionCookieName(config), transactionCookieOptions(config));
}

/** The transaction of this browser's login, if it is there, well-formed and not older than 10 minutes. */
export function readTransactionCookie(
  request: FastifyRequest,
  config: Config,
  now: Date,
): OidcTransaction | null {
  const raw = request.cookies[transactionCookieName(config)];
  if (!raw || raw.length > 4096) return null;
  let parsed: ReturnType<typeof Transaction.safeParse>;
  try {
    parsed = Transaction.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  // A minute's tolerance for the clocks of two app instances (started on one, finished on another).
  const age = now.getTime() - parsed.data.issuedAt;
  if (age < -60_000 || age > TRANSACTION_TTL_MS) return null;
  const returnTo = safeReturnPath(parsed.data.returnTo);
  return returnTo ? { ...parsed.data, returnTo } : null;
}

/** Starts a login: the provider's authorization URL and the transaction to keep until the callback. */
export async function beginLogin(
  config: Config,
  oidc: OidcConfig,
  returnTo: string,
  now: Date,
): Promise<{ location: string; transaction: OidcTransaction }> {
  const provider = await atProvider('provider_unavailable', () => providerConfiguration(oidc));
  const transaction: OidcTransaction = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    returnTo,
    issuedAt: now.getTime(),
  };
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: callbackUrl(config),
    scope: OIDC_SCOPE,
    response_type: 'code',
    state: transaction.state,
    nonce: transaction.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(transaction.codeVerifier),
    code_challenge_method: 'S256',
  });
  return { location: url.href, transaction };
}

/** The callback as the provider addressed it: our registered redirect URI with the request's query. */
export function callbackRequestUrl(config: Config, requestUrl: string): URL {
  const url = new URL(callbackUrl(config));
  url.search = new URL(requestUrl, 'http://request.invalid').search;
  return url;
}

export function sameState(received: string | null, expected: string): boolean {
  if (!received || received.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(received), Buffer.from(expected));
}

export interface ProviderIdentity {
  subject: string;
  /** The e-mail claim, from the ID token or else the userinfo endpoint; asked only when needed. */
  email(): Promise<{ email: string | null; emailVerified: boolean | undefined }>;
}

/**
 * Exchanges the code (with the PKCE verifier) and validates the response's state and issuer and the
 * ID token's signature, audience, expiry and nonce (openid-client does each). Throws OidcProviderError.
 */
export async function finishLogin(
  oidc: OidcConfig,
  currentUrl: URL,
  tx: OidcTransaction,
): Promise<ProviderIdentity> {
  const provider = await atProvider('provider_unavailable', () => providerConfiguration(oidc));
  const tokens = await atProvider('token_error', () =>
    client.authorizationCodeGrant(provider, currentUrl, {
      pkceCodeVerifier: tx.codeVerifier,
      expectedState: tx.state,
      expectedNonce: tx.nonce,
      idTokenExpected: true,
    }),
  );
  const claims = tokens.claims();
  if (!claims?.sub) throw new OidcProviderError('token_error', new Error('the ID token has no subject'));
  const subject = claims.sub;
  return {
    subject,
    async email() {
      let source: Record<string, unknown> = claims;
      // Many providers put only `sub` in an ID token from the token endpoint: ask userinfo for the rest.
      if (typeof claims.email !== 'string' && provider.serverMetadata().userinfo_endpoint) {
        source = await atProvider('userinfo_error', () =>
          client.fetchUserInfo(provider, tokens.access_token, subject),
        );
      }
      return {
        email: typeof source.email === 'string' && source.email.trim() !== '' ? source.email.trim() : null,
        emailVerified: typeof source.email_verified === 'boolean' ? source.email_verified : undefined,
      };
    },
  };
}

export type OidcUserResult =
  | { ok: true; userId: string; membershipId: string; linked: boolean }
  | {
      ok: false;
      userId?: string;
      result: 'unknown_user' | 'inactive_user' | 'email_unverified' | 'subject_mismatch' | 'no_membership';
    };

/**
 * Finds the account of the provider's subject: an account already linked to the subject, or else the
 * account with the same e-mail address (case-insensitive), which is then linked to the subject (the
 * first login links it). Refuses unknown and inactive accounts, an e-mail the provider says is not
 * verified, and an account already linked to another subject.
 */
export async function resolveOidcUser(
  trx: Trx,
  identity: ProviderIdentity,
  now: Date,
): Promise<OidcUserResult> {
  const bySubject = await trx
    .selectFrom('app_user')
    .where('oidc_subject', '=', identity.subject)
    .select(['id', 'active'])
    .executeTakeFirst();
  let user: { id: string; active: boolean } | undefined = bySubject;
  let linked = false;
  if (!user) {
    const { email, emailVerified } = await identity.email();
    if (!email) return { ok: false, result: 'unknown_user' };
    const byEmail = await trx
      .selectFrom('app_user')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .select(['id', 'active', 'oidc_subject'])
      .executeTakeFirst();
    if (!byEmail) return { ok: false, result: 'unknown_user' };
    if (!byEmail.active) return { ok: false, userId: byEmail.id, result: 'inactive_user' };
    if (emailVerified === false) return { ok: false, userId: byEmail.id, result: 'email_unverified' };
    if (byEmail.oidc_subject !== null) return { ok: false, userId: byEmail.id, result: 'subject_mismatch' };
    user = byEmail;
    linked = true;
  }
  if (!user.active) return { ok: false, userId: user.id, result: 'inactive_user' };
  // The first active membership, exactly as the password login chooses it.
  const [membership] = await activeMemberships(trx, user.id);
  if (!membership) return { ok: false, userId: user.id, result: 'no_membership' };
  if (linked) {
    // A new version, so that an administrator's form opened before this login cannot silently unlink it.
    await trx
      .updateTable('app_user')
      .set((eb) => ({
        oidc_subject: identity.subject,
        version: eb('version', '+', 1),
        updated_at: now,
        updated_by: user.id,
      }))
      .where('id', '=', user.id)
      .where('oidc_subject', 'is', null)
      .execute();
  }
  return { ok: true, userId: user.id, membershipId: membership.id, linked };
}
