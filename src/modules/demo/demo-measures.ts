import { loadConfig } from '../../server/config.ts';
import type { Db, Trx } from '../../server/db/database.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import type { Role } from '../../server/policy/roles.ts';
import { chooseChannel, linkable, recordResult } from '../measurements/measurement.service.ts';
import { addDays } from '../measurements/rounds.ts';
import { scheduleMeasurements } from '../measurements/schedule.service.ts';
import { type Instrument, latestInstruments } from '../questionnaires/instrument.repository.ts';
import { type Answers, formLanguage } from '../questionnaires/instrument.schema.ts';
import { findLiveLinkById, issueLink } from '../questionnaires/link.service.ts';
import { submitAnswers } from '../questionnaires/questionnaire.service.ts';

/**
 * Synthetic outcome measures for the demo cases: baselines recorded by the professionals, follow-ups sent by
 * link when they fell due and answered by about three clients in four (a digital pilot, not the paper letter's
 * 14 of 48), some links left unanswered, and a few recent unanswered links so that the due work's reminders
 * show in the outbox. Runs after the demo cases exist; does nothing when there are none.
 */

const DAY = 86_400_000;
/** Mid-morning in Finland on a calendar date. */
const morningOf = (date: string) => new Date(`${date}T07:00:00Z`);
/** A deterministic choice from 0…n−1 for case i (the same demo every time). */
const pick = (i: number, salt: number, n: number) => ((((i + 1) * 7919 + salt * 104_729) % n) + n) % n;
const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(max, v));

const D3X10_AREAS = [
  'health',
  'resilience',
  'housing',
  'daily_coping',
  'family',
  'friends',
  'finances',
  'strengths',
  'self_esteem',
  'life_as_whole',
];

interface DemoCase {
  id: string;
  client_id: string;
  organisation_id: string;
  pathway_id: string;
  opened_on: string;
  created_by: string;
}

async function actorFor(trx: Trx, kase: DemoCase): Promise<Actor | null> {
  const row =
    (await trx
      .selectFrom('case_manager_assignment as a')
      .innerJoin('membership as ms', (join) =>
        join.onRef('ms.user_id', '=', 'a.user_id').onRef('ms.organisation_id', '=', 'a.organisation_id'),
      )
      .where('a.case_id', '=', kase.id)
      .where('a.ended_at', 'is', null)
      .where('ms.active', '=', true)
      .select(['a.user_id', 'ms.id as membership_id', 'ms.organisation_id', 'ms.role'])
      .executeTakeFirst()) ??
    (await trx
      .selectFrom('membership')
      .where('user_id', '=', kase.created_by)
      .where('active', '=', true)
      .select(['user_id', 'id as membership_id', 'organisation_id', 'role'])
      .executeTakeFirst());
  return row
    ? {
        userId: row.user_id,
        membershipId: row.membership_id,
        organisationId: row.organisation_id,
        role: row.role as Role,
        sessionTokenHash: '',
      }
    : null;
}

function premAnswers(i: number, offset: number): Answers {
  const s = i + offset;
  return {
    coping: [5, 4, 4, 3, 4, 5, 2, 0][pick(s, 1, 8)]!,
    useful: [5, 5, 4, 4, 3, 5, 2][pick(s, 2, 7)]!,
    decided_together: [5, 4, 4, 5, 3, 4][pick(s, 3, 6)]!,
    information_understandable: [5, 4, 5, 3, 4, 0][pick(s, 4, 6)]!,
    knows_continuation: [4, 5, 3, 4, 2, 5, 4][pick(s, 5, 7)]!,
    recommend: [10, 9, 8, 9, 7, 10, 6, 9, 4][pick(s, 6, 9)]!,
  };
}

/** Sends a follow-up link as the scheduler did on its due date, and answers it when this client answers. */
async function followUpByLink(
  trx: Trx,
  m: { id: string; client_id: string; due_on: string; offset_months: number },
  instrument: Instrument,
  i: number,
  publicUrl: string,
  now: Date,
  answered: boolean,
): Promise<'answered' | 'open' | 'skipped'> {
  const sentAt = morningOf(m.due_on);
  const client = await trx
    .selectFrom('client')
    .select(['email', 'phone', 'contact_preference', 'preferred_language'])
    .where('id', '=', m.client_id)
    .executeTakeFirstOrThrow();
  const contact = chooseChannel(client);
  if (!contact || sentAt > now) return 'skipped';
  const { linkId } = await issueLink(
    trx,
    {
      measurementId: m.id,
      clientId: m.client_id,
      instrument,
      channel: contact.channel,
      recipient: contact.recipient,
      language: formLanguage(instrument.definition, client.preferred_language),
      createdBy: null,
      publicUrl,
      dedupeKey: `followup:${m.id}`,
    },
    sentAt,
  );
  await trx
    .updateTable('measurement')
    .set({ status: 'sent', instrument_id: instrument.row.id, updated_at: sentAt })
    .where('id', '=', m.id)
    .execute();
  const answeredAt = new Date(sentAt.getTime() + (1 + pick(i, m.offset_months + 7, 6)) * DAY);
  if (!answered || answeredAt > now) return 'open';
  const link = await findLiveLinkById(trx, linkId, answeredAt);
  if (!link) return 'open';
  await submitAnswers(trx, link, premAnswers(i, m.offset_months), answeredAt);
  return 'answered';
}

export async function loadDemoMeasures(
  db: Db,
  publicUrl: string = loadConfig().publicUrl,
  now: Date = new Date(),
): Promise<{ recorded: number; linksSent: number; linksAnswered: number }> {
  const today = finnishDate(now);
  const counts = { recorded: 0, linksSent: 0, linksAnswered: 0 };
  const cases = (await db
    .selectFrom('client_case')
    .select(['id', 'client_id', 'organisation_id', 'pathway_id', 'opened_on', 'created_by'])
    .where('closed_on', 'is', null)
    .orderBy('opened_on')
    .orderBy('id')
    .execute()) as DemoCase[];
  const instruments = await latestInstruments(db, [
    'was',
    'd3x10',
    'prem',
    'kykyviisari',
    'avain',
    'thl_participation',
  ]);
  let earlyLinks = 0;

  for (const [i, kase] of cases.entries()) {
    await db.transaction().execute(async (trx) => {
      await scheduleMeasurements(trx, kase, now);
      const actor = await actorFor(trx, kase);
      if (!actor) return;
      const measurements = await trx
        .selectFrom('measurement')
        .select(['id', 'client_id', 'instrument_code', 'offset_months', 'due_on', 'status'])
        .where('case_id', '=', kase.id)
        .orderBy('offset_months')
        .orderBy('instrument_code')
        .execute();
      const wasBaseline = 2 + pick(i, 1, 5);
      for (const m of measurements) {
        const instrument = instruments.get(m.instrument_code);
        if (!instrument || m.status !== 'due') continue;
        if (m.due_on > today) {
          // A few links sent ahead of time and not answered yet: the due work reminds them at start-up.
          if (linkable(instrument) && earlyLinks < 3 && m.offset_months > 0 && pick(i, 9, 3) === 0) {
            const sentAt = new Date(now.getTime() - (4 + earlyLinks) * DAY);
            const state = await followUpByLink(
              trx,
              { ...m, due_on: finnishDate(sentAt) },
              instrument,
              i,
              publicUrl,
              now,
              false,
            );
            if (state === 'open') {
              earlyLinks++;
              counts.linksSent++;
            }
          }
          continue;
        }
        if (linkable(instrument)) {
          // About three in four answer the link (pick ≠ 0 of 4).
          const state = await followUpByLink(
            trx,
            m,
            instrument,
            i,
            publicUrl,
            now,
            pick(i, m.offset_months, 4) !== 0,
          );
          if (state !== 'skipped') counts.linksSent++;
          if (state === 'answered') counts.linksAnswered++;
          continue;
        }
        // Result entries: nearly every baseline, most follow-ups (one in five is missed).
        if (m.offset_months === 0 ? pick(i, 2, 10) === 0 : pick(i, m.offset_months + 3, 5) === 0) continue;
        const delta = m.offset_months === 0 ? 0 : [-1, 0, 1, 1, 2, 2, 3][pick(i, m.offset_months + 2, 7)]!;
        const answers: Answers =
          m.instrument_code === 'was'
            ? { was: clamp(wasBaseline + delta, 0, 10) }
            : m.instrument_code === 'd3x10'
              ? Object.fromEntries(
                  D3X10_AREAS.map((area, k) => [area, clamp(3 + pick(i, k + 11, 5) + delta, 0, 10)]),
                )
              : {};
        if (Object.keys(answers).length === 0) continue;
        const answeredOn = [addDays(m.due_on, pick(i, m.offset_months + 5, 10)), today].sort()[0]!;
        await recordResult(trx, actor, m.id, { answers, answeredOn }, now);
        counts.recorded++;
      }
    });
  }
  return counts;
}
