import { z } from 'zod';
import { notFound } from '../../server/http/errors.ts';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { findCaseSubject } from '../cases/case.repository.ts';
import {
  presentAcknowledgement,
  presentPlan,
  presentReview,
  presentVersion,
  presentVersionSummary,
} from './plan.presenter.ts';
import {
  findPlanOfCase,
  findPlanSubject,
  findPlanVersion,
  listAcknowledgements,
  listPlanVersions,
  listReviews,
} from './plan.repository.ts';
import {
  AcknowledgementBody,
  AcknowledgementDto,
  CaseIdParams,
  CompareQuery,
  PdfQuery,
  PlanBody,
  PlanComparisonDto,
  PlanDto,
  PlanUpdateBody,
  PlanVersionDto,
  PlanVersionSummaryDto,
  ReviewBody,
  ReviewDto,
  VersionParams,
} from './plan.schema.ts';
import {
  acknowledgePlan,
  createPlan,
  loadPlanView,
  loadPlanViewById,
  planPdfData,
  recordReview,
  savePlan,
  storedContent,
} from './plan.service.ts';
import { comparePlanContents } from './plan-diff.ts';
import { renderPlanPdf } from './plan-pdf.ts';

const tags = ['plans'];

/** The plan record is controlled by the case's organisation (the team's) and is of category 'plan'. */
const ofCase = async ({
  trx,
  params,
}: {
  trx: Parameters<typeof findCaseSubject>[0];
  params: { caseId: string };
}) => {
  const kase = await findCaseSubject(trx, params.caseId);
  return kase
    ? {
        kind: 'client' as const,
        clientId: kase.client_id,
        record: { controllerOrganisationId: kase.organisation_id, category: 'plan' },
      }
    : null;
};

const ofPlan = async ({
  trx,
  params,
}: {
  trx: Parameters<typeof findPlanSubject>[0];
  params: { id: string };
}) => {
  const plan = await findPlanSubject(trx, params.id);
  return plan
    ? {
        kind: 'client' as const,
        clientId: plan.client_id,
        record: { controllerOrganisationId: plan.organisation_id, category: 'plan' },
      }
    : null;
};

const readOfCase = defineRoute({
  method: 'GET',
  url: '/api/cases/:caseId/plan',
  summary: 'The joint client plan of a case (404 not_found "No such plan." when the case has none yet)',
  tags,
  action: 'plan.read',
  audit: 'PlanRead',
  params: CaseIdParams,
  response: PlanDto,
  subject: ofCase,
  async handler({ trx, params, now, audit }) {
    const plan = await findPlanOfCase(trx, params.caseId);
    if (!plan) throw notFound('plan');
    audit.targetId = plan.id;
    audit.metadata.version = plan.version;
    return presentPlan(await loadPlanView(trx, plan), now);
  },
});

const read = defineRoute({
  method: 'GET',
  url: '/api/plans/:id',
  summary: 'A joint client plan by its id',
  tags,
  action: 'plan.read',
  audit: 'PlanRead',
  params: IdParams,
  response: PlanDto,
  subject: ofPlan,
  async handler({ trx, params, now, audit }) {
    const view = await loadPlanViewById(trx, params.id);
    audit.targetId = params.id;
    audit.metadata.version = view.plan.version;
    return presentPlan(view, now);
  },
});

const create = defineRoute({
  method: 'POST',
  url: '/api/cases/:caseId/plan',
  summary: 'Make the joint plan of a case with the client (one per case; 409 plan_exists)',
  tags,
  action: 'plan.create',
  audit: 'PlanCreate',
  params: CaseIdParams,
  body: PlanBody,
  response: PlanDto,
  status: 201,
  subject: ofCase,
  async handler({ trx, actor, params, body, now, audit }) {
    const id = await createPlan(trx, actor, params.caseId, body, now);
    audit.targetId = id;
    audit.metadata.goals = body.goals.length;
    audit.metadata.actions = body.actions.length;
    return presentPlan(await loadPlanViewById(trx, id), now);
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/cases/:caseId/plan',
  summary: 'Save a new version of the plan (carries the version it started from; 409 stale_version)',
  tags,
  action: 'plan.update',
  audit: 'PlanUpdate',
  params: CaseIdParams,
  body: PlanUpdateBody,
  response: PlanDto,
  subject: ofCase,
  async handler({ trx, actor, params, body, now, audit }) {
    const plan = await findPlanOfCase(trx, params.caseId);
    if (!plan) throw notFound('plan');
    audit.targetId = plan.id;
    audit.metadata.fromVersion = body.version;
    await savePlan(trx, actor, plan.id, body, now);
    const view = await loadPlanViewById(trx, plan.id);
    audit.metadata.version = view.plan.version;
    return presentPlan(view, now);
  },
});

const versions = defineRoute({
  method: 'GET',
  url: '/api/plans/:id/versions',
  summary: 'Every saved version of a plan, newest first',
  tags,
  action: 'plan.history',
  audit: 'PlanVersionList',
  params: IdParams,
  response: z.array(PlanVersionSummaryDto),
  subject: ofPlan,
  async handler({ trx, params, audit }) {
    const rows = await listPlanVersions(trx, params.id);
    const acknowledged = new Set((await listAcknowledgements(trx, params.id)).map((a) => a.plan_version));
    audit.targetId = params.id;
    audit.metadata.count = rows.length;
    return rows.map((v) => presentVersionSummary(v, acknowledged));
  },
});

const compare = defineRoute({
  method: 'GET',
  url: '/api/plans/:id/versions/compare',
  summary:
    'What changed between two versions: goals, actions, assessment areas and review dates, field by field',
  tags,
  action: 'plan.history',
  audit: 'PlanVersionCompare',
  params: IdParams,
  querystring: CompareQuery,
  response: PlanComparisonDto,
  subject: ofPlan,
  async handler({ trx, params, query, audit }) {
    audit.targetId = params.id;
    audit.metadata.from = query.from;
    audit.metadata.to = query.to;
    const from = await findPlanVersion(trx, params.id, query.from);
    const to = await findPlanVersion(trx, params.id, query.to);
    if (!from || !to) throw notFound('plan version');
    return comparePlanContents(
      params.id,
      { version: from.version, content: storedContent(from.content) },
      { version: to.version, content: storedContent(to.content) },
    );
  },
});

const version = defineRoute({
  method: 'GET',
  url: '/api/plans/:id/versions/:version',
  summary: 'One saved version of a plan as it was',
  tags,
  action: 'plan.history',
  audit: 'PlanVersionRead',
  params: VersionParams,
  response: PlanVersionDto,
  subject: ofPlan,
  async handler({ trx, params, audit }) {
    audit.targetId = params.id;
    audit.metadata.version = params.version;
    const row = await findPlanVersion(trx, params.id, params.version);
    if (!row) throw notFound('plan version');
    return presentVersion(params.id, row, storedContent(row.content));
  },
});

const review = defineRoute({
  method: 'POST',
  url: '/api/plans/:id/reviews',
  summary: 'Score goal attainment (GAS −2…+2 per goal) at a review; stores the Kiresuk–Sherman T-score',
  tags,
  action: 'plan.review',
  audit: 'PlanReviewCreate',
  params: IdParams,
  body: ReviewBody,
  response: ReviewDto,
  status: 201,
  subject: ofPlan,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.metadata.planVersion = body.planVersion;
    audit.metadata.goals = body.attainments.length;
    const { id } = await recordReview(trx, actor, params.id, body, now);
    audit.targetId = id;
    return presentReview((await listReviews(trx, params.id)).find((r) => r.id === id)!);
  },
});

const acknowledge = defineRoute({
  method: 'POST',
  url: '/api/plans/:id/acknowledgements',
  summary: 'Record that the client, in person, acknowledged a version of the plan (once per version)',
  tags,
  action: 'plan.acknowledge',
  audit: 'PlanAcknowledge',
  params: IdParams,
  body: AcknowledgementBody,
  response: AcknowledgementDto,
  status: 201,
  subject: ofPlan,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    audit.metadata.version = body.version;
    audit.metadata.method = body.method;
    const result = await acknowledgePlan(trx, params.id, body.version, body.method, actor, now);
    audit.metadata.alreadyAcknowledged = !result.created;
    const row = (await listAcknowledgements(trx, params.id)).find((a) => a.id === result.id)!;
    return presentAcknowledgement(row);
  },
});

const pdf = defineRoute({
  method: 'GET',
  url: '/api/plans/:id/pdf',
  summary: 'The plan as a tagged PDF for the client to keep, in the client’s language (or ?lang=fi|sv|en)',
  tags,
  action: 'plan.pdf',
  audit: 'PlanPdfRead',
  params: IdParams,
  querystring: PdfQuery,
  response: z.instanceof(Buffer),
  contentType: 'application/pdf',
  subject: ofPlan,
  async handler({ trx, params, query, now, audit, reply }) {
    const data = await planPdfData(trx, params.id, now, query.lang);
    audit.targetId = params.id;
    audit.metadata.version = data.version;
    audit.metadata.language = data.language;
    reply.header('content-disposition', `attachment; filename="plan-v${data.version}-${data.language}.pdf"`);
    reply.header('cache-control', 'no-store');
    return renderPlanPdf(data);
  },
});

export const planRoutes = [
  readOfCase,
  read,
  create,
  update,
  versions,
  compare,
  version,
  review,
  acknowledge,
  pdf,
];
