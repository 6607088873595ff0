import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeOrganisation } from '../../../test/support/builders.ts';
import { login, makeTeam } from '../../../test/support/client-path.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

type Login = Awaited<ReturnType<typeof login>>;

/** Agreed scores adding up to `total` over the 25 items, in item order. */
function scoresFor(codes: string[], total: number) {
  const base = Math.floor(total / 25);
  const extra = total - base * 25;
  return codes.map((itemCode, i) => {
    const s = base + (i < extra ? 1 : 0);
    return { itemCode, reviewer1: s, reviewer2: s, agreed: s, note: '' };
  });
}

describeEachEngine('fidelity reviews API', (engine) => {
  const ctx = useTestContext(engine);
  let coach: Login;
  let coordinator: Login;
  let manager: Login;
  let nurse: Login;
  let outsider: Login;
  let team: { id: string };
  let codes: string[];
  let review: { id: string; version: number };

  beforeAll(async () => {
    const org = await makeOrganisation(ctx().db, { type: 'foundation' });
    const other = await makeOrganisation(ctx().db, { type: 'ngo' });
    coach = await login(ctx(), org.id, 'job_coach');
    coordinator = await login(ctx(), org.id, 'coordinator');
    manager = await login(ctx(), org.id, 'manager');
    nurse = await login(ctx(), org.id, 'nurse');
    outsider = await login(ctx(), other.id, 'job_coach');
    team = await makeTeam(ctx().db, org.id, [coach.user.id], 'IPS-valmennustiimi');
  });

  it('documents the supported-employment API in OpenAPI with each action and audit event', async () => {
    const docs = await new ApiClient(ctx().app).get('/api/openapi.json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/cases/{id}/coachings',
        '/api/coachings/{id}/vocational-profile',
        '/api/employer-contacts/per-coach-week',
        '/api/work-trial-feedback/{token}',
        '/api/teams/{id}/fidelity-reviews',
      ]),
    );
    expect(docs.body.paths['/api/fidelity-reviews/{id}/finalise'].post.description).toContain(
      'fidelity.finalise',
    );
  });

  it('lists the 25 items in their groups, marked as not yet checked against the manual', async () => {
    expect((await new ApiClient(ctx().app).get('/api/fidelity/items')).status).toBe(401);
    const res = await manager.api.get('/api/fidelity/items');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(25);
    const groups: Record<string, number> = {};
    for (const item of res.body as { group: string }[]) groups[item.group] = (groups[item.group] ?? 0) + 1;
    expect(groups).toEqual({ staffing: 3, organisation: 8, services: 14 });
    expect(res.body[0]).toMatchObject({
      number: 1,
      code: 'caseload_size',
      nameEn: 'Caseload size',
      textChecked: false,
    });
    codes = res.body.map((i: { code: string }) => i.code);
  });

  it('answers 400, 403 and 404 before a review is created', async () => {
    const body = {
      reviewDate: '2026-03-02',
      reviewer1Name: 'Arvioija Yksi',
      reviewer2Name: 'Arvioija Kaksi',
    };
    expect(
      (await coach.api.post(`/api/teams/${team.id}/fidelity-reviews`, { ...body, reviewer2Name: '' })).status,
    ).toBe(400);
    expect((await nurse.api.post(`/api/teams/${team.id}/fidelity-reviews`, body)).status).toBe(403);
    expect((await manager.api.post(`/api/teams/${team.id}/fidelity-reviews`, body)).status).toBe(403);
    expect((await outsider.api.post(`/api/teams/${team.id}/fidelity-reviews`, body)).status).toBe(404);
  });

  it('records two reviewers’ scores and the agreed score per item', async () => {
    const res = await coach.api.post(`/api/teams/${team.id}/fidelity-reviews`, {
      reviewDate: '2026-03-02',
      reviewer1Name: 'Arvioija Yksi',
      reviewer2Name: 'Arvioija Kaksi',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      total: null,
      band: null,
      agreedCount: 0,
      suggestedCaseloadScore: 5,
    });
    expect(res.body.items).toHaveLength(25);
    review = res.body;
    const saved = await coach.api.put(`/api/fidelity-reviews/${review.id}`, {
      reviewDate: '2026-03-02',
      reviewer1Name: 'Arvioija Yksi',
      reviewer2Name: 'Arvioija Kaksi',
      items: [
        { itemCode: 'caseload_size', reviewer1: 5, reviewer2: 3, agreed: 4, note: 'Yhdellä 22 asiakasta' },
      ],
      version: review.version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      agreedCount: 1,
      disagreements: ['caseload_size'],
      groupTotals: { staffing: 4 },
    });
    expect(saved.body.items[0]).toMatchObject({ reviewer1: 5, reviewer2: 3, agreed: 4 });
    const stale = await coach.api.put(`/api/fidelity-reviews/${review.id}`, {
      reviewDate: '2026-03-02',
      reviewer1Name: 'A',
      reviewer2Name: 'B',
      version: review.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    const unknown = await coach.api.put(`/api/fidelity-reviews/${review.id}`, {
      reviewDate: '2026-03-02',
      reviewer1Name: 'A',
      reviewer2Name: 'B',
      items: [{ itemCode: 'no_such_item', reviewer1: 1, reviewer2: 1, agreed: 1 }],
      version: saved.body.version,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues[0]).toMatchObject({
      field: 'body.items.0.itemCode',
      code: 'unknown_item',
    });
    expect((await outsider.api.get(`/api/fidelity-reviews/${review.id}`)).status).toBe(404);
    review = saved.body;
  });

  it('finalises only with every item agreed and an action plan below exemplary', async () => {
    const missing = await coach.api.post(`/api/fidelity-reviews/${review.id}/finalise`, {
      version: review.version,
    });
    expect(missing.status).toBe(409);
    expect(missing.body.error.code).toBe('scores_missing');
    expect(missing.body.error.details.missing).toHaveLength(24);
    const scored = await coach.api.put(`/api/fidelity-reviews/${review.id}`, {
      reviewDate: '2026-03-02',
      reviewer1Name: 'Arvioija Yksi',
      reviewer2Name: 'Arvioija Kaksi',
      items: scoresFor(codes, 99),
      version: review.version,
    });
    expect(scored.status).toBe(200);
    const noPlan = await coach.api.post(`/api/fidelity-reviews/${review.id}/finalise`, {
      version: scored.body.version,
    });
    expect(noPlan.status).toBe(409);
    expect(noPlan.body.error.code).toBe('action_plan_missing');
    const planned = await coordinator.api.put(`/api/fidelity-reviews/${review.id}`, {
      reviewDate: '2026-03-02',
      reviewer1Name: 'Arvioija Yksi',
      reviewer2Name: 'Arvioija Kaksi',
      actionPlan: 'Työnantajakontaktit viikoittain; etuusneuvonta kaikille.',
      version: scored.body.version,
    });
    const final = await coordinator.api.post(`/api/fidelity-reviews/${review.id}/finalise`, {
      version: planned.body.version,
    });
    expect(final.status).toBe(200);
    expect(final.body).toMatchObject({
      status: 'final',
      total: 99,
      band: 'fair',
      nextReviewDue: '2026-09-02',
    });
    const audit = await ctx()
      .db.selectFrom('audit_event')
      .select('metadata')
      .where('event', '=', 'FidelityReviewFinalise')
      .where('outcome', '=', 'allowed')
      .executeTakeFirstOrThrow();
    expect(audit.metadata).toEqual({ total: 99, band: 'fair' });
    const change = await coach.api.put(`/api/fidelity-reviews/${review.id}`, {
      reviewDate: '2026-03-02',
      reviewer1Name: 'A',
      reviewer2Name: 'B',
      version: final.body.version,
    });
    expect(change.status).toBe(409);
    expect(change.body.error.code).toBe('review_final');
  });

  it('keeps the history per team; from 100 the next review is in a year', async () => {
    const next = await coach.api.post(`/api/teams/${team.id}/fidelity-reviews`, {
      reviewDate: '2026-09-01',
      reviewer1Name: 'Arvioija Yksi',
      reviewer2Name: 'Arvioija Kolme',
    });
    const scored = await coach.api.put(`/api/fidelity-reviews/${next.body.id}`, {
      reviewDate: '2026-09-01',
      reviewer1Name: 'Arvioija Yksi',
      reviewer2Name: 'Arvioija Kolme',
      actionPlan: 'Jatketaan.',
      items: scoresFor(codes, 100),
      version: next.body.version,
    });
    const final = await coach.api.post(`/api/fidelity-reviews/${next.body.id}/finalise`, {
      version: scored.body.version,
    });
    expect(final.body).toMatchObject({ total: 100, band: 'good', nextReviewDue: '2027-09-01' });
    const history = await manager.api.get(`/api/teams/${team.id}/fidelity-reviews`);
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({
      latest: { total: 100, band: 'good' },
      draft: null,
      nextReviewDue: '2027-09-01',
      overdue: false,
    });
    expect(history.body.history.map((r: { total: number }) => r.total)).toEqual([100, 99]);
    const teams = await manager.api.get('/api/fidelity/teams');
    expect(teams.body.find((t: { team: { id: string } }) => t.team.id === team.id).latest.band).toBe('good');
    expect((await outsider.api.get(`/api/teams/${team.id}/fidelity-reviews`)).status).toBe(404);
  });
});
