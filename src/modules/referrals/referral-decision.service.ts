import type { Trx } from '../../server/db/database.ts';
import { requireUpdated } from '../../server/db/versioned.ts';
import { AppError, conflict, invalidField, notFound, staleVersion } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import { activeProfessionals } from '../cases/case.repository.ts';
import { openCase } from '../cases/case.service.ts';
import { criteriaForTeam } from './eligibility-criterion.service.ts';
import { findReferralRow, insertStatusChange, openReferralTo } from './referral.repository.ts';
import type { AcceptInput, RedirectInput, ReturnInput } from './referral.schema.ts';
import { referralAlreadyOpen, requireReceivingTeam } from './referral.service.ts';
import type { ReferralRow, ReferralStatus } from './referral.table.ts';
import { consentProblem, requireReferralConsent } from './referral-consent.ts';

/** Receiving, accepting, returning and redirecting are the receiving organisation's decisions. */
async function requireReceiver(
  trx: Trx,
  actor: Actor,
  id: string,
  allowed: ReferralStatus[],
  version: number,
) {
  const r = await findReferralRow(trx, id);
  if (!r) throw notFound('referral');
  if (r.receiving_organisation_id !== actor.organisationId) {
    throw new AppError(403, 'not_receiver', 'Only the receiving organisation decides on a referral.');
  }
  if (!allowed.includes(r.status)) {
    throw conflict(
      'invalid_status_change',
      `The referral is ${r.status}; this step is possible when it is ${allowed.join(' or ')}.`,
      {
        status: r.status,
      },
    );
  }
  if (r.version !== version) throw staleVersion(r.version);
  return r;
}

async function setStatus(
  trx: Trx,
  actor: Actor,
  r: ReferralRow,
  to: ReferralStatus,
  now: Date,
  changes: {
    return_reason?: string;
    eligibility_justification?: string | null;
    redirected_to_id?: string;
  } = {},
  note = '',
) {
  const updated = await trx
    .updateTable('referral')
    .set({ ...changes, status: to, version: r.version + 1, updated_by: actor.userId, updated_at: now })
    .where('id', '=', r.id)
    .where('version', '=', r.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: r.version + 1 }), 'referral');
  await insertStatusChange(trx, {
    referralId: r.id,
    organisationId: actor.organisationId,
    from: r.status,
    to,
    note,
    by: actor.userId,
    at: now,
  });
}

export async function receiveReferral(trx: Trx, actor: Actor, id: string, version: number, now: Date) {
  const r = await requireReceiver(trx, actor, id, ['sent'], version);
  await setStatus(trx, actor, r, 'received', now);
}

type Answers = { criterionId: string; met: boolean }[];

/** Answers to the team's current criteria; `complete` requires one for every criterion. */
async function checkEligibility(trx: Trx, teamId: string, answers: Answers, complete: boolean) {
  const { rows } = await criteriaForTeam(trx, teamId);
  const known = new Set(rows.map((c) => c.id));
  const unknown = answers.filter((a) => !known.has(a.criterionId));
  if (unknown.length > 0) {
    throw invalidField(
      'body.eligibility',
      'unknown_criterion',
      'An answer is for a criterion that is not the team’s.',
    );
  }
  const answered = new Set(answers.map((a) => a.criterionId));
  const missing = rows.filter((c) => !answered.has(c.id));
  if (complete && missing.length > 0) {
    throw invalidField(
      'body.eligibility',
      'criterion_missing',
      `Record for every criterion of the team whether it is met (${missing.length} missing).`,
    );
  }
  return answers;
}

async function saveEligibility(trx: Trx, actor: Actor, referralId: string, answers: Answers, now: Date) {
  if (answers.length === 0) return;
  await trx
    .insertInto('referral_eligibility')
    .values(
      answers.map((a) => ({
        referral_id: referralId,
        criterion_id: a.criterionId,
        met: a.met,
        created_at: now,
        created_by: actor.userId,
      })),
    )
    .execute();
}

/**
 * Acceptance opens the case: on the chosen pathway, with a named case manager of the receiving organisation
 * and that organisation on the case team. A criterion not met needs the team's written justification.
 */
export async function acceptReferral(trx: Trx, actor: Actor, id: string, input: AcceptInput, now: Date) {
  const r = await requireReceiver(trx, actor, id, ['sent', 'received'], input.version);
  const answers = await checkEligibility(trx, r.receiving_team_id, input.eligibility, true);
  const justification = input.justification?.trim() || null;
  if (answers.some((a) => !a.met) && !justification) {
    throw invalidField(
      'body.justification',
      'justification_required',
      'A criterion is not met: write why the team accepts the client anyway.',
    );
  }
  const managerId = input.caseManagerUserId ?? actor.userId;
  const [manager] = await activeProfessionals(trx, [r.receiving_organisation_id], managerId);
  if (!manager) {
    throw invalidField(
      'body.caseManagerUserId',
      'not_eligible_case_manager',
      'The case manager must be an active professional of the receiving organisation.',
    );
  }
  await setStatus(trx, actor, r, 'accepted', now, { eligibility_justification: justification });
  await saveEligibility(trx, actor, id, answers, now);
  return openCase(
    trx,
    actor,
    {
      clientId: r.client_id,
      referralId: r.id,
      teamId: r.receiving_team_id,
      organisationId: r.receiving_organisation_id,
      pathwayId: input.pathwayId,
      startPhaseId: input.startPhaseId,
      manager: { userId: manager.user_id, organisationId: manager.organisation_id, role: manager.role },
      openedOn: finnishDate(now),
    },
    now,
  );
}

export async function returnReferral(trx: Trx, actor: Actor, id: string, input: ReturnInput, now: Date) {
  const r = await requireReceiver(trx, actor, id, ['sent', 'received'], input.version);
  const answers = await checkEligibility(trx, r.receiving_team_id, input.eligibility ?? [], false);
  await setStatus(trx, actor, r, 'returned', now, { return_reason: input.reason }, input.reason);
  await saveEligibility(trx, actor, id, answers, now);
}

/**
 * Sends the referral on to another team as a new referral that points back to this one. The data still
 * travels from the referring organisation, so its consent must cover the new receiver; the receiver cannot
 * record that consent for it.
 */
export async function redirectReferral(trx: Trx, actor: Actor, id: string, input: RedirectInput, now: Date) {
  const r = await requireReceiver(trx, actor, id, ['sent', 'received'], input.version);
  if (input.teamId === r.receiving_team_id) {
    throw invalidField(
      'body.teamId',
      'same_team',
      'Choose another team than the one the referral was sent to.',
    );
  }
  const team = await requireReceivingTeam(trx, 'body.teamId', input.teamId);
  const open = await openReferralTo(trx, r.client_id, team.id);
  if (open) throw referralAlreadyOpen(open.id);

  let consentId: string | null = null;
  if (team.organisation_id !== r.referring_organisation_id) {
    const parties = {
      clientId: r.client_id,
      controllerOrganisationId: r.referring_organisation_id,
      recipientOrganisationId: team.organisation_id,
    };
    if (input.consentId) {
      await requireReferralConsent(trx, 'body.consentId', input.consentId, parties, now);
      consentId = input.consentId;
    } else if (r.consent_id && (await consentProblem(trx, r.consent_id, parties, now)) === null) {
      consentId = r.consent_id;
    } else {
      throw conflict(
        'consent_required',
        `The client’s consent does not cover ${team.organisation_name}. Ask the referring organisation to record the client’s consent to disclose to it, then redirect with that consent — or return the referral.`,
        { recipientOrganisationId: team.organisation_id },
      );
    }
  }

  const { id: newId } = await trx
    .insertInto('referral')
    .values({
      client_id: r.client_id,
      referring_organisation_id: r.referring_organisation_id,
      receiving_team_id: team.id,
      receiving_organisation_id: team.organisation_id,
      screening_id: r.screening_id,
      consent_id: consentId,
      reason: r.reason,
      unemployed_since: r.unemployed_since,
      sent_at: now,
      return_reason: null,
      eligibility_justification: null,
      redirected_from_id: r.id,
      redirected_to_id: null,
      created_by: actor.userId,
      updated_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The new receiver gets the same files; the stored rows are immutable, so a copy cannot drift.
  await trx
    .insertInto('referral_attachment')
    .columns([
      'referral_id',
      'file_name',
      'content_type',
      'size_bytes',
      'sha256',
      'content',
      'created_at',
      'created_by',
    ])
    .expression((eb) =>
      eb
        .selectFrom('referral_attachment')
        .where('referral_id', '=', r.id)
        .select((s) => [
          s.val(newId).as('referral_id'),
          'file_name',
          'content_type',
          'size_bytes',
          'sha256',
          'content',
          'created_at',
          'created_by',
        ]),
    )
    .execute();
  await insertStatusChange(trx, {
    referralId: newId,
    organisationId: actor.organisationId,
    from: null,
    to: 'sent',
    note: input.note,
    by: actor.userId,
    at: now,
  });
  await setStatus(trx, actor, r, 'redirected', now, { redirected_to_id: newId }, input.note);
  return newId;
}
