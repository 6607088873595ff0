import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { DEMO_PASSWORD, loadDemoRegion } from '../demo/demo-region.ts';

describeEachEngine('demo region: supported employment', (engine) => {
  const ctx = useTestContext(engine);
  let coach: ApiClient;

  beforeAll(async () => {
    // The demo counts back from the real clock; so does the app under test here.
    ctx().clock.set(new Date());
    await loadDemoRegion(ctx().db);
    coach = await new ApiClient(ctx().app).login('valmentaja@demo.test', DEMO_PASSWORD);
  });

  it('has coaches with caseloads, coachings with profiles, job starts and measures', async () => {
    const caseloads = await coach.get('/api/coaching/caseloads');
    expect(caseloads.status).toBe(200);
    expect(caseloads.body.coaches).toHaveLength(3);
    expect(
      caseloads.body.coaches.filter((c: { activeClients: number }) => c.activeClients > 0).length,
    ).toBeGreaterThanOrEqual(2);
    const list = await coach.get('/api/coachings?status=all');
    expect(list.body.length).toBeGreaterThanOrEqual(6);
    expect(list.body.some((k: { kind: string }) => k.kind === 'service')).toBe(true);
    const details = await Promise.all(
      list.body.map((k: { id: string }) => coach.get(`/api/coachings/${k.id}`)),
    );
    const placements = details.flatMap((d) => d.body.placements);
    expect(placements.some((p: { countsAsJobStart: boolean }) => p.countsAsJobStart)).toBe(true);
    expect(placements.some((p: { countsAsJobStart: boolean }) => !p.countsAsJobStart)).toBe(true);
    expect(details.some((d) => d.body.measures.daysToFirstEmployerContact !== null)).toBe(true);
    expect(details.some((d) => d.body.modules.some((m: { review: unknown }) => m.review !== null))).toBe(
      true,
    );
  });

  it('has an employer register and about six contacts a week for the first coach', async () => {
    const employers = await coach.get('/api/employers');
    expect(employers.body).toHaveLength(6);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date());
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 27 * 86_400_000).toISOString().slice(0, 10);
    const rate = await coach.get(`/api/employer-contacts/per-coach-week?from=${from}&to=${today}`);
    expect(rate.status).toBe(200);
    expect(Math.max(...rate.body.coaches.map((c: { perWeek: number }) => c.perWeek))).toBeGreaterThanOrEqual(
      5,
    );
    expect((await coach.get('/api/job-openings')).body.length).toBeGreaterThanOrEqual(4);
  });

  it('has a work trial with mid-point feedback and a working final link in the outbox', async () => {
    const link = await ctx()
      .db.selectFrom('message_outbox')
      .select('body')
      .where('dedupe_key', 'like', 'work-trial-feedback:%')
      .executeTakeFirstOrThrow();
    const token = /\/f\/([A-Za-z0-9_-]+)/.exec(link.body)![1]!;
    const form = await new ApiClient(ctx().app).get(`/api/work-trial-feedback/${token}`);
    expect(form.status).toBe(200);
    expect(form.body.kind).toBe('final');
    const trial = await ctx().db.selectFrom('work_trial').select('id').executeTakeFirstOrThrow();
    const read = await coach.get(`/api/work-trials/${trial.id}`);
    expect(read.body.feedback).toHaveLength(1);
  });

  it('has two fidelity reviews of the coaching team', async () => {
    const teams = await coach.get('/api/fidelity/teams');
    const team = teams.body.find((t: { history: unknown[] }) => t.history.length > 0);
    expect(team.history.map((r: { band: string }) => r.band)).toEqual(['good', 'fair']);
    expect(team.latest.total).toBe(100);
  });
});
