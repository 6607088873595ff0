import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { openTestCase } from '../../../test/support/measurement-fixtures.ts';
import { serverUrl } from '../../../test/support/template.ts';
import { startDueWorkQueue } from './due-work.queue.ts';

const silent = { info() {}, warn() {}, error() {} };

describeEachEngine('the due-work queue (pg-boss)', (engine) => {
  const ctx = useTestContext(engine);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tkp-queue-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it(`starts on ${engine === 'pglite' ? 'the embedded database through pg-boss’s PGlite adapter' : 'the PostgreSQL server'}, runs the due work when asked, and stops`, async () => {
    const { db, handle, clock } = ctx();
    const org = await makeOrganisation(db);
    const user = await makeUser(db, org.id, 'coordinator');
    const client = await makeClient(db, org.id, user.id);
    const caseId = await openTestCase(db, user, client.id, '2026-03-02', clock.now());
    await db.deleteFrom('measurement').where('case_id', '=', caseId).execute();

    const databaseUrl =
      engine === 'postgresql'
        ? serverUrl((await sql<{ db: string }>`select current_database() as db`.execute(db)).rows[0]!.db)
        : undefined;
    const queue = await startDueWorkQueue({
      handle,
      config: { ...ctx().config, databaseUrl, dataDir },
      clock,
      log: silent,
      pollingIntervalSeconds: 0.5,
    });
    try {
      await queue.trigger();
      let count = 0;
      for (let i = 0; i < 60 && count < 7; i++) {
        await new Promise((r) => setTimeout(r, 250));
        count = (await db.selectFrom('measurement').select('id').where('case_id', '=', caseId).execute())
          .length;
      }
      expect(count).toBe(7);
    } finally {
      await queue.stop();
    }
  });
});
