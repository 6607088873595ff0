import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser, TEST_PASSWORD } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { measurementOf, openTestCase, tokenInMessage } from '../../../test/support/measurement-fixtures.ts';

/**
 * An organisation's import of the work ability score as a questionnaire. The item text here is a test
 * fixture, not the official wording (which this repository does not ship).
 */
const wasQuestionnaire = {
  code: 'was',
  version: 2,
  kind: 'questionnaire',
  respondent: 'client',
  scoringLevel: 'individual',
  languages: ['fi', 'en'],
  name: { fi: 'Työkykypistemäärä (testilomake)', en: 'Work ability score (test form)' },
  source: { owner: 'Test organisation', officialText: true, note: 'Test fixture: not the official text.' },
  items: [
    {
      id: 'was',
      type: 'scale',
      min: 0,
      max: 10,
      text: { fi: 'TESTIKYSYMYS 0–10 (ei virallinen teksti)', en: 'TEST ITEM 0–10 (not the official text)' },
    },
  ],
  scores: [
    { key: 'was', type: 'item', item: 'was', label: { fi: 'Työkykypistemäärä', en: 'Work ability score' } },
  ],
};

describeEachEngine('instrument definitions (admin import)', (engine) => {
  const ctx = useTestContext(engine);
  let admin: ApiClient;
  let coordinator: ApiClient;
  let caseId: string;
  let clientId: string;

  beforeAll(async () => {
    const { db, app, clock } = ctx();
    const org = await makeOrganisation(db);
    const adminUser = await makeUser(db, org.id, 'admin');
    const user = await makeUser(db, org.id, 'coordinator');
    admin = await new ApiClient(app).login(adminUser.email, TEST_PASSWORD);
    coordinator = await new ApiClient(app).login(user.email, TEST_PASSWORD);
    const client = await makeClient(db, org.id, user.id);
    clientId = client.id;
    await db
      .updateTable('client')
      .set({ email: 'was@example.invalid', contact_preference: 'email', preferred_language: 'en' })
      .where('id', '=', client.id)
      .execute();
    caseId = await openTestCase(db, user, client.id, '2026-03-02', clock.now());
  });

  it('lists the shipped instruments to any signed-in user', async () => {
    expect((await new ApiClient(ctx().app).get('/api/instruments')).status).toBe(401);
    const res = await coordinator.get('/api/instruments');
    expect(res.status).toBe(200);
    expect(res.body.map((i: { code: string; version: number }) => `${i.code}@${i.version}`).sort()).toEqual([
      'avain@1',
      'd3x10@1',
      'kykyviisari@1',
      'prem@1',
      'stakeholder_survey@1',
      'thl_participation@1',
      'was@1',
    ]);
    const thl = res.body.find((i: { code: string }) => i.code === 'thl_participation');
    expect(thl).toMatchObject({
      kind: 'result_only',
      scoringLevel: 'group',
      officialText: false,
      latest: true,
    });
    const one = await coordinator.get(`/api/instruments/${thl.id}`);
    expect(one.body.definition.items).toHaveLength(10);
  });

  it('only an admin imports; a bad file gets every problem by field', async () => {
    expect((await new ApiClient(ctx().app).post('/api/instruments', wasQuestionnaire)).status).toBe(401);
    expect((await coordinator.post('/api/instruments', wasQuestionnaire)).status).toBe(403);
    const bad = await admin.post('/api/instruments', {
      ...wasQuestionnaire,
      items: [{ ...wasQuestionnaire.items[0], text: { fi: 'Vain suomeksi' } }],
      scores: [{ key: 'x', type: 'nps', item: 'missing', label: { fi: 'x', en: 'x' } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'body.items.0.text.en',
      'body.scores.0',
    ]);
  });

  it('a new version changes neither old answers nor their scores; links from now on use it', async () => {
    const { db } = ctx();
    const baseline = await measurementOf(db, caseId, 'was', 0);
    expect(
      (await coordinator.post(`/api/measurements/${baseline.id}/result`, { answers: { was: 4 } })).status,
    ).toBe(201);
    const before = await coordinator.get(`/api/clients/${clientId}/measures`);

    const imported = await admin.post('/api/instruments', wasQuestionnaire);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ code: 'was', version: 2, kind: 'questionnaire', latest: true });
    const list = await coordinator.get('/api/instruments');
    const versions = list.body.filter((i: { code: string }) => i.code === 'was');
    expect(versions.map((v: { version: number; latest: boolean }) => [v.version, v.latest])).toEqual([
      [2, true],
      [1, false],
    ]);

    // The baseline was recorded under version 1 and still reads as it did.
    const v1 = await db
      .selectFrom('instrument')
      .select('id')
      .where('code', '=', 'was')
      .where('version', '=', 1)
      .executeTakeFirstOrThrow();
    const response = await db
      .selectFrom('measurement_response')
      .selectAll()
      .where('measurement_id', '=', baseline.id)
      .executeTakeFirstOrThrow();
    expect(response.instrument_id).toBe(v1.id);
    const after = await coordinator.get(`/api/clients/${clientId}/measures`);
    const wasOf = (body: { cases: { instruments: { code: string; rounds: unknown[] }[] }[] }) =>
      body.cases[0]!.instruments.find((i) => i.code === 'was')!.rounds[0];
    expect(wasOf(after.body)).toEqual(wasOf(before.body));

    // The 3-month work ability score now goes to the client as a link, in the client's language.
    const m3 = await measurementOf(db, caseId, 'was', 3);
    const sent = await coordinator.post(`/api/measurements/${m3.id}/send`, {});
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ kind: 'questionnaire', status: 'sent' });
    const link = await db
      .selectFrom('questionnaire_link')
      .select('id')
      .where('measurement_id', '=', m3.id)
      .executeTakeFirstOrThrow();
    const token = await tokenInMessage(db, `link:${link.id}`);
    const form = await new ApiClient(ctx().app).get(`/api/q/${token}`);
    expect(form.body.language).toBe('en');
    expect(form.body.instrument.items[0].text).toBe('TEST ITEM 0–10 (not the official text)');
  });

  it('refuses a version that is not newer, and a change of respondents', async () => {
    const again = await admin.post('/api/instruments', wasQuestionnaire);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('version_not_newer');
    const flipped = await admin.post('/api/instruments', {
      ...wasQuestionnaire,
      code: 'stakeholder_survey',
      version: 2,
    });
    expect(flipped.status).toBe(409);
    expect(flipped.body.error.code).toBe('respondent_changed');
  });

  it('the database refuses to change or delete a stored version', async () => {
    const { db } = ctx();
    await expect(
      db.updateTable('instrument').set({ definition: '{}' }).where('code', '=', 'prem').execute(),
    ).rejects.toThrow(/cannot be changed/);
    await expect(db.deleteFrom('instrument').where('code', '=', 'prem').execute()).rejects.toThrow(
      /cannot be changed/,
    );
  });

  it('logs the import with the code and version', async () => {
    const row = await ctx()
      .db.selectFrom('audit_event')
      .select(['metadata', 'outcome'])
      .where('event', '=', 'InstrumentImport')
      .where('outcome', '=', 'allowed')
      .executeTakeFirstOrThrow();
    expect(row.metadata).toEqual({ code: 'was', version: 2 });
  });
});
