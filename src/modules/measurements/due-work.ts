import { sql } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import { deliverOutbox, type Transport } from '../outbox/delivery.ts';
import { latestInstrument } from '../questionnaires/instrument.repository.ts';
import { formLanguage } from '../questionnaires/instrument.schema.ts';
import { AlreadyDone, issueLink, REMINDER_DAYS, remindLink } from '../questionnaires/link.service.ts';
import { chooseChannel, linkable } from './measurement.service.ts';
import { addDays } from './rounds.ts';
import { scheduleMeasurements } from './schedule.service.ts';

const DAY_MS = 86_400_000;
/**
 * A follow-up is sent automatically only while it is fresh: one that fell due long ago (an old case, or the
 * service was down for weeks) waits on the worklist for a professional to decide.
 */
export const AUTO_SEND_WINDOW_DAYS = 30;
const BATCH = 200;

export interface DueWorkOptions {
  /** The public address the links in messages point to. */
  publicUrl: string;
  /** Delivery of queued messages; without it messages stay queued (tests that look at the outbox). */
  transport?: Transport | undefined;
  log?: { error(obj: object, msg: string): void } | undefined;
}

export interface DueWorkResult {
  scheduled: number;
  followUpsSent: number;
  remindersSent: number;
  expired: number;
  delivered: number;
  failed: number;
}

/**
 * Everything time brings, as one plain function of the database and the time: the queue calls it every
 * minute, tests call it with a ManualClock's time. Safe to run concurrently from several app instances:
 * each step claims its rows with a guarded update and queues messages under a unique dedupe key.
 */
export async function runDueWork(db: Db, now: Date, options: DueWorkOptions): Promise<DueWorkResult> {
  const result: DueWorkResult = {
    scheduled: 0,
    followUpsSent: 0,
    remindersSent: 0,
    expired: 0,
    delivered: 0,
    failed: 0,
  };
  const attempt = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      if (err instanceof AlreadyDone) return;
      result.failed++;
      options.log?.error({ err }, `due work: ${what} failed`);
    }
  };

  // Cases opened before this module, or by the demo loader: give them their measurements.
  const unscheduled = await db
    .selectFrom('client_case as c')
    .select(['c.id', 'c.client_id', 'c.organisation_id', 'c.pathway_id', 'c.opened_on'])
    .where('c.closed_on', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('measurement as m').select('m.id').whereRef('m.case_id', '=', 'c.id'))),
    )
    .limit(BATCH)
    .execute();
  for (const c of unscheduled) {
    await attempt('scheduling', async () => {
      result.scheduled += await db.transaction().execute((trx) => scheduleMeasurements(trx, c, now));
    });
  }

  const today = finnishDate(now);
  const followUps = await db
    .selectFrom('measurement as m')
    .innerJoin('client as c', 'c.id', 'm.client_id')
    .select(['m.id', 'm.instrument_code'])
    .where('m.status', '=', 'due')
    .where('m.offset_months', '>', 0)
    .where('m.due_on', '<=', today)
    .where('m.due_on', '>=', addDays(today, -AUTO_SEND_WINDOW_DAYS))
    .where((eb) => eb.or([eb('c.email', 'is not', null), eb('c.phone', 'is not', null)]))
    .where(
      (eb) =>
        eb
          .selectFrom('instrument as i')
          .select('i.kind')
          .whereRef('i.code', '=', 'm.instrument_code')
          .where('i.active', '=', true)
          .orderBy('i.version', 'desc')
          .limit(1),
      '=',
      'questionnaire',
    )
    .orderBy('m.due_on')
    .limit(BATCH)
    .execute();
  for (const m of followUps) {
    await attempt('follow-up', async () => {
      await db.transaction().execute(async (trx) => {
        // Only one instance moves the measurement from due to sent; the other finds nothing to update.
        const claimed = await trx
          .updateTable('measurement')
          .set((eb) => ({
            status: 'sent',
            version: eb('version', '+', 1),
            updated_at: now,
            updated_by: null,
          }))
          .where('id', '=', m.id)
          .where('status', '=', 'due')
          .returning(['id', 'client_id'])
          .executeTakeFirst();
        if (!claimed) throw new AlreadyDone();
        const instrument = await latestInstrument(trx, m.instrument_code);
        const client = await trx
          .selectFrom('client')
          .select(['email', 'phone', 'contact_preference', 'preferred_language'])
          .where('id', '=', claimed.client_id)
          .executeTakeFirstOrThrow();
        const contact = chooseChannel(client);
        if (!instrument || !linkable(instrument) || !contact) throw new AlreadyDone();
        await issueLink(
          trx,
          {
            measurementId: m.id,
            clientId: claimed.client_id,
            instrument,
            channel: contact.channel,
            recipient: contact.recipient,
            language: formLanguage(instrument.definition, client.preferred_language),
            createdBy: null,
            publicUrl: options.publicUrl,
            dedupeKey: `followup:${m.id}`,
          },
          now,
        );
        await trx
          .updateTable('measurement')
          .set({ instrument_id: instrument.row.id })
          .where('id', '=', m.id)
          .execute();
      });
      result.followUpsSent++;
    });
  }

  const [first, second] = REMINDER_DAYS;
  const reminders = await db
    .selectFrom('questionnaire_link as l')
    .innerJoin('client as c', 'c.id', 'l.client_id')
    .select([
      'l.id',
      'l.client_id',
      'l.language',
      'l.channel',
      'l.sent_at',
      'l.expires_at',
      'l.reminders_sent',
      'c.email',
      'c.phone',
    ])
    .where('l.used_at', 'is', null)
    .where('l.revoked_at', 'is', null)
    .where('l.expires_at', '>', now)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('l.reminders_sent', '<', 1),
          eb('l.sent_at', '<=', new Date(now.getTime() - first * DAY_MS)),
        ]),
        eb.and([
          eb('l.reminders_sent', '<', 2),
          eb('l.sent_at', '<=', new Date(now.getTime() - second * DAY_MS)),
        ]),
      ]),
    )
    .orderBy('l.sent_at')
    .limit(BATCH)
    .execute();
  for (const link of reminders) {
    // When both are due (the service was down), only the later one goes: two messages at once help no one.
    const n = link.sent_at.getTime() <= now.getTime() - second * DAY_MS ? 2 : 1;
    const recipient = link.channel === 'email' ? link.email : link.phone;
    if (n <= link.reminders_sent || !recipient) continue;
    await attempt('reminder', async () => {
      await db.transaction().execute((trx) => remindLink(trx, link, n, recipient, options.publicUrl, now));
      result.remindersSent++;
    });
  }

  const expired = await db
    .updateTable('measurement as m')
    .set({ status: 'expired', version: sql`m.version + 1`, updated_at: now, updated_by: null })
    .where('m.status', '=', 'sent')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('questionnaire_link as l')
          .select('l.id')
          .whereRef('l.measurement_id', '=', 'm.id')
          .where('l.used_at', 'is', null)
          .where('l.revoked_at', 'is', null)
          .where('l.expires_at', '<=', now),
      ),
    )
    .returning('m.id')
    .execute();
  result.expired = expired.length;

  if (options.transport) {
    const delivered = await deliverOutbox(db, now, options.transport);
    result.delivered = delivered.sent;
    result.failed += delivered.failed;
  }
  return result;
}
