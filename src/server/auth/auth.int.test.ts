import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser, TEST_PASSWORD } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { hashToken } from './tokens.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describeEachEngine('sign-in and sessions', (engine) => {
  const ctx = useTestContext(engine);
  let orgA: { id: string };
  let orgB: { id: string };
  // Works as a coordinator in A and as a physician in B.
  let worker: Awaited<ReturnType<typeof makeUser>>;
  let membershipInB: string;
  let other: Awaited<ReturnType<typeof makeUser>>;
  let inactive: Awaited<ReturnType<typeof makeUser>>;
  let clientOfB: { id: string };
  let ipCounter = 0;

  beforeAll(async () => {
    const { db } = ctx();
    orgA = await makeOrganisation(db, { name: 'Alfa sote-keskus' });
    orgB = await makeOrganisation(db, { name: 'Beta työllisyyspalvelut' });
    worker = await makeUser(db, orgA.id, 'coordinator');
    membershipInB = (
      await db
        .insertInto('membership')
        .values({
          user_id: worker.id,
          organisation_id: orgB.id,
          role: 'physician',
          created_by: null,
          updated_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    other = await makeUser(db, orgB.id, 'nurse');
    inactive = await makeUser(db, orgA.id, 'nurse');
    await db
      .updateTable('app_user')
      .set({ active: false, updated_by: null })
      .where('id', '=', inactive.id)
      .execute();
    clientOfB = await makeClient(db, orgB.id, other.id);
  });

  /**
   * A login from its own address: only the login is rate-limited (per IP), so each test signs in from an
   * address of its own and the tests do not use up each other's attempts.
   */
  async function loginFrom(ip: string, email: string, password: string) {
    const { app } = ctx();
    const anonymous = await app.inject({ method: 'GET', url: '/api/auth/session', remoteAddress: ip });
    const csrf = anonymous.json().csrfToken as string;
    return app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      payload: { email, password },
      headers: { cookie: `tkp_csrf=${csrf}`, 'x-csrf-token': csrf },
    });
  }
  const nextIp = () => `192.0.2.${++ipCounter}`;

  async function signIn(user: { email: string }): Promise<ApiClient> {
    const res = await loginFrom(nextIp(), user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const client = new ApiClient(ctx().app);
    for (const c of res.cookies as { name: string; value: string }[]) client.cookies.set(c.name, c.value);
    client.csrfToken = res.json().csrfToken;
    return client;
  }

  /** A request with the session cookies but without the x-csrf-token header. */
  function withoutCsrfHeader(client: ApiClient, method: 'POST' | 'PUT', url: string, payload: object) {
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return ctx().app.inject({ method, url, payload, headers: { cookie } });
  }

  const auditRows = (event: string) =>
    ctx()
      .db.selectFrom('audit_event')
      .where('event', '=', event)
      .selectAll()
      .orderBy('occurred_at')
      .execute();
  const sessionsOf = (userId: string) =>
    ctx().db.selectFrom('user_session').where('user_id', '=', userId).selectAll().execute();

  it('answers 401 without a session', async () => {
    const anonymous = new ApiClient(ctx().app);
    const res = await anonymous.get('/api/organisations');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
    const logout = await anonymous.post('/api/auth/logout');
    expect(logout.status).toBe(401);
  });

  it('names each invalid field of a login with 400', async () => {
    const res = await new ApiClient(ctx().app).post('/api/auth/login', { email: '', password: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const fields = res.body.error.details.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['body.email', 'body.password']);
  });

  it('refuses a login without the CSRF token with 403 csrf_failed and starts no session', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: nextIp(),
      payload: { email: other.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    expect(res.cookies.find((c) => c.name === 'tkp_session')).toBeUndefined();
    expect(await sessionsOf(other.id)).toHaveLength(0);
  });

  it('refuses a write without the x-csrf-token header with 403 csrf_failed and changes nothing', async () => {
    const client = await signIn(worker);
    const switched = await withoutCsrfHeader(client, 'POST', '/api/auth/membership', {
      membershipId: membershipInB,
    });
    expect(switched.statusCode).toBe(403);
    expect(switched.json().error.code).toBe('csrf_failed');
    const loggedOut = await withoutCsrfHeader(client, 'POST', '/api/auth/logout', {});
    expect(loggedOut.statusCode).toBe(403);
    const wrongToken = await client.request(
      'POST',
      '/api/auth/logout',
      {},
      { 'x-csrf-token': 'not-the-token' },
    );
    expect(wrongToken.status).toBe(403);

    const session = await client.get('/api/auth/session');
    expect(session.body).toMatchObject({
      authenticated: true,
      membership: { organisationId: orgA.id, role: 'coordinator' },
    });
    const failed = (await auditRows('SessionSwitchMembership')).filter((r) => r.user_id === worker.id);
    expect(failed.map((r) => r.outcome)).toEqual(['failed']);
  });

  it('answers 404 to switching to a membership that is not one’s own', async () => {
    const client = await signIn(other);
    const res = await client.post('/api/auth/membership', { membershipId: membershipInB });
    expect(res.status).toBe(404);
    expect((await client.get('/api/auth/session')).body.membership.organisationId).toBe(orgB.id);
  });

  it('signs in: an HttpOnly session cookie, stored only as a hash, and a logged SessionCreate', async () => {
    const ip = nextIp();
    const res = await loginFrom(ip, worker.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      authenticated: true,
      user: { id: worker.id, email: worker.email },
      // The first organisation by name is the default.
      membership: { organisationId: orgA.id, organisationName: 'Alfa sote-keskus', role: 'coordinator' },
      memberships: [
        { organisationId: orgA.id, role: 'coordinator' },
        { id: membershipInB, organisationId: orgB.id, role: 'physician' },
      ],
    });
    const cookie = res.cookies.find((c) => c.name === 'tkp_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const stored = await ctx()
      .db.selectFrom('user_session')
      .where('token_hash', '=', hashToken(cookie.value))
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(stored.user_id).toBe(worker.id);
    expect(
      await ctx()
        .db.selectFrom('user_session')
        .where('token_hash', '=', cookie.value)
        .select('user_id')
        .execute(),
    ).toEqual([]);
    const audit = (await auditRows('SessionCreate')).filter((r) => r.ip === ip);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'session.create',
      outcome: 'allowed',
      target_id: worker.id,
      purpose: 'service_use',
    });
  });

  it('refuses a wrong password with 401 invalid_credentials and logs the attempt without the password', async () => {
    const wrong = 'wrong-password-987';
    const res = await loginFrom(nextIp(), other.email, wrong);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({
      code: 'invalid_credentials',
      message: 'The e-mail address or password is wrong.',
    });
    expect(res.cookies.find((c) => c.name === 'tkp_session')).toBeUndefined();
    const rows = (await auditRows('SessionCreate')).filter(
      (r) => r.target_id === other.id && r.outcome === 'failed',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: null, metadata: { result: 'wrong_password' } });
    const everything = JSON.stringify(await ctx().db.selectFrom('audit_event').selectAll().execute());
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(TEST_PASSWORD);
  });

  it('answers an unknown address and a deactivated user exactly like a wrong password', async () => {
    const unknown = await loginFrom(nextIp(), 'nobody@test.invalid', TEST_PASSWORD);
    const deactivated = await loginFrom(nextIp(), inactive.email, TEST_PASSWORD);
    for (const res of [unknown, deactivated]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({
        code: 'invalid_credentials',
        message: 'The e-mail address or password is wrong.',
      });
    }
    const results = (await auditRows('SessionCreate'))
      .filter((r) => r.outcome === 'failed')
      .map((r) => r.metadata.result);
    expect(results).toEqual(expect.arrayContaining(['unknown_user', 'inactive_user']));
    expect(await sessionsOf(inactive.id)).toHaveLength(0);
  });

  it('keeps an active session alive and ends it after 30 minutes idle', async () => {
    const { clock } = ctx();
    const client = await signIn(other);
    for (let i = 0; i < 4; i++) {
      clock.advance(25 * MINUTE);
      expect((await client.get('/api/organisations')).status).toBe(200);
    }
    clock.advance(29 * MINUTE);
    expect((await client.get('/api/organisations')).status).toBe(200);
    clock.advance(30 * MINUTE + 1000);
    const res = await client.get('/api/organisations');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
    expect((await client.get('/api/auth/session')).body.authenticated).toBe(false);
    // Coming back does not bring the session back.
    expect((await client.get('/api/organisations')).status).toBe(401);
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const { clock } = ctx();
    const client = await signIn(other);
    for (let i = 0; i < 28; i++) {
      clock.advance(25 * MINUTE);
      expect((await client.get('/api/organisations')).status, `after ${(i + 1) * 25} min`).toBe(200);
    }
    clock.advance(19 * MINUTE); // 11 h 59 min
    expect((await client.get('/api/organisations')).status).toBe(200);
    clock.advance(1 * MINUTE); // 12 h
    expect((await client.get('/api/organisations')).status).toBe(401);
    clock.advance(1 * MINUTE);
    expect((await client.get('/api/organisations')).status).toBe(401);
    expect(clock.now().getTime() - new Date('2026-03-02T10:00:00Z').getTime()).toBeGreaterThan(12 * HOUR);
  });

  it('logout revokes the session on the server: the old cookie no longer works', async () => {
    const client = await signIn(other);
    const oldCookies = new Map(client.cookies);
    const res = await client.post('/api/auth/logout');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(client.cookies.has('tkp_session')).toBe(false);
    expect((await client.get('/api/organisations')).status).toBe(401);

    const replay = new ApiClient(ctx().app);
    for (const [k, v] of oldCookies) replay.cookies.set(k, v);
    expect((await replay.get('/api/organisations')).status).toBe(401);
    expect((await replay.get('/api/auth/session')).body.authenticated).toBe(false);
    const token = oldCookies.get('tkp_session')!;
    const row = await ctx()
      .db.selectFrom('user_session')
      .where('token_hash', '=', hashToken(token))
      .select(['revoked_at', 'revoke_reason'])
      .executeTakeFirstOrThrow();
    expect(row.revoke_reason).toBe('logout');
    expect(row.revoked_at).not.toBeNull();
    const logged = (await auditRows('SessionDelete')).filter((r) => r.user_id === other.id);
    expect(logged.map((r) => r.outcome)).toEqual(['allowed']);
  });

  it('switches membership: the next request acts in the other organisation and role', async () => {
    const client = await signIn(worker);
    expect((await client.get(`/api/clients/${clientOfB.id}`)).status).toBe(404);
    const res = await client.post('/api/auth/membership', { membershipId: membershipInB });
    expect(res.status).toBe(200);
    expect(res.body.membership).toEqual({
      id: membershipInB,
      organisationId: orgB.id,
      organisationName: 'Beta työllisyyspalvelut',
      role: 'physician',
    });
    expect(res.body.permittedActions).toContain('client.breakGlass');
    const read = await client.get(`/api/clients/${clientOfB.id}`);
    expect(read.status).toBe(200);
    expect(read.body.accessBasis).toBe('own_organisation');
    const audit = await ctx()
      .db.selectFrom('audit_event')
      .where('event', '=', 'ClientRead')
      .where('user_id', '=', worker.id)
      .where(sql<boolean>`${clientOfB.id}::uuid = any(client_ids)`)
      .select(['organisation_id', 'role', 'outcome'])
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit).toEqual(
      expect.arrayContaining([
        { organisation_id: orgA.id, role: 'coordinator', outcome: 'denied' },
        { organisation_id: orgB.id, role: 'physician', outcome: 'allowed' },
      ]),
    );
    const switchRow = (await auditRows('SessionSwitchMembership')).filter((r) => r.outcome === 'allowed');
    expect(switchRow.at(-1)).toMatchObject({ user_id: worker.id, target_id: membershipInB });
  });

  it('limits login attempts to 10 per 5 minutes per IP with 429 rate_limited', async () => {
    const ip = '198.51.100.7';
    for (let i = 1; i <= 10; i++) {
      const res = await loginFrom(ip, other.email, `wrong-${i}-password`);
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    const limited = await loginFrom(ip, other.email, TEST_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(limited.json().error.message).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
    expect(limited.headers['retry-after']).toBeDefined();
    // Another address is not affected.
    expect((await loginFrom('198.51.100.8', other.email, TEST_PASSWORD)).statusCode).toBe(200);
  });
});
