import type { Trx } from '../../server/db/database.ts';
import type { ReferralStatus } from './referral.table.ts';

export function referralQuery(trx: Trx) {
  return trx
    .selectFrom('referral as r')
    .innerJoin('client as c', 'c.id', 'r.client_id')
    .innerJoin('organisation as ro', 'ro.id', 'r.referring_organisation_id')
    .innerJoin('team as t', 't.id', 'r.receiving_team_id')
    .innerJoin('organisation as rc', 'rc.id', 'r.receiving_organisation_id')
    .leftJoin('app_user as u', 'u.id', 'r.created_by')
    .leftJoin('client_case as k', 'k.referral_id', 'r.id')
    .selectAll('r')
    .select([
      'c.first_name as client_first_name',
      'c.last_name as client_last_name',
      'ro.name as referring_organisation_name',
      't.name as receiving_team_name',
      'rc.name as receiving_organisation_name',
      'u.first_name as sender_first_name',
      'u.last_name as sender_last_name',
      'k.id as case_id',
    ]);
}
export type ReferralWithNames = Awaited<ReturnType<typeof findReferral>> & object;

export function findReferral(trx: Trx, id: string) {
  return referralQuery(trx).where('r.id', '=', id).executeTakeFirst();
}

export function findReferralRow(trx: Trx, id: string) {
  return trx.selectFrom('referral').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listClientReferrals(trx: Trx, clientId: string) {
  return referralQuery(trx).where('r.client_id', '=', clientId).orderBy('r.sent_at', 'desc').execute();
}

export function listOrganisationReferrals(
  trx: Trx,
  organisationId: string,
  direction: 'incoming' | 'outgoing',
  statuses?: ReferralStatus[],
) {
  let q = referralQuery(trx)
    .where(
      direction === 'incoming' ? 'r.receiving_organisation_id' : 'r.referring_organisation_id',
      '=',
      organisationId,
    )
    .orderBy('r.sent_at', 'desc')
    .limit(500);
  if (statuses?.length) q = q.where('r.status', 'in', statuses);
  return q.execute();
}

export function statusHistory(trx: Trx, referralId: string) {
  return trx
    .selectFrom('referral_status_change as s')
    .innerJoin('organisation as o', 'o.id', 's.organisation_id')
    .leftJoin('app_user as u', 'u.id', 's.created_by')
    .where('s.referral_id', '=', referralId)
    .select([
      's.from_status',
      's.to_status',
      's.note',
      's.organisation_id',
      's.created_at',
      'o.name as organisation_name',
      'u.first_name',
      'u.last_name',
    ])
    .orderBy('s.seq')
    .execute();
}

export function attachmentList(trx: Trx, referralId: string) {
  return trx
    .selectFrom('referral_attachment as a')
    .leftJoin('app_user as u', 'u.id', 'a.created_by')
    .where('a.referral_id', '=', referralId)
    .select([
      'a.id',
      'a.file_name',
      'a.content_type',
      'a.size_bytes',
      'a.sha256',
      'a.created_at',
      'u.first_name',
      'u.last_name',
    ])
    .orderBy('a.created_at')
    .execute();
}

export function eligibilityOf(trx: Trx, referralId: string) {
  return trx
    .selectFrom('referral_eligibility as e')
    .innerJoin('eligibility_criterion as c', 'c.id', 'e.criterion_id')
    .where('e.referral_id', '=', referralId)
    .select(['e.criterion_id', 'e.met', 'c.text_fi', 'c.text_sv', 'c.text_en'])
    .orderBy('c.ordinal')
    .execute();
}

export async function insertStatusChange(
  trx: Trx,
  row: {
    referralId: string;
    organisationId: string;
    from: ReferralStatus | null;
    to: ReferralStatus;
    note?: string;
    by: string;
    at: Date;
  },
) {
  await trx
    .insertInto('referral_status_change')
    .values({
      referral_id: row.referralId,
      organisation_id: row.organisationId,
      from_status: row.from,
      to_status: row.to,
      note: row.note ?? '',
      created_by: row.by,
      created_at: row.at,
    })
    .execute();
}

/** An open referral of the client to the team: a second one would only duplicate the intake. */
export function openReferralTo(trx: Trx, clientId: string, teamId: string) {
  return trx
    .selectFrom('referral')
    .select('id')
    .where('client_id', '=', clientId)
    .where('receiving_team_id', '=', teamId)
    .where('status', 'in', ['sent', 'received'])
    .executeTakeFirst();
}
