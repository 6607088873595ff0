import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { describe, it } from 'vitest';
import {
  createPglite,
  type DatabaseHandle,
  type Engine,
  openPostgres,
  wrapPglite,
} from '../../src/server/db/engine.ts';
import { pgliteTemplatePath, pgTemplateName, serverUrl, testDatabasePrefix } from './template.ts';

export const ENGINES: Engine[] = ['pglite', 'postgresql'];

export function engineAvailable(engine: Engine): boolean {
  return engine === 'pglite' || Boolean(process.env.TEST_DATABASE_URL);
}

/** A fresh, migrated database of its own for one test file; dropped when closed. */
export async function createTestDatabase(engine: Engine): Promise<DatabaseHandle> {
  if (engine === 'pglite') {
    const blob = new Blob([fs.readFileSync(pgliteTemplatePath())]);
    return wrapPglite(await createPglite({ loadDataDir: blob }));
  }
  const name = `${testDatabasePrefix()}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${pgTemplateName()}`);
        break;
      } catch (err) {
        // Two workers copying the template at the same moment: the second one waits its turn.
        if (attempt > 20 || !String((err as Error).message).includes('being accessed by other users'))
          throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const handle = openPostgres(serverUrl(name), 5);
  return {
    ...handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/**
 * Runs a suite on each engine. Without TEST_DATABASE_URL the PostgreSQL half is skipped and says so;
 * in CI (CI=true) a missing server is a failure, never a silent skip.
 */
export function describeEachEngine(name: string, suite: (engine: Engine) => void): void {
  for (const engine of ENGINES) {
    if (!engineAvailable(engine)) {
      if (process.env.CI === 'true') {
        describe(`${name} [${engine}]`, () => {
          it('needs TEST_DATABASE_URL in CI', () => {
            throw new Error(
              'TEST_DATABASE_URL is not set: database tests must run on the PostgreSQL server in CI',
            );
          });
        });
      } else {
        describe.skip(`${name} [${engine}] (skipped: set TEST_DATABASE_URL to run on a PostgreSQL server)`, () => {
          it('runs on the PostgreSQL server', () => {});
        });
      }
      continue;
    }
    describe(`${name} [${engine}]`, () => suite(engine));
  }
}
