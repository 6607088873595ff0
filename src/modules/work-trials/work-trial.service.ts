import type { Trx } from '../../server/db/database.ts';
import { isUniqueViolation, requireUpdated } from '../../server/db/versioned.ts';
import { conflict, invalidField, notFound, staleVersion } from '../../server/http/errors.ts';
import { deadLink, linkExpiry, newLinkToken, personalLinkUrl } from '../../server/http/personal-link.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import { requireActiveCoaching } from '../coaching/coaching.service.ts';
import { requireContactPerson, requireOwnEmployer } from '../employers/employer.repository.ts';
import { enqueueMessage } from '../outbox/outbox.repository.ts';
import { FEEDBACK_ITEMS, FORM_VERSION } from './feedback-form.ts';
import { feedbackMessage } from './feedback-message.ts';
import { findWorkTrial, type LiveFeedbackLink } from './work-trial.repository.ts';
import type { FeedbackAnswersInput, WorkTrialInput, WorkTrialUpdateInput } from './work-trial.schema.ts';
import type { FeedbackKind } from './work-trial.table.ts';
import { workTrialStatus } from './work-trial-status.ts';

/** The web page a supervisor's link opens. */
export const FEEDBACK_LINK_PATH = 'f';

export async function loadWorkTrial(trx: Trx, id: string) {
  const row = await findWorkTrial(trx, id);
  if (!row) throw notFound('work trial');
  return row;
}

/** A work trial at an employer of the coaching organisation's register, supervised by one of its contact persons. */
export async function createWorkTrial(
  trx: Trx,
  actor: Actor,
  coachingId: string,
  input: WorkTrialInput,
  now: Date,
) {
  const k = await requireActiveCoaching(trx, coachingId);
  await requireOwnEmployer(trx, k.organisation_id, input.employerId, 'body.employerId');
  await requireContactPerson(
    trx,
    input.employerId,
    input.supervisorContactPersonId,
    'body.supervisorContactPersonId',
  );
  if (input.startsOn < k.started_on) {
    throw invalidField('body.startsOn', 'before_coaching', `The coaching started on ${k.started_on}.`);
  }
  const { id } = await trx
    .insertInto('work_trial')
    .values({
      coaching_id: coachingId,
      client_id: k.client_id,
      organisation_id: k.organisation_id,
      employer_id: input.employerId,
      supervisor_contact_person_id: input.supervisorContactPersonId,
      tasks: input.tasks,
      goals: input.goals,
      hours_per_week: input.hoursPerWeek ?? null,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      interrupted_on: null,
      interruption_note: null,
      created_by: actor.userId,
      updated_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateWorkTrial(
  trx: Trx,
  actor: Actor,
  id: string,
  input: WorkTrialUpdateInput,
  now: Date,
) {
  const w = await loadWorkTrial(trx, id);
  if (w.version !== input.version) throw staleVersion(w.version);
  await requireOwnEmployer(trx, w.organisation_id, input.employerId, 'body.employerId');
  await requireContactPerson(
    trx,
    input.employerId,
    input.supervisorContactPersonId,
    'body.supervisorContactPersonId',
  );
  const interruptedOn = input.interruptedOn ?? null;
  if (interruptedOn) {
    if (interruptedOn > finnishDate(now))
      throw invalidField('body.interruptedOn', 'future_date', 'The date cannot be in the future.');
    if (interruptedOn < input.startsOn || interruptedOn > input.endsOn) {
      throw invalidField(
        'body.interruptedOn',
        'outside_trial',
        'An interruption falls within the trial period.',
      );
    }
  }
  const updated = await trx
    .updateTable('work_trial')
    .set({
      employer_id: input.employerId,
      supervisor_contact_person_id: input.supervisorContactPersonId,
      tasks: input.tasks,
      goals: input.goals,
      hours_per_week: input.hoursPerWeek ?? null,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      interrupted_on: interruptedOn,
      interruption_note: interruptedOn ? (input.interruptionNote?.trim() ?? '') : null,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: w.version }), 'work trial');
}

/**
 * Sends the supervisor a personal link to the mid-point or final feedback (the client questionnaires' link rules).
 * A new link of the same kind revokes the earlier unanswered one: the newest message is the one that works.
 */
export async function sendFeedbackLink(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { kind: FeedbackKind; language: 'fi' | 'sv' | 'en' },
  publicUrl: string,
  now: Date,
) {
  const w = await loadWorkTrial(trx, id);
  if (workTrialStatus(w, finnishDate(now)) === 'planned') {
    throw conflict(
      'trial_not_started',
      `The work trial starts on ${w.starts_on}; feedback can be asked once it has started.`,
    );
  }
  const given = await trx
    .selectFrom('work_trial_feedback')
    .select('id')
    .where('work_trial_id', '=', id)
    .where('kind', '=', input.kind)
    .executeTakeFirst();
  if (given) throw conflict('feedback_given', 'The supervisor has already given this feedback.');
  if (!w.supervisor_email) {
    throw conflict(
      'supervisor_without_email',
      'The supervisor has no e-mail address. Add one to the contact person first.',
    );
  }
  await trx
    .updateTable('work_trial_feedback_link')
    .set({ revoked_at: now })
    .where('work_trial_id', '=', id)
    .where('kind', '=', input.kind)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  const { token, tokenHash } = newLinkToken();
  const expiresAt = linkExpiry(now);
  const { id: linkId } = await trx
    .insertInto('work_trial_feedback_link')
    .values({
      work_trial_id: id,
      kind: input.kind,
      contact_person_id: w.supervisor_contact_person_id,
      language: input.language,
      token_hash: tokenHash,
      sent_at: now,
      expires_at: expiresAt,
      used_at: null,
      revoked_at: null,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const message = feedbackMessage(
    input.language,
    personalLinkUrl(publicUrl, FEEDBACK_LINK_PATH, token),
    expiresAt,
  );
  await enqueueMessage(trx, {
    channel: 'email',
    recipient: w.supervisor_email,
    language: input.language,
    subject: message.subject,
    body: message.body,
    dedupe_key: `work-trial-feedback:${linkId}`,
    // The message is to the employer's supervisor, not to the client.
    client_id: null,
    created_at: now,
  });
  return linkId;
}

/** The supervisor's answers; the link is dead afterwards. A second submission of the same link finds it dead. */
export async function submitFeedback(
  trx: Trx,
  link: LiveFeedbackLink,
  input: FeedbackAnswersInput,
  now: Date,
) {
  const columns = Object.fromEntries(
    FEEDBACK_ITEMS.flatMap((item) => [
      [item, input.items[item].score],
      [`${item}_note`, input.items[item].note],
    ]),
  ) as Record<(typeof FEEDBACK_ITEMS)[number], number | null> &
    Record<`${(typeof FEEDBACK_ITEMS)[number]}_note`, string>;
  try {
    await trx
      .insertInto('work_trial_feedback')
      .values({
        work_trial_id: link.work_trial_id,
        link_id: link.id,
        client_id: link.client_id,
        organisation_id: link.organisation_id,
        kind: link.kind,
        form_version: FORM_VERSION,
        ...columns,
        overall_note: input.overallNote,
        respondent_name: link.contact_person_name,
        answered_at: now,
        answered_on: finnishDate(now),
      })
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw deadLink();
    throw err;
  }
  await trx.updateTable('work_trial_feedback_link').set({ used_at: now }).where('id', '=', link.id).execute();
}
