import { z } from 'zod';
import type { Trx } from '../../server/db/database.ts';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { type ClientSubject, recordAccess } from '../../server/policy/client-access.ts';
import { caseSubject } from '../cases/case.routes.ts';
import { presentConsultation } from './consultation.presenter.ts';
import { findConsultation, listCaseConsultations } from './consultation.repository.ts';
import {
  AnswerBody,
  ConsultationBody,
  ConsultationDto,
  ConsultationUpdateBody,
} from './consultation.schema.ts';
import {
  answerConsultation,
  askConsultation,
  changeConsultation,
  correctConsultation,
  loadConsultation,
} from './consultation.service.ts';

const tags = ['consultations'];

/** A consultation is the asking organisation's 'assessment' record; the organisation asked reads it by consent. */
async function consultationSubject(trx: Trx, id: string): Promise<ClientSubject | null> {
  const q = await findConsultation(trx, id);
  return q
    ? {
        kind: 'client',
        clientId: q.client_id,
        record: { controllerOrganisationId: q.organisation_id, category: 'assessment' },
      }
    : null;
}
const subject = ({ trx, params }: { trx: Trx; params: { id: string } }) =>
  consultationSubject(trx, params.id);

const create = defineRoute({
  method: 'POST',
  url: '/api/cases/:id/consultations',
  summary:
    'Ask another professional or organisation about the client (asker’s organisation and role recorded)',
  tags,
  action: 'consultation.create',
  audit: 'ConsultationCreate',
  params: IdParams,
  body: ConsultationBody,
  response: ConsultationDto,
  status: 201,
  subject: ({ trx, params }) => caseSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    const id = await askConsultation(trx, actor, params.id, body, now);
    audit.targetId = id;
    audit.metadata.toOrganisationId = body.toOrganisationId;
    return presentConsultation(await loadConsultation(trx, id), actor, now);
  },
});

const list = defineRoute({
  method: 'GET',
  url: '/api/cases/:id/consultations',
  summary: 'A case’s consultations that you may see, newest first',
  tags,
  action: 'consultation.list',
  audit: 'ConsultationList',
  params: IdParams,
  response: z.array(ConsultationDto),
  subject: ({ trx, params }) => caseSubject(trx, params.id),
  async handler({ trx, actor, params, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const rows = await access.filter(
      'consultation.read',
      await listCaseConsultations(trx, params.id),
      (q) => ({
        clientId: q.client_id,
        controllerOrganisationId: q.organisation_id,
        category: 'assessment',
      }),
    );
    audit.targetId = params.id;
    audit.metadata.count = rows.length;
    audit.disclosures.push(...access.disclosures());
    return rows.map((q) => presentConsultation(q, actor, now));
  },
});

const read = defineRoute({
  method: 'GET',
  url: '/api/consultations/:id',
  summary: 'One consultation with its answer',
  tags,
  action: 'consultation.read',
  audit: 'ConsultationRead',
  params: IdParams,
  response: ConsultationDto,
  subject,
  async handler({ trx, actor, params, now, audit }) {
    audit.targetId = params.id;
    return presentConsultation(await loadConsultation(trx, params.id), actor, now);
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/consultations/:id',
  summary: 'Edit your unanswered consultation within 24 hours (409 edit_window_closed after)',
  tags,
  action: 'consultation.update',
  audit: 'ConsultationUpdate',
  params: IdParams,
  body: ConsultationUpdateBody,
  response: ConsultationDto,
  subject,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    await changeConsultation(trx, actor, params.id, body, now);
    return presentConsultation(await loadConsultation(trx, params.id), actor, now);
  },
});

const correct = defineRoute({
  method: 'POST',
  url: '/api/consultations/:id/corrections',
  summary: 'Correct a consultation: a new entry pointing to the original; both stay visible',
  tags,
  action: 'consultation.correct',
  audit: 'ConsultationCorrect',
  params: IdParams,
  body: ConsultationBody,
  response: ConsultationDto,
  status: 201,
  subject,
  async handler({ trx, actor, params, body, now, audit }) {
    const id = await correctConsultation(trx, actor, params.id, body, now);
    audit.targetId = id;
    audit.metadata.correctsId = params.id;
    return presentConsultation(await loadConsultation(trx, id), actor, now);
  },
});

const answer = defineRoute({
  method: 'POST',
  url: '/api/consultations/:id/answer',
  summary: 'Answer a consultation addressed to your organisation',
  tags,
  action: 'consultation.answer',
  audit: 'ConsultationAnswer',
  params: IdParams,
  body: AnswerBody,
  response: ConsultationDto,
  subject,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    await answerConsultation(trx, actor, params.id, body.answer, body.version, now);
    return presentConsultation(await loadConsultation(trx, params.id), actor, now);
  },
});

export const consultationRoutes = [create, list, read, update, correct, answer];
