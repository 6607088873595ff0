import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

const NEW_PASSWORD = 'a long enough passphrase';

describeEachEngine('users API', (engine) => {
  const ctx = useTestContext(engine);
  let orgA: { id: string };
  let orgB: { id: string };
  let admin: ApiClient;
  let adminUser: { id: string; email: string };
  let coordinator: ApiClient;

  beforeAll(async () => {
    const { db, app } = ctx();
    orgA = await makeOrganisation(db);
    orgB = await makeOrganisation(db);
    adminUser = await makeUser(db, orgA.id, 'admin');
    const coordinatorUser = await makeUser(db, orgA.id, 'coordinator');
    admin = await new ApiClient(app).login(adminUser.email, TEST_PASSWORD);
    coordinator = await new ApiClient(app).login(coordinatorUser.email, TEST_PASSWORD);
  });

  let emails = 0;
  const newUserBody = () => ({
    email: `uusi${++emails}@test.invalid`,
    firstName: 'Ulla',
    lastName: 'Uusi',
    password: NEW_PASSWORD,
    memberships: [
      { organisationId: orgA.id, role: 'nurse' },
      { organisationId: orgB.id, role: 'social_worker' },
    ],
  });
  type UserBody = ReturnType<typeof newUserBody>;
  const updateBody = (
    user: { version: number },
    body: UserBody,
    changes: Partial<UserBody & { active: boolean }> = {},
  ) => {
    const { password: _password, ...rest } = body;
    return { ...rest, active: true, version: user.version, ...changes };
  };
  const userRow = (id: string) =>
    ctx().db.selectFrom('app_user').where('id', '=', id).selectAll().executeTakeFirstOrThrow();

  it('answers 401 without a session', async () => {
    const res = await new ApiClient(ctx().app).get('/api/users');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('names each invalid field with 400', async () => {
    const res = await admin.post('/api/users', {
      email: 'not-an-address',
      firstName: ' ',
      lastName: 'Uusi',
      password: 'short',
      memberships: [{ organisationId: orgA.id, role: 'superuser' }],
    });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.email', 'body.firstName', 'body.password', 'body.memberships.0.role']),
    );
    const none = await admin.post('/api/users', { ...newUserBody(), memberships: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'body.memberships',
    ]);
  });

  it('refuses a membership in an unknown organisation with 400', async () => {
    const res = await admin.post('/api/users', {
      ...newUserBody(),
      memberships: [{ organisationId: randomUUID(), role: 'nurse' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({
      field: 'body.memberships',
      code: 'unknown_organisation',
    });
  });

  it('answers 403 to a user who is not an admin, creates nothing and logs the denial', async () => {
    expect((await coordinator.get('/api/users')).status).toBe(403);
    const body = newUserBody();
    const res = await coordinator.post('/api/users', body);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(
      await ctx().db.selectFrom('app_user').where('email', '=', body.email).select('id').execute(),
    ).toEqual([]);
    const denial = await ctx()
      .db.selectFrom('audit_event')
      .where('event', '=', 'UserCreate')
      .where('outcome', '=', 'denied')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(denial).toMatchObject({
      role: 'coordinator',
      organisation_id: orgA.id,
      metadata: { denial: 'role' },
    });
  });

  it('answers 404 for a user that does not exist', async () => {
    const id = randomUUID();
    expect((await admin.get(`/api/users/${id}`)).status).toBe(404);
    const res = await admin.put(`/api/users/${id}`, updateBody({ version: 1 }, newUserBody()));
    expect(res.status).toBe(404);
  });

  it('creates a user with memberships; the password is stored only as an argon2id hash', async () => {
    const body = newUserBody();
    const res = await admin.post('/api/users', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: body.email,
      firstName: 'Ulla',
      lastName: 'Uusi',
      active: true,
      hasPassword: true,
      oidcSubject: null,
      version: 1,
    });
    expect(res.body.memberships).toEqual(
      expect.arrayContaining([
        { id: expect.any(String), organisationId: orgA.id, role: 'nurse', active: true },
        { id: expect.any(String), organisationId: orgB.id, role: 'social_worker', active: true },
      ]),
    );
    expect(res.body.memberships).toHaveLength(2);
    expect(JSON.stringify(res.body)).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(res.body)).not.toContain('argon2');

    const row = await userRow(res.body.id);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const audit = await ctx()
      .db.selectFrom('audit_event')
      .where('event', '=', 'UserCreate')
      .where('outcome', '=', 'allowed')
      .selectAll()
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      user_id: adminUser.id,
      target_id: res.body.id,
      role: 'admin',
      purpose: 'administration',
    });
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);

    const session = await new ApiClient(ctx().app).login(body.email, NEW_PASSWORD);
    expect((await session.get('/api/auth/session')).body.memberships).toHaveLength(2);
  });

  it('deactivating a user ends that user’s live sessions at once', async () => {
    const body = newUserBody();
    const created = (await admin.post('/api/users', body)).body;
    const user = await new ApiClient(ctx().app).login(body.email, NEW_PASSWORD);
    expect((await user.get('/api/organisations')).status).toBe(200);

    const res = await admin.put(`/api/users/${created.id}`, updateBody(created, body, { active: false }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: false, version: 2 });
    const next = await user.get('/api/organisations');
    expect(next.status).toBe(401);
    const sessions = await ctx()
      .db.selectFrom('user_session')
      .where('user_id', '=', created.id)
      .selectAll()
      .execute();
    expect(sessions.map((s) => s.revoke_reason)).toEqual(['user_deactivated']);
    const login = await new ApiClient(ctx().app).post('/api/auth/login', {
      email: body.email,
      password: NEW_PASSWORD,
    });
    expect(login.status).toBe(401);

    // Reactivated, the user signs in again; the old session stays ended.
    const again = await admin.put(`/api/users/${created.id}`, updateBody(res.body, body, { active: true }));
    expect(again.status).toBe(200);
    expect((await user.get('/api/organisations')).status).toBe(401);
    await new ApiClient(ctx().app).login(body.email, NEW_PASSWORD);
  });

  it('removing the membership a user is acting in ends that session and keeps the membership as history', async () => {
    const body = { ...newUserBody(), memberships: [{ organisationId: orgA.id, role: 'nurse' }] };
    const created = (await admin.post('/api/users', body)).body;
    const user = await new ApiClient(ctx().app).login(body.email, NEW_PASSWORD);
    const res = await admin.put(
      `/api/users/${created.id}`,
      updateBody(created, body, { memberships: [{ organisationId: orgB.id, role: 'nurse' }] }),
    );
    expect(res.status).toBe(200);
    expect(res.body.memberships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organisationId: orgA.id, role: 'nurse', active: false }),
        expect.objectContaining({ organisationId: orgB.id, role: 'nurse', active: true }),
      ]),
    );
    expect((await user.get('/api/organisations')).status).toBe(401);
  });

  it('an update with a stale version gets 409 stale_version and changes nothing', async () => {
    const body = newUserBody();
    const created = (await admin.post('/api/users', body)).body;
    const first = await admin.put(
      `/api/users/${created.id}`,
      updateBody(created, body, { firstName: 'Eka' }),
    );
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await admin.put(
      `/api/users/${created.id}`,
      updateBody(created, body, { firstName: 'Toka', active: false }),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_version', details: { currentVersion: 2 } });
    const after = (await admin.get(`/api/users/${created.id}`)).body;
    expect(after).toMatchObject({ firstName: 'Eka', active: true, version: 2 });
    // History keeps the replaced version, without the password hash.
    const history = await ctx()
      .db.selectFrom('record_version')
      .where('table_name', '=', 'app_user')
      .where('record_id', '=', created.id)
      .selectAll()
      .execute();
    expect(history.map((h) => h.version)).toEqual([1]);
    expect(history[0]!.data).toMatchObject({ first_name: 'Ulla' });
    expect(history[0]!.data).not.toHaveProperty('password_hash');
  });

  it('refuses a duplicate e-mail address with 409, whatever its case', async () => {
    const body = newUserBody();
    const created = (await admin.post('/api/users', body)).body;
    const dup = await admin.post('/api/users', { ...newUserBody(), email: body.email.toUpperCase() });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('duplicate_email');
    const count = await ctx()
      .db.selectFrom('app_user')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', body.email))
      .select('id')
      .execute();
    expect(count).toHaveLength(1);

    const otherBody = newUserBody();
    const other = (await admin.post('/api/users', otherBody)).body;
    const renamed = await admin.put(
      `/api/users/${other.id}`,
      updateBody(other, otherBody, { email: body.email }),
    );
    expect(renamed.status).toBe(409);
    expect(renamed.body.error.code).toBe('duplicate_email');
    expect((await userRow(other.id)).email).toBe(otherBody.email);
    expect(created.id).not.toBe(other.id);
  });

  it('lists users with their memberships, filtered by organisation', async () => {
    const onlyB = { ...newUserBody(), memberships: [{ organisationId: orgB.id, role: 'job_coach' }] };
    const created = (await admin.post('/api/users', onlyB)).body;
    const inA = await admin.get(`/api/users?organisationId=${orgA.id}`);
    expect(inA.status).toBe(200);
    expect(inA.body.map((u: { id: string }) => u.id)).not.toContain(created.id);
    const inB = await admin.get(`/api/users?organisationId=${orgB.id}`);
    expect(inB.body.find((u: { id: string }) => u.id === created.id)).toMatchObject({
      email: onlyB.email,
      memberships: [{ organisationId: orgB.id, role: 'job_coach', active: true }],
    });
  });
});
