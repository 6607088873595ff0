import { z } from 'zod';
import type { Trx } from '../../server/db/database.ts';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { type ClientSubject, recordAccess } from '../../server/policy/client-access.ts';
import { caseSubject } from '../cases/case.routes.ts';
import { presentVisit } from './visit.presenter.ts';
import { findVisit, listCaseVisits } from './visit.repository.ts';
import { VisitBody, VisitDto, VisitUpdateBody } from './visit.schema.ts';
import { changeVisit, correctVisit, loadVisit, recordVisit } from './visit.service.ts';

const tags = ['visits'];

/** A visit is the 'assessment' record of the organisation whose professional saw the client. */
async function visitSubject(trx: Trx, id: string): Promise<ClientSubject | null> {
  const v = await findVisit(trx, id);
  return v
    ? {
        kind: 'client',
        clientId: v.client_id,
        record: { controllerOrganisationId: v.organisation_id, category: 'assessment' },
      }
    : null;
}
const recordOf = (v: { client_id: string; organisation_id: string }) => ({
  clientId: v.client_id,
  controllerOrganisationId: v.organisation_id,
  category: 'assessment',
});

const create = defineRoute({
  method: 'POST',
  url: '/api/cases/:id/visits',
  summary: 'Record a visit on a case (date, professional, mode, duration, note)',
  tags,
  action: 'visit.create',
  audit: 'VisitCreate',
  params: IdParams,
  body: VisitBody,
  response: VisitDto,
  status: 201,
  subject: ({ trx, params }) => caseSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    const id = await recordVisit(trx, actor, params.id, body, now);
    audit.targetId = id;
    return presentVisit(await loadVisit(trx, id), actor, now);
  },
});

const list = defineRoute({
  method: 'GET',
  url: '/api/cases/:id/visits',
  summary: 'A case’s visits that you may see, newest first (corrected ones included and marked)',
  tags,
  action: 'visit.list',
  audit: 'VisitList',
  params: IdParams,
  response: z.array(VisitDto),
  subject: ({ trx, params }) => caseSubject(trx, params.id),
  async handler({ trx, actor, params, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const rows = await access.filter('visit.read', await listCaseVisits(trx, params.id), recordOf);
    audit.targetId = params.id;
    audit.metadata.count = rows.length;
    audit.disclosures.push(...access.disclosures());
    return rows.map((v) => presentVisit(v, actor, now));
  },
});

const read = defineRoute({
  method: 'GET',
  url: '/api/visits/:id',
  summary: 'One visit',
  tags,
  action: 'visit.read',
  audit: 'VisitRead',
  params: IdParams,
  response: VisitDto,
  subject: ({ trx, params }) => visitSubject(trx, params.id),
  async handler({ trx, actor, params, now, audit }) {
    audit.targetId = params.id;
    return presentVisit(await loadVisit(trx, params.id), actor, now);
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/visits/:id',
  summary: 'Edit your visit within 24 hours (409 edit_window_closed after; add a correction instead)',
  tags,
  action: 'visit.update',
  audit: 'VisitUpdate',
  params: IdParams,
  body: VisitUpdateBody,
  response: VisitDto,
  subject: ({ trx, params }) => visitSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    await changeVisit(trx, actor, params.id, body, now);
    return presentVisit(await loadVisit(trx, params.id), actor, now);
  },
});

const correct = defineRoute({
  method: 'POST',
  url: '/api/visits/:id/corrections',
  summary: 'Correct a visit: a new entry pointing to the original; both stay visible',
  tags,
  action: 'visit.correct',
  audit: 'VisitCorrect',
  params: IdParams,
  body: VisitBody,
  response: VisitDto,
  status: 201,
  subject: ({ trx, params }) => visitSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    const id = await correctVisit(trx, actor, params.id, body, now);
    audit.targetId = id;
    audit.metadata.correctsId = params.id;
    return presentVisit(await loadVisit(trx, id), actor, now);
  },
});

export const visitRoutes = [create, list, read, update, correct];
