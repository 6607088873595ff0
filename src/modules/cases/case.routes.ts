import { z } from 'zod';
import type { Trx } from '../../server/db/database.ts';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { type ClientSubject, recordAccess } from '../../server/policy/client-access.ts';
import { presentCase, presentCaseSummary, presentProfessional } from './case.presenter.ts';
import { activeProfessionals, findCaseSubject, listClientCases } from './case.repository.ts';
import {
  AssignManagerBody,
  CaseDto,
  CaseMemberParams,
  CaseSummaryDto,
  CloseCaseBody,
  ManagerCandidateDto,
  PhaseChangeBody,
  ProfessionalQuery,
  RemoveMemberBody,
  TeamMemberBody,
} from './case.schema.ts';
import { changeCasePhase, closeCase, loadCase, loadCaseDetails } from './case.service.ts';
import {
  addCaseTeamMember,
  assignCaseManager,
  caseManagerCandidates,
  removeCaseTeamMember,
} from './case-team.service.ts';

const tags = ['cases'];

/** A case and everything recorded on it are the 'plan' data of the organisation that runs the case. */
export async function caseSubject(trx: Trx, caseId: string): Promise<ClientSubject | null> {
  const k = await findCaseSubject(trx, caseId);
  return k
    ? {
        kind: 'client',
        clientId: k.client_id,
        record: { controllerOrganisationId: k.organisation_id, category: 'plan' },
      }
    : null;
}

const list = defineRoute({
  method: 'GET',
  url: '/api/clients/:id/cases',
  summary: 'A client’s cases that you may see, newest first',
  tags,
  action: 'case.list',
  audit: 'CaseList',
  params: IdParams,
  response: z.array(CaseSummaryDto),
  subject: async ({ params }) => ({ kind: 'client', clientId: params.id }),
  async handler({ trx, actor, params, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const rows = await access.filter('case.read', await listClientCases(trx, params.id), (k) => ({
      clientId: k.client_id,
      controllerOrganisationId: k.organisation_id,
      category: 'plan',
    }));
    audit.metadata.count = rows.length;
    audit.disclosures.push(...access.disclosures());
    return rows.map((k) => presentCaseSummary(k, now));
  },
});

const read = defineRoute({
  method: 'GET',
  url: '/api/cases/:id',
  summary: 'A case: pathway and phase history, case manager and handovers, team, outcome',
  tags,
  action: 'case.read',
  audit: 'CaseRead',
  params: IdParams,
  response: CaseDto,
  subject: ({ trx, params }) => caseSubject(trx, params.id),
  async handler({ trx, params, now, audit }) {
    audit.targetId = params.id;
    return presentCase(await loadCaseDetails(trx, params.id, now), now);
  },
});

const changePhase = defineRoute({
  method: 'POST',
  url: '/api/cases/:id/phase-changes',
  summary: 'Move the case to the next phase or back to an earlier one (409 invalid_phase_change otherwise)',
  tags,
  action: 'case.changePhase',
  audit: 'CasePhaseChange',
  params: IdParams,
  body: PhaseChangeBody,
  response: CaseDto,
  subject: ({ trx, params }) => caseSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    audit.metadata.phaseId = body.phaseId;
    await changeCasePhase(trx, actor, params.id, body, now);
    return presentCase(await loadCaseDetails(trx, params.id, now), now);
  },
});

const close = defineRoute({
  method: 'POST',
  url: '/api/cases/:id/close',
  summary: 'Close the case with a date, an outcome code and a note',
  tags,
  action: 'case.close',
  audit: 'CaseClose',
  params: IdParams,
  body: CloseCaseBody,
  response: CaseDto,
  subject: ({ trx, params }) => caseSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    audit.metadata.outcomeCode = body.outcomeCode;
    await closeCase(trx, actor, params.id, body, now);
    return presentCase(await loadCaseDetails(trx, params.id, now), now);
  },
});

const candidates = defineRoute({
  method: 'GET',
  url: '/api/cases/:id/case-manager-candidates',
  summary: 'Professionals who may be named case manager (active, of an organisation on the case team)',
  tags,
  action: 'case.read',
  audit: 'CaseManagerCandidateList',
  params: IdParams,
  response: z.array(ManagerCandidateDto),
  subject: ({ trx, params }) => caseSubject(trx, params.id),
  async handler({ trx, params, audit }) {
    audit.targetId = params.id;
    const k = await loadCase(trx, params.id);
    const rows = await caseManagerCandidates(trx, k.id, k.organisation_id);
    return rows.map(presentProfessional);
  },
});

const professionals = defineRoute({
  method: 'GET',
  url: '/api/cases/:id/professionals',
  summary:
    'Active professionals of an organisation, to name on the case team, as a consultant or for a visit',
  tags,
  action: 'case.read',
  audit: 'CaseProfessionalList',
  params: IdParams,
  querystring: ProfessionalQuery,
  response: z.array(ManagerCandidateDto),
  subject: ({ trx, params }) => caseSubject(trx, params.id),
  async handler({ trx, params, query, audit }) {
    audit.targetId = params.id;
    audit.metadata.organisationId = query.organisationId;
    const rows = await activeProfessionals(trx, [query.organisationId]);
    return rows.map(presentProfessional);
  },
});

const assignManager = defineRoute({
  method: 'POST',
  url: '/api/cases/:id/case-manager',
  summary: 'Hand the case over to another case manager (the old assignment ends, the history stays)',
  tags,
  action: 'case.assignManager',
  audit: 'CaseManagerAssign',
  params: IdParams,
  body: AssignManagerBody,
  response: CaseDto,
  subject: ({ trx, params }) => caseSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    audit.metadata.userId = body.userId;
    await assignCaseManager(trx, actor, params.id, body, now);
    return presentCase(await loadCaseDetails(trx, params.id, now), now);
  },
});

const addMember = defineRoute({
  method: 'POST',
  url: '/api/cases/:id/team-members',
  summary:
    'Add an organisation (optionally a named professional) with a role to the case team; gives it a care relationship',
  tags,
  action: 'case.addTeamMember',
  audit: 'CaseTeamMemberAdd',
  params: IdParams,
  body: TeamMemberBody,
  response: CaseDto,
  status: 201,
  subject: ({ trx, params }) => caseSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    audit.metadata.organisationId = body.organisationId;
    audit.metadata.memberId = await addCaseTeamMember(trx, actor, params.id, body, now);
    return presentCase(await loadCaseDetails(trx, params.id, now), now);
  },
});

const removeMember = defineRoute({
  method: 'POST',
  url: '/api/cases/:id/team-members/:memberId/remove',
  summary:
    'Remove a member from the case team; the organisation’s team relationship ends with its last member',
  tags,
  action: 'case.removeTeamMember',
  audit: 'CaseTeamMemberRemove',
  params: CaseMemberParams,
  body: RemoveMemberBody,
  response: CaseDto,
  subject: ({ trx, params }) => caseSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    audit.metadata.memberId = params.memberId;
    await removeCaseTeamMember(trx, actor, params.id, params.memberId, body.version, now);
    return presentCase(await loadCaseDetails(trx, params.id, now), now);
  },
});

export const caseRoutes = [
  list,
  read,
  changePhase,
  close,
  candidates,
  professionals,
  assignManager,
  addMember,
  removeMember,
];
