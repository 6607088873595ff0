import { hashToken } from '../../server/auth/tokens.ts';
import type { Trx } from '../../server/db/database.ts';

export function findWorkTrial(trx: Trx, id: string) {
  return trx
    .selectFrom('work_trial as w')
    .innerJoin('employer as e', 'e.id', 'w.employer_id')
    .innerJoin('employer_contact_person as cp', 'cp.id', 'w.supervisor_contact_person_id')
    .selectAll('w')
    .select(['e.name as employer_name', 'cp.name as supervisor_name', 'cp.email as supervisor_email'])
    .where('w.id', '=', id)
    .executeTakeFirst();
}
export type WorkTrialWithNames = Awaited<ReturnType<typeof findWorkTrial>> & object;

export function findWorkTrialSubject(trx: Trx, id: string) {
  return trx
    .selectFrom('work_trial')
    .select(['id', 'client_id', 'organisation_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listLinks(trx: Trx, workTrialId: string) {
  return trx
    .selectFrom('work_trial_feedback_link as l')
    .innerJoin('employer_contact_person as cp', 'cp.id', 'l.contact_person_id')
    .select([
      'l.id',
      'l.kind',
      'l.contact_person_id',
      'cp.name as contact_person_name',
      'l.language',
      'l.sent_at',
      'l.expires_at',
      'l.used_at',
      'l.revoked_at',
    ])
    .where('l.work_trial_id', '=', workTrialId)
    .orderBy('l.sent_at', 'desc')
    .execute();
}
export type LinkWithNames = Awaited<ReturnType<typeof listLinks>>[number];

export function listFeedback(trx: Trx, workTrialId: string) {
  return trx
    .selectFrom('work_trial_feedback')
    .selectAll()
    .where('work_trial_id', '=', workTrialId)
    .orderBy('answered_at')
    .execute();
}

/** All work-trial feedback of a client, with the trial's employer and the controlling organisation. */
export function listClientFeedback(trx: Trx, clientId: string) {
  return trx
    .selectFrom('work_trial_feedback as f')
    .innerJoin('work_trial as w', 'w.id', 'f.work_trial_id')
    .innerJoin('employer as e', 'e.id', 'w.employer_id')
    .innerJoin('organisation as o', 'o.id', 'f.organisation_id')
    .selectAll('f')
    .select([
      'w.employer_id',
      'e.name as employer_name',
      'o.name as organisation_name',
      'w.starts_on',
      'w.ends_on',
    ])
    .where('f.client_id', '=', clientId)
    .orderBy('f.answered_at', 'desc')
    .execute();
}

/**
 * The live link a token opens, locked for this transaction, or undefined. Looked up only by the token's hash; one
 * query answers for unknown, used, revoked and expired tokens alike.
 */
export function findLiveFeedbackLink(trx: Trx, token: string, now: Date) {
  return trx
    .selectFrom('work_trial_feedback_link as l')
    .innerJoin('work_trial as w', 'w.id', 'l.work_trial_id')
    .innerJoin('employer as e', 'e.id', 'w.employer_id')
    .innerJoin('employer_contact_person as cp', 'cp.id', 'l.contact_person_id')
    .where('l.token_hash', '=', hashToken(token))
    .where('l.used_at', 'is', null)
    .where('l.revoked_at', 'is', null)
    .where('l.expires_at', '>', now)
    .select([
      'l.id',
      'l.kind',
      'l.language',
      'l.expires_at',
      'l.work_trial_id',
      'w.client_id',
      'w.organisation_id',
      'w.coaching_id',
      'w.tasks',
      'w.starts_on',
      'w.ends_on',
      'e.name as employer_name',
      'cp.name as contact_person_name',
    ])
    .forUpdate('l')
    .executeTakeFirst();
}
export type LiveFeedbackLink = NonNullable<Awaited<ReturnType<typeof findLiveFeedbackLink>>>;

/** The client behind any token, live or dead, for the access log of a refused attempt. */
export async function clientOfFeedbackToken(trx: Trx, token: string) {
  const row = await trx
    .selectFrom('work_trial_feedback_link as l')
    .innerJoin('work_trial as w', 'w.id', 'l.work_trial_id')
    .where('l.token_hash', '=', hashToken(token))
    .select(['w.client_id', 'w.id'])
    .executeTakeFirst();
  return row;
}
