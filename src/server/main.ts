import { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, loadDemoRegion } from '../modules/demo/demo-region.ts';
import { startDueWorkQueue } from '../modules/measurements/due-work.queue.ts';
import { buildApp } from './app.ts';
import { systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/engine.ts';
import { migrate } from './db/migrate.ts';
import { createLogger } from './logger.ts';

const config = loadConfig();
const log = createLogger(config);
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const applied = await migrate(handle);
if (applied.length) log.info({ applied }, 'migrations applied');

let demoLoaded = false;
if (config.loadDemoData && (await isDatabaseEmpty(handle.db))) {
  await loadDemoRegion(handle.db);
  demoLoaded = true;
}

const app = await buildApp({ db: handle.db, engine: handle.engine, config, clock: systemClock, log });
await app.listen({ port: config.port, host: config.host });
// Reminders, automatic follow-ups and message delivery: pg-boss runs the due work every minute (and now).
const dueWork = await startDueWorkQueue({ handle, config, clock: systemClock, log });
await dueWork.trigger();

const url = config.publicUrl;
console.log(
  `\nTyökykypolku is running at ${url}  (database: ${handle.engine}${handle.engine === 'pglite' ? `, ${config.dataDir}` : ''})`,
);
console.log(`API docs: ${url}/api/docs`);
if (demoLoaded || config.loadDemoData) {
  console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const l of DEMO_LOGINS) console.log(`  ${l.email.padEnd(28)} ${l.role}`);
}
console.log('\nStop with Ctrl+C.');

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info({ signal }, 'shutting down');
  await app.close();
  await dueWork.stop();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
