import { z } from 'zod';
import { defineRoute } from '../../server/http/route.ts';
import { listMessages } from './outbox.repository.ts';
import type { MessageOutboxRow } from './outbox.table.ts';

const OutboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

const OutboxMessageDto = z.object({
  id: z.uuid(),
  channel: z.enum(['email', 'sms']),
  recipient: z.string(),
  language: z.enum(['fi', 'sv', 'en']),
  subject: z.string(),
  /** Null unless contents are shown (the demo: no SMTP server and demo data on). */
  body: z.string().nullable(),
  kind: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  delivery: z.enum(['smtp', 'file']).nullable(),
  attempts: z.number().int(),
  error: z.string().nullable(),
});
const OutboxDto = z.object({ showsContents: z.boolean(), messages: z.array(OutboxMessageDto) });

/** Keeps enough of an address to tell messages apart: a***@example.fi, +358 40 *** **67. */
export function maskRecipient(recipient: string): string {
  const at = recipient.indexOf('@');
  if (at > 0) return `${recipient[0]}***${recipient.slice(at)}`;
  const digits = recipient.replace(/\D/g, '');
  return digits.length > 4 ? `${recipient.slice(0, 4)}…${digits.slice(-2)}` : '…';
}

function present(m: MessageOutboxRow, showsContents: boolean) {
  return {
    id: m.id,
    channel: m.channel,
    recipient: showsContents ? m.recipient : maskRecipient(m.recipient),
    language: m.language,
    subject: m.subject,
    body: showsContents ? m.body : null,
    kind: m.dedupe_key.split(':')[0] ?? '',
    createdAt: m.created_at.toISOString(),
    sentAt: m.sent_at?.toISOString() ?? null,
    delivery: m.delivery,
    attempts: m.attempts,
    error: m.error,
  };
}

const list = defineRoute({
  method: 'GET',
  url: '/api/outbox',
  summary:
    'Messages to clients, newest first (admin). Contents and addresses are shown only in the demo (no SMTP ' +
    'server, demo data on), where the outbox folder stands in for the client’s phone and mailbox',
  tags: ['outbox'],
  action: 'outbox.list',
  audit: 'OutboxList',
  querystring: OutboxQuery,
  response: OutboxDto,
  async handler({ trx, query, app, audit }) {
    // A real deployment sends links to real people: an admin does not read them, or open their questionnaires.
    const showsContents = !app.config.smtpUrl && app.config.loadDemoData;
    const rows = await listMessages(trx, query.limit);
    audit.metadata.count = rows.length;
    audit.metadata.showsContents = showsContents;
    if (showsContents) audit.clientIds.push(...rows.flatMap((m) => (m.client_id ? [m.client_id] : [])));
    return { showsContents, messages: rows.map((m) => present(m, showsContents)) };
  },
});

export const outboxRoutes = [list];
