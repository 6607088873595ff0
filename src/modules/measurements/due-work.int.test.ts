import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser, TEST_PASSWORD } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import {
  actorOf,
  linkKeyOf,
  measurementOf,
  openTestCase,
  tokenInMessage,
} from '../../../test/support/measurement-fixtures.ts';
import { serverUrl } from '../../../test/support/template.ts';
import type { Db } from '../../server/db/database.ts';
import { type DatabaseHandle, openPostgres } from '../../server/db/engine.ts';
import type { Transport } from '../outbox/delivery.ts';
import type { MessageOutboxRow } from '../outbox/outbox.table.ts';
import { runDueWork } from './due-work.ts';
import { sendMeasurementLink } from './measurement.service.ts';

const DAY = 86_400_000;
const T0 = new Date('2026-03-02T10:00:00Z');
const at = (days: number, ms = 0) => new Date(T0.getTime() + days * DAY + ms);

describeEachEngine('due work: reminders and automatic follow-ups', (engine) => {
  const ctx = useTestContext(engine);
  let user: Awaited<ReturnType<typeof makeUser>>;
  const run = (now: Date, db: Db = ctx().db) => runDueWork(db, now, { publicUrl: ctx().config.publicUrl });

  async function newClient(email = true) {
    const { db } = ctx();
    const client = await makeClient(db, user.organisationId, user.id);
    if (email) {
      await db
        .updateTable('client')
        .set({ email: `asiakas-${client.id.slice(0, 8)}@example.invalid`, contact_preference: 'email' })
        .where('id', '=', client.id)
        .execute();
    }
    return client.id;
  }

  /** A case opened on `openedOn` whose 3-month client experience survey was sent by hand at `sentAt`. */
  async function sentLink(sentAt: Date, openedOn = '2026-03-02') {
    const { db } = ctx();
    const clientId = await newClient();
    const caseId = await openTestCase(db, user, clientId, openedOn, sentAt);
    const m = await measurementOf(db, caseId, 'prem', 3);
    const { linkId } = await db
      .transaction()
      .execute((trx) =>
        sendMeasurementLink(trx, actorOf(user), m.id, undefined, ctx().config.publicUrl, sentAt),
      );
    return { clientId, caseId, measurementId: m.id, linkId };
  }

  const remindersOf = (linkId: string) =>
    ctx()
      .db.selectFrom('message_outbox')
      .select(['dedupe_key', 'created_at'])
      .where('dedupe_key', 'like', `reminder:${linkId}:%`)
      .orderBy('dedupe_key')
      .execute();

  beforeAll(async () => {
    const { db } = ctx();
    const org = await makeOrganisation(db);
    user = await makeUser(db, org.id, 'coordinator');
  });

  it('reminds an unanswered link after 3 and after 7 days, each exactly once, however often it runs', async () => {
    const { linkId, measurementId } = await sentLink(T0);
    await run(at(3, -60_000));
    expect(await remindersOf(linkId)).toEqual([]);

    await run(at(3));
    expect((await remindersOf(linkId)).map((r) => r.dedupe_key)).toEqual([`reminder:${linkId}:1`]);
    for (const t of [at(3), at(3, 1), at(4), at(6.9)]) await run(t);
    expect(await remindersOf(linkId)).toHaveLength(1);

    await run(at(7));
    for (const t of [at(7), at(8), at(13.9)]) await run(t);
    const reminders = await remindersOf(linkId);
    expect(reminders.map((r) => r.dedupe_key)).toEqual([`reminder:${linkId}:1`, `reminder:${linkId}:2`]);
    expect(reminders.map((r) => r.created_at.toISOString())).toEqual([
      at(3).toISOString(),
      at(7).toISOString(),
    ]);

    // Each reminder carries a token of its own; all of them open the same questionnaire until it expires.
    const { clock, app } = ctx();
    clock.set(at(13));
    for (const key of [`link:${linkId}`, `reminder:${linkId}:1`, `reminder:${linkId}:2`]) {
      const token = await tokenInMessage(ctx().db, key);
      expect((await app.inject({ method: 'GET', url: `/api/q/${token}` })).statusCode).toBe(200);
    }

    // After 14 days the link is dead and the measurement shows as expired; no more reminders.
    const expired = await run(at(14));
    expect(expired.expired).toBeGreaterThanOrEqual(1);
    await run(at(20));
    expect(await remindersOf(linkId)).toHaveLength(2);
    const m = await ctx()
      .db.selectFrom('measurement')
      .select('status')
      .where('id', '=', measurementId)
      .executeTakeFirstOrThrow();
    expect(m.status).toBe('expired');
    clock.set(T0);
  });

  it('sends only the second reminder when both fell due while the service was down', async () => {
    const { linkId } = await sentLink(T0);
    await run(at(9));
    expect((await remindersOf(linkId)).map((r) => r.dedupe_key)).toEqual([`reminder:${linkId}:2`]);
  });

  it('does not remind an answered link', async () => {
    const { linkId } = await sentLink(T0);
    const token = await tokenInMessage(ctx().db, `link:${linkId}`);
    const answers = {
      coping: 5,
      useful: 5,
      decided_together: 5,
      information_understandable: 5,
      knows_continuation: 5,
      recommend: 10,
    };
    const client = new ApiClient(ctx().app);
    expect((await client.post(`/api/q/${token}/submit`, { answers })).status).toBe(200);
    await run(at(3));
    await run(at(7));
    expect(await remindersOf(linkId)).toEqual([]);
  });

  it('sends the 3-month follow-up automatically when it falls due, reminds it, and leaves result entries on the worklist', async () => {
    const { db, clock } = ctx();
    const clientId = await newClient();
    const caseId = await openTestCase(db, user, clientId, '2026-03-02', T0);
    const prem = await measurementOf(db, caseId, 'prem', 3);
    expect(prem.due_on).toBe('2026-06-02');

    await run(new Date('2026-06-01T20:00:00Z')); // 23:00 on 1 June in Finland
    expect((await measurementOf(db, caseId, 'prem', 3)).status).toBe('due');

    const due = new Date('2026-06-02T06:00:00Z'); // 09:00 on 2 June in Finland
    await run(due);
    await run(due);
    const sent = await measurementOf(db, caseId, 'prem', 3);
    expect(sent.status).toBe('sent');
    const messages = await db
      .selectFrom('message_outbox')
      .selectAll()
      .where('client_id', '=', clientId)
      .execute();
    expect(messages.map((m) => m.dedupe_key)).toEqual([`followup:${prem.id}`]);
    expect(messages[0]).toMatchObject({ channel: 'email', language: 'fi', subject: 'Kysely vastattavanasi' });

    const { linkId } = await linkKeyOf(db, prem.id);
    await run(new Date(due.getTime() + 3 * DAY));
    await run(new Date(due.getTime() + 7 * DAY));
    expect((await remindersOf(linkId)).map((r) => r.dedupe_key)).toEqual([
      `reminder:${linkId}:1`,
      `reminder:${linkId}:2`,
    ]);

    // The work ability score is a result entry: it waits on the worklist for the professional.
    clock.set(due);
    const coordinator = await new ApiClient(ctx().app).login(user.email, TEST_PASSWORD);
    const worklist = await coordinator.get('/api/worklist/measurements?mine=true');
    expect(worklist.status).toBe(200);
    const was = worklist.body.find(
      (w: { caseId: string; instrumentCode: string; round: string }) =>
        w.caseId === caseId && w.instrumentCode === 'was' && w.round === '3m',
    );
    expect(was).toMatchObject({
      kind: 'result_only',
      status: 'due',
      dueOn: '2026-06-02',
      overdueDays: 0,
      clientId,
    });
    expect(
      worklist.body.some(
        (w: { caseId: string; instrumentCode: string; round: string }) =>
          w.caseId === caseId && w.instrumentCode === 'prem' && w.round === '3m',
      ),
    ).toBe(false);
    clock.set(T0);
  });

  it('leaves a follow-up that fell due long ago to the professional, and schedules cases that lack measurements', async () => {
    const { db } = ctx();
    const clientId = await newClient();
    const caseId = await openTestCase(db, user, clientId, '2025-06-02', T0);
    await run(T0);
    expect((await measurementOf(db, caseId, 'prem', 3)).status).toBe('due');
    expect((await measurementOf(db, caseId, 'prem', 6)).status).toBe('due');

    // A case from before this module (or the demo loader): the scheduler gives it its measurements, once.
    const older = await openTestCase(db, user, await newClient(), '2026-02-02', T0);
    await db.deleteFrom('measurement').where('case_id', '=', older).execute();
    const first = await run(T0);
    expect(first.scheduled).toBe(7);
    expect((await run(T0)).scheduled).toBe(0);
    const rows = await db.selectFrom('measurement').select('id').where('case_id', '=', older).execute();
    expect(rows).toHaveLength(7);
  });

  it('a client without e-mail or phone gets no automatic link; the follow-up stays due', async () => {
    const { db } = ctx();
    const clientId = await newClient(false);
    await db.updateTable('client').set({ phone: null }).where('id', '=', clientId).execute();
    const caseId = await openTestCase(db, user, clientId, '2026-03-02', T0);
    await run(new Date('2026-06-02T06:00:00Z'));
    expect((await measurementOf(db, caseId, 'prem', 3)).status).toBe('due');
  });

  if (engine === 'pglite') {
    it.skip('two app instances on one PostgreSQL server — does not apply to PGlite: one process owns an embedded data folder (engine.ts refuses a second), so there is no second instance to race', () => {});
    return;
  }

  let second: DatabaseHandle;
  beforeAll(async () => {
    // A second app instance: its own pool to the same database, as another process would have.
    const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(ctx().db);
    second = openPostgres(serverUrl(rows[0]!.db), 5);
  });
  afterAll(async () => {
    await second?.close();
  });

  it('two instances (two pools) running the due work concurrently queue and deliver each message exactly once', async () => {
    const { db } = ctx();
    const manual = [];
    for (let i = 0; i < 6; i++) manual.push(await sentLink(T0));
    // Cases opened three months before T0: their follow-ups fall due at T0, and both instances race for them.
    const followUps = [];
    for (let i = 0; i < 6; i++) {
      const clientId = await newClient();
      const caseId = await openTestCase(db, user, clientId, '2025-12-02', T0);
      followUps.push({ clientId, measurementId: (await measurementOf(db, caseId, 'prem', 3)).id });
    }
    const clientIds = [...manual.map((m) => m.clientId), ...followUps.map((f) => f.clientId)];

    const deliveries = new Map<string, number>();
    const counting: Transport = {
      async send(m: MessageOutboxRow) {
        deliveries.set(m.id, (deliveries.get(m.id) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 2));
        return 'file';
      },
      close() {},
    };
    const both = (now: Date) =>
      Promise.all(
        [db, second.db, db, second.db].map((d) =>
          runDueWork(d, now, { publicUrl: ctx().config.publicUrl, transport: counting }),
        ),
      );
    for (const t of [T0, T0, at(3), at(3), at(3, 3_600_000), at(7), at(7), at(8)]) await both(t);

    const rows = await db
      .selectFrom('message_outbox')
      .select(['id', 'dedupe_key', 'sent_at'])
      .where('client_id', 'in', clientIds)
      .execute();
    const keys = rows.map((r) => r.dedupe_key);
    expect(new Set(keys).size).toBe(keys.length);
    // 6 invitations sent by hand + 6 automatic follow-ups, and two reminders for each of the 12 links.
    expect(keys.filter((k) => k.startsWith('link:'))).toHaveLength(6);
    expect(keys.filter((k) => k.startsWith('followup:')).sort()).toEqual(
      followUps.map((f) => `followup:${f.measurementId}`).sort(),
    );
    expect(keys.filter((k) => k.startsWith('reminder:'))).toHaveLength(24);
    for (const m of manual) {
      expect(keys.filter((k) => k.startsWith(`reminder:${m.linkId}:`)).sort()).toEqual([
        `reminder:${m.linkId}:1`,
        `reminder:${m.linkId}:2`,
      ]);
    }
    const links = await db
      .selectFrom('questionnaire_link')
      .select(['id', 'reminders_sent'])
      .where('client_id', 'in', clientIds)
      .execute();
    expect(links).toHaveLength(12);
    expect(links.every((l) => l.reminders_sent === 2)).toBe(true);
    const tokens = await db
      .selectFrom('questionnaire_token')
      .select('link_id')
      .where(
        'link_id',
        'in',
        links.map((l) => l.id),
      )
      .execute();
    expect(tokens).toHaveLength(36);

    expect(rows.every((r) => r.sent_at !== null)).toBe(true);
    expect(rows.every((r) => deliveries.get(r.id) === 1)).toBe(true);
  });
});
