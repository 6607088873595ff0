import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from './engine.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any fixed number: several app instances starting at once take turns through this lock.
const MIGRATION_LOCK_KEY = 4_711_2025;

export function migrationFiles(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
}

/** Applies pending forward-only migrations, each in its own transaction. Returns the names applied. */
export async function migrate(handle: DatabaseHandle): Promise<string[]> {
  return handle.withSession(async (run) => {
    await run(
      'create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())',
    );
    await run('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const done = new Set((await run('select name from schema_migration')).map((r) => String(r.name)));
      const applied: string[] = [];
      for (const file of migrationFiles()) {
        if (done.has(file)) continue;
        const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
        await run('begin');
        try {
          await run(sql);
          await run('insert into schema_migration (name) values ($1)', [file]);
          await run('commit');
        } catch (err) {
          await run('rollback');
          throw new Error(`Migration ${file} failed: ${(err as Error).message}`, { cause: err });
        }
        applied.push(file);
      }
      return applied;
    } finally {
      await run('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}
