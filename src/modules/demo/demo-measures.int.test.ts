import { beforeAll, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { openTestCase } from '../../../test/support/measurement-fixtures.ts';
import { runDueWork } from '../measurements/due-work.ts';
import { loadDemoMeasures } from './demo-measures.ts';

const NOW = new Date('2026-03-02T10:00:00Z');

describeEachEngine('demo measures', (engine) => {
  const ctx = useTestContext(engine);
  let result: Awaited<ReturnType<typeof loadDemoMeasures>>;

  beforeAll(async () => {
    const { db } = ctx();
    const org = await makeOrganisation(db);
    const user = await makeUser(db, org.id, 'coordinator');
    // Twenty cases opened over the past year, a fortnight apart, each client reachable by e-mail or SMS.
    for (let i = 0; i < 20; i++) {
      const client = await makeClient(db, org.id, user.id);
      if (i % 2 === 0) {
        await db
          .updateTable('client')
          .set({ email: `demo${i}@example.invalid`, contact_preference: 'email' })
          .where('id', '=', client.id)
          .execute();
      }
      const opened = new Date(NOW.getTime() - (20 + i * 14) * 86_400_000).toISOString().slice(0, 10);
      await openTestCase(db, user, client.id, opened, NOW);
    }
    result = await loadDemoMeasures(db, 'http://localhost:3000', NOW);
  });

  it('records baselines and follow-ups, and answers about three links in four', async () => {
    expect(result.recorded).toBeGreaterThan(20);
    expect(result.linksSent).toBeGreaterThan(10);
    const rate = result.linksAnswered / result.linksSent;
    expect(rate).toBeGreaterThan(0.55);
    expect(rate).toBeLessThan(0.9);
  });

  it('leaves recent unanswered links, which the due work reminds', async () => {
    const { db, config } = ctx();
    const work = await runDueWork(db, NOW, { publicUrl: config.publicUrl });
    expect(work.remindersSent).toBeGreaterThanOrEqual(1);
    const reminders = await db
      .selectFrom('message_outbox')
      .select('id')
      .where('dedupe_key', 'like', 'reminder:%')
      .execute();
    expect(reminders.length).toBe(work.remindersSent);
    // Links older than 14 days that nobody answered show as expired.
    expect(work.expired).toBeGreaterThanOrEqual(1);
  });

  it('is safe to run again: nothing is recorded twice', async () => {
    const again = await loadDemoMeasures(ctx().db, 'http://localhost:3000', NOW);
    expect(again.recorded).toBe(0);
  });
});
