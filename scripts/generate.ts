/**
 * `npm run generate -- --clients N [--seed S] [--until YYYY-MM-DD] [--years Y] [--batch B] [--workers W] [--reset]`
 *
 * Fills the configured database (DATABASE_URL, else the embedded one in DATA_DIR) with a synthetic region of N
 * clients and their whole path (scripts/synthetic-region.ts). Progress goes to stderr. Synthetic professionals can
 * log in with the demo password (e.g. s1-1-sote-manager-0-1@synthetic.invalid).
 *
 * --reset empties the database first (drops and recreates the schema, logs included), and refuses to when the
 * database holds any client whose identity code is not a synthetic one (individual number 900–999).
 */
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-region.ts';
import { hashPassword } from '../src/server/auth/password.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase, type ScriptRunner } from '../src/server/db/engine.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { finnishDate } from '../src/server/policy/client-access.ts';
import { generateRegion, loadingTarget } from './synthetic-region.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string' },
    seed: { type: 'string', default: '1' },
    until: { type: 'string' },
    years: { type: 'string', default: '4' },
    batch: { type: 'string', default: '25000' },
    workers: { type: 'string', default: '2' },
    reset: { type: 'boolean', default: false },
  },
});

const clients = Number(values.clients);
if (!Number.isInteger(clients) || clients < 1) {
  console.error(
    'Usage: npm run generate -- --clients N [--seed S] [--until YYYY-MM-DD] [--years Y] [--batch B] [--reset]',
  );
  process.exit(2);
}
const until = values.until ?? finnishDate(new Date());
if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) {
  console.error('--until must be a date, YYYY-MM-DD');
  process.exit(2);
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Refuses to empty a database that holds anyone but synthetic clients. */
export async function resetSynthetic(run: ScriptRunner): Promise<void> {
  const real = await run(
    `select count(*)::int as n from client where substr(identity_code, 8, 3) !~ '^9[0-9][0-9]$'`,
  );
  if (Number(real[0]?.n ?? 0) > 0) {
    throw new Error('The database holds clients with non-synthetic identity codes: refusing to reset it.');
  }
  await run('drop schema public cascade');
  await run('create schema public');
}

const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  if (values.reset) {
    await migrate(handle);
    await handle.withSession(resetSynthetic);
    log('Emptied the database.');
  }
  const applied = await migrate(handle);
  if (applied.length) log(`Applied ${applied.length} migration(s).`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const superuser = await handle.withSession(async (run) => {
    const su = await run('select rolsuper from pg_roles where rolname = current_user');
    return su[0]?.rolsuper === true;
  });
  if (!superuser)
    log('Not a superuser: foreign keys and the report triggers are checked row by row (slower).');
  // PGlite is one connection; on the server two sessions load batches side by side (two cores).
  const target = loadingTarget(handle, Number(values.workers));
  await generateRegion(
    target,
    {
      clients,
      seed: Number(values.seed),
      until,
      years: Number(values.years),
      batchSize: Number(values.batch),
      passwordHash,
    },
    log,
  );
  log('Updating the planner statistics (ANALYZE)…');
  await handle.withSession((run) => run('analyze'));
  log(`Synthetic professionals log in with the demo password "${DEMO_PASSWORD}".`);
} catch (err) {
  log(`Generation failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
