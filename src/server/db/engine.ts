import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';

export type Engine = 'pglite' | 'postgresql';

/** Runs SQL text (possibly several statements) on one connection; used by migrations and test set-up. */
export type ScriptRunner = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** One connection for the callback's duration, with multi-statement SQL allowed. */
  withSession<T>(fn: (run: ScriptRunner) => Promise<T>): Promise<T>;
  /** The embedded database itself, for the job queue's adapter (pg-boss on PGlite); absent on a server. */
  pglite?: PGlite;
  close(): Promise<void>;
}

// Dates stay ISO strings: a JS Date for a calendar date shifts with the server's time zone.
// Counts and numerics become numbers so that both engines return the same shapes.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v) => Number(v));
const pgliteParsers = {
  [DATE_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
  [NUMERIC_OID]: (v: string) => Number(v),
};

export function openPostgres(connectionString: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgresql',
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn(async (sql, params) => {
          const res = await client.query(sql, params);
          const last = Array.isArray(res) ? res[res.length - 1] : res;
          return (last?.rows ?? []) as Record<string, unknown>[];
        });
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

export function wrapPglite(pglite: PGlite, onClose?: () => void): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    engine: 'pglite',
    pglite,
    async withSession(fn) {
      return fn(async (sql, params) => {
        if (params && params.length > 0)
          return (await pglite.query<Record<string, unknown>>(sql, params)).rows;
        const results = await pglite.exec(sql);
        return (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[];
      });
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      onClose?.();
    },
  };
}

export async function createPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<PGlite> {
  return PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: pgliteParsers,
  });
}

/**
 * PGlite must have exactly one process per data folder: a second process opens the folder without
 * error and its commits are lost. A lock file with the owner's pid refuses a second start.
 */
function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'pglite.lock');
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const owner = Number(fs.readFileSync(lockPath, 'utf8'));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `The embedded database in ${dir} is already in use by process ${owner}. ` +
          'Stop that process first, or set DATA_DIR to another folder, or DATABASE_URL to a PostgreSQL server.',
      );
    }
    fs.writeFileSync(lockPath, String(process.pid));
  }
  return () => fs.rmSync(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  const unlock = lockDataDir(options.dataDir);
  try {
    const pglite = await createPglite({ dataDir: path.join(options.dataDir, 'pglite') });
    return wrapPglite(pglite, unlock);
  } catch (err) {
    unlock();
    throw err;
  }
}
