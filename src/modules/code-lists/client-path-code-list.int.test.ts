import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeOrganisation } from '../../../test/support/builders.ts';
import { login } from '../../../test/support/client-path.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

type Login = Awaited<ReturnType<typeof login>>;

describeEachEngine('client path code lists', (engine) => {
  const ctx = useTestContext(engine);
  let admin: Login;
  let worker: Login;

  beforeAll(async () => {
    const org = await makeOrganisation(ctx().db);
    admin = await login(ctx(), org.id, 'admin');
    worker = await login(ctx(), org.id, 'coordinator');
  });

  it('lists the 15 check-list situations and the case outcomes in three languages', async () => {
    expect((await new ApiClient(ctx().app).get('/api/code-lists/client-path')).status).toBe(401);
    const res = await worker.api.get('/api/code-lists/client-path');
    expect(res.status).toBe(200);
    expect(res.body.screeningSituations).toHaveLength(15);
    expect(res.body.caseOutcomes.map((o: { code: string }) => o.code)).toEqual([
      'employed_open_market',
      'employed_pay_subsidy',
      'studies',
      'rehabilitation_kela',
      'rehabilitation_other',
      'pension_process',
      'other_service',
      'moved_away',
      'client_ended',
      'other',
    ]);
    expect(res.body.screeningSituations[0]).toMatchObject({
      nameSv: expect.any(String),
      nameEn: expect.any(String),
      active: true,
    });
  });

  it('lets an admin add and deactivate entries; others get 403; a deactivated situation is refused', async () => {
    const entry = {
      nameFi: 'Velkaantuminen',
      nameSv: 'Skuldsättning',
      nameEn: 'Indebtedness',
      sortOrder: 160,
      active: true,
    };
    expect((await worker.api.put('/api/code-lists/screening-situations/indebtedness', entry)).status).toBe(
      403,
    );
    const added = await admin.api.put('/api/code-lists/screening-situations/indebtedness', entry);
    expect(added.status).toBe(200);
    const bad = await admin.api.put('/api/code-lists/case-outcomes/Bad Code', entry);
    expect(bad.status).toBe(400);
    const off = await admin.api.put('/api/code-lists/screening-situations/housing_problems', {
      ...entry,
      active: false,
    });
    expect(off.body).toMatchObject({ code: 'housing_problems', active: false });
    const res = await worker.api.post('/api/screenings', {
      newClient: {
        identityCode: '010594Y9032',
        firstName: 'A',
        lastName: 'B',
        phone: '+358 40 000 0000',
        municipality: 'Kuopio',
        preferredLanguage: 'fi',
        contactPreference: 'sms',
      },
      situations: ['housing_problems'],
      outcome: 'no_action',
    });
    expect(res.body.error.details.issues[0]).toMatchObject({
      field: 'body.situations',
      code: 'unknown_situation',
    });
  });
});
