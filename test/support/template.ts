import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrationFiles } from '../../src/server/db/migrate.ts';

/** Migrated template databases are keyed by the migrations' content, so a changed migration rebuilds them. */
export function migrationsHash(): string {
  // Fixed by the global set-up for the whole run, so a migration edited meanwhile cannot split it.
  if (process.env.TKP_MIGRATIONS_HASH) return process.env.TKP_MIGRATIONS_HASH;
  const dir = path.resolve(import.meta.dirname, '../../src/server/db/migrations');
  const h = createHash('sha256');
  for (const f of migrationFiles()) h.update(f).update(fs.readFileSync(path.join(dir, f)));
  return h.digest('hex').slice(0, 12);
}

export const pgliteTemplatePath = () =>
  path.join(os.tmpdir(), `tkp-pglite-template-${migrationsHash()}.tar.gz`);
/**
 * Each test run has its own id, so runs side by side (two developers, two shells) never drop or copy each
 * other's databases. The id is set in the global set-up, before the workers start, and they inherit it.
 */
export function testRunId(): string {
  process.env.TKP_TEST_RUN ??= randomBytes(4).toString('hex');
  return process.env.TKP_TEST_RUN;
}

export const pgTemplateName = () => `tkp_template_${migrationsHash()}_${testRunId()}`;
export const testDatabasePrefix = () => `tkp_test_${testRunId()}_`;

export function serverUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}
