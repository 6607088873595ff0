import { z } from 'zod';
import type { Trx } from '../../server/db/database.ts';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { type ClientSubject, finnishDate, recordAccess } from '../../server/policy/client-access.ts';
import { findCaseSubject } from '../cases/case.repository.ts';
import { caseloadItemScore } from '../fidelity/fidelity-scoring.ts';
import { type CoachingDetails, presentCoaching, presentCoachingSummary } from './coaching.presenter.ts';
import {
  findCoachingSubject,
  findProfile,
  listClientCoachings,
  listCoachingContacts,
  listCoachingWorkTrials,
  listJobSearchEntries,
  listModules,
  listOrganisationCoachings,
  listPlacements,
  listSupportEntries,
  organisationCaseloads,
} from './coaching.repository.ts';
import {
  CaseloadDto,
  CoachingDto,
  CoachingListQuery,
  CoachingSummaryDto,
  EndCoachingBody,
  StartCoachingBody,
  UpdateCoachingBody,
  VocationalProfileBody,
} from './coaching.schema.ts';
import {
  endCoaching,
  loadCoaching,
  saveVocationalProfile,
  startCoaching,
  updateCoaching,
} from './coaching.service.ts';
import { CASELOAD_LIMIT, caseloadOverLimit } from './employment-measures.ts';

const tags = ['coaching'];

/** Coaching records are the coaching organisation's 'employment_support' data. */
export const COACHING_CATEGORY = 'employment_support';

export async function coachingSubject(trx: Trx, coachingId: string): Promise<ClientSubject | null> {
  const k = await findCoachingSubject(trx, coachingId);
  return k
    ? {
        kind: 'client',
        clientId: k.client_id,
        record: { controllerOrganisationId: k.organisation_id, category: COACHING_CATEGORY },
      }
    : null;
}

export async function loadCoachingDetails(trx: Trx, id: string): Promise<CoachingDetails> {
  const row = await loadCoaching(trx, id);
  return {
    row,
    profile: (await findProfile(trx, id))!,
    modules: await listModules(trx, id),
    jobSearch: await listJobSearchEntries(trx, id),
    contacts: await listCoachingContacts(trx, id),
    placements: await listPlacements(trx, id),
    support: await listSupportEntries(trx, id),
    workTrials: await listCoachingWorkTrials(trx, id),
  };
}

export async function coachingDto(trx: Trx, id: string, now: Date) {
  return presentCoaching(await loadCoachingDetails(trx, id), finnishDate(now));
}

const list = defineRoute({
  method: 'GET',
  url: '/api/coachings',
  summary: 'Your organisation’s coachings (a coach’s caseload with coachUserId), active ones unless asked',
  tags,
  action: 'coaching.list',
  audit: 'CoachingList',
  querystring: CoachingListQuery,
  response: z.array(CoachingSummaryDto),
  async handler({ trx, actor, query, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const rows = await access.filter(
      'coaching.read',
      await listOrganisationCoachings(trx, actor.organisationId, query),
      (k) => ({
        clientId: k.client_id,
        controllerOrganisationId: k.organisation_id,
        category: COACHING_CATEGORY,
      }),
    );
    audit.clientIds.push(...rows.map((k) => k.client_id));
    audit.metadata.count = rows.length;
    return rows.map(presentCoachingSummary);
  },
});

const caseloads = defineRoute({
  method: 'GET',
  url: '/api/coaching/caseloads',
  summary: 'Active clients per job coach of your organisation; over 20 is flagged (the IPS limit)',
  tags,
  action: 'coaching.caseload',
  audit: 'CoachingCaseloadRead',
  response: CaseloadDto,
  async handler({ trx, actor, audit }) {
    const rows = await organisationCaseloads(trx, actor.organisationId);
    const largest = Math.max(0, ...rows.map((r) => r.active_clients));
    audit.metadata.coaches = rows.length;
    return {
      limit: CASELOAD_LIMIT,
      coaches: rows.map((r) => ({
        userId: r.user_id,
        name: `${r.first_name} ${r.last_name}`,
        activeClients: r.active_clients,
        intensive: r.intensive,
        lightSupport: r.light_support,
        overLimit: caseloadOverLimit(r.active_clients),
      })),
      caseloadItemScore: caseloadItemScore(largest),
    };
  },
});

const clientList = defineRoute({
  method: 'GET',
  url: '/api/clients/:id/coachings',
  summary: 'A client’s coachings that you may see, newest first',
  tags,
  action: 'coaching.clientList',
  audit: 'ClientCoachingList',
  params: IdParams,
  response: z.array(CoachingSummaryDto),
  subject: async ({ params }) => ({ kind: 'client', clientId: params.id }),
  async handler({ trx, actor, params, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const rows = await access.filter('coaching.read', await listClientCoachings(trx, params.id), (k) => ({
      clientId: k.client_id,
      controllerOrganisationId: k.organisation_id,
      category: COACHING_CATEGORY,
    }));
    audit.metadata.count = rows.length;
    audit.disclosures.push(...access.disclosures());
    return rows.map(presentCoachingSummary);
  },
});

const start = defineRoute({
  method: 'POST',
  url: '/api/cases/:id/coachings',
  summary: 'Take the client of a case into coaching (your organisation must be on the case team)',
  tags,
  action: 'coaching.create',
  audit: 'CoachingCreate',
  params: IdParams,
  body: StartCoachingBody,
  response: CoachingDto,
  status: 201,
  // The new coaching is the actor organisation's own record: a care relationship with the client is what counts.
  subject: async ({ trx, actor, params }) => {
    const k = await findCaseSubject(trx, params.id);
    return k
      ? {
          kind: 'client',
          clientId: k.client_id,
          record: { controllerOrganisationId: actor.organisationId, category: COACHING_CATEGORY },
        }
      : null;
  },
  async handler({ trx, actor, params, body, now, audit }) {
    const id = await startCoaching(trx, actor, params.id, body, now);
    audit.targetId = id;
    audit.metadata.caseId = params.id;
    audit.metadata.model = body.model;
    audit.metadata.intensity = body.intensity;
    return coachingDto(trx, id, now);
  },
});

const read = defineRoute({
  method: 'GET',
  url: '/api/coachings/:id',
  summary:
    'A coaching: vocational profile and disclosure choice, modules, job search, contacts, jobs, work trials, measures',
  tags,
  action: 'coaching.read',
  audit: 'CoachingRead',
  params: IdParams,
  response: CoachingDto,
  subject: ({ trx, params }) => coachingSubject(trx, params.id),
  async handler({ trx, params, now, audit }) {
    audit.targetId = params.id;
    return coachingDto(trx, params.id, now);
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/coachings/:id',
  summary: 'Change the intensity, model, coach or team of an active coaching',
  tags,
  action: 'coaching.update',
  audit: 'CoachingUpdate',
  params: IdParams,
  body: UpdateCoachingBody,
  response: CoachingDto,
  subject: ({ trx, params }) => coachingSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    await updateCoaching(trx, actor, params.id, body, now);
    return coachingDto(trx, params.id, now);
  },
});

const end = defineRoute({
  method: 'POST',
  url: '/api/coachings/:id/end',
  summary: 'End a coaching (409 module_open while a module awaits its review)',
  tags,
  action: 'coaching.end',
  audit: 'CoachingEnd',
  params: IdParams,
  body: EndCoachingBody,
  response: CoachingDto,
  subject: ({ trx, params }) => coachingSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    audit.metadata.reason = body.reason;
    await endCoaching(trx, actor, params.id, body, now);
    return coachingDto(trx, params.id, now);
  },
});

const profile = defineRoute({
  method: 'PUT',
  url: '/api/coachings/:id/vocational-profile',
  summary: 'Save the vocational profile and the client’s disclosure choice (what employers may be told)',
  tags,
  action: 'vocationalProfile.update',
  audit: 'VocationalProfileUpdate',
  params: IdParams,
  body: VocationalProfileBody,
  response: CoachingDto,
  subject: ({ trx, params }) => coachingSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    audit.metadata.discloseName = body.disclosure.discloseName;
    audit.metadata.discloseHealth = body.disclosure.discloseHealth;
    await saveVocationalProfile(trx, actor, params.id, body, now);
    return coachingDto(trx, params.id, now);
  },
});

export const coachingRoutes = [list, caseloads, clientList, start, read, update, end, profile];
