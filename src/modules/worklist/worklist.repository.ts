import { sql } from 'kysely';
import type { Trx } from '../../server/db/database.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { finnishDate, inCareOf } from '../../server/policy/client-access.ts';
import { caseQuery } from '../cases/case.repository.ts';
import { consultationQuery } from '../consultations/consultation.repository.ts';
import { meetingQuery } from '../meetings/meeting.repository.ts';
import { referralQuery } from '../referrals/referral.repository.ts';
import { MEETING_HORIZON_DAYS } from './worklist.schema.ts';

// Candidates only: each list is restricted to clients the organisation has a care relationship with, and the
// route keeps a row only when `decide` allows reading it.

const myTeams = (trx: Trx, actor: Actor) =>
  trx.selectFrom('team_member').select('team_id').where('user_id', '=', actor.userId);

export function newReferralCandidates(trx: Trx, actor: Actor) {
  return referralQuery(trx)
    .where('r.status', 'in', ['sent', 'received'])
    .where('r.receiving_team_id', 'in', myTeams(trx, actor))
    .where(inCareOf(actor, 'r.client_id'))
    .orderBy('r.sent_at')
    .limit(200)
    .execute();
}

export function myCaseCandidates(trx: Trx, actor: Actor) {
  return caseQuery(trx)
    .where('m.user_id', '=', actor.userId)
    .where('k.closed_on', 'is', null)
    .where(inCareOf(actor, 'k.client_id'))
    .orderBy('k.phase_changed_on')
    .limit(500)
    .execute();
}

export function staleCaseCandidates(trx: Trx, actor: Actor, now: Date) {
  return caseQuery(trx)
    .where('k.team_id', 'in', myTeams(trx, actor))
    .where('k.closed_on', 'is', null)
    .where(sql<boolean>`k.phase_changed_on < ${finnishDate(now)}::date - p.stale_after_days`)
    .where(inCareOf(actor, 'k.client_id'))
    .orderBy('k.phase_changed_on')
    .limit(200)
    .execute();
}

export function openConsultationCandidates(trx: Trx, actor: Actor) {
  return consultationQuery(trx)
    .where('q.answered_at', 'is', null)
    .where('correction.id', 'is', null)
    .where('q.to_organisation_id', '=', actor.organisationId)
    .where((eb) => eb.or([eb('q.to_user_id', 'is', null), eb('q.to_user_id', '=', actor.userId)]))
    .where(inCareOf(actor, 'q.client_id'))
    .orderBy('q.created_at')
    .limit(200)
    .execute();
}

export function upcomingMeetingCandidates(trx: Trx, actor: Actor, now: Date) {
  const until = new Date(now.getTime() + MEETING_HORIZON_DAYS * 86_400_000);
  return meetingQuery(trx)
    .where('m.starts_at', '>=', now)
    .where('m.starts_at', '<', until)
    .where('correction.id', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('network_meeting_organisation as mo')
          .whereRef('mo.meeting_id', '=', 'm.id')
          .where('mo.organisation_id', '=', actor.organisationId),
      ),
    )
    .where(inCareOf(actor, 'm.client_id'))
    .orderBy('m.starts_at')
    .limit(200)
    .execute();
}

export async function clientNames(trx: Trx, clientIds: string[]): Promise<Map<string, string>> {
  if (clientIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('client')
    .select(['id', 'first_name', 'last_name'])
    .where('id', 'in', [...new Set(clientIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.first_name} ${r.last_name}`]));
}
