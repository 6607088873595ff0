import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser, TEST_PASSWORD } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

describeEachEngine('clients API', (engine) => {
  const ctx = useTestContext(engine);
  let orgA: { id: string };
  let orgB: { id: string };
  let coordinatorA: ApiClient;
  let coordinatorB: ApiClient;
  let clientOfB: { id: string };

  beforeAll(async () => {
    const { db, app } = ctx();
    orgA = await makeOrganisation(db);
    orgB = await makeOrganisation(db);
    const userA = await makeUser(db, orgA.id, 'coordinator');
    const userB = await makeUser(db, orgB.id, 'coordinator');
    coordinatorA = await new ApiClient(app).login(userA.email, TEST_PASSWORD);
    coordinatorB = await new ApiClient(app).login(userB.email, TEST_PASSWORD);
    clientOfB = await makeClient(db, orgB.id, userB.id);
  });

  const validBody = {
    identityCode: '010594Y9032',
    firstName: 'Aino',
    lastName: 'Testinen',
    phone: '+358 40 123 4567',
    municipality: 'Kuopio',
    preferredLanguage: 'fi',
    contactPreference: 'sms',
  };

  it('answers 401 without a session', async () => {
    const res = await new ApiClient(ctx().app).get('/api/clients?q=Aino');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('names each invalid field with 400', async () => {
    const res = await coordinatorA.post('/api/clients', {
      ...validBody,
      identityCode: '010594Y9033',
      firstName: '',
    });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toContain('body.firstName');
  });

  it('refuses a wrong check character with a clear message', async () => {
    const res = await coordinatorA.post('/api/clients', { ...validBody, identityCode: '010594Y9033' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({
      field: 'body.identityCode',
      code: 'identity_code_check_character',
    });
  });

  it('registers a client with derived date of birth and sex', async () => {
    const res = await coordinatorA.post('/api/clients', validBody);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      identityCode: '010594Y9032',
      dateOfBirth: '1994-05-01',
      sex: 'male',
      age: 31,
    });
  });

  it('refuses a second registration with a pointer for those who may see the client', async () => {
    const res = await coordinatorA.post('/api/clients', validBody);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('client_exists');
    expect(res.body.error.details.clientId).toBeDefined();
    const other = await coordinatorB.post('/api/clients', validBody);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('client_exists_elsewhere');
    expect(other.body.error.details).toBeUndefined();
  });

  it('answers 404 for another organisation’s client and logs the denial', async () => {
    const res = await coordinatorA.get(`/api/clients/${clientOfB.id}`);
    expect(res.status).toBe(404);
    const denial = await ctx()
      .db.selectFrom('audit_event')
      .where('event', '=', 'ClientRead')
      .where('outcome', '=', 'denied')
      .selectAll()
      .executeTakeFirst();
    expect(denial?.client_ids).toEqual([clientOfB.id]);
  });

  it('an update with a stale version gets 409 and changes nothing', async () => {
    const first = await coordinatorB.get(`/api/clients/${clientOfB.id}`);
    const body = { ...first.body, firstName: 'Eka', version: first.body.version };
    delete body.id;
    const ok = await coordinatorB.put(`/api/clients/${clientOfB.id}`, pick(body));
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(first.body.version + 1);
    const stale = await coordinatorB.put(
      `/api/clients/${clientOfB.id}`,
      pick({ ...body, firstName: 'Toka' }),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'stale_version',
      details: { currentVersion: first.body.version + 1 },
    });
    const after = await coordinatorB.get(`/api/clients/${clientOfB.id}`);
    expect(after.body.firstName).toBe('Eka');
  });
});

function pick(b: Record<string, unknown>) {
  const keys = [
    'firstName',
    'lastName',
    'phone',
    'email',
    'streetAddress',
    'postalCode',
    'postOffice',
    'municipality',
    'preferredLanguage',
    'contactPreference',
    'version',
  ];
  return Object.fromEntries(keys.map((k) => [k, b[k]]));
}
