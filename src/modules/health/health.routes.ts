import { sql } from 'kysely';
import { z } from 'zod';
import { defineRoute } from '../../server/http/route.ts';

const health = defineRoute({
  method: 'GET',
  url: '/api/health',
  summary: 'Liveness and database reachability',
  tags: ['system'],
  action: 'system.health',
  audit: 'HealthRead',
  response: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }),
  async handler({ trx, app }) {
    await sql`select 1`.execute(trx);
    return { status: 'ok' as const, database: app.engine };
  },
});

export const healthRoutes = [health];
