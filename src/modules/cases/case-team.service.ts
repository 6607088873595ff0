import type { Trx } from '../../server/db/database.ts';
import { isUniqueViolation, requireUpdated } from '../../server/db/versioned.ts';
import { conflict, invalidField, notFound, staleVersion } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import type { Role } from '../../server/policy/roles.ts';
import { activeProfessionals, teamOrganisationIds } from './case.repository.ts';
import type { AssignManagerInput, TeamMemberInput } from './case.schema.ts';
import { requireOpenCase } from './case.service.ts';

/** Who may be named case manager: an active professional of an organisation on the case team. */
export async function caseManagerCandidates(
  trx: Trx,
  caseId: string,
  caseOrganisationId: string,
  userId?: string,
) {
  return activeProfessionals(trx, await teamOrganisationIds(trx, caseId, caseOrganisationId), userId);
}

/** The organisation a candidate acts for: the one asked for, else the case's own, else the first on the team. */
export async function requireCaseManagerCandidate(
  trx: Trx,
  k: { id: string; organisation_id: string },
  userId: string,
  organisationId: string | undefined,
): Promise<{ userId: string; organisationId: string; role: Role }> {
  const options = (await caseManagerCandidates(trx, k.id, k.organisation_id, userId)).filter(
    (c) => !organisationId || c.organisation_id === organisationId,
  );
  const chosen = options.find((c) => c.organisation_id === k.organisation_id) ?? options[0];
  if (!chosen) {
    throw invalidField(
      'body.userId',
      'not_eligible_case_manager',
      'The case manager must be an active professional of an organisation on the case team.',
    );
  }
  return { userId: chosen.user_id, organisationId: chosen.organisation_id, role: chosen.role };
}

/** A handover ends the current assignment and starts the next in one transaction: never two, never none. */
export async function assignCaseManager(
  trx: Trx,
  actor: Actor,
  caseId: string,
  input: AssignManagerInput,
  now: Date,
) {
  const k = await requireOpenCase(trx, caseId);
  if (k.version !== input.version) throw staleVersion(k.version);
  const next = await requireCaseManagerCandidate(trx, k, input.userId, input.organisationId);
  if (k.manager_user_id === next.userId && k.manager_organisation_id === next.organisationId) {
    throw conflict('already_case_manager', 'This professional is already the case manager.');
  }
  if (k.manager_assignment_id) {
    await trx
      .updateTable('case_manager_assignment')
      .set((eb) => ({
        ended_at: now,
        ended_by: actor.userId,
        updated_by: actor.userId,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', k.manager_assignment_id)
      .where('ended_at', 'is', null)
      .execute();
  }
  try {
    await trx
      .insertInto('case_manager_assignment')
      .values({
        case_id: caseId,
        user_id: next.userId,
        organisation_id: next.organisationId,
        note: input.note,
        started_at: now,
        ended_at: null,
        ended_by: null,
        created_by: actor.userId,
        updated_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
  } catch (err) {
    // Two handovers at the same moment: the partial unique index lets one through.
    if (isUniqueViolation(err, 'case_manager_current')) throw staleVersion(k.version + 1);
    throw err;
  }
  const updated = await trx
    .updateTable('client_case')
    .set({ version: input.version + 1, updated_by: actor.userId, updated_at: now })
    .where('id', '=', caseId)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: k.version }), 'case');
}

/** An organisation on the team gets a care relationship with the client (the `care_relationship` view). */
export async function addCaseTeamMember(
  trx: Trx,
  actor: Actor,
  caseId: string,
  input: TeamMemberInput,
  now: Date,
) {
  await requireOpenCase(trx, caseId);
  const organisation = await trx
    .selectFrom('organisation')
    .select(['id', 'active'])
    .where('id', '=', input.organisationId)
    .executeTakeFirst();
  if (!organisation?.active) {
    throw invalidField('body.organisationId', 'unknown_organisation', 'No such active organisation.');
  }
  if (input.userId && (await activeProfessionals(trx, [input.organisationId], input.userId)).length === 0) {
    throw invalidField(
      'body.userId',
      'not_a_member',
      'The professional must be an active member of the organisation.',
    );
  }
  const duplicate = await trx
    .selectFrom('case_team_member')
    .select('id')
    .where('case_id', '=', caseId)
    .where('organisation_id', '=', input.organisationId)
    .where('user_id', input.userId ? '=' : 'is', input.userId ?? null)
    .where('role', '=', input.role)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (duplicate)
    throw conflict('already_on_team', 'This member is already on the case team.', { memberId: duplicate.id });
  const { id } = await trx
    .insertInto('case_team_member')
    .values({
      case_id: caseId,
      organisation_id: input.organisationId,
      user_id: input.userId ?? null,
      role: input.role,
      added_at: now,
      added_by: actor.userId,
      removed_at: null,
      removed_by: null,
      created_by: actor.userId,
      updated_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Removing ends the organisation's 'team' basis once none of its members remain (other bases, such as its own
 * registration or referral, stay). Allowed on a closed case too: access ends when the work does.
 */
export async function removeCaseTeamMember(
  trx: Trx,
  actor: Actor,
  caseId: string,
  memberId: string,
  version: number,
  now: Date,
) {
  const member = await trx
    .selectFrom('case_team_member')
    .selectAll()
    .where('id', '=', memberId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!member) throw notFound('team member');
  if (member.removed_at)
    throw conflict('already_removed', 'This member has already been removed from the team.');
  const k = await trx
    .selectFrom('client_case as k')
    .leftJoin('case_manager_assignment as m', (j) =>
      j.onRef('m.case_id', '=', 'k.id').on('m.ended_at', 'is', null),
    )
    .select(['k.organisation_id', 'k.closed_on', 'm.organisation_id as manager_organisation_id'])
    .where('k.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const others = await trx
    .selectFrom('case_team_member')
    .select('id')
    .where('case_id', '=', caseId)
    .where('organisation_id', '=', member.organisation_id)
    .where('removed_at', 'is', null)
    .where('id', '<>', memberId)
    .execute();
  if (others.length === 0 && !k.closed_on) {
    if (member.organisation_id === k.organisation_id) {
      throw conflict(
        'case_organisation_required',
        'The organisation that runs the case stays on its team while the case is open.',
      );
    }
    if (member.organisation_id === k.manager_organisation_id) {
      throw conflict(
        'case_manager_organisation',
        'The case manager’s organisation stays on the team. Hand the case over to someone else first.',
      );
    }
  }
  const updated = await trx
    .updateTable('case_team_member')
    .set({
      removed_at: now,
      removed_by: actor.userId,
      version: version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', memberId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: member.version }), 'team member');
}
