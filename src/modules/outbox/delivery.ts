import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Db } from '../../server/db/database.ts';
import { claimUnsent } from './outbox.repository.ts';
import type { MessageOutboxRow, OutboxDelivery } from './outbox.table.ts';

export interface Transport {
  /** Delivers one message and says how. Throws when it could not. */
  send(message: MessageOutboxRow): Promise<OutboxDelivery>;
  close(): void;
}

export interface TransportConfig {
  smtpUrl: string | undefined;
  mailFrom: string;
  dataDir: string;
}

/** Where messages go when there is no SMTP server, and SMS always: there is no SMS gateway configured. */
export function outboxDir(dataDir: string): string {
  return path.join(dataDir, 'outbox');
}

async function writeFile(dir: string, m: MessageOutboxRow): Promise<OutboxDelivery> {
  await fs.mkdir(dir, { recursive: true });
  const text = [
    `Channel: ${m.channel}`,
    `To: ${m.recipient}`,
    `Subject: ${m.subject}`,
    `Language: ${m.language}`,
    `Created: ${m.created_at.toISOString()}`,
    '',
    m.body,
  ].join('\n');
  await fs.writeFile(path.join(dir, `${m.id}.txt`), text, 'utf8');
  return 'file';
}

/**
 * E-mail through SMTP (nodemailer) when SMTP_URL is set; otherwise each message is written to
 * <DATA_DIR>/outbox/<id>.txt. SMS goes to the folder in both cases until an SMS gateway is added.
 */
export function createTransport(
  config: TransportConfig,
  log: { warn(obj: object, msg: string): void },
): Transport {
  const dir = outboxDir(config.dataDir);
  const smtp = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  return {
    async send(m) {
      if (m.channel === 'email' && smtp) {
        await smtp.sendMail({ from: config.mailFrom, to: m.recipient, subject: m.subject, text: m.body });
        return 'smtp';
      }
      if (m.channel === 'sms' && smtp)
        log.warn({ messageId: m.id }, 'no SMS gateway: the SMS was written to the outbox folder');
      return writeFile(dir, m);
    },
    close() {
      smtp?.close();
    },
  };
}

// Once handed to an SMTP server the link is no longer needed here: a copy of the database must not open it.
const LINK = /\/q\/[A-Za-z0-9_-]{20,}/g;

/** Delivers what is due; a failure is retried later with a growing pause, at most `maxAttempts` times. */
export async function deliverOutbox(
  db: Db,
  now: Date,
  transport: Transport,
  opts: { limit?: number; claimMs?: number; maxAttempts?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const claimMs = opts.claimMs ?? 5 * 60_000;
  const claimed = await claimUnsent(db, now, {
    limit: opts.limit ?? 50,
    claimMs,
    maxAttempts: opts.maxAttempts ?? 5,
  });
  let sent = 0;
  let failed = 0;
  for (const message of claimed) {
    try {
      const delivery = await transport.send(message);
      await db
        .updateTable('message_outbox')
        .set({
          sent_at: now,
          delivery,
          error: null,
          claimed_until: null,
          ...(delivery === 'smtp' ? { body: message.body.replace(LINK, '/q/…') } : {}),
        })
        .where('id', '=', message.id)
        .execute();
      sent++;
    } catch (err) {
      failed++;
      const retryAfterMs = claimMs * 2 ** Math.min(message.attempts, 6);
      await db
        .updateTable('message_outbox')
        .set({
          error: String((err as Error).message).slice(0, 500),
          claimed_until: new Date(now.getTime() + retryAfterMs),
        })
        .where('id', '=', message.id)
        .execute();
    }
  }
  return { sent, failed };
}
