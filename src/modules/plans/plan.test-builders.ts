import type { Db } from '../../server/db/database.ts';

/**
 * A case of `organisationId`'s team on the team pathway, with the given organisations on the case team, written
 * straight to the tables (the plan tests need a case, not the case workflow).
 */
export async function makeCase(
  db: Db,
  clientId: string,
  organisationId: string,
  createdBy: string,
  teamOrgs: string[],
  openedOn = '2026-02-02',
) {
  const team = await db
    .insertInto('team')
    .values({
      organisation_id: organisationId,
      name: `Tiimi ${clientId.slice(0, 8)}`,
      created_by: null,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const phase = await db
    .selectFrom('pathway_phase as ph')
    .innerJoin('pathway as p', 'p.id', 'ph.pathway_id')
    .where('p.code', '=', 'work_ability_team')
    .where('ph.ordinal', '=', 1)
    .select(['ph.id', 'ph.pathway_id'])
    .executeTakeFirstOrThrow();
  const kase = await db
    .insertInto('client_case')
    .values({
      client_id: clientId,
      referral_id: null,
      team_id: team.id,
      organisation_id: organisationId,
      pathway_id: phase.pathway_id,
      current_phase_id: phase.id,
      phase_changed_on: openedOn,
      opened_on: openedOn,
      closed_on: null,
      outcome_code: null,
      closing_note: null,
      created_by: createdBy,
      updated_by: createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const org of teamOrgs) {
    await db
      .insertInto('case_team_member')
      .values({
        case_id: kase.id,
        organisation_id: org,
        user_id: null,
        role: 'coordinator',
        added_at: new Date(`${openedOn}T10:00:00Z`),
        added_by: createdBy,
        created_by: createdBy,
        updated_by: createdBy,
      })
      .execute();
  }
  return kase;
}
