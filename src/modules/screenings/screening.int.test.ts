import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, nextIdentityCode } from '../../../test/support/builders.ts';
import { giveConsent, login } from '../../../test/support/client-path.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

type Login = Awaited<ReturnType<typeof login>>;

describeEachEngine('screenings API (recognising the need)', (engine) => {
  const ctx = useTestContext(engine);
  let orgA: { id: string };
  let orgB: { id: string };
  let a: Login;
  let b: Login;
  let clientOfA: { id: string };
  const newClient = (identityCode: string) => ({
    identityCode,
    firstName: 'Siiri',
    lastName: 'Seulonta',
    phone: '+358 40 111 2222',
    municipality: 'Kuopio',
    preferredLanguage: 'fi',
    contactPreference: 'sms',
  });
  const screening = {
    situations: ['prolonged_unemployment', 'health_problems'],
    notes: 'Puheeksi otto',
    outcome: 'refer_team',
  };

  beforeAll(async () => {
    orgA = await makeOrganisation(ctx().db);
    orgB = await makeOrganisation(ctx().db, { type: 'educational_institution' });
    a = await login(ctx(), orgA.id, 'social_worker');
    b = await login(ctx(), orgB.id, 'nurse');
    clientOfA = await makeClient(ctx().db, orgA.id, a.user.id);
  });

  it('answers 401, 403 for a manager, and 400 naming the fields', async () => {
    const body = { ...screening, clientId: clientOfA.id };
    expect((await new ApiClient(ctx().app).post('/api/screenings', body)).status).toBe(401);
    const manager = await login(ctx(), orgA.id, 'manager');
    expect((await manager.api.post('/api/screenings', body)).status).toBe(403);
    const neither = await a.api.post('/api/screenings', screening);
    expect(neither.status).toBe(400);
    expect(neither.body.error.details.issues[0].field).toBe('body.clientId');
    const unknown = await a.api.post('/api/screenings', { ...body, situations: ['bad_luck'] });
    expect(unknown.body.error.details.issues[0]).toMatchObject({
      field: 'body.situations',
      code: 'unknown_situation',
    });
    const badCode = await a.api.post('/api/screenings', {
      ...screening,
      newClient: newClient('010594Y9033'),
    });
    expect(badCode.body.error.details.issues[0]).toMatchObject({
      field: 'body.newClient.identityCode',
      code: 'identity_code_check_character',
    });
  });

  it('records a screening for an existing client; another organisation’s client by id is 404', async () => {
    const res = await a.api.post('/api/screenings', { ...screening, clientId: clientOfA.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      clientId: clientOfA.id,
      organisationId: orgA.id,
      screenedOn: '2026-03-02',
      clientRegistered: false,
    });
    expect((await b.api.post('/api/screenings', { ...screening, clientId: clientOfA.id })).status).toBe(404);
  });

  it('registers a person new to the network in the same transaction', async () => {
    const code = nextIdentityCode();
    const res = await b.api.post('/api/screenings', { ...screening, newClient: newClient(code) });
    expect(res.status).toBe(201);
    expect(res.body.clientRegistered).toBe(true);
    const client = await b.api.get(`/api/clients/${res.body.clientId}`);
    expect(client.body).toMatchObject({ identityCode: code, registeringOrganisationId: orgB.id });
  });

  it('screens a person registered elsewhere as the same client, giving the screening organisation access', async () => {
    const known = await ctx()
      .db.selectFrom('client')
      .select('identity_code')
      .where('id', '=', clientOfA.id)
      .executeTakeFirstOrThrow();
    expect((await b.api.get(`/api/clients/${clientOfA.id}`)).status).toBe(404);
    const res = await b.api.post('/api/screenings', {
      ...screening,
      newClient: { ...newClient(known.identity_code), firstName: 'Toinen' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ clientId: clientOfA.id, clientRegistered: false });
    const client = await b.api.get(`/api/clients/${clientOfA.id}`);
    expect(client.status).toBe(200);
    expect(client.body.firstName).not.toBe('Toinen');
    const [row] = await ctx()
      .db.selectFrom('audit_event')
      .select('metadata')
      .where('event', '=', 'ScreeningCreate')
      .where('organisation_id', '=', orgB.id)
      .where('target_id', '=', res.body.id)
      .execute();
    expect(row?.metadata).toMatchObject({ registeredElsewhere: true });
  });

  it('lists only the screenings the reader may see: another organisation’s need the client’s consent', async () => {
    const asB = await b.api.get(`/api/clients/${clientOfA.id}/screenings`);
    expect(asB.body.map((s: { organisationId: string }) => s.organisationId)).toEqual([orgB.id]);
    const [ownOfA] = (await a.api.get(`/api/clients/${clientOfA.id}/screenings`)).body.filter(
      (s: { organisationId: string }) => s.organisationId === orgA.id,
    );
    expect((await b.api.get(`/api/screenings/${ownOfA.id}`)).status).toBe(404);
    await giveConsent(ctx().db, clientOfA.id, orgA.id, orgB.id, a.user.id, ['assessment']);
    expect((await b.api.get(`/api/clients/${clientOfA.id}/screenings`)).body).toHaveLength(2);
    expect((await b.api.get(`/api/screenings/${ownOfA.id}`)).status).toBe(200);
  });
});
