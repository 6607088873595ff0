import type { Generated, Insertable, Selectable } from 'kysely';
import type { Language } from '../questionnaires/instrument.schema.ts';

export type OutboxChannel = 'email' | 'sms';
export type OutboxDelivery = 'smtp' | 'file';

/** A message to a client, written in the transaction of what it announces; dedupe_key makes it exactly-once. */
export interface MessageOutboxTable {
  id: Generated<string>;
  channel: OutboxChannel;
  recipient: string;
  language: Language;
  subject: string;
  body: string;
  dedupe_key: string;
  client_id: string | null;
  created_at: Date;
  claimed_until: Date | null;
  attempts: Generated<number>;
  sent_at: Date | null;
  delivery: OutboxDelivery | null;
  error: string | null;
}
export type MessageOutboxRow = Selectable<MessageOutboxTable>;
export type NewMessageOutboxRow = Insertable<MessageOutboxTable>;
