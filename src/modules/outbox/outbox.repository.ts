import type { Db, Trx } from '../../server/db/database.ts';
import type { NewMessageOutboxRow } from './outbox.table.ts';

/**
 * Queues a message unless one with the same dedupe key exists. Returns the new id, or undefined when another
 * transaction (another app instance) queued it first: the unique constraint is what makes it exactly-once.
 */
export async function enqueueMessage(trx: Trx, row: NewMessageOutboxRow): Promise<string | undefined> {
  const inserted = await trx
    .insertInto('message_outbox')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

/**
 * Claims up to `limit` unsent messages for `claimMs`: another instance skips them (SKIP LOCKED) and a crashed
 * sender's claim runs out. A message is tried at most `maxAttempts` times.
 */
export function claimUnsent(
  db: Db,
  now: Date,
  opts: { limit: number; claimMs: number; maxAttempts: number },
) {
  return db
    .updateTable('message_outbox')
    .set((eb) => ({
      claimed_until: new Date(now.getTime() + opts.claimMs),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('message_outbox')
        .select('id')
        .where('sent_at', 'is', null)
        .where('attempts', '<', opts.maxAttempts)
        .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<', now)]))
        .orderBy('created_at')
        .limit(opts.limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

export function listMessages(db: Db | Trx, limit: number) {
  return db.selectFrom('message_outbox').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}
