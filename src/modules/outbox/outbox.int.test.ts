import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { createTransport, deliverOutbox, outboxDir } from './delivery.ts';
import { enqueueMessage } from './outbox.repository.ts';

const silent = { warn() {} };

describeEachEngine('message outbox', (engine) => {
  const ctx = useTestContext(engine);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tkp-outbox-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  let admin: ApiClient;
  let coordinator: ApiClient;

  const queue = (key: string, channel: 'email' | 'sms' = 'email', at = ctx().clock.now()) =>
    ctx()
      .db.transaction()
      .execute((trx) =>
        enqueueMessage(trx, {
          channel,
          recipient: channel === 'email' ? 'maija@example.invalid' : '+358 40 123 4567',
          language: 'fi',
          subject: 'Kysely vastattavanasi',
          body: `Vastaa: http://localhost:3000/q/${'A'.repeat(43)}\n`,
          dedupe_key: key,
          client_id: null,
          created_at: at,
        }),
      );

  beforeAll(async () => {
    const { db, app } = ctx();
    const org = await makeOrganisation(db);
    admin = await new ApiClient(app).login((await makeUser(db, org.id, 'admin')).email, TEST_PASSWORD);
    coordinator = await new ApiClient(app).login(
      (await makeUser(db, org.id, 'coordinator')).email,
      TEST_PASSWORD,
    );
  });

  it('a dedupe key queues one message however often it is tried', async () => {
    expect(await queue('test:once')).toBeDefined();
    expect(await queue('test:once')).toBeUndefined();
    const rows = await ctx()
      .db.selectFrom('message_outbox')
      .select('id')
      .where('dedupe_key', '=', 'test:once')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('without SMTP, writes each message to <DATA_DIR>/outbox/<id>.txt and marks it sent, once', async () => {
    const { db, clock } = ctx();
    const id = (await queue('test:file', 'sms'))!;
    const transport = createTransport({ smtpUrl: undefined, mailFrom: 'x@example.invalid', dataDir }, silent);
    const first = await deliverOutbox(db, clock.now(), transport);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const text = fs.readFileSync(path.join(outboxDir(dataDir), `${id}.txt`), 'utf8');
    expect(text).toContain('Channel: sms');
    expect(text).toContain('To: +358 40 123 4567');
    expect(text).toContain('/q/AAAA');
    const row = await db
      .selectFrom('message_outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ delivery: 'file', attempts: 1, error: null });
    expect(row.sent_at).not.toBeNull();
    expect((await deliverOutbox(db, clock.now(), transport)).sent).toBe(0);
  });

  it('an SMTP failure is recorded and retried later, with a growing pause', async () => {
    const { db, clock } = ctx();
    const id = (await queue('test:smtp'))!;
    const refused = createTransport(
      { smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'x@example.invalid', dataDir },
      silent,
    );
    const now = clock.now();
    const result = await deliverOutbox(db, now, refused);
    refused.close();
    expect(result.failed).toBe(1);
    const row = await db
      .selectFrom('message_outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.error).toBeTruthy();
    expect(row.claimed_until!.getTime()).toBeGreaterThan(now.getTime() + 5 * 60_000);
    // Not tried again before the pause is over; tried when it is.
    const files = createTransport({ smtpUrl: undefined, mailFrom: 'x@example.invalid', dataDir }, silent);
    expect((await deliverOutbox(db, new Date(now.getTime() + 60_000), files)).sent).toBe(0);
    expect((await deliverOutbox(db, new Date(now.getTime() + 11 * 60_000), files)).sent).toBe(1);
  });

  it('lists messages to an admin, with contents in the demo (no SMTP, demo data on)', async () => {
    expect((await coordinator.get('/api/outbox')).status).toBe(403);
    const res = await admin.get('/api/outbox');
    expect(res.status).toBe(200);
    expect(res.body.showsContents).toBe(true);
    const message = res.body.messages.find((m: { kind: string }) => m.kind === 'test');
    expect(message.body).toContain('/q/');
    const audit = await ctx()
      .db.selectFrom('audit_event')
      .select('metadata')
      .where('event', '=', 'OutboxList')
      .where('outcome', '=', 'allowed')
      .executeTakeFirstOrThrow();
    expect(audit.metadata).toMatchObject({ showsContents: true });
  });
});
