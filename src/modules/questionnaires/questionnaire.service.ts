import type { Trx } from '../../server/db/database.ts';
import { badRequest } from '../../server/http/errors.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import { findInstrument } from './instrument.repository.ts';
import type { Answers } from './instrument.schema.ts';
import { deadLink, type LiveLink } from './link.service.ts';
import { scoreAnswers, validateAnswers } from './scoring.ts';

async function definitionOf(trx: Trx, link: LiveLink) {
  const instrument = await findInstrument(trx, link.instrument_id);
  if (!instrument) throw deadLink();
  return instrument.definition;
}

/** Answers left blank are not stored: a draft holds what the client has answered so far. */
function answered(answers: Answers): Answers {
  return Object.fromEntries(
    Object.entries(answers).filter(([, v]) => v !== null && !(typeof v === 'string' && v.trim() === '')),
  );
}

/** Saves a draft: each given answer must be valid, missing ones are fine. Replaces the earlier draft. */
export async function saveDraft(trx: Trx, link: LiveLink, answers: Answers, now: Date): Promise<Date> {
  const def = await definitionOf(trx, link);
  const issues = validateAnswers(def, answers, 'partial');
  if (issues.length) throw badRequest(issues, 'Some answers are not valid.');
  await trx
    .updateTable('questionnaire_link')
    .set({ partial_answers: JSON.stringify(answered(answers)), partial_saved_at: now })
    .where('id', '=', link.id)
    .execute();
  return now;
}

/**
 * Submits the client's answers: validated as complete, scored under the version the link was sent with,
 * stored, and the link is dead from then on (every token of it).
 */
export async function submitAnswers(trx: Trx, link: LiveLink, answers: Answers, now: Date): Promise<void> {
  const def = await definitionOf(trx, link);
  const issues = validateAnswers(def, answers, 'complete');
  if (issues.length) throw badRequest(issues, 'Some answers are missing or not valid.');
  const kept = answered(answers);
  const used = await trx
    .updateTable('questionnaire_link')
    .set({ used_at: now, partial_answers: '{}', partial_saved_at: null })
    .where('id', '=', link.id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!used) throw deadLink();
  await trx
    .insertInto('measurement_response')
    .values({
      measurement_id: link.measurement_id,
      client_id: link.client_id,
      case_id: link.case_id,
      organisation_id: link.organisation_id,
      instrument_id: link.instrument_id,
      link_id: link.id,
      source: 'client_link',
      answers: JSON.stringify(kept),
      scores: JSON.stringify(scoreAnswers(def, kept)),
      answered_on: finnishDate(now),
      created_at: now,
      created_by: null,
      updated_at: now,
      updated_by: null,
    })
    .execute();
  await trx
    .updateTable('measurement')
    .set((eb) => ({
      status: 'answered',
      answered_at: now,
      instrument_id: link.instrument_id,
      version: eb('version', '+', 1),
      updated_at: now,
      updated_by: null,
    }))
    .where('id', '=', link.measurement_id)
    .execute();
}
