import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser, TEST_PASSWORD } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import {
  actorOf,
  measurementOf,
  openTestCase,
  tokenInMessage,
} from '../../../test/support/measurement-fixtures.ts';
import { findLiveLink } from '../questionnaires/link.service.ts';
import { submitAnswers } from '../questionnaires/questionnaire.service.ts';
import { recordResult, sendMeasurementLink } from './measurement.service.ts';

/**
 * A small hand-made pilot: six clients whose cases opened on 5 January 2026. The expected figures are worked
 * out by hand next to the data.
 */
const WAS = [
  { baseline: 3, m3: 5 }, // +2
  { baseline: 4, m3: 4 }, //  0
  { baseline: 2, m3: 5 }, // +3
  { baseline: 6, m3: 7 }, // +1
  { baseline: 5, m3: 3 }, // −2
  { baseline: 4, m3: null }, // no follow-up
];
// n = 5 pairs; baseline mean 20/5 = 4.0; follow-up mean 24/5 = 4.8; mean change 4/5 = 0.8.

// The 3-month client experience survey: sent to all six, answered by the first five.
const PREM_3M = [
  {
    coping: 5,
    useful: 5,
    decided_together: 4,
    information_understandable: 3,
    knows_continuation: 5,
    recommend: 10,
  },
  {
    coping: 4,
    useful: 5,
    decided_together: 4,
    information_understandable: 3,
    knows_continuation: 4,
    recommend: 9,
  },
  {
    coping: 3,
    useful: 5,
    decided_together: 4,
    information_understandable: 3,
    knows_continuation: 1,
    recommend: 8,
  },
  {
    coping: 2,
    useful: 4,
    decided_together: 4,
    information_understandable: 3,
    knows_continuation: 1,
    recommend: 6,
  },
  {
    coping: 0,
    useful: 2,
    decided_together: 4,
    information_understandable: 3,
    knows_continuation: 1,
    recommend: 10,
  },
];
// NPS: promoters 10, 9, 10 = 3, detractors 6 = 1 → (3 − 1) / 5 = 40.
// coping better: 5, 4 of 4 counted (0 = cannot say) → 50 %, suppressed (n 4 < 5); useful 4 of 5 → 80 %; together 100 %;
// information 0 %; knows how it continues 2 of 5 → 40 %. Response rate 5 / 6 = 83.33 %.
// The 6-month survey: sent to all six, answered by the first three (rate 50 %, too few for figures).

const OPENED = '2026-01-05';
const LATER = new Date('2026-07-10T09:00:00Z');

describeEachEngine('change and response rate', (engine) => {
  const ctx = useTestContext(engine);
  let orgId: string;
  let coordinator: ApiClient;
  let manager: ApiClient;
  let nurse: ApiClient;
  let outsider: ApiClient;
  const clientIds: string[] = [];

  beforeAll(async () => {
    const { db, app, clock, config } = ctx();
    const org = await makeOrganisation(db);
    const other = await makeOrganisation(db);
    orgId = org.id;
    const user = await makeUser(db, org.id, 'coordinator');
    const actor = actorOf(user);
    for (let i = 0; i < WAS.length; i++) {
      const client = await makeClient(db, org.id, user.id);
      await db
        .updateTable('client')
        .set({ email: `pilotti${i}@example.invalid`, contact_preference: 'email' })
        .where('id', '=', client.id)
        .execute();
      clientIds.push(client.id);
      const caseId = await openTestCase(db, user, client.id, OPENED, new Date(`${OPENED}T08:00:00Z`));
      const record = async (offset: number, was: number, on: string) => {
        const m = await measurementOf(db, caseId, 'was', offset);
        await db
          .transaction()
          .execute((trx) => recordResult(trx, actor, m.id, { answers: { was }, answeredOn: on }, LATER));
      };
      await record(0, WAS[i]!.baseline, OPENED);
      if (WAS[i]!.m3 !== null) await record(3, WAS[i]!.m3!, '2026-04-07');

      const answerPrem = async (
        offset: number,
        sentAt: Date,
        answers: Record<string, number> | undefined,
      ) => {
        const m = await measurementOf(db, caseId, 'prem', offset);
        const { linkId } = await db
          .transaction()
          .execute((trx) => sendMeasurementLink(trx, actor, m.id, undefined, config.publicUrl, sentAt));
        if (!answers) return;
        const token = await tokenInMessage(db, `link:${linkId}`);
        const answeredAt = new Date(sentAt.getTime() + 86_400_000);
        await db.transaction().execute(async (trx) => {
          const link = (await findLiveLink(trx, token, answeredAt))!;
          await submitAnswers(trx, link, answers, answeredAt);
        });
      };
      await answerPrem(3, new Date('2026-04-05T08:00:00Z'), PREM_3M[i]);
      await answerPrem(6, new Date('2026-07-05T08:00:00Z'), i < 3 ? PREM_3M[i] : undefined);
    }
    clock.set(LATER);
    coordinator = await new ApiClient(app).login(user.email, TEST_PASSWORD);
    manager = await new ApiClient(app).login((await makeUser(db, org.id, 'manager')).email, TEST_PASSWORD);
    nurse = await new ApiClient(app).login((await makeUser(db, org.id, 'nurse')).email, TEST_PASSWORD);
    outsider = await new ApiClient(app).login(
      (await makeUser(db, other.id, 'coordinator')).email,
      TEST_PASSWORD,
    );
  });

  const summary = (query: string, as = manager) => as.get(`/api/measures/summary?${query}`);
  const instrument = (body: { instruments: { code: string }[] }, code: string) =>
    // biome-ignore lint/suspicious/noExplicitAny: the test reads the DTO freely.
    body.instruments.find((i) => i.code === code) as any;

  it('a client’s measures: the work ability score per round with its change; the survey without scores', async () => {
    const res = await coordinator.get(`/api/clients/${clientIds[0]}/measures`);
    expect(res.status).toBe(200);
    expect(res.body.cases).toHaveLength(1);
    const was = res.body.cases[0].instruments.find((i: { code: string }) => i.code === 'was');
    expect(was.individualScores).toBe(true);
    expect(
      was.rounds.map(
        (r: { round: string; status: string; scores: { value: number; change: number }[] | null }) => [
          r.round,
          r.status,
          r.scores?.[0]?.value ?? null,
          r.scores?.[0]?.change ?? null,
        ],
      ),
    ).toEqual([
      ['baseline', 'answered', 3, null],
      ['3m', 'answered', 5, 2],
      ['6m', 'due', null, null],
    ]);
    const prem = res.body.cases[0].instruments.find((i: { code: string }) => i.code === 'prem');
    expect(prem.individualScores).toBe(false);
    expect(
      prem.rounds.map((r: { round: string; status: string; source: string; scores: unknown }) => [
        r.round,
        r.status,
        r.source,
        r.scores,
      ]),
    ).toEqual([
      ['3m', 'answered', 'client_link', null],
      ['6m', 'answered', 'client_link', null],
    ]);
  });

  it('a client’s measures are client data: 401, 403 for a manager, 404 for another organisation', async () => {
    const url = `/api/clients/${clientIds[0]}/measures`;
    expect((await new ApiClient(ctx().app).get(url)).status).toBe(401);
    expect((await manager.get(url)).status).toBe(403);
    expect((await outsider.get(url)).status).toBe(404);
  });

  it('the summary is for managers and coordinators only', async () => {
    expect((await new ApiClient(ctx().app).get('/api/measures/summary')).status).toBe(401);
    expect((await nurse.get('/api/measures/summary')).status).toBe(403);
    expect((await summary(`organisationId=${orgId}`, coordinator)).status).toBe(200);
    expect((await manager.get('/api/measures/summary?from=2026-13-01')).status).toBe(400);
  });

  it('gives n, mean baseline, mean follow-up and mean change of the work ability score', async () => {
    const res = await summary(`from=2026-01-01&to=2026-12-31&organisationId=${orgId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-01-01', to: '2026-12-31', minGroupSize: 5 });
    const was = instrument(res.body, 'was');
    expect(was.responseRate).toBeNull();
    const m3 = was.change.find((c: { round: string }) => c.round === '3m').scores[0];
    expect(m3).toMatchObject({ key: 'was', n: 5, suppressed: false });
    expect(m3.baselineMean).toBeCloseTo(4.0, 10);
    expect(m3.followUpMean).toBeCloseTo(4.8, 10);
    expect(m3.meanChange).toBeCloseTo(0.8, 10);
    // Nobody has a 6-month value yet: nothing to show.
    expect(was.change.find((c: { round: string }) => c.round === '6m').scores[0]).toMatchObject({
      n: 0,
      suppressed: true,
      meanChange: null,
    });
    // The baseline round as a group: six people, (3 + 4 + 2 + 6 + 5 + 4) / 6 = 4.
    expect(was.groupScores.find((g: { round: string }) => g.round === 'baseline').scores[0]).toMatchObject({
      n: 6,
      value: 4,
    });
  });

  it('gives the survey’s NPS and percentages at group level, and its response rate per round and month', async () => {
    const res = await summary(`from=2026-01-01&to=2026-12-31&organisationId=${orgId}`);
    const prem = instrument(res.body, 'prem');
    const m3 = Object.fromEntries(
      prem.groupScores
        .find((g: { round: string }) => g.round === '3m')
        .scores.map((s: { key: string; n: number; value: number | null }) => [
          s.key,
          [s.n, s.value === null ? null : Math.round(s.value * 100) / 100],
        ]),
    );
    expect(m3).toEqual({
      nps: [5, 40],
      // 2 of 4 would be 50 %, but four counted answers are fewer than five: not shown.
      coping_better: [4, null],
      useful_agree: [5, 80],
      decided_together_agree: [5, 100],
      information_understandable_agree: [5, 0],
      knows_continuation_agree: [5, 40],
    });
    // Three answers at 6 months are too few to show.
    expect(prem.groupScores.find((g: { round: string }) => g.round === '6m').scores[0]).toMatchObject({
      key: 'nps',
      n: 3,
      value: null,
      suppressed: true,
    });
    expect(prem.responseRate.total.sent).toBe(12);
    expect(prem.responseRate.total.answered).toBe(8);
    expect(prem.responseRate.total.rate).toBeCloseTo(66.667, 3);
    expect(
      prem.responseRate.byRound.map((r: { round: string; sent: number; answered: number; rate: number }) => [
        r.round,
        r.sent,
        r.answered,
        Math.round(r.rate * 100) / 100,
      ]),
    ).toEqual([
      ['3m', 6, 5, 83.33],
      ['6m', 6, 3, 50],
    ]);
    expect(
      prem.responseRate.byMonth.map((r: { month: string; sent: number; answered: number }) => [
        r.month,
        r.sent,
        r.answered,
      ]),
    ).toEqual([
      ['2026-04', 6, 5],
      ['2026-07', 6, 3],
    ]);
  });

  it('filters by period (due date), pathway and organisation', async () => {
    const april = await summary(`from=2026-04-01&to=2026-04-30&organisationId=${orgId}`);
    const prem = instrument(april.body, 'prem');
    expect(prem.responseRate.total).toMatchObject({ sent: 6, answered: 5 });
    expect(prem.responseRate.byRound.map((r: { round: string }) => r.round)).toEqual(['3m']);
    // The follow-up is in April; its baseline (January) still pairs with it.
    expect(instrument(april.body, 'was').change[0].scores[0]).toMatchObject({ n: 5 });

    const pathways = await ctx().db.selectFrom('pathway').select(['id', 'code']).execute();
    const own = pathways.find((p) => p.code === 'work_ability_team')!.id;
    const other = pathways.find((p) => p.code === 'supported_employment')!.id;
    expect(
      instrument((await summary(`organisationId=${orgId}&pathwayId=${own}&from=2026-01-01`)).body, 'was'),
    ).toBeDefined();
    expect(
      (await summary(`organisationId=${orgId}&pathwayId=${other}&from=2026-01-01`)).body.instruments,
    ).toEqual([]);
    const elsewhere = await makeOrganisation(ctx().db);
    expect((await summary(`organisationId=${elsewhere.id}&from=2026-01-01`)).body.instruments).toEqual([]);
  });

  it('writes the summary to the access log without client ids', async () => {
    const rows = await ctx()
      .db.selectFrom('audit_event')
      .select(['client_ids', 'outcome'])
      .where('event', '=', 'MeasureSummaryRead')
      .where('outcome', '=', 'allowed')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.client_ids.length === 0)).toBe(true);
  });
});
