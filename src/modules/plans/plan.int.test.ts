import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser, TEST_PASSWORD } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { acknowledgePlan } from './plan.service.ts';
import { makeCase } from './plan.test-builders.ts';

const scale = (topic: string) => ({
  minus2: `${topic}: ei lainkaan`,
  minus1: `${topic}: kerran viikossa`,
  zero: `${topic}: kolmesti viikossa`,
  plus1: `${topic}: neljästi viikossa`,
  plus2: `${topic}: joka arkipäivä`,
});

describeEachEngine('plans API', (engine) => {
  const ctx = useTestContext(engine);
  let orgA: { id: string };
  let orgB: { id: string };
  let orgC: { id: string };
  let orgD: { id: string };
  let coordinatorUser: { id: string; email: string };
  let advisorUser: { id: string; email: string };
  let coordinatorA: ApiClient;
  let advisorB: ApiClient;
  let coordinatorC: ApiClient;
  let nurseD: ApiClient;
  let client: { id: string };
  let kase: { id: string };
  let planUrl: string;

  /** Moves the clock on; sessions end after 30 idle minutes, so the workers sign in again. */
  async function moveClockTo(iso: string) {
    const { app, clock } = ctx();
    clock.set(iso);
    coordinatorA = await new ApiClient(app).login(coordinatorUser.email, TEST_PASSWORD);
    advisorB = await new ApiClient(app).login(advisorUser.email, TEST_PASSWORD);
  }

  beforeAll(async () => {
    const { db, app } = ctx();
    orgA = await makeOrganisation(db, { name: 'Alfa sote-keskus' });
    orgB = await makeOrganisation(db, { name: 'Beta työllisyysalue', type: 'municipal_employment_services' });
    orgC = await makeOrganisation(db, { name: 'Gamma järjestö', type: 'ngo' });
    orgD = await makeOrganisation(db, { name: 'Delta kuntoutus', type: 'other_service_provider' });
    coordinatorUser = await makeUser(db, orgA.id, 'coordinator');
    advisorUser = await makeUser(db, orgB.id, 'employment_advisor');
    const cUser = await makeUser(db, orgC.id, 'coordinator');
    const dUser = await makeUser(db, orgD.id, 'nurse');
    coordinatorA = await new ApiClient(app).login(coordinatorUser.email, TEST_PASSWORD);
    advisorB = await new ApiClient(app).login(advisorUser.email, TEST_PASSWORD);
    coordinatorC = await new ApiClient(app).login(cUser.email, TEST_PASSWORD);
    nurseD = await new ApiClient(app).login(dUser.email, TEST_PASSWORD);
    client = await makeClient(db, orgA.id, coordinatorUser.id, { firstName: 'Åsa', lastName: 'Šimkus' });
    await db.updateTable('client').set({ preferred_language: 'sv' }).where('id', '=', client.id).execute();
    kase = await makeCase(db, client.id, orgA.id, coordinatorUser.id, [orgA.id, orgB.id, orgD.id]);
    planUrl = `/api/cases/${kase.id}/plan`;
    // The client consents to the team organisation's plan being disclosed to B (not to D).
    await db
      .insertInto('consent')
      .values({
        client_id: client.id,
        controller_organisation_id: orgA.id,
        recipient_organisation_id: orgB.id,
        categories: ['plan'],
        valid_from: '2026-02-01',
        valid_until: '2026-12-31',
        method: 'written',
        created_by: coordinatorUser.id,
        updated_by: coordinatorUser.id,
      })
      .execute();
  });

  const planBody = () => ({
    goals: [
      {
        text: 'Haluan käydä kuntosalilla säännöllisesti',
        scale: scale('Kuntosali'),
        weight: 2,
        targetDate: '2026-06-30',
        baseline: -1,
      },
      { text: 'Haluan löytää työkokeilupaikan', scale: scale('Työkokeilu'), targetDate: '2026-08-31' },
    ],
    actions: [
      {
        description: 'Etsitään työkokeilupaikka yhdessä',
        responsibleOrganisationId: orgB.id,
        responsibleUserId: advisorUser.id,
        dueDate: '2026-04-30',
      },
    ],
    assessment: {
      ownGoalsAndSkills: 'Haluaa varastotöihin. Trukkikortti.',
      workAbilityInUse: 'Jaksaa noin neljä tuntia päivässä.',
      treatmentAndRehabilitationNeed: '',
      specialSupportNeed: '',
    },
    reviewDates: ['2026-06-01', '2026-04-01'],
  });

  let plan: { id: string; version: number; goals: { id: string; text: string }[] } & Record<string, unknown>;

  describe('access and validation', () => {
    it('answers 401 without a session', async () => {
      const res = await new ApiClient(ctx().app).get(planUrl);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    });

    it('answers 404 "No such plan." before the plan is made, so the page can offer to make it', async () => {
      const res = await coordinatorA.get(planUrl);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not_found', message: 'No such plan.' });
    });

    it('names each invalid field with 400: a weight of 0, a baseline of 0, a missing level description', async () => {
      const body = planBody();
      body.goals[0]!.weight = 0;
      body.goals[1]!.baseline = 0;
      (body.goals[1]!.scale as Partial<ReturnType<typeof scale>>).zero = undefined;
      const res = await coordinatorA.post(planUrl, body);
      expect(res.status).toBe(400);
      const fields = res.body.error.details.issues.map((i: { field: string }) => i.field);
      expect(fields).toEqual(
        expect.arrayContaining(['body.goals.0.weight', 'body.goals.1.baseline', 'body.goals.1.scale.zero']),
      );
    });

    it('refuses an action whose responsible person does not work in the responsible organisation', async () => {
      const body = planBody();
      body.actions[0]!.responsibleOrganisationId = orgA.id;
      const res = await coordinatorA.post(planUrl, body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues).toEqual([
        expect.objectContaining({ field: 'body.actions.0.responsibleUserId', code: 'not_in_organisation' }),
      ]);
    });

    it('answers 404 to an organisation without a relationship, and logs the denial', async () => {
      const res = await coordinatorC.post(planUrl, planBody());
      expect(res.status).toBe(404);
      const denial = await ctx()
        .db.selectFrom('audit_event')
        .where('event', '=', 'PlanCreate')
        .where('outcome', '=', 'denied')
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(denial.client_ids).toEqual([client.id]);
      expect(denial.metadata).toMatchObject({ denial: 'no_relationship' });
      expect(await ctx().db.selectFrom('care_plan').select('id').execute()).toHaveLength(0);
    });
  });

  describe('making and saving the plan', () => {
    it('makes the plan with the client: ids for goals and actions, review dates in order, baseline T-score', async () => {
      const res = await coordinatorA.post(planUrl, planBody());
      expect(res.status).toBe(201);
      plan = res.body;
      expect(plan).toMatchObject({
        caseId: kase.id,
        clientId: client.id,
        organisationId: orgA.id,
        version: 1,
        reviewDates: ['2026-04-01', '2026-06-01'],
        nextReviewDate: '2026-04-01',
        currentVersionAcknowledged: false,
        reviews: [],
      });
      expect(plan.goals).toHaveLength(2);
      expect(plan.goals[1]).toMatchObject({ weight: 1, baseline: -1 });
      expect(plan.goals.every((g) => typeof g.id === 'string')).toBe(true);
      expect(res.body.actions[0]).toMatchObject({
        status: 'planned',
        responsibleOrganisationName: 'Beta työllisyysalue',
        responsibleUserName: expect.stringMatching(/^Testi /),
      });
      // Baselines −1 and −1 with weights 2 and 1: 50 + 10·(−3)/√(0.7·5 + 0.3·9) = 37.95.
      expect(res.body.baselineTScore).toBe(37.95);
    });

    it('refuses a second plan for the same case', async () => {
      const res = await coordinatorA.post(planUrl, planBody());
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'plan_exists', details: { planId: plan.id } });
    });

    it('lets a team organisation with the client’s consent read and save it; one without consent gets 404', async () => {
      const read = await advisorB.get(planUrl);
      expect(read.status).toBe(200);
      const disclosure = await ctx()
        .db.selectFrom('disclosure_log')
        .where('client_id', '=', client.id)
        .where('to_organisation_id', '=', orgB.id)
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(disclosure).toMatchObject({
        from_organisation_id: orgA.id,
        categories: ['plan'],
        basis: 'consent',
      });
      expect((await nurseD.get(planUrl)).status).toBe(404);
      expect((await nurseD.get(`/api/plans/${plan.id}/pdf`)).status).toBe(404);
    });

    it('saves a new version; a save from a stale version gets 409 with the current version and changes nothing', async () => {
      const body = planBody();
      const saved = await advisorB.put(planUrl, {
        ...body,
        version: 1,
        goals: [
          { ...body.goals[0]!, id: plan.goals[0]!.id, text: 'Haluan käydä kuntosalilla kolmesti viikossa' },
          { ...body.goals[1]!, id: plan.goals[1]!.id },
        ],
        actions: [
          { ...body.actions[0]!, id: (plan.actions as { id: string }[])[0]!.id, status: 'in_progress' },
          { description: 'Fysioterapeutin arvio', responsibleOrganisationId: orgA.id, dueDate: '2026-03-31' },
        ],
        assessment: { ...body.assessment, treatmentAndRehabilitationNeed: 'Fysioterapia selkään.' },
        reviewDates: ['2026-04-01', '2026-06-01', '2026-09-01'],
      });
      expect(saved.status).toBe(200);
      expect(saved.body.version).toBe(2);

      const stale = await coordinatorA.put(planUrl, { ...planBody(), version: 1, goals: [] });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: 'stale_version', details: { currentVersion: 2 } });
      const after = await coordinatorA.get(planUrl);
      expect(after.body.version).toBe(2);
      expect(after.body.goals[0].text).toBe('Haluan käydä kuntosalilla kolmesti viikossa');
      expect(
        await ctx()
          .db.selectFrom('care_plan_version')
          .where('plan_id', '=', plan.id)
          .select('version')
          .execute(),
      ).toHaveLength(2);
    });

    it('makes no new version when nothing changed', async () => {
      const current = (await coordinatorA.get(planUrl)).body;
      const res = await coordinatorA.put(planUrl, {
        version: current.version,
        goals: current.goals,
        actions: current.actions.map(
          ({ responsibleOrganisationName, responsibleUserName, ...a }: Record<string, unknown>) => a,
        ),
        assessment: current.assessment,
        reviewDates: current.reviewDates,
      });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(current.version);
    });

    it('keeps every version and compares two of them field by field', async () => {
      const list = await coordinatorA.get(`/api/plans/${plan.id}/versions`);
      expect(list.status).toBe(200);
      expect(list.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(list.body[1]).toMatchObject({
        goals: 2,
        actions: 1,
        acknowledged: false,
        savedAt: '2026-03-02T10:00:00.000Z',
      });

      const first = await coordinatorA.get(`/api/plans/${plan.id}/versions/1`);
      expect(first.status).toBe(200);
      expect(first.body.content.goals[0].text).toBe('Haluan käydä kuntosalilla säännöllisesti');
      expect((await coordinatorA.get(`/api/plans/${plan.id}/versions/9`)).status).toBe(404);

      const diff = await coordinatorA.get(`/api/plans/${plan.id}/versions/compare?from=1&to=2`);
      expect(diff.status).toBe(200);
      expect(diff.body.same).toBe(false);
      expect(diff.body.goals).toEqual({
        added: [],
        removed: [],
        changed: [
          {
            id: plan.goals[0]!.id,
            changes: [
              {
                field: 'text',
                from: 'Haluan käydä kuntosalilla säännöllisesti',
                to: 'Haluan käydä kuntosalilla kolmesti viikossa',
              },
            ],
          },
        ],
      });
      expect(diff.body.actions.added).toHaveLength(1);
      expect(diff.body.actions.added[0].description).toBe('Fysioterapeutin arvio');
      expect(diff.body.actions.changed[0].changes).toEqual([
        { field: 'status', from: 'planned', to: 'in_progress' },
      ]);
      expect(diff.body.assessment).toEqual([
        { field: 'treatmentAndRehabilitationNeed', from: '', to: 'Fysioterapia selkään.' },
      ]);
      expect(diff.body.reviewDates).toEqual({ added: ['2026-09-01'], removed: [] });

      const back = await coordinatorA.get(`/api/plans/${plan.id}/versions/compare?from=2&to=1`);
      expect(back.body.actions.removed).toHaveLength(1);
      expect(back.body.reviewDates).toEqual({ added: [], removed: ['2026-09-01'] });
    });
  });

  describe('GAS reviews', () => {
    it('names a GAS level of 3 with 400', async () => {
      const res = await coordinatorA.post(`/api/plans/${plan.id}/reviews`, {
        planVersion: 2,
        reviewDate: '2026-03-02',
        attainments: [
          { goalId: plan.goals[0]!.id, level: 3 },
          { goalId: plan.goals[1]!.id, level: 0 },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
        'body.attainments.0.level',
      ]);
    });

    it('wants every goal scored, for the current version, on or before today', async () => {
      const url = `/api/plans/${plan.id}/reviews`;
      const one = await coordinatorA.post(url, {
        planVersion: 2,
        reviewDate: '2026-03-02',
        attainments: [{ goalId: plan.goals[0]!.id, level: 1 }],
      });
      expect(one.status).toBe(400);
      expect(one.body.error.details.issues[0]).toMatchObject({
        field: 'body.attainments',
        code: 'goal_not_scored',
      });
      const both = plan.goals.map((g) => ({ goalId: g.id, level: 0 }));
      const stale = await coordinatorA.post(url, {
        planVersion: 1,
        reviewDate: '2026-03-02',
        attainments: both,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: 'stale_version', details: { currentVersion: 2 } });
      const future = await coordinatorA.post(url, {
        planVersion: 2,
        reviewDate: '2026-03-03',
        attainments: both,
      });
      expect(future.status).toBe(400);
      expect(future.body.error.details.issues[0]).toMatchObject({
        field: 'body.reviewDate',
        code: 'future_date',
      });
    });

    it('stores the attained levels with the Kiresuk–Sherman T-score', async () => {
      await moveClockTo('2026-04-01T09:00:00Z');
      const res = await advisorB.post(`/api/plans/${plan.id}/reviews`, {
        planVersion: 2,
        reviewDate: '2026-04-01',
        attainments: [
          { goalId: plan.goals[1]!.id, level: 0 },
          { goalId: plan.goals[0]!.id, level: 1 },
        ],
        note: 'Kuntosali sujuu hyvin.',
      });
      expect(res.status).toBe(201);
      // Weights (2, 1), levels (+1, 0): 50 + 10·2/√(0.7·5 + 0.3·9) = 58.03; baseline 37.95.
      expect(res.body).toMatchObject({
        planVersion: 2,
        reviewDate: '2026-04-01',
        tScore: 58.03,
        baselineTScore: 37.95,
        change: 20.08,
      });
      expect(res.body.attainments).toEqual([
        { goalId: plan.goals[0]!.id, level: 1, weight: 2, baseline: -1 },
        { goalId: plan.goals[1]!.id, level: 0, weight: 1, baseline: -1 },
      ]);
      const row = await ctx()
        .db.selectFrom('gas_review')
        .where('plan_id', '=', plan.id)
        .select(['t_score', 'baseline_t_score', 'created_by'])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ t_score: 58.03, baseline_t_score: 37.95, created_by: advisorUser.id });
      const again = await advisorB.post(`/api/plans/${plan.id}/reviews`, {
        planVersion: 2,
        reviewDate: '2026-04-01',
        attainments: plan.goals.map((g) => ({ goalId: g.id, level: 0 })),
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('review_exists');
      const read = await coordinatorA.get(planUrl);
      expect(read.body.reviews).toHaveLength(1);
      expect(read.body.nextReviewDate).toBe('2026-04-01');
    });
  });

  describe('acknowledgement', () => {
    it('records that the client acknowledged a version in person, once', async () => {
      const url = `/api/plans/${plan.id}/acknowledgements`;
      const res = await coordinatorA.post(url, { version: 2 });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        version: 2,
        method: 'in_person',
        acknowledgedAt: '2026-04-01T09:00:00.000Z',
      });
      expect(res.body.recordedBy).toMatch(/^Testi /);
      await moveClockTo('2026-04-02T09:00:00Z');
      const again = await coordinatorA.post(url, { version: 2 });
      expect(again.status).toBe(201);
      expect(again.body.acknowledgedAt).toBe('2026-04-01T09:00:00.000Z');
      const audit = await ctx()
        .db.selectFrom('audit_event')
        .where('event', '=', 'PlanAcknowledge')
        .where('outcome', '=', 'allowed')
        .select('metadata')
        .orderBy('occurred_at')
        .execute();
      expect(audit.map((a) => a.metadata)).toEqual([
        { version: 2, method: 'in_person', alreadyAcknowledged: false },
        { version: 2, method: 'in_person', alreadyAcknowledged: true },
      ]);
      const unknown = await coordinatorA.post(url, { version: 7 });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details.issues[0]).toMatchObject({
        field: 'body.version',
        code: 'unknown_version',
      });
      const read = await coordinatorA.get(planUrl);
      expect(read.body.currentVersionAcknowledged).toBe(true);
    });

    it('records an acknowledgement through the client’s link without a worker (service call)', async () => {
      const { db, clock } = ctx();
      const result = await db
        .transaction()
        .execute((trx) => acknowledgePlan(trx, plan.id, 1, 'link', null, clock.now()));
      expect(result.created).toBe(true);
      const versions = await coordinatorA.get(`/api/plans/${plan.id}/versions`);
      expect(versions.body.map((v: { acknowledged: boolean }) => v.acknowledged)).toEqual([true, true]);
      const read = await coordinatorA.get(planUrl);
      expect(read.body.acknowledgements).toEqual([
        expect.objectContaining({ version: 2, method: 'in_person' }),
        { version: 1, method: 'link', acknowledgedAt: '2026-04-02T09:00:00.000Z', recordedBy: null },
      ]);
    });
  });

  describe('the PDF', () => {
    it('is the plan in the client’s language, tagged, with extractable text', async () => {
      const res = await advisorB.get(`/api/plans/${plan.id}/pdf`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe('attachment; filename="plan-v2-sv.pdf"');
      const pdf = res.raw.rawPayload;
      const raw = pdf.toString('latin1');
      expect(raw).toContain('/StructTreeRoot');
      expect(raw).toContain('/Lang (sv-FI)');
      const text = (
        await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })
      ).text.replace(/\s+/g, ' ');
      for (const expected of [
        'Gemensam klientplan',
        'Åsa Šimkus',
        'Mål',
        'Åtgärder och ansvar',
        'Haluan käydä kuntosalilla kolmesti viikossa',
        'Haluan löytää työkokeilupaikan',
        'Kuntosali: joka arkipäivä',
        'Fysioterapeutin arvio',
        'Måluppfyllelse',
        '58,03',
      ]) {
        expect(text).toContain(expected);
      }
      const audit = await ctx()
        .db.selectFrom('audit_event')
        .where('event', '=', 'PlanPdfRead')
        .where('outcome', '=', 'allowed')
        .select(['metadata', 'target_id'])
        .executeTakeFirstOrThrow();
      expect(audit).toEqual({ target_id: plan.id, metadata: { version: 2, language: 'sv' } });
    });

    it('can be printed in another language on request', async () => {
      const res = await coordinatorA.get(`/api/plans/${plan.id}/pdf?lang=en`);
      expect(res.status).toBe(200);
      const text = (
        await extractText(await getDocumentProxy(new Uint8Array(res.raw.rawPayload)), { mergePages: true })
      ).text;
      expect(text).toContain('Joint client plan');
      expect(text).toContain('Goal attainment');
    });
  });

  describe('a closed case', () => {
    it('keeps its plan readable but refuses changes', async () => {
      await ctx()
        .db.updateTable('client_case')
        .set({ closed_on: '2026-04-02', outcome_code: 'studies', updated_by: coordinatorUser.id })
        .where('id', '=', kase.id)
        .execute();
      const current = await coordinatorA.get(planUrl);
      expect(current.status).toBe(200);
      const res = await coordinatorA.put(planUrl, { ...planBody(), version: current.body.version });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('case_closed');
    });
  });
});
