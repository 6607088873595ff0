import { fromPglite, PgBoss } from 'pg-boss';
import type { Clock } from '../../server/clock.ts';
import type { Config } from '../../server/config.ts';
import type { DatabaseHandle } from '../../server/db/engine.ts';
import { createTransport } from '../outbox/delivery.ts';
import { runDueWork } from './due-work.ts';

export const DUE_WORK_QUEUE = 'due-work';

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DueWorkQueue {
  /** Asks for a run now (after start-up, or after the demo data is loaded). */
  trigger(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg-boss schedules `runDueWork` every minute. On a PostgreSQL server it has its own pool and schema
 * (pgboss); on the embedded database it runs over the same PGlite through pg-boss's PGlite adapter, so both
 * engines use the same queue. The queue only decides when; what is sent exactly once is decided by the
 * database (guarded updates and the outbox's unique dedupe key), so two instances may both run it.
 */
export async function startDueWorkQueue(deps: {
  handle: DatabaseHandle;
  config: Config;
  clock: Clock;
  log: Log;
  /** How often the worker looks for a queued run; tests ask for less than the default 5 s. */
  pollingIntervalSeconds?: number;
}): Promise<DueWorkQueue> {
  const { handle, config, clock, log } = deps;
  const boss =
    handle.engine === 'pglite' && handle.pglite
      ? new PgBoss({
          db: fromPglite(handle.pglite),
          backend: 'pglite',
          application_name: 'tyokykypolku-jobs',
        })
      : new PgBoss({ connectionString: config.databaseUrl, max: 2, application_name: 'tyokykypolku-jobs' });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  // stately: at most one run waiting and one running, however many minutes pile up during a slow run.
  await boss.createQueue(DUE_WORK_QUEUE, { policy: 'stately', retryLimit: 1 });
  const transport = createTransport(config, log);
  await boss.work(DUE_WORK_QUEUE, { pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 5 }, async () => {
    const result = await runDueWork(handle.db, clock.now(), { publicUrl: config.publicUrl, transport, log });
    if (Object.values(result).some((n) => n > 0)) log.info({ ...result }, 'due work done');
  });
  await boss.schedule(DUE_WORK_QUEUE, '* * * * *');
  return {
    async trigger() {
      await boss.send(DUE_WORK_QUEUE);
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
      transport.close();
    },
  };
}
