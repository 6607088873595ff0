import fs from 'node:fs';
import pg from 'pg';
import { createPglite, openPostgres, wrapPglite } from '../src/server/db/engine.ts';
import { migrate } from '../src/server/db/migrate.ts';
import {
  migrationsHash,
  pgliteTemplatePath,
  pgTemplateName,
  serverUrl,
  testDatabasePrefix,
  testRunId,
} from './support/template.ts';

/** Builds one migrated database per engine; each test database starts as a copy of it. */
export async function setup(): Promise<void> {
  testRunId();
  process.env.TKP_MIGRATIONS_HASH = migrationsHash();
  const file = pgliteTemplatePath();
  if (!fs.existsSync(file)) {
    const pglite = await createPglite();
    const handle = wrapPglite(pglite);
    await migrate(handle);
    const dump = await pglite.dumpDataDir('gzip');
    fs.writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(`${file}.tmp`, file);
    await handle.close();
  }
  if (process.env.TEST_DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = pgTemplateName();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const handle = openPostgres(serverUrl(name), 1);
    await migrate(handle);
    await handle.close();
  }
}

export async function teardown(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) return;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${pgTemplateName()} with (force)`);
  const leftovers = await admin.query<{ datname: string }>(
    'select datname from pg_database where starts_with(datname, $1)',
    [testDatabasePrefix()],
  );
  for (const { datname } of leftovers.rows)
    await admin.query(`drop database if exists ${datname} with (force)`);
  await admin.end();
}
