import type { Trx } from '../../server/db/database.ts';
import { isUniqueViolation, requireUpdated } from '../../server/db/versioned.ts';
import { conflict, invalidField, notFound, staleVersion } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { pastOrToday } from '../cases/calendar.ts';
import { requireOpenCase } from '../cases/case.service.ts';
import { findCoaching, findJobCoach, findProfile, listModules } from './coaching.repository.ts';
import type {
  EndCoachingInput,
  StartCoachingInput,
  UpdateCoachingInput,
  VocationalProfileInput,
} from './coaching.schema.ts';

export async function loadCoaching(trx: Trx, id: string) {
  const row = await findCoaching(trx, id);
  if (!row) throw notFound('coaching');
  return row;
}

export const coachingEnded = () =>
  conflict(
    'coaching_ended',
    'The coaching has ended. An ended coaching does not change; start a new one if needed.',
  );

export async function requireActiveCoaching(trx: Trx, id: string) {
  const row = await loadCoaching(trx, id);
  if (row.ended_on) throw coachingEnded();
  return row;
}

async function requireCoach(trx: Trx, organisationId: string, userId: string) {
  if (!(await findJobCoach(trx, organisationId, userId))) {
    throw invalidField(
      'body.coachUserId',
      'not_a_job_coach',
      'The coach must be an active job coach of your organisation.',
    );
  }
}

async function requireOwnTeam(trx: Trx, organisationId: string, teamId: string | null | undefined) {
  if (!teamId) return;
  const team = await trx
    .selectFrom('team')
    .select(['organisation_id', 'active'])
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team?.active || team.organisation_id !== organisationId) {
    throw invalidField('body.teamId', 'unknown_team', 'Choose an active team of your organisation.');
  }
}

/**
 * A job coach takes a client from a case: the case's own organisation, or an organisation on its case team (the
 * basis on which it may process the client's data at all). On the supported-employment pathway the coaching is
 * the pathway itself; on any other pathway it is a service inside it. The vocational profile starts empty, with
 * nothing disclosed to employers until the client chooses.
 */
export async function startCoaching(
  trx: Trx,
  actor: Actor,
  caseId: string,
  input: StartCoachingInput,
  now: Date,
) {
  const k = await requireOpenCase(trx, caseId);
  if (k.organisation_id !== actor.organisationId) {
    const onTeam = await trx
      .selectFrom('case_team_member')
      .select('id')
      .where('case_id', '=', caseId)
      .where('organisation_id', '=', actor.organisationId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (!onTeam) {
      throw conflict(
        'not_on_case_team',
        'Your organisation is not on this case’s team. Ask the case manager to add it first.',
      );
    }
  }
  const coachUserId = input.coachUserId ?? actor.userId;
  await requireCoach(trx, actor.organisationId, coachUserId);
  await requireOwnTeam(trx, actor.organisationId, input.teamId);
  const startedOn = pastOrToday('body.startedOn', input.startedOn, now);
  if (startedOn < k.opened_on) {
    throw invalidField('body.startedOn', 'before_case_opened', `The case was opened on ${k.opened_on}.`);
  }
  const tracked = { created_by: actor.userId, updated_by: actor.userId, created_at: now, updated_at: now };
  let id: string;
  try {
    ({ id } = await trx
      .insertInto('coaching')
      .values({
        client_id: k.client_id,
        case_id: caseId,
        organisation_id: actor.organisationId,
        team_id: input.teamId ?? null,
        coach_user_id: coachUserId,
        kind: k.pathway_code === 'supported_employment' ? 'pathway' : 'service',
        intensity: input.intensity,
        model: input.model,
        started_on: startedOn,
        ended_on: null,
        end_reason: null,
        ...tracked,
      })
      .returning('id')
      .executeTakeFirstOrThrow());
  } catch (err) {
    if (isUniqueViolation(err, 'coaching_one_active')) {
      throw conflict('coaching_exists', 'The client already has an active coaching in your organisation.');
    }
    throw err;
  }
  await trx
    .insertInto('vocational_profile')
    .values({
      coaching_id: id,
      client_id: k.client_id,
      organisation_id: actor.organisationId,
      disclosure_agreed_on: null,
      ...tracked,
    })
    .execute();
  return id;
}

export async function updateCoaching(
  trx: Trx,
  actor: Actor,
  id: string,
  input: UpdateCoachingInput,
  now: Date,
) {
  const k = await requireActiveCoaching(trx, id);
  if (k.version !== input.version) throw staleVersion(k.version);
  await requireCoach(trx, k.organisation_id, input.coachUserId);
  await requireOwnTeam(trx, k.organisation_id, input.teamId);
  const updated = await trx
    .updateTable('coaching')
    .set({
      intensity: input.intensity,
      model: input.model,
      coach_user_id: input.coachUserId,
      team_id: input.teamId,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: k.version }), 'coaching');
}

/** Shared by ending directly and by a module review that decides the end. */
export async function closeCoaching(
  trx: Trx,
  actor: Actor,
  k: { id: string; started_on: string; version: number },
  end: { endedOn: string; reason: EndCoachingInput['reason']; note: string; version: number },
  now: Date,
) {
  if (end.endedOn < k.started_on) {
    throw invalidField('body.endedOn', 'before_start', `The coaching started on ${k.started_on}.`);
  }
  const updated = await trx
    .updateTable('coaching')
    .set({
      ended_on: end.endedOn,
      end_reason: end.reason,
      end_note: end.note,
      version: end.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', k.id)
    .where('version', '=', end.version)
    .where('ended_on', 'is', null)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: k.version }), 'coaching');
}

/** An open module is reviewed first: its review is where client, coach and purchaser decide the end. */
export async function endCoaching(trx: Trx, actor: Actor, id: string, input: EndCoachingInput, now: Date) {
  const k = await requireActiveCoaching(trx, id);
  if ((await listModules(trx, id)).some((m) => m.reviewed_on === null)) {
    throw conflict(
      'module_open',
      'A coaching module is open. Review it first; the review can decide to end the coaching.',
    );
  }
  const endedOn = pastOrToday('body.endedOn', input.endedOn, now);
  await closeCoaching(
    trx,
    actor,
    k,
    { endedOn, reason: input.reason, note: input.note, version: input.version },
    now,
  );
}

/** The profile and the client's disclosure choice; every saved version is kept (record_version). */
export async function saveVocationalProfile(
  trx: Trx,
  actor: Actor,
  coachingId: string,
  input: VocationalProfileInput,
  now: Date,
) {
  await requireActiveCoaching(trx, coachingId);
  const profile = await findProfile(trx, coachingId);
  if (!profile) throw notFound('vocational profile');
  const d = input.disclosure;
  const choiceChanged =
    d.discloseName !== profile.disclose_name ||
    d.discloseHealth !== profile.disclose_health ||
    d.disclosureText !== profile.disclosure_text ||
    d.notToDisclose !== profile.not_to_disclose;
  const updated = await trx
    .updateTable('vocational_profile')
    .set({
      work_history: input.workHistory,
      education: input.education,
      skills: input.skills,
      preferences: input.preferences,
      disclose_name: d.discloseName,
      disclose_health: d.discloseHealth,
      disclosure_text: d.disclosureText,
      not_to_disclose: d.notToDisclose,
      // The date of the client's choice: as given, else today when it changed or is made for the first time.
      disclosure_agreed_on:
        d.agreedOn || choiceChanged || profile.disclosure_agreed_on === null
          ? pastOrToday('body.disclosure.agreedOn', d.agreedOn, now)
          : profile.disclosure_agreed_on,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', profile.id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: profile.version }), 'vocational profile');
}
