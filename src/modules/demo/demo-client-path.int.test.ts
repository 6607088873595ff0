import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { DEMO_PASSWORD, loadDemoRegion } from './demo-region.ts';

describeEachEngine('demo region: the client path', (engine) => {
  const ctx = useTestContext(engine);
  let coordinator: ApiClient;

  beforeAll(async () => {
    // The demo counts back from the real clock; so does the app under test here.
    ctx().clock.set(new Date());
    await loadDemoRegion(ctx().db);
    coordinator = await new ApiClient(ctx().app).login('koordinaattori@demo.test', DEMO_PASSWORD);
  });

  it('has an open case in every phase of every pathway, closed cases with outcomes and referrals in every status', async () => {
    const { rows: empty } = await sql<{ id: string }>`
      select ph.id from pathway_phase ph
      where not exists (select 1 from client_case k where k.current_phase_id = ph.id and k.closed_on is null)`.execute(
      ctx().db,
    );
    expect(empty).toEqual([]);
    const closed = await ctx()
      .db.selectFrom('client_case')
      .select('outcome_code')
      .where('closed_on', 'is not', null)
      .execute();
    expect(closed.length).toBeGreaterThanOrEqual(6);
    const statuses = await ctx().db.selectFrom('referral').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([
      'accepted',
      'received',
      'redirected',
      'returned',
      'sent',
    ]);
  });

  it('gives the coordinator a worklist and readable timelines through the API', async () => {
    const worklist = await coordinator.get('/api/worklist');
    expect(worklist.status).toBe(200);
    expect(worklist.body.newReferrals.length).toBeGreaterThan(0);
    expect(worklist.body.myCases.length).toBeGreaterThan(0);
    expect(worklist.body.staleCases.length).toBeGreaterThan(0);
    expect(worklist.body.upcomingMeetings.length).toBeGreaterThan(0);
    const [kase] = worklist.body.myCases;
    const timeline = await coordinator.get(`/api/clients/${kase.clientId}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.some((e: { type: string }) => e.type === 'visit')).toBe(true);
    expect((await coordinator.get(`/api/cases/${kase.id}`)).status).toBe(200);
  });
});
