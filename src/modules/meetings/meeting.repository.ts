import type { Trx } from '../../server/db/database.ts';

export function meetingQuery(trx: Trx) {
  return trx
    .selectFrom('network_meeting as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .leftJoin('app_user as a', 'a.id', 'm.created_by')
    .leftJoin('app_user as s', 's.id', 'm.signed_by')
    .leftJoin('network_meeting as correction', 'correction.corrects_id', 'm.id')
    .selectAll('m')
    .select([
      'o.name as organisation_name',
      'a.first_name as author_first_name',
      'a.last_name as author_last_name',
      's.first_name as signer_first_name',
      's.last_name as signer_last_name',
      'correction.id as corrected_by_id',
    ]);
}
export type MeetingWithNames = Awaited<ReturnType<typeof findMeeting>> & object;

export function findMeeting(trx: Trx, id: string) {
  return meetingQuery(trx).where('m.id', '=', id).executeTakeFirst();
}

export function listCaseMeetings(trx: Trx, caseId: string) {
  return meetingQuery(trx).where('m.case_id', '=', caseId).orderBy('m.starts_at', 'desc').execute();
}

export type Participants = Map<string, { organisationId: string; organisationName: string }[]>;

export async function participantsOf(trx: Trx, meetingIds: string[]): Promise<Participants> {
  const byMeeting: Participants = new Map(meetingIds.map((id) => [id, []]));
  if (meetingIds.length === 0) return byMeeting;
  const rows = await trx
    .selectFrom('network_meeting_organisation as mo')
    .innerJoin('organisation as o', 'o.id', 'mo.organisation_id')
    .where('mo.meeting_id', 'in', meetingIds)
    .select(['mo.meeting_id', 'mo.organisation_id', 'o.name'])
    .orderBy('o.name')
    .execute();
  for (const r of rows)
    byMeeting.get(r.meeting_id)?.push({ organisationId: r.organisation_id, organisationName: r.name });
  return byMeeting;
}

export async function setParticipants(trx: Trx, meetingId: string, organisationIds: string[]) {
  await trx.deleteFrom('network_meeting_organisation').where('meeting_id', '=', meetingId).execute();
  await trx
    .insertInto('network_meeting_organisation')
    .values(
      [...new Set(organisationIds)].map((organisation_id) => ({ meeting_id: meetingId, organisation_id })),
    )
    .execute();
}
