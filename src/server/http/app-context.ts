import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Engine } from '../db/engine.ts';

/** What every handler may use besides its transaction. */
export interface AppContext {
  db: Kysely<Database>;
  engine: Engine;
  config: Config;
  clock: Clock;
  log: FastifyBaseLogger;
}
