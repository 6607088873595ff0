import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser, TEST_PASSWORD } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { openTestCase } from '../../../test/support/measurement-fixtures.ts';

describeEachEngine('measurement schedule per pathway', (engine) => {
  const ctx = useTestContext(engine);
  let admin: ApiClient;
  let coordinator: ApiClient;
  let user: Awaited<ReturnType<typeof makeUser>>;
  let supported: string;

  beforeAll(async () => {
    const { db, app } = ctx();
    const org = await makeOrganisation(db);
    user = await makeUser(db, org.id, 'coordinator');
    admin = await new ApiClient(app).login((await makeUser(db, org.id, 'admin')).email, TEST_PASSWORD);
    coordinator = await new ApiClient(app).login(user.email, TEST_PASSWORD);
    supported = (
      await db
        .selectFrom('pathway')
        .select('id')
        .where('code', '=', 'supported_employment')
        .executeTakeFirstOrThrow()
    ).id;
  });

  const entries = (body: { entries: { instrumentCode: string; round: string; kind: string }[] }) =>
    body.entries.map((e) => `${e.instrumentCode}@${e.round}:${e.kind}`);

  it('the default: baseline work ability score and 3X10D, then the score and the survey at 3 and 6 months', async () => {
    const res = await coordinator.get(`/api/measurement-schedule?pathwayId=${supported}`);
    expect(res.status).toBe(200);
    expect(res.body.ownSchedule).toBe(false);
    expect(entries(res.body)).toEqual([
      'd3x10@baseline:result_only',
      'was@baseline:result_only',
      'prem@3m:questionnaire',
      'was@3m:result_only',
      'd3x10@6m:result_only',
      'prem@6m:questionnaire',
      'was@6m:result_only',
    ]);
  });

  it('an admin sets a pathway’s own schedule; new cases on it follow it', async () => {
    const body = {
      pathwayId: supported,
      entries: [
        { instrumentCode: 'was', offsetMonths: 0 },
        { instrumentCode: 'prem', offsetMonths: 2 },
      ],
    };
    expect((await coordinator.put('/api/measurement-schedule', body)).status).toBe(403);
    const res = await admin.put('/api/measurement-schedule', body);
    expect(res.status).toBe(200);
    expect(res.body.ownSchedule).toBe(true);
    expect(entries(res.body)).toEqual(['was@baseline:result_only', 'prem@2m:questionnaire']);

    const { db, clock } = ctx();
    const client = await makeClient(db, user.organisationId, user.id);
    const caseId = await openTestCase(db, user, client.id, '2026-01-31', clock.now(), 'supported_employment');
    const rows = await db
      .selectFrom('measurement')
      .select(['instrument_code', 'due_on'])
      .where('case_id', '=', caseId)
      .orderBy('due_on')
      .execute();
    // 31 January + 2 months = 31 March; other pathways still follow the default.
    expect(rows).toEqual([
      { instrument_code: 'was', due_on: '2026-01-31' },
      { instrument_code: 'prem', due_on: '2026-03-31' },
    ]);
    const other = await coordinator.get('/api/measurement-schedule');
    expect(other.body.entries).toHaveLength(7);
  });

  it('refuses unknown instruments, stakeholder surveys and duplicates', async () => {
    const put = (list: { instrumentCode: string; offsetMonths: number }[]) =>
      admin.put('/api/measurement-schedule', { pathwayId: supported, entries: list });
    const codeOf = async (list: { instrumentCode: string; offsetMonths: number }[]) =>
      (await put(list)).body.error.details.issues[0].code;
    expect(await codeOf([{ instrumentCode: 'nope', offsetMonths: 0 }])).toBe('unknown_instrument');
    expect(await codeOf([{ instrumentCode: 'stakeholder_survey', offsetMonths: 3 }])).toBe('not_for_clients');
    expect(
      await codeOf([
        { instrumentCode: 'was', offsetMonths: 3 },
        { instrumentCode: 'was', offsetMonths: 3 },
      ]),
    ).toBe('duplicate');
    expect((await put([{ instrumentCode: 'was', offsetMonths: 61 }])).status).toBe(400);
  });

  it('an empty list returns the pathway to the default; the replaced rows are kept, retired', async () => {
    const res = await admin.put('/api/measurement-schedule', { pathwayId: supported, entries: [] });
    expect(res.body.ownSchedule).toBe(false);
    expect(res.body.entries).toHaveLength(7);
    const retired = await ctx()
      .db.selectFrom('measurement_schedule')
      .select(['instrument_code', 'active'])
      .where('pathway_id', '=', supported)
      .execute();
    expect(retired).toHaveLength(2);
    expect(retired.every((r) => !r.active)).toBe(true);
  });
});
