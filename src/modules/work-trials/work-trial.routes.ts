import { z } from 'zod';
import type { Trx } from '../../server/db/database.ts';
import type { AuditNotes } from '../../server/http/route.ts';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { type ClientSubject, finnishDate, recordAccess } from '../../server/policy/client-access.ts';
import { COACHING_CATEGORY, coachingSubject } from '../coaching/coaching.routes.ts';
import { presentFeedback, presentWorkTrial } from './work-trial.presenter.ts';
import {
  findWorkTrialSubject,
  listClientFeedback,
  listFeedback,
  listLinks,
} from './work-trial.repository.ts';
import {
  FeedbackLinkBody,
  FunctionalAssessmentDto,
  WorkTrialBody,
  WorkTrialDto,
  WorkTrialUpdateBody,
} from './work-trial.schema.ts';
import { createWorkTrial, loadWorkTrial, sendFeedbackLink, updateWorkTrial } from './work-trial.service.ts';

const tags = ['work trials'];

/** The supervisor's feedback is the client's functional assessment: data category 'assessment' (001). */
export const FEEDBACK_CATEGORY = 'assessment';

async function workTrialSubject(trx: Trx, id: string): Promise<ClientSubject | null> {
  const w = await findWorkTrialSubject(trx, id);
  return w
    ? {
        kind: 'client',
        clientId: w.client_id,
        record: { controllerOrganisationId: w.organisation_id, category: COACHING_CATEGORY },
      }
    : null;
}

/** The trial with its links; the answers only when `decide` lets the actor read the controller's assessments. */
async function workTrialDto(trx: Trx, actor: Actor, id: string, now: Date, audit: AuditNotes) {
  const w = await loadWorkTrial(trx, id);
  const access = recordAccess(trx, actor, now);
  const mayReadFeedback = await access.allows('functionalAssessment.read', {
    clientId: w.client_id,
    controllerOrganisationId: w.organisation_id,
    category: FEEDBACK_CATEGORY,
  });
  audit.disclosures.push(...access.disclosures());
  return presentWorkTrial(
    w,
    await listLinks(trx, id),
    mayReadFeedback ? await listFeedback(trx, id) : null,
    now,
    finnishDate(now),
  );
}

const create = defineRoute({
  method: 'POST',
  url: '/api/coachings/:id/work-trials',
  summary: 'Start planning a work trial at an employer: tasks, goals, period and the supervisor',
  tags,
  action: 'workTrial.create',
  audit: 'WorkTrialCreate',
  params: IdParams,
  body: WorkTrialBody,
  response: WorkTrialDto,
  status: 201,
  subject: ({ trx, params }) => coachingSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    const id = await createWorkTrial(trx, actor, params.id, body, now);
    audit.targetId = id;
    audit.metadata.coachingId = params.id;
    audit.metadata.employerId = body.employerId;
    return workTrialDto(trx, actor, id, now, audit);
  },
});

const read = defineRoute({
  method: 'GET',
  url: '/api/work-trials/:id',
  summary: 'A work trial: period, tasks, goals, feedback links and the supervisor’s answers',
  tags,
  action: 'workTrial.read',
  audit: 'WorkTrialRead',
  params: IdParams,
  response: WorkTrialDto,
  subject: ({ trx, params }) => workTrialSubject(trx, params.id),
  async handler({ trx, actor, params, now, audit }) {
    audit.targetId = params.id;
    return workTrialDto(trx, actor, params.id, now, audit);
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/work-trials/:id',
  summary: 'Change a work trial, or record that it was interrupted',
  tags,
  action: 'workTrial.update',
  audit: 'WorkTrialUpdate',
  params: IdParams,
  body: WorkTrialUpdateBody,
  response: WorkTrialDto,
  subject: ({ trx, params }) => workTrialSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    audit.metadata.interrupted = Boolean(body.interruptedOn);
    await updateWorkTrial(trx, actor, params.id, body, now);
    return workTrialDto(trx, actor, params.id, now, audit);
  },
});

const sendLink = defineRoute({
  method: 'POST',
  url: '/api/work-trials/:id/feedback-links',
  summary:
    'E-mail the supervisor a personal link to the mid-point or final feedback (valid 14 days, works once)',
  tags,
  action: 'workTrial.sendFeedbackLink',
  audit: 'WorkTrialFeedbackLinkCreate',
  params: IdParams,
  body: FeedbackLinkBody,
  response: WorkTrialDto,
  status: 201,
  subject: ({ trx, params }) => workTrialSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, app, audit }) {
    audit.targetId = params.id;
    audit.metadata.kind = body.kind;
    audit.metadata.linkId = await sendFeedbackLink(trx, actor, params.id, body, app.config.publicUrl, now);
    return workTrialDto(trx, actor, params.id, now, audit);
  },
});

const assessments = defineRoute({
  method: 'GET',
  url: '/api/clients/:id/functional-assessments',
  summary:
    'The client’s functional assessments from work trials (the supervisors’ feedback) that you may see',
  tags,
  action: 'functionalAssessment.list',
  audit: 'FunctionalAssessmentList',
  params: IdParams,
  response: z.array(FunctionalAssessmentDto),
  subject: async ({ params }) => ({ kind: 'client', clientId: params.id }),
  async handler({ trx, actor, params, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const rows = await access.filter(
      'functionalAssessment.read',
      await listClientFeedback(trx, params.id),
      (f) => ({
        clientId: f.client_id,
        controllerOrganisationId: f.organisation_id,
        category: FEEDBACK_CATEGORY,
      }),
    );
    audit.metadata.count = rows.length;
    audit.disclosures.push(...access.disclosures());
    return rows.map((f) => ({
      ...presentFeedback(f),
      employer: { id: f.employer_id, name: f.employer_name },
      organisation: { id: f.organisation_id, name: f.organisation_name },
      startsOn: f.starts_on,
      endsOn: f.ends_on,
    }));
  },
});

export const workTrialRoutes = [create, read, update, sendLink, assessments];
