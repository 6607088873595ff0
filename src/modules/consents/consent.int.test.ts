import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser, TEST_PASSWORD } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { loadClientFacts } from '../../server/policy/client-access.ts';

describeEachEngine('consents API', (engine) => {
  const ctx = useTestContext(engine);
  let orgA: { id: string };
  let orgB: { id: string };
  let orgC: { id: string };
  let coordinatorA: ApiClient;
  let coordinatorUser: { id: string; email: string };
  let nurseB: ApiClient;
  let nurseBActor: Actor;
  let managerA: ApiClient;
  let clientOfA: { id: string };

  beforeAll(async () => {
    const { db, app } = ctx();
    orgA = await makeOrganisation(db, { name: 'Alfa sote-keskus' });
    orgB = await makeOrganisation(db, { name: 'Beta työllisyyspalvelut' });
    orgC = await makeOrganisation(db, { name: 'Gamma järjestö' });
    coordinatorUser = await makeUser(db, orgA.id, 'coordinator');
    const nurse = await makeUser(db, orgB.id, 'nurse');
    nurseBActor = {
      userId: nurse.id,
      membershipId: nurse.membershipId,
      organisationId: orgB.id,
      role: 'nurse',
      sessionTokenHash: '',
    };
    const manager = await makeUser(db, orgA.id, 'manager');
    coordinatorA = await new ApiClient(app).login(coordinatorUser.email, TEST_PASSWORD);
    nurseB = await new ApiClient(app).login(nurse.email, TEST_PASSWORD);
    managerA = await new ApiClient(app).login(manager.email, TEST_PASSWORD);
    clientOfA = await makeClient(db, orgA.id, coordinatorUser.id);
  });

  // TEST_START is Monday 2 March 2026 in Finland.
  const consentBody = (overrides: Record<string, unknown> = {}) => ({
    controllerOrganisationId: orgA.id,
    recipientOrganisationId: orgB.id,
    categories: ['health', 'social'],
    validFrom: '2026-03-01',
    validUntil: '2026-12-31',
    method: 'written',
    note: 'Allekirjoitettu lomake arkistossa',
    ...overrides,
  });
  const consentsUrl = () => `/api/clients/${clientOfA.id}/consents`;
  const healthFactsForB = () =>
    ctx()
      .db.transaction()
      .execute((trx) =>
        loadClientFacts(
          trx,
          nurseBActor,
          {
            kind: 'client',
            clientId: clientOfA.id,
            record: { controllerOrganisationId: orgA.id, category: 'health' },
          },
          ctx().clock.now(),
        ),
      );

  it('answers 401 without a session', async () => {
    const anonymous = new ApiClient(ctx().app);
    expect((await anonymous.get(consentsUrl())).status).toBe(401);
    expect((await anonymous.post(consentsUrl(), consentBody())).status).toBe(401);
  });

  it('names each invalid field with 400', async () => {
    const res = await coordinatorA.post(
      consentsUrl(),
      consentBody({
        recipientOrganisationId: orgA.id,
        categories: [],
        validFrom: '2026-04-01',
        validUntil: '2026-03-31',
        method: 'telepathy',
      }),
    );
    expect(res.status).toBe(400);
    const fields = res.body.error.details.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['body.categories', 'body.method']);
    // The cross-field rules run once the fields themselves are valid.
    const crossed = await coordinatorA.post(
      consentsUrl(),
      consentBody({ recipientOrganisationId: orgA.id, validFrom: '2026-04-01', validUntil: '2026-03-31' }),
    );
    expect(crossed.status).toBe(400);
    expect(crossed.body.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'body.recipientOrganisationId',
      'body.validUntil',
    ]);
  });

  it('refuses an unknown category and a consent the recorder’s organisation is no party to', async () => {
    const unknown = await coordinatorA.post(
      consentsUrl(),
      consentBody({ categories: ['health', 'horoscope'] }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues[0]).toMatchObject({
      field: 'body.categories',
      code: 'unknown_category',
    });
    const notParty = await coordinatorA.post(
      consentsUrl(),
      consentBody({ controllerOrganisationId: orgB.id, recipientOrganisationId: orgC.id }),
    );
    expect(notParty.status).toBe(400);
    expect(notParty.body.error.details.issues[0]).toMatchObject({
      field: 'body.controllerOrganisationId',
      code: 'recorder_not_party',
    });
    expect(await ctx().db.selectFrom('consent').select('id').execute()).toEqual([]);
  });

  it('answers 403 to a manager, whether the client exists or not, and logs the denial', async () => {
    const existing = await managerA.get(consentsUrl());
    expect(existing.status).toBe(403);
    expect(existing.body.error.code).toBe('forbidden');
    const missing = await managerA.get(`/api/clients/${randomUUID()}/consents`);
    expect(missing.status).toBe(403);
    const denial = await ctx()
      .db.selectFrom('audit_event')
      .where('event', '=', 'ConsentList')
      .where('role', '=', 'manager')
      .selectAll()
      .execute();
    expect(denial.map((d) => [d.outcome, d.metadata.denial])).toEqual([
      ['denied', 'role'],
      ['denied', 'role'],
    ]);
  });

  it('answers 404 for a client of another organisation and writes nothing', async () => {
    const list = await nurseB.get(consentsUrl());
    expect(list.status).toBe(404);
    const create = await nurseB.post(consentsUrl(), consentBody());
    expect(create.status).toBe(404);
    expect(await ctx().db.selectFrom('consent').select('id').execute()).toEqual([]);
    const denials = await ctx()
      .db.selectFrom('audit_event')
      .where('user_id', '=', nurseBActor.userId)
      .where('outcome', '=', 'denied')
      .select(['event', 'client_ids'])
      .execute();
    expect(denials).toEqual(
      expect.arrayContaining([
        { event: 'ConsentList', client_ids: [clientOfA.id] },
        { event: 'ConsentCreate', client_ids: [clientOfA.id] },
      ]),
    );
    expect((await nurseB.get(`/api/clients/${randomUUID()}/consents`)).status).toBe(404);
  });

  it('records a consent, active from its first day, and logs it without its note', async () => {
    const res = await coordinatorA.post(consentsUrl(), consentBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      clientId: clientOfA.id,
      controllerOrganisationId: orgA.id,
      controllerOrganisationName: 'Alfa sote-keskus',
      recipientOrganisationId: orgB.id,
      recipientOrganisationName: 'Beta työllisyyspalvelut',
      categories: ['health', 'social'],
      validFrom: '2026-03-01',
      validUntil: '2026-12-31',
      method: 'written',
      status: 'active',
      withdrawnAt: null,
      version: 1,
    });
    const audit = await ctx()
      .db.selectFrom('audit_event')
      .where('event', '=', 'ConsentCreate')
      .where('outcome', '=', 'allowed')
      .selectAll()
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      user_id: coordinatorUser.id,
      target_id: res.body.id,
      client_ids: [clientOfA.id],
    });
    expect(JSON.stringify(audit)).not.toContain('Allekirjoitettu');
    expect((await healthFactsForB())?.consentId).toBe(res.body.id);
  });

  it('lists every consent of the client with its status today', async () => {
    const upcoming = (
      await coordinatorA.post(
        consentsUrl(),
        consentBody({ categories: ['employment'], validFrom: '2026-03-03' }),
      )
    ).body;
    const expired = (
      await coordinatorA.post(
        consentsUrl(),
        consentBody({ categories: ['plan'], validFrom: '2025-03-01', validUntil: '2026-03-01' }),
      )
    ).body;
    const res = await coordinatorA.get(consentsUrl());
    expect(res.status).toBe(200);
    const statuses = Object.fromEntries(
      res.body.map((c: { id: string; status: string }) => [c.id, c.status]),
    );
    expect(statuses[upcoming.id]).toBe('upcoming');
    expect(statuses[expired.id]).toBe('expired');
    expect(Object.values(statuses).filter((s) => s === 'active')).toHaveLength(1);
    const audit = await ctx()
      .db.selectFrom('audit_event')
      .where('event', '=', 'ConsentList')
      .where('outcome', '=', 'allowed')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ client_ids: [clientOfA.id], metadata: { count: 3 } });
  });

  it('withdrawal takes effect at once and keeps the consent and its earlier version', async () => {
    const list = (await coordinatorA.get(consentsUrl())).body as {
      id: string;
      status: string;
      version: number;
    }[];
    const active = list.find((c) => c.status === 'active')!;
    expect((await healthFactsForB())?.consentId).toBe(active.id);

    const res = await coordinatorA.post(`/api/consents/${active.id}/withdraw`, {
      version: active.version,
      note: 'Asiakas perui puhelimessa',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: active.id,
      status: 'withdrawn',
      withdrawnAt: ctx().clock.now().toISOString(),
      withdrawnBy: expect.stringMatching(/^Testi Käyttäjä\d+$/),
      withdrawalNote: 'Asiakas perui puhelimessa',
      version: active.version + 1,
    });
    // The same moment: the recipient's next read is already without consent.
    expect((await healthFactsForB())?.consentId).toBeNull();

    const after = (await coordinatorA.get(consentsUrl())).body as { id: string; status: string }[];
    expect(after.find((c) => c.id === active.id)?.status).toBe('withdrawn');
    expect(after).toHaveLength(3);
    const history = await ctx()
      .db.selectFrom('record_version')
      .where('table_name', '=', 'consent')
      .where('record_id', '=', active.id)
      .select(['version', 'data', 'changed_by'])
      .execute();
    expect(history).toEqual([
      {
        version: active.version,
        data: expect.objectContaining({ withdrawn_at: null }),
        changed_by: coordinatorUser.id,
      },
    ]);
    const audit = await ctx()
      .db.selectFrom('audit_event')
      .where('event', '=', 'ConsentWithdraw')
      .where('outcome', '=', 'allowed')
      .selectAll()
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target_id: active.id, client_ids: [clientOfA.id] });
    expect(JSON.stringify(audit)).not.toContain('perui');

    const again = await coordinatorA.post(`/api/consents/${active.id}/withdraw`, {
      version: active.version + 1,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_withdrawn');
  });

  it('a withdrawal with a stale version gets 409 and leaves the consent active', async () => {
    const created = (await coordinatorA.post(consentsUrl(), consentBody({ categories: ['rehabilitation'] })))
      .body;
    const res = await coordinatorA.post(`/api/consents/${created.id}/withdraw`, {
      version: created.version + 5,
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'stale_version', details: { currentVersion: 1 } });
    const list = (await coordinatorA.get(consentsUrl())).body as { id: string; status: string }[];
    expect(list.find((c) => c.id === created.id)?.status).toBe('active');
  });

  it('answers 404 to withdrawing a consent of another organisation’s client, or one that does not exist', async () => {
    const created = (await coordinatorA.post(consentsUrl(), consentBody({ categories: ['assessment'] })))
      .body;
    expect((await nurseB.post(`/api/consents/${created.id}/withdraw`, { version: 1 })).status).toBe(404);
    expect((await coordinatorA.post(`/api/consents/${randomUUID()}/withdraw`, { version: 1 })).status).toBe(
      404,
    );
    const list = (await coordinatorA.get(consentsUrl())).body as { id: string; status: string }[];
    expect(list.find((c) => c.id === created.id)?.status).toBe('active');
  });

  // Last: moves the clock past midnight in Finland (22:00 UTC in March).
  it('a consent ends with its last Finnish calendar day', async () => {
    const oneDay = (
      await coordinatorA.post(
        consentsUrl(),
        consentBody({ categories: ['basic'], validFrom: '2026-03-02', validUntil: '2026-03-02' }),
      )
    ).body;
    expect(oneDay.status).toBe('active');
    ctx().clock.set('2026-03-02T21:59:00Z');
    const late = await new ApiClient(ctx().app).login(coordinatorUser.email, TEST_PASSWORD);
    const before = (await late.get(consentsUrl())).body as { id: string; status: string }[];
    expect(before.find((c) => c.id === oneDay.id)?.status).toBe('active');
    ctx().clock.set('2026-03-02T22:00:00Z');
    const after = (await late.get(consentsUrl())).body as { id: string; status: string }[];
    expect(after.find((c) => c.id === oneDay.id)?.status).toBe('expired');
  });
});
