import type { Trx } from '../../server/db/database.ts';
import { badRequest, conflict, invalidField, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import type { ContactPreference, Language } from '../clients/client.table.ts';
import { type Instrument, latestInstrument } from '../questionnaires/instrument.repository.ts';
import { type Answers, formLanguage } from '../questionnaires/instrument.schema.ts';
import { issueLink } from '../questionnaires/link.service.ts';
import type { LinkChannel } from '../questionnaires/questionnaire.table.ts';
import { scoreAnswers, validateAnswers } from '../questionnaires/scoring.ts';

export interface ClientContact {
  email: string | null;
  phone: string | null;
  contact_preference: ContactPreference;
  preferred_language: Language;
}

/**
 * E-mail or SMS by the client's preference when the detail exists; otherwise whichever exists (e-mail first:
 * it costs nothing and carries a long link well). Null when the client has neither.
 */
export function chooseChannel(
  client: ClientContact,
  requested?: LinkChannel,
): { channel: LinkChannel; recipient: string } | null {
  const email = client.email?.trim() || null;
  const phone = client.phone?.trim() || null;
  const options: { channel: LinkChannel; recipient: string | null }[] =
    requested === 'email'
      ? [{ channel: 'email', recipient: email }]
      : requested === 'sms'
        ? [{ channel: 'sms', recipient: phone }]
        : client.contact_preference === 'sms' || client.contact_preference === 'phone'
          ? [
              { channel: 'sms', recipient: phone },
              { channel: 'email', recipient: email },
            ]
          : [
              { channel: 'email', recipient: email },
              { channel: 'sms', recipient: phone },
            ];
  const found = options.find((o) => o.recipient);
  return found ? { channel: found.channel, recipient: found.recipient! } : null;
}

export async function findMeasurement(trx: Trx, id: string) {
  return trx.selectFrom('measurement').selectAll().where('id', '=', id).executeTakeFirst();
}

async function lockMeasurement(trx: Trx, id: string) {
  const m = await trx
    .selectFrom('measurement')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!m) throw notFound('measurement');
  if (m.status === 'answered')
    throw conflict('already_answered', 'This measurement has already been answered.');
  return m;
}

async function clientContact(trx: Trx, clientId: string): Promise<ClientContact> {
  return trx
    .selectFrom('client')
    .select(['email', 'phone', 'contact_preference', 'preferred_language'])
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow();
}

/** Questionnaires go to clients by link; result-only entries and stakeholder surveys do not. */
export function linkable(instrument: Instrument): boolean {
  return instrument.row.kind === 'questionnaire' && instrument.row.respondent === 'client';
}

/**
 * Sends the client a personal link for one measurement (a new link replaces an unanswered earlier one).
 * The latest version of the instrument is used and fixed on the measurement.
 */
export async function sendMeasurementLink(
  trx: Trx,
  actor: Actor,
  measurementId: string,
  requested: LinkChannel | undefined,
  publicUrl: string,
  now: Date,
): Promise<{ linkId: string; channel: LinkChannel; expiresAt: Date }> {
  const m = await lockMeasurement(trx, measurementId);
  const instrument = await latestInstrument(trx, m.instrument_code);
  if (!instrument)
    throw conflict('unknown_instrument', 'The instrument of this measurement is not available.');
  if (!linkable(instrument)) {
    throw conflict(
      'result_only',
      'This instrument is not answered through a link: record its result instead.',
    );
  }
  const client = await clientContact(trx, m.client_id);
  const contact = chooseChannel(client, requested);
  if (!contact) {
    throw invalidField(
      'body.channel',
      'no_contact',
      requested
        ? `The client has no ${requested === 'sms' ? 'phone number' : 'e-mail address'}.`
        : 'The client has no e-mail address or phone number.',
    );
  }
  const { linkId, expiresAt } = await issueLink(
    trx,
    {
      measurementId: m.id,
      clientId: m.client_id,
      instrument,
      channel: contact.channel,
      recipient: contact.recipient,
      language: formLanguage(instrument.definition, client.preferred_language),
      createdBy: actor.userId,
      publicUrl,
    },
    now,
  );
  await trx
    .updateTable('measurement')
    .set((eb) => ({
      status: 'sent',
      instrument_id: instrument.row.id,
      version: eb('version', '+', 1),
      updated_at: now,
      updated_by: actor.userId,
    }))
    .where('id', '=', m.id)
    .execute();
  return { linkId, channel: contact.channel, expiresAt };
}

/**
 * A professional records the result values (a result-only instrument, or a questionnaire the client filled
 * in on paper). An open link of the measurement is revoked: the measurement has its answer.
 */
export async function recordResult(
  trx: Trx,
  actor: Actor,
  measurementId: string,
  input: { answers: Answers; answeredOn?: string | undefined },
  now: Date,
): Promise<void> {
  const m = await lockMeasurement(trx, measurementId);
  const instrument = await latestInstrument(trx, m.instrument_code);
  if (!instrument)
    throw conflict('unknown_instrument', 'The instrument of this measurement is not available.');
  const issues = validateAnswers(instrument.definition, input.answers, 'complete');
  if (issues.length) throw badRequest(issues, 'Some values are missing or not valid.');
  const today = finnishDate(now);
  const answeredOn = input.answeredOn ?? today;
  if (answeredOn > today)
    throw invalidField('body.answeredOn', 'future_date', 'The date cannot be in the future.');
  await trx
    .updateTable('questionnaire_link')
    .set({ revoked_at: now })
    .where('measurement_id', '=', m.id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  await trx
    .insertInto('measurement_response')
    .values({
      measurement_id: m.id,
      client_id: m.client_id,
      case_id: m.case_id,
      organisation_id: m.organisation_id,
      instrument_id: instrument.row.id,
      link_id: null,
      source: 'professional',
      answers: JSON.stringify(input.answers),
      scores: JSON.stringify(scoreAnswers(instrument.definition, input.answers)),
      answered_on: answeredOn,
      created_at: now,
      created_by: actor.userId,
      updated_at: now,
      updated_by: actor.userId,
    })
    .execute();
  await trx
    .updateTable('measurement')
    .set((eb) => ({
      status: 'answered',
      answered_at: now,
      instrument_id: instrument.row.id,
      version: eb('version', '+', 1),
      updated_at: now,
      updated_by: actor.userId,
    }))
    .where('id', '=', m.id)
    .execute();
}
