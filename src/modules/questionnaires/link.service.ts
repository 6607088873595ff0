import { hashToken, randomToken } from '../../server/auth/tokens.ts';
import type { Trx } from '../../server/db/database.ts';
import { LINK_VALID_MS } from '../../server/http/personal-link.ts';
import { enqueueMessage } from '../outbox/outbox.repository.ts';
import { questionnaireMessage } from '../outbox/questionnaire-messages.ts';
import type { Instrument } from './instrument.repository.ts';
import type { Language } from './instrument.schema.ts';
import type { LinkChannel } from './questionnaire.table.ts';

// Validity (14 days) and the neutral 404 are shared with the work-trial feedback links (server/http/personal-link.ts).
export { deadLink, LINK_VALID_MS } from '../../server/http/personal-link.ts';
/** Reminders go 3 and 7 days after sending if the link is unanswered. */
export const REMINDER_DAYS = [3, 7] as const;

/** Thrown inside a transaction to roll it back when another instance has already done the same work. */
export class AlreadyDone extends Error {}

export function questionnaireUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/q/${token}`;
}

/** A new random token (256 bits) for the link; only its hash is stored. Returns the token for the message. */
async function addToken(trx: Trx, linkId: string, now: Date): Promise<string> {
  const token = randomToken();
  await trx
    .insertInto('questionnaire_token')
    .values({ token_hash: hashToken(token), link_id: linkId, created_at: now })
    .execute();
  return token;
}

export interface IssueLinkInput {
  measurementId: string;
  clientId: string;
  instrument: Instrument;
  channel: LinkChannel;
  recipient: string;
  language: Language;
  createdBy: string | null;
  publicUrl: string;
  /** Set by the scheduler so that an automatic invitation is queued once per measurement. */
  dedupeKey?: string;
}

/**
 * Creates the link, its first token and the invitation in the outbox, in the caller's transaction. An earlier
 * unanswered link of the measurement is revoked: the newest message is the one that works.
 */
export async function issueLink(
  trx: Trx,
  input: IssueLinkInput,
  now: Date,
): Promise<{ linkId: string; expiresAt: Date }> {
  await trx
    .updateTable('questionnaire_link')
    .set({ revoked_at: now })
    .where('measurement_id', '=', input.measurementId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  const expiresAt = new Date(now.getTime() + LINK_VALID_MS);
  const { id: linkId } = await trx
    .insertInto('questionnaire_link')
    .values({
      measurement_id: input.measurementId,
      client_id: input.clientId,
      instrument_id: input.instrument.row.id,
      language: input.language,
      channel: input.channel,
      sent_at: now,
      expires_at: expiresAt,
      used_at: null,
      revoked_at: null,
      partial_saved_at: null,
      created_by: input.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const token = await addToken(trx, linkId, now);
  const message = questionnaireMessage(
    'invitation',
    input.language,
    questionnaireUrl(input.publicUrl, token),
    expiresAt,
  );
  const queued = await enqueueMessage(trx, {
    channel: input.channel,
    recipient: input.recipient,
    language: input.language,
    subject: message.subject,
    body: message.body,
    dedupe_key: input.dedupeKey ?? `link:${linkId}`,
    client_id: input.clientId,
    created_at: now,
  });
  if (!queued) throw new AlreadyDone();
  return { linkId, expiresAt };
}

export interface ReminderCandidate {
  id: string;
  client_id: string;
  language: Language;
  channel: LinkChannel;
  expires_at: Date;
  reminders_sent: number;
}

/**
 * Reminder `n` (1 or 2) of a link: a fresh token (the first one is only in the first message) and the message,
 * queued under `reminder:<link>:<n>`. The guarded update and the unique dedupe key each stop a second instance;
 * the dedupe key is the guarantee. Throws AlreadyDone (roll back) when someone else got there first.
 */
export async function remindLink(
  trx: Trx,
  link: ReminderCandidate,
  n: number,
  recipient: string,
  publicUrl: string,
  now: Date,
): Promise<void> {
  const claimed = await trx
    .updateTable('questionnaire_link')
    .set({ reminders_sent: n })
    .where('id', '=', link.id)
    .where('reminders_sent', '<', n)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!claimed) throw new AlreadyDone();
  const token = await addToken(trx, link.id, now);
  const message = questionnaireMessage(
    'reminder',
    link.language,
    questionnaireUrl(publicUrl, token),
    link.expires_at,
  );
  const queued = await enqueueMessage(trx, {
    channel: link.channel,
    recipient,
    language: link.language,
    subject: message.subject,
    body: message.body,
    dedupe_key: `reminder:${link.id}:${n}`,
    client_id: link.client_id,
    created_at: now,
  });
  if (!queued) throw new AlreadyDone();
}

function liveLinks(trx: Trx, now: Date) {
  return trx
    .selectFrom('questionnaire_link as l')
    .innerJoin('measurement as m', 'm.id', 'l.measurement_id')
    .where('l.used_at', 'is', null)
    .where('l.revoked_at', 'is', null)
    .where('l.expires_at', '>', now)
    .where('m.status', '<>', 'answered')
    .select([
      'l.id',
      'l.measurement_id',
      'l.client_id',
      'l.instrument_id',
      'l.language',
      'l.expires_at',
      'l.partial_answers',
      'l.partial_saved_at',
      'm.case_id',
      'm.organisation_id',
      'm.offset_months',
      'm.instrument_code',
    ])
    .forUpdate('l');
}

/**
 * The live link a token opens, locked for this transaction, or undefined. The token is looked up only by
 * its hash (an index lookup whatever the token), and one query answers for unknown and dead tokens alike.
 */
export async function findLiveLink(trx: Trx, token: string, now: Date) {
  return liveLinks(trx, now)
    .innerJoin('questionnaire_token as t', 't.link_id', 'l.id')
    .where('t.token_hash', '=', hashToken(token))
    .executeTakeFirst();
}
export type LiveLink = NonNullable<Awaited<ReturnType<typeof findLiveLink>>>;

/** The same by the link's id: for the demo loader, which answers links it has just sent. */
export async function findLiveLinkById(trx: Trx, linkId: string, now: Date): Promise<LiveLink | undefined> {
  return liveLinks(trx, now).where('l.id', '=', linkId).executeTakeFirst();
}

/** The client id behind any token, live or dead, for the access log of a refused attempt. */
export async function clientOfToken(trx: Trx, token: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('questionnaire_token as t')
    .innerJoin('questionnaire_link as l', 'l.id', 't.link_id')
    .where('t.token_hash', '=', hashToken(token))
    .select('l.client_id')
    .executeTakeFirst();
  return row?.client_id;
}
