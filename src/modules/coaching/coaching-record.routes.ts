import type { Trx } from '../../server/db/database.ts';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import type { ClientSubject } from '../../server/policy/client-access.ts';
import { findModuleSubject, findPlacementSubject } from './coaching.repository.ts';
import { COACHING_CATEGORY, coachingDto, coachingSubject } from './coaching.routes.ts';
import {
  CoachingDto,
  EndPlacementBody,
  JobSearchEntryBody,
  ModuleBody,
  ModuleReviewBody,
  PlacementBody,
  SupportEntryBody,
} from './coaching.schema.ts';
import { reviewModule, startModule } from './coaching-module.service.ts';
import { countsAsJobStart } from './employment-measures.ts';
import { addSupportEntry, endPlacement, logJobSearch, startPlacement } from './placement.service.ts';

// Entries of a coaching: job search log, modules and their reviews, job starts and the support after them.
const tags = ['coaching'];

function subjectOf(row: { client_id: string; organisation_id: string } | undefined): ClientSubject | null {
  return row
    ? {
        kind: 'client',
        clientId: row.client_id,
        record: { controllerOrganisationId: row.organisation_id, category: COACHING_CATEGORY },
      }
    : null;
}
const moduleSubject = async (trx: Trx, id: string) => subjectOf(await findModuleSubject(trx, id));
const placementSubject = async (trx: Trx, id: string) => subjectOf(await findPlacementSubject(trx, id));

const jobSearch = defineRoute({
  method: 'POST',
  url: '/api/coachings/:id/job-search-entries',
  summary: 'Add to the client’s job search log (application, interview, visit…)',
  tags,
  action: 'jobSearch.create',
  audit: 'JobSearchEntryCreate',
  params: IdParams,
  body: JobSearchEntryBody,
  response: CoachingDto,
  status: 201,
  subject: ({ trx, params }) => coachingSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = await logJobSearch(trx, actor, params.id, body, now);
    audit.metadata.coachingId = params.id;
    audit.metadata.activity = body.activity;
    return coachingDto(trx, params.id, now);
  },
});

const addModule = defineRoute({
  method: 'POST',
  url: '/api/coachings/:id/modules',
  summary: 'Start the next coaching module with its goal (409 module_open while the previous awaits review)',
  tags,
  action: 'coachingModule.create',
  audit: 'CoachingModuleCreate',
  params: IdParams,
  body: ModuleBody,
  response: CoachingDto,
  status: 201,
  subject: ({ trx, params }) => coachingSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = await startModule(trx, actor, params.id, body, now);
    audit.metadata.coachingId = params.id;
    return coachingDto(trx, params.id, now);
  },
});

const review = defineRoute({
  method: 'POST',
  url: '/api/coaching-modules/:id/review',
  summary: 'Review a module with client, coach and purchaser: the next module, or the end of the coaching',
  tags,
  action: 'coachingModule.review',
  audit: 'CoachingModuleReview',
  params: IdParams,
  body: ModuleReviewBody,
  response: CoachingDto,
  subject: ({ trx, params }) => moduleSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    audit.metadata.decision = body.decision;
    const coachingId = await reviewModule(trx, actor, params.id, body, now);
    audit.metadata.coachingId = coachingId;
    return coachingDto(trx, coachingId, now);
  },
});

const addPlacement = defineRoute({
  method: 'POST',
  url: '/api/coachings/:id/placements',
  summary: 'Record a job start; under 4 hours a week it is kept but does not count as a job start',
  tags,
  action: 'placement.create',
  audit: 'PlacementCreate',
  params: IdParams,
  body: PlacementBody,
  response: CoachingDto,
  status: 201,
  subject: ({ trx, params }) => coachingSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = await startPlacement(trx, actor, params.id, body, now);
    audit.metadata.coachingId = params.id;
    audit.metadata.employerId = body.employerId;
    audit.metadata.countsAsJobStart = countsAsJobStart(body.hoursPerWeek);
    return coachingDto(trx, params.id, now);
  },
});

const endJob = defineRoute({
  method: 'POST',
  url: '/api/placements/:id/end',
  summary: 'Record the end of a job (date and reason); the tenure is measured to it',
  tags,
  action: 'placement.end',
  audit: 'PlacementEnd',
  params: IdParams,
  body: EndPlacementBody,
  response: CoachingDto,
  subject: ({ trx, params }) => placementSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    audit.metadata.reason = body.reason;
    const coachingId = await endPlacement(trx, actor, params.id, body, now);
    return coachingDto(trx, coachingId, now);
  },
});

const support = defineRoute({
  method: 'POST',
  url: '/api/placements/:id/support-entries',
  summary: 'Record on- or off-the-job support after a job start',
  tags,
  action: 'placement.addSupport',
  audit: 'PlacementSupportCreate',
  params: IdParams,
  body: SupportEntryBody,
  response: CoachingDto,
  status: 201,
  subject: ({ trx, params }) => placementSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    const { id, coachingId } = await addSupportEntry(trx, actor, params.id, body, now);
    audit.targetId = id;
    audit.metadata.placementId = params.id;
    audit.metadata.setting = body.setting;
    return coachingDto(trx, coachingId, now);
  },
});

export const coachingRecordRoutes = [jobSearch, addModule, review, addPlacement, endJob, support];
