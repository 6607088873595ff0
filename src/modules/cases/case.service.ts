import type { Trx } from '../../server/db/database.ts';
import { requireUpdated } from '../../server/db/versioned.ts';
import { conflict, invalidField, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import type { Role } from '../../server/policy/roles.ts';
import { activeCodes } from '../code-lists/client-path-code-list.repository.ts';
import { scheduleMeasurements } from '../measurements/schedule.service.ts';
import { phasesByPathway } from '../pathways/pathway.repository.ts';
import { pastOrToday } from './calendar.ts';
import type { CaseDetails } from './case.presenter.ts';
import {
  findCase,
  managerHistory,
  phaseHistory,
  planConsentRecipients,
  teamMembers,
} from './case.repository.ts';
import type { CloseCaseInput, PhaseChangeInput } from './case.schema.ts';
import { PHASE_CHANGE_MESSAGES, phaseChangeProblem } from './case-rules.ts';

export async function loadCase(trx: Trx, id: string) {
  const row = await findCase(trx, id);
  if (!row) throw notFound('case');
  return row;
}

export async function loadCaseDetails(trx: Trx, id: string, now: Date): Promise<CaseDetails> {
  const row = await loadCase(trx, id);
  const phases = (await phasesByPathway(trx, [row.pathway_id])).get(row.pathway_id) ?? [];
  const phaseChanges = await phaseHistory(trx, id);
  const managers = await managerHistory(trx, id);
  const members = await teamMembers(trx, id);
  const planReaders = await planConsentRecipients(trx, row.client_id, row.organisation_id, now);
  return { row, phases, phaseChanges, managers, members, planReaders };
}

export const caseClosed = () =>
  conflict(
    'case_closed',
    'The case is closed. A closed case does not change; open a new referral if needed.',
  );

export async function requireOpenCase(trx: Trx, id: string) {
  const row = await loadCase(trx, id);
  if (row.closed_on) throw caseClosed();
  return row;
}

export interface OpenCaseInput {
  clientId: string;
  referralId: string | null;
  teamId: string;
  organisationId: string;
  pathwayId: string;
  startPhaseId?: string | undefined;
  manager: { userId: string; organisationId: string; role: Role };
  openedOn: string;
}

/**
 * A case starts on a pathway's phase (the first unless told), with its named case manager and the team's
 * organisation on the case team; the opening phase is the first row of the phase history.
 */
export async function openCase(trx: Trx, actor: Actor, input: OpenCaseInput, now: Date) {
  const pathway = await trx
    .selectFrom('pathway')
    .select(['id', 'active'])
    .where('id', '=', input.pathwayId)
    .executeTakeFirst();
  if (!pathway?.active) throw invalidField('body.pathwayId', 'unknown_pathway', 'No such active pathway.');
  const phases = (await phasesByPathway(trx, [input.pathwayId])).get(input.pathwayId) ?? [];
  const start = input.startPhaseId ? phases.find((p) => p.id === input.startPhaseId) : phases[0];
  if (!start)
    throw invalidField(
      'body.startPhaseId',
      'unknown_phase',
      'The phase is not a phase of the chosen pathway.',
    );

  const tracked = { created_by: actor.userId, updated_by: actor.userId, created_at: now, updated_at: now };
  const { id } = await trx
    .insertInto('client_case')
    .values({
      client_id: input.clientId,
      referral_id: input.referralId,
      team_id: input.teamId,
      organisation_id: input.organisationId,
      pathway_id: input.pathwayId,
      current_phase_id: start.id,
      phase_changed_on: input.openedOn,
      opened_on: input.openedOn,
      closed_on: null,
      outcome_code: null,
      closing_note: null,
      ...tracked,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('case_phase_change')
    .values({
      case_id: id,
      organisation_id: actor.organisationId,
      from_phase_id: null,
      to_phase_id: start.id,
      changed_on: input.openedOn,
      created_at: now,
      created_by: actor.userId,
    })
    .execute();
  await trx
    .insertInto('case_team_member')
    .values({
      case_id: id,
      organisation_id: input.organisationId,
      user_id: input.manager.organisationId === input.organisationId ? input.manager.userId : null,
      role: input.manager.role,
      added_at: now,
      added_by: actor.userId,
      removed_at: null,
      removed_by: null,
      ...tracked,
    })
    .execute();
  await trx
    .insertInto('case_manager_assignment')
    .values({
      case_id: id,
      user_id: input.manager.userId,
      organisation_id: input.manager.organisationId,
      started_at: now,
      ended_at: null,
      ended_by: null,
      ...tracked,
    })
    .execute();
  // The baseline and follow-up measures of the pathway's schedule (issue 4), in the same transaction.
  await scheduleMeasurements(
    trx,
    {
      id,
      client_id: input.clientId,
      organisation_id: input.organisationId,
      pathway_id: input.pathwayId,
      opened_on: input.openedOn,
    },
    now,
  );
  return id;
}

export async function changeCasePhase(
  trx: Trx,
  actor: Actor,
  caseId: string,
  input: PhaseChangeInput,
  now: Date,
) {
  const k = await requireOpenCase(trx, caseId);
  const phases = await trx
    .selectFrom('pathway_phase')
    .select(['id', 'pathway_id', 'ordinal'])
    .where((eb) => eb.or([eb('pathway_id', '=', k.pathway_id), eb('id', '=', input.phaseId)]))
    .execute();
  const problem = phaseChangeProblem(phases, k.current_phase_id, input.phaseId);
  if (problem) {
    throw conflict('invalid_phase_change', PHASE_CHANGE_MESSAGES[problem], {
      reason: problem,
      currentPhaseId: k.current_phase_id,
    });
  }
  const changedOn = pastOrToday('body.changedOn', input.changedOn, now);
  if (changedOn < k.phase_changed_on) {
    throw invalidField(
      'body.changedOn',
      'before_previous_change',
      `The date cannot be before the previous phase change (${k.phase_changed_on}).`,
    );
  }
  const updated = await trx
    .updateTable('client_case')
    .set({
      current_phase_id: input.phaseId,
      phase_changed_on: changedOn,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', caseId)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: k.version }), 'case');
  await trx
    .insertInto('case_phase_change')
    .values({
      case_id: caseId,
      organisation_id: actor.organisationId,
      from_phase_id: k.current_phase_id,
      to_phase_id: input.phaseId,
      changed_on: changedOn,
      note: input.note,
      created_at: now,
      created_by: actor.userId,
    })
    .execute();
}

export async function closeCase(trx: Trx, actor: Actor, caseId: string, input: CloseCaseInput, now: Date) {
  const k = await requireOpenCase(trx, caseId);
  if (!(await activeCodes(trx, 'case_outcome')).has(input.outcomeCode)) {
    throw invalidField('body.outcomeCode', 'unknown_outcome', 'Choose one of the case outcomes.');
  }
  const closedOn = pastOrToday('body.closedOn', input.closedOn, now);
  if (closedOn < k.opened_on) {
    throw invalidField('body.closedOn', 'before_opening', `The case was opened on ${k.opened_on}.`);
  }
  const updated = await trx
    .updateTable('client_case')
    .set({
      closed_on: closedOn,
      outcome_code: input.outcomeCode,
      closing_note: input.note,
      version: input.version + 1,
      updated_by: actor.userId,
      updated_at: now,
    })
    .where('id', '=', caseId)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await requireUpdated(updated, async () => ({ version: k.version }), 'case');
}
