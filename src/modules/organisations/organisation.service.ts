import type { z } from 'zod';
import type { Trx } from '../../server/db/database.ts';
import { isUniqueViolation, requireUpdated } from '../../server/db/versioned.ts';
import { conflict, invalidField, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import {
  findOrganisation,
  insertOrganisation,
  listTeams,
  organisationTypeExists,
  setTeamMembers,
  updateOrganisation,
} from './organisation.repository.ts';
import type {
  OrganisationBody,
  OrganisationUpdateBody,
  TeamBody,
  TeamUpdateBody,
} from './organisation.schema.ts';

async function checkType(trx: Trx, type: string) {
  if (!(await organisationTypeExists(trx, type))) {
    throw invalidField('body.type', 'unknown_organisation_type', `Unknown organisation type ${type}.`);
  }
}

const duplicateName = () => conflict('duplicate_name', 'An organisation with this name already exists.');

export async function createOrganisation(trx: Trx, actor: Actor, input: z.infer<typeof OrganisationBody>) {
  await checkType(trx, input.type);
  try {
    return await insertOrganisation(trx, {
      name: input.name,
      type: input.type,
      business_id: input.businessId,
      municipality: input.municipality,
      created_by: actor.userId,
      updated_by: actor.userId,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName();
    throw err;
  }
}

export async function changeOrganisation(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.infer<typeof OrganisationUpdateBody>,
) {
  await checkType(trx, input.type);
  try {
    return await updateOrganisation(trx, id, input.version, {
      name: input.name,
      type: input.type,
      business_id: input.businessId,
      municipality: input.municipality,
      active: input.active,
      updated_by: actor.userId,
      updated_at: new Date(),
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName();
    throw err;
  }
}

async function checkMembers(trx: Trx, organisationId: string, userIds: string[]) {
  if (userIds.length === 0) return;
  const members = await trx
    .selectFrom('membership')
    .where('organisation_id', '=', organisationId)
    .where('user_id', 'in', userIds)
    .where('active', '=', true)
    .select('user_id')
    .execute();
  const known = new Set(members.map((m) => m.user_id));
  const outsiders = userIds.filter((id) => !known.has(id));
  if (outsiders.length > 0) {
    throw invalidField(
      'body.memberUserIds',
      'not_a_member',
      'Team members must belong to the team’s organisation.',
    );
  }
}

async function teamOf(trx: Trx, id: string) {
  const teams = await listTeams(trx);
  const team = teams.find((t) => t.id === id);
  if (!team) throw notFound('team');
  return team;
}

export async function createTeam(trx: Trx, actor: Actor, input: z.infer<typeof TeamBody>) {
  if (!(await findOrganisation(trx, input.organisationId))) {
    throw invalidField('body.organisationId', 'unknown_organisation', 'No such organisation.');
  }
  await checkMembers(trx, input.organisationId, input.memberUserIds);
  try {
    const { id } = await trx
      .insertInto('team')
      .values({
        organisation_id: input.organisationId,
        name: input.name,
        description: input.description,
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setTeamMembers(trx, id, input.memberUserIds, actor.userId);
    return teamOf(trx, id);
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('duplicate_name', 'The organisation already has a team with this name.');
    throw err;
  }
}

export async function changeTeam(trx: Trx, actor: Actor, id: string, input: z.infer<typeof TeamUpdateBody>) {
  const current = await teamOf(trx, id);
  await checkMembers(trx, current.organisation_id, input.memberUserIds);
  const updated = await trx
    .updateTable('team')
    .set({
      name: input.name,
      description: input.description,
      active: input.active,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: current.version }), 'team');
  await setTeamMembers(trx, id, input.memberUserIds, actor.userId);
  return teamOf(trx, id);
}
