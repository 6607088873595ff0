import { beforeAll, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { loadDemoPlans } from '../demo/demo-plans.ts';
import { makeCase } from './plan.test-builders.ts';

describeEachEngine('demo plans', (engine) => {
  const ctx = useTestContext(engine);
  const now = new Date('2026-03-02T10:00:00Z');
  let caseIds: string[];

  beforeAll(async () => {
    const { db } = ctx();
    const sote = await makeOrganisation(db);
    const employment = await makeOrganisation(db, { type: 'municipal_employment_services' });
    const coordinator = await makeUser(db, sote.id, 'coordinator');
    const openings: [string, 'fi' | 'sv' | 'en'][] = [
      ['2025-08-01', 'fi'],
      ['2025-11-10', 'sv'],
      ['2026-01-10', 'fi'],
      ['2026-02-27', 'en'],
    ];
    caseIds = [];
    for (const [openedOn, language] of openings) {
      const client = await makeClient(db, sote.id, coordinator.id);
      await db
        .updateTable('client')
        .set({ preferred_language: language })
        .where('id', '=', client.id)
        .execute();
      const kase = await makeCase(db, client.id, sote.id, coordinator.id, [sote.id, employment.id], openedOn);
      caseIds.push(kase.id);
    }
  });

  it('adds plans with GAS scales, versions and reviews to two cases in three, once', async () => {
    const { db } = ctx();
    expect(await loadDemoPlans(db, now)).toBe(3);
    expect(await loadDemoPlans(db, now)).toBe(0);
    const plans = await db
      .selectFrom('care_plan')
      .select(['case_id', 'version', 'content', 'id'])
      .orderBy('created_at')
      .execute();
    expect(plans.map((p) => p.case_id)).toEqual([caseIds[0], caseIds[1], caseIds[3]]);
    // Opened 2025-08-01: saved twice, reviewed at 90 and 180 days; opened three days ago: a first version only.
    expect(plans.map((p) => p.version)).toEqual([2, 2, 1]);
    const reviews = await db.selectFrom('gas_review').select(['plan_id', 't_score']).execute();
    expect(reviews.filter((r) => r.plan_id === plans[0]!.id)).toHaveLength(2);
    expect(reviews.filter((r) => r.plan_id === plans[1]!.id)).toHaveLength(1);
    for (const r of reviews) expect(r.t_score).toBeGreaterThan(20);
    expect(plans[1]!.content.goals[0]!.text).toMatch(/^Jag vill/);
    expect(plans[2]!.content.goals[0]!.text).toMatch(/^I want/);
    const acknowledged = await db.selectFrom('care_plan_acknowledgement').select('plan_id').execute();
    expect(acknowledged).toHaveLength(3);
  });
});
