import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

describeEachEngine('organisations and teams API', (engine) => {
  const ctx = useTestContext(engine);
  let orgA: { id: string };
  let orgB: { id: string };
  let admin: ApiClient;
  let adminUser: { id: string; email: string };
  let coordinator: ApiClient;
  let workerA1: { id: string };
  let workerA2: { id: string };
  let workerB: { id: string };

  beforeAll(async () => {
    const { db, app } = ctx();
    orgA = await makeOrganisation(db);
    orgB = await makeOrganisation(db);
    adminUser = await makeUser(db, orgA.id, 'admin');
    const coordinatorUser = await makeUser(db, orgA.id, 'coordinator');
    workerA1 = coordinatorUser;
    workerA2 = await makeUser(db, orgA.id, 'nurse');
    workerB = await makeUser(db, orgB.id, 'nurse');
    admin = await new ApiClient(app).login(adminUser.email, TEST_PASSWORD);
    coordinator = await new ApiClient(app).login(coordinatorUser.email, TEST_PASSWORD);
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    name: 'Kuopion työllisyyspalvelut',
    type: 'municipal_employment_services',
    businessId: '0112038-9',
    municipality: 'Kuopio',
    ...overrides,
  });

  it('answers 401 without a session', async () => {
    const anonymous = new ApiClient(ctx().app);
    expect((await anonymous.get('/api/organisations')).status).toBe(401);
    expect((await anonymous.get('/api/teams')).status).toBe(401);
    const res = await anonymous.post('/api/organisations', body());
    expect(res.status).toBe(401);
  });

  it('names an invalid business ID with 400 on body.businessId', async () => {
    const res = await admin.post('/api/organisations', body({ businessId: '0112038-8', name: '' }));
    expect(res.status).toBe(400);
    const issues = res.body.error.details.issues as { field: string; message: string }[];
    expect(issues.map((i) => i.field).sort()).toEqual(['body.businessId', 'body.name']);
    expect(issues.find((i) => i.field === 'body.businessId')?.message).toBe(
      'Not a valid business ID (Y-tunnus), e.g. 0112038-9',
    );
    for (const businessId of ['0112038', '01120389', '1234567-X']) {
      const malformed = await admin.post('/api/organisations', body({ businessId }));
      expect(malformed.status, businessId).toBe(400);
      expect(malformed.body.error.details.issues[0].field).toBe('body.businessId');
    }
  });

  it('refuses an unknown organisation type with 400 on body.type', async () => {
    const res = await admin.post('/api/organisations', body({ type: 'bank' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({
      field: 'body.type',
      code: 'unknown_organisation_type',
    });
  });

  it('answers 403 to a user who is not an admin and changes nothing', async () => {
    const created = await coordinator.post('/api/organisations', body({ name: 'Ei synny' }));
    expect(created.status).toBe(403);
    expect(created.body.error.code).toBe('forbidden');
    const update = await coordinator.put(`/api/organisations/${orgA.id}`, {
      ...body(),
      active: false,
      version: 1,
    });
    expect(update.status).toBe(403);
    const team = await coordinator.post('/api/teams', { organisationId: orgA.id, name: 'Ei tiimiä' });
    expect(team.status).toBe(403);
    const rows = await ctx()
      .db.selectFrom('organisation')
      .where('name', '=', 'Ei synny')
      .select('id')
      .execute();
    expect(rows).toEqual([]);
    expect(
      (
        await ctx()
          .db.selectFrom('organisation')
          .where('id', '=', orgA.id)
          .select('active')
          .executeTakeFirstOrThrow()
      ).active,
    ).toBe(true);
    expect(await ctx().db.selectFrom('team').select('id').execute()).toEqual([]);
  });

  it('answers 404 for an organisation or a team that does not exist', async () => {
    const org = await admin.put(`/api/organisations/${randomUUID()}`, {
      ...body(),
      active: true,
      version: 1,
    });
    expect(org.status).toBe(404);
    const team = await admin.put(`/api/teams/${randomUUID()}`, { name: 'X', active: true, version: 1 });
    expect(team.status).toBe(404);
  });

  it('creates an organisation and logs it', async () => {
    const res = await admin.post('/api/organisations', body());
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Kuopion työllisyyspalvelut',
      type: 'municipal_employment_services',
      businessId: '0112038-9',
      municipality: 'Kuopio',
      active: true,
      version: 1,
    });
    const audit = await ctx()
      .db.selectFrom('audit_event')
      .where('event', '=', 'OrganisationCreate')
      .where('outcome', '=', 'allowed')
      .selectAll()
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: adminUser.id, target_id: res.body.id, role: 'admin' });
    const list = await coordinator.get('/api/organisations');
    expect(list.body.map((o: { id: string }) => o.id)).toContain(res.body.id);
  });

  it('refuses a second organisation with the same name, whatever its case, with 409', async () => {
    const res = await admin.post(
      '/api/organisations',
      body({ name: 'KUOPION TYÖLLISYYSPALVELUT', businessId: '0246246-0' }),
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('duplicate_name');
  });

  it('updates with the version it started from; a stale version gets 409 and changes nothing', async () => {
    const created = (
      await admin.post('/api/organisations', body({ name: 'Siilinjärven sote-keskus', type: 'sote_centre' }))
    ).body;
    const update = {
      ...body({ name: 'Siilinjärven sote-keskus', type: 'sote_centre', municipality: 'Siilinjärvi' }),
      active: true,
    };
    const ok = await admin.put(`/api/organisations/${created.id}`, { ...update, version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ municipality: 'Siilinjärvi', version: 2 });
    const stale = await admin.put(`/api/organisations/${created.id}`, {
      ...update,
      municipality: 'Kuopio',
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_version', details: { currentVersion: 2 } });
    const list = (await admin.get('/api/organisations')).body as { id: string; municipality: string }[];
    expect(list.find((o) => o.id === created.id)?.municipality).toBe('Siilinjärvi');
    const history = await ctx()
      .db.selectFrom('record_version')
      .where('table_name', '=', 'organisation')
      .where('record_id', '=', created.id)
      .select(['version', 'data', 'changed_by'])
      .execute();
    expect(history).toEqual([
      { version: 1, data: expect.objectContaining({ municipality: 'Kuopio' }), changed_by: adminUser.id },
    ]);
  });

  it('deactivating an organisation ends the sessions of those acting in it', async () => {
    const org = await makeOrganisation(ctx().db);
    const worker = await makeUser(ctx().db, org.id, 'nurse');
    const session = await new ApiClient(ctx().app).login(worker.email, TEST_PASSWORD);
    expect((await session.get('/api/organisations')).status).toBe(200);
    const res = await admin.put(`/api/organisations/${org.id}`, {
      name: org.name,
      type: org.type,
      businessId: org.business_id,
      municipality: org.municipality,
      active: false,
      version: org.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect((await session.get('/api/organisations')).status).toBe(401);
  });

  it('creates a team with members of the same organisation', async () => {
    const res = await admin.post('/api/teams', {
      organisationId: orgA.id,
      name: 'Työkyvyn tuen tiimi',
      description: 'TTT',
      memberUserIds: [workerA1.id, workerA2.id],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      organisationId: orgA.id,
      name: 'Työkyvyn tuen tiimi',
      active: true,
      version: 1,
    });
    expect([...res.body.memberUserIds].sort()).toEqual([workerA1.id, workerA2.id].sort());
    const audit = await ctx()
      .db.selectFrom('audit_event')
      .where('event', '=', 'TeamCreate')
      .where('outcome', '=', 'allowed')
      .select('target_id')
      .execute();
    expect(audit).toEqual([{ target_id: res.body.id }]);
    const list = await coordinator.get(`/api/teams?organisationId=${orgA.id}`);
    expect(list.body.map((t: { id: string }) => t.id)).toEqual([res.body.id]);
    expect((await coordinator.get(`/api/teams?organisationId=${orgB.id}`)).body).toEqual([]);
  });

  it('refuses a team member from another organisation with 400 and creates no team', async () => {
    const res = await admin.post('/api/teams', {
      organisationId: orgA.id,
      name: 'Sekatiimi',
      memberUserIds: [workerA1.id, workerB.id],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({
      field: 'body.memberUserIds',
      code: 'not_a_member',
    });
    expect(await ctx().db.selectFrom('team').where('name', '=', 'Sekatiimi').select('id').execute()).toEqual(
      [],
    );
  });

  it('changes a team’s members with its version; outsiders and stale versions are refused', async () => {
    const team = (
      await admin.post('/api/teams', {
        organisationId: orgA.id,
        name: 'Muutostiimi',
        memberUserIds: [workerA1.id],
      })
    ).body;
    const update = { name: 'Muutostiimi', description: '', active: true };
    const outsider = await admin.put(`/api/teams/${team.id}`, {
      ...update,
      memberUserIds: [workerB.id],
      version: 1,
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.details.issues[0].field).toBe('body.memberUserIds');
    const ok = await admin.put(`/api/teams/${team.id}`, {
      ...update,
      memberUserIds: [workerA2.id],
      version: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ memberUserIds: [workerA2.id], version: 2 });
    const stale = await admin.put(`/api/teams/${team.id}`, { ...update, memberUserIds: [], version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_version', details: { currentVersion: 2 } });
    const teams = (await admin.get(`/api/teams?organisationId=${orgA.id}`)).body as {
      id: string;
      memberUserIds: string[];
    }[];
    expect(teams.find((t) => t.id === team.id)?.memberUserIds).toEqual([workerA2.id]);
  });
});
