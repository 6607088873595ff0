import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error oidc-provider ships no type declarations; the little used here is typed below.
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestContext, type TestContext } from '../../../test/support/app.ts';
import { makeOrganisation, makeUser } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { loadConfig } from '../config.ts';
import { safeReturnPath, transactionCookieName } from './oidc.ts';

const PUBLIC_URL = 'https://tyokykypolku.test';
const CLIENT_ID = 'tyokykypolku-test';
const CLIENT_SECRET = randomBytes(24).toString('base64url');

interface Interaction {
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: { client_id: string };
  session?: { accountId: string };
  grantId?: string;
}
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}
interface OidcProvider {
  callback(): http.RequestListener;
  interactionDetails(req: http.IncomingMessage, res: http.ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: { new (init: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant> };
}
const OidcProviderClass = Provider as new (
  issuer: string,
  configuration: Record<string, unknown>,
) => OidcProvider;

interface ProviderAccount {
  email: string;
  emailVerified?: boolean;
}

/**
 * A real OpenID Connect provider on 127.0.0.1 (http, random port). Its login interaction signs in
 * whichever account the test put in `signInAs` (none: the person cancels), and its consent interaction
 * grants what was asked.
 */
class TestProvider {
  readonly accounts = new Map<string, ProviderAccount>();
  signInAs = '';
  issuer = '';
  #server: http.Server | undefined;

  async start(redirectUri: string): Promise<void> {
    let provider: OidcProvider | undefined;
    let handle: http.RequestListener | undefined;
    this.#server = http.createServer((req, res) => {
      if (!provider || !handle) return void res.writeHead(503).end();
      if (req.url?.startsWith('/interaction/')) {
        this.#interact(provider, req, res).catch((err: unknown) => {
          res.writeHead(500).end(String(err));
        });
        return;
      }
      handle(req, res);
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      format: 'jwk',
    });
    provider = new OidcProviderClass(this.issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      jwks: { keys: [{ ...signingKey, use: 'sig', kid: 'test-key' }] },
      cookies: { keys: [randomBytes(16).toString('hex')] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      features: { devInteractions: { enabled: false } },
      ttl: {
        AccessToken: 600,
        AuthorizationCode: 60,
        Grant: 600,
        IdToken: 600,
        Interaction: 600,
        Session: 600,
      },
      findAccount: async (_ctx: unknown, sub: string) => {
        const account = this.accounts.get(sub);
        if (!account) return undefined;
        return {
          accountId: sub,
          claims: async () => ({ sub, email: account.email, email_verified: account.emailVerified ?? true }),
        };
      },
    });
    handle = provider.callback();
  }

  async #interact(
    provider: OidcProvider,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      const result = this.signInAs
        ? { login: { accountId: this.signInAs } }
        : { error: 'access_denied', error_description: 'The person cancelled.' };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      return;
    }
    const accountId = details.session?.accountId ?? this.signInAs;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: details.params.client_id });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } });
  }

  /**
   * Follows the provider's redirects as a browser would (with the provider's cookies), from the
   * authorization URL to the redirect back to the app, and returns that callback URL.
   */
  async authorize(authorizationUrl: string): Promise<URL> {
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    for (let hop = 0; hop < 10; hop++) {
      expect(url.origin).toBe(this.issuer);
      const res = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const eq = pair.indexOf('=');
        jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      }
      const location = res.headers.get('location');
      if (!location)
        throw new Error(`the provider answered ${res.status} without a redirect: ${await res.text()}`);
      url = new URL(location, url);
      if (url.origin !== this.issuer) return url;
    }
    throw new Error('too many redirects at the provider');
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server?.closeAllConnections();
      this.#server?.close(() => resolve());
    });
  }
}

const TRANSACTION_COOKIE = '__Host-tkp_oidc';
const pathOf = (url: URL) => `${url.pathname}${url.search}`;

describeEachEngine('OpenID Connect login', (engine) => {
  const provider = new TestProvider();
  let ctx: TestContext;
  let org: { id: string };
  let sequence = 0;

  beforeAll(async () => {
    await provider.start(`${PUBLIC_URL}/api/auth/oidc/callback`);
    ctx = await createTestContext(engine, {
      PUBLIC_URL,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_ALLOW_HTTP: 'true',
    });
    org = await makeOrganisation(ctx.db);
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.handle.close();
    await provider.stop();
  });

  /** A provider account of its own for each test. */
  function providerAccount(email: string, emailVerified?: boolean): string {
    const sub = `sub-${engine}-${++sequence}-${randomBytes(4).toString('hex')}`;
    provider.accounts.set(sub, { email, ...(emailVerified === undefined ? {} : { emailVerified }) });
    return sub;
  }

  /** Start → the provider (signed in as `sub`) → the callback URL, in one browser. */
  async function toCallback(browser: ApiClient, sub: string, returnTo = '/') {
    const start = await browser.get(`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
    expect(start.status).toBe(302);
    provider.signInAs = sub;
    return provider.authorize(String(start.headers.location));
  }

  async function signIn(sub: string, returnTo = '/') {
    const browser = new ApiClient(ctx.app);
    const callback = await toCallback(browser, sub, returnTo);
    const res = await browser.get(pathOf(callback));
    expect(res.status).toBe(302);
    return { browser, location: String(res.headers.location) };
  }

  // Every row has the test clock's time, so "the latest" is the one row this test has not seen yet.
  const seenFinishes = new Set<string>();
  async function lastFinish() {
    const rows = await ctx.db
      .selectFrom('audit_event')
      .where('event', '=', 'OidcLoginFinish')
      .selectAll()
      .execute();
    const fresh = rows.filter((r) => !seenFinishes.has(r.id));
    for (const r of fresh) seenFinishes.add(r.id);
    expect(fresh).toHaveLength(1);
    return fresh[0];
  }

  it('sends the browser to the provider with PKCE, state and nonce, keeping them in a short-lived cookie', async () => {
    const res = await new ApiClient(ctx.app).get('/api/auth/oidc/start?returnTo=%2Fclients');
    expect(res.status).toBe(302);
    const location = new URL(String(res.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(`${provider.issuer}/auth`);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      redirect_uri: `${PUBLIC_URL}/api/auth/oidc/callback`,
      response_type: 'code',
      scope: 'openid email',
      code_challenge_method: 'S256',
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(location.searchParams.get(p)).toBeTruthy();
    const cookie = (
      res.raw.cookies as {
        name: string;
        httpOnly?: boolean;
        sameSite?: string;
        maxAge?: number;
        secure?: boolean;
        path?: string;
      }[]
    ).find((c) => c.name === TRANSACTION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', maxAge: 600, secure: true, path: '/' });
  });

  it('links a known user found by e-mail (any case), starts a session and returns to the page asked for', async () => {
    const user = await makeUser(ctx.db, org.id, 'coordinator');
    const sub = providerAccount(user.email.toUpperCase());
    const { browser, location } = await signIn(sub, '/clients?q=Aino');
    expect(location).toBe('/clients?q=Aino');

    const session = await browser.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      authenticated: true,
      user: { id: user.id },
      membership: { id: user.membershipId, role: 'coordinator' },
    });
    expect(browser.cookies.has(TRANSACTION_COOKIE)).toBe(false);

    const stored = await ctx.db
      .selectFrom('app_user')
      .where('id', '=', user.id)
      .select(['oidc_subject', 'version'])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ oidc_subject: sub, version: user.version + 1 });

    const finish = await lastFinish();
    expect(finish).toMatchObject({
      outcome: 'allowed',
      action: 'session.create',
      target_id: user.id,
      metadata: { result: 'account_linked' },
    });
    // No claims in the log: neither the subject nor the e-mail address.
    const logged = JSON.stringify(finish);
    expect(logged).not.toContain(sub);
    expect(logged.toLowerCase()).not.toContain(user.email.toLowerCase());
    const started = await ctx.db
      .selectFrom('audit_event')
      .where('event', '=', 'OidcLoginStart')
      .where('outcome', '=', 'allowed')
      .select('metadata')
      .execute();
    expect(started.length).toBeGreaterThan(0);
  });

  it('finds the user by subject on the next login, whatever the e-mail address', async () => {
    const user = await makeUser(ctx.db, org.id, 'physician');
    const sub = providerAccount(user.email);
    await signIn(sub);
    expect(await lastFinish()).toMatchObject({ metadata: { result: 'account_linked' } });
    // The address changes on both sides: the subject alone identifies the person now.
    await ctx.db
      .updateTable('app_user')
      .set({ email: `renamed-${sequence}@test.invalid` })
      .where('id', '=', user.id)
      .execute();
    provider.accounts.set(sub, { email: `elsewhere-${sequence}@provider.invalid` });

    const { browser, location } = await signIn(sub);
    expect(location).toBe('/');
    const session = await browser.get('/api/auth/session');
    expect(session.body).toMatchObject({ authenticated: true, user: { id: user.id } });
    expect(await lastFinish()).toMatchObject({
      outcome: 'allowed',
      target_id: user.id,
      metadata: { result: 'signed_in' },
    });
  });

  it('refuses an unknown user with a redirect to the login page', async () => {
    const sub = providerAccount('nobody@provider.invalid');
    const { browser, location } = await signIn(sub);
    expect(location).toBe('/login?error=oidc_unknown_user');
    expect(browser.cookies.has('tkp_session')).toBe(false);
    expect((await browser.get('/api/auth/session')).body.authenticated).toBe(false);
    expect(await lastFinish()).toMatchObject({
      outcome: 'failed',
      target_id: null,
      metadata: { result: 'unknown_user' },
    });
  });

  it('refuses an inactive user, and does not link the account', async () => {
    const user = await makeUser(ctx.db, org.id, 'nurse');
    await ctx.db.updateTable('app_user').set({ active: false }).where('id', '=', user.id).execute();
    const { browser, location } = await signIn(providerAccount(user.email));
    expect(location).toBe('/login?error=oidc_unknown_user');
    expect(browser.cookies.has('tkp_session')).toBe(false);
    const stored = await ctx.db
      .selectFrom('app_user')
      .where('id', '=', user.id)
      .select('oidc_subject')
      .executeTakeFirstOrThrow();
    expect(stored.oidc_subject).toBeNull();
    expect(await lastFinish()).toMatchObject({
      outcome: 'failed',
      target_id: user.id,
      metadata: { result: 'inactive_user' },
    });
  });

  it('does not link by e-mail when the provider says the address is not verified', async () => {
    const user = await makeUser(ctx.db, org.id, 'nurse');
    const { location } = await signIn(providerAccount(user.email, false));
    expect(location).toBe('/login?error=oidc_unknown_user');
    expect(await lastFinish()).toMatchObject({ outcome: 'failed', metadata: { result: 'email_unverified' } });
  });

  it('refuses an account already linked to another subject', async () => {
    const user = await makeUser(ctx.db, org.id, 'coordinator');
    await ctx.db
      .updateTable('app_user')
      .set({ oidc_subject: `other-${user.id}` })
      .where('id', '=', user.id)
      .execute();
    const { browser, location } = await signIn(providerAccount(user.email));
    expect(location).toBe('/login?error=oidc_unknown_user');
    expect(browser.cookies.has('tkp_session')).toBe(false);
    expect(await lastFinish()).toMatchObject({
      outcome: 'failed',
      target_id: user.id,
      metadata: { result: 'subject_mismatch' },
    });
  });

  it('refuses a user without an active membership', async () => {
    const user = await makeUser(ctx.db, org.id, 'coordinator');
    await ctx.db
      .updateTable('membership')
      .set({ active: false })
      .where('id', '=', user.membershipId)
      .execute();
    const { browser, location } = await signIn(providerAccount(user.email));
    expect(location).toBe('/login?error=oidc_no_membership');
    expect(browser.cookies.has('tkp_session')).toBe(false);
    expect(await lastFinish()).toMatchObject({
      outcome: 'failed',
      target_id: user.id,
      metadata: { result: 'no_membership' },
    });
  });

  it('returns to the login page when the person cancels at the provider', async () => {
    const { browser, location } = await signIn('');
    expect(location).toBe('/login?error=oidc_failed');
    expect(browser.cookies.has('tkp_session')).toBe(false);
    expect(await lastFinish()).toMatchObject({ outcome: 'failed', metadata: { result: 'provider_error' } });
  });

  it('refuses a tampered state, and the transaction cannot be retried', async () => {
    const user = await makeUser(ctx.db, org.id, 'coordinator');
    const browser = new ApiClient(ctx.app);
    const callback = await toCallback(browser, providerAccount(user.email));
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')?.slice(0, -2)}xx`);
    const res = await browser.get(pathOf(tampered));
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login?error=oidc_failed');
    expect(browser.cookies.has('tkp_session')).toBe(false);
    expect(await lastFinish()).toMatchObject({ outcome: 'failed', metadata: { result: 'state_mismatch' } });

    // The transaction cookie was cleared: even the genuine answer is refused now.
    const retry = await browser.get(pathOf(callback));
    expect(retry.headers.location).toBe('/login?error=oidc_failed');
    expect(await lastFinish()).toMatchObject({
      outcome: 'failed',
      metadata: { result: 'missing_transaction' },
    });
    const stored = await ctx.db
      .selectFrom('app_user')
      .where('id', '=', user.id)
      .select('oidc_subject')
      .executeTakeFirstOrThrow();
    expect(stored.oidc_subject).toBeNull();
  });

  it('refuses a callback in a browser that did not start the login (login CSRF)', async () => {
    const callback = await toCallback(
      new ApiClient(ctx.app),
      providerAccount('victim-or-attacker@provider.invalid'),
    );
    const other = new ApiClient(ctx.app);
    const res = await other.get(pathOf(callback));
    expect(res.headers.location).toBe('/login?error=oidc_failed');
    expect(other.cookies.has('tkp_session')).toBe(false);
    expect(await lastFinish()).toMatchObject({
      outcome: 'failed',
      metadata: { result: 'missing_transaction' },
    });
  });

  it('accepts only a path on this site as returnTo', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'clients']) {
      const res = await new ApiClient(ctx.app).get(
        `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
      );
      expect(res.status, returnTo).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe('querystring.returnTo');
    }
  });
});

describeEachEngine('OpenID Connect login, not configured', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.handle.close();
  });

  it('answers 404 on both steps, and the session says OIDC is off', async () => {
    const browser = new ApiClient(ctx.app);
    for (const url of ['/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y']) {
      const res = await browser.get(url);
      expect(res.status, url).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await browser.get('/api/auth/session')).body.oidcEnabled).toBe(false);
  });
});

describeEachEngine('OpenID Connect login, provider unreachable', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    // A port that was just free: nothing answers there.
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    ctx = await createTestContext(engine, {
      PUBLIC_URL,
      OIDC_ISSUER: `http://127.0.0.1:${port}`,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_ALLOW_HTTP: 'true',
    });
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.handle.close();
  });

  it('sends the browser back to the login page and logs the failure', async () => {
    const browser = new ApiClient(ctx.app);
    const res = await browser.get('/api/auth/oidc/start');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login?error=oidc_unavailable');
    expect(browser.cookies.has(TRANSACTION_COOKIE)).toBe(false);
    const row = await ctx.db
      .selectFrom('audit_event')
      .where('event', '=', 'OidcLoginStart')
      .select(['outcome', 'metadata'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ outcome: 'failed', metadata: { result: 'provider_unavailable' } });
  });
});

describe('OpenID Connect login, pure parts', () => {
  it('names the transaction cookie without the __Host- prefix only over plain http (development)', () => {
    expect(transactionCookieName(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }))).toBe('tkp_oidc');
    expect(transactionCookieName(loadConfig({ PUBLIC_URL: 'https://tkp.example' }))).toBe('__Host-tkp_oidc');
  });

  it('keeps a return path on this site', () => {
    expect(safeReturnPath('/clients/1?tab=consents#top')).toBe('/clients/1?tab=consents#top');
    expect(safeReturnPath('/a/../b')).toBe('/b');
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      '/a/../..//evil.example',
      '/\t/evil.example',
      '',
    ]) {
      expect(safeReturnPath(bad), bad).toBeNull();
    }
  });
});
