import { z } from 'zod';
import type { Trx } from '../../server/db/database.ts';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { type ClientSubject, finnishDate, recordAccess } from '../../server/policy/client-access.ts';
import { daysBetween, personName } from '../cases/calendar.ts';
import { latestInstruments } from '../questionnaires/instrument.repository.ts';
import { presentMeasurement } from './measurement.presenter.ts';
import { clientMeasurementRows, latestLinks, worklistRows } from './measurement.repository.ts';
import {
  MeasurementDto,
  RecordBody,
  SendBody,
  WorklistMeasurementDto,
  WorklistQuery,
} from './measurement.schema.ts';
import { findMeasurement, recordResult, sendMeasurementLink } from './measurement.service.ts';
import { addDays, roundName } from './rounds.ts';

const tags = ['measurements'];
/** Measurements are recorded on a case: its organisation controls them, as 'plan' data like the case. */
export const MEASURE_CATEGORY = 'plan';
/** The worklist shows what is due now and in the coming week, so a round can be prepared. */
const WORKLIST_HORIZON_DAYS = 7;

export async function measurementSubject(trx: Trx, id: string): Promise<ClientSubject | null> {
  const m = await findMeasurement(trx, id);
  return m
    ? {
        kind: 'client',
        clientId: m.client_id,
        record: { controllerOrganisationId: m.organisation_id, category: MEASURE_CATEGORY },
      }
    : null;
}

async function loadDto(trx: Trx, id: string, now: Date) {
  const m = (await findMeasurement(trx, id))!;
  const instruments = await latestInstruments(trx, [m.instrument_code]);
  const links = await latestLinks(trx, [id]);
  return presentMeasurement(m, instruments.get(m.instrument_code), links.get(id), now);
}

const list = defineRoute({
  method: 'GET',
  url: '/api/clients/:id/measurements',
  summary: 'A client’s measurements (what is due, sent, answered or expired) in the cases you may see',
  tags,
  action: 'measurement.list',
  audit: 'MeasurementList',
  params: IdParams,
  response: z.array(MeasurementDto),
  subject: async ({ params }) => ({ kind: 'client', clientId: params.id }),
  async handler({ trx, actor, params, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const rows = await access.filter(
      'measurement.list',
      await clientMeasurementRows(trx, params.id),
      (m) => ({
        clientId: m.client_id,
        controllerOrganisationId: m.organisation_id,
        category: MEASURE_CATEGORY,
      }),
    );
    const instruments = await latestInstruments(
      trx,
      rows.map((r) => r.instrument_code),
    );
    const links = await latestLinks(
      trx,
      rows.map((r) => r.id),
    );
    audit.metadata.count = rows.length;
    audit.disclosures.push(...access.disclosures());
    return rows.map((m) => presentMeasurement(m, instruments.get(m.instrument_code), links.get(m.id), now));
  },
});

const send = defineRoute({
  method: 'POST',
  url: '/api/measurements/:id/send',
  summary: 'Send the client a personal link to answer (e-mail or SMS); replaces an unanswered earlier link',
  tags,
  action: 'measurement.send',
  audit: 'MeasurementSend',
  params: IdParams,
  body: SendBody,
  response: MeasurementDto,
  subject: ({ trx, params }) => measurementSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit, app }) {
    audit.targetId = params.id;
    const sent = await sendMeasurementLink(trx, actor, params.id, body.channel, app.config.publicUrl, now);
    audit.metadata.channel = sent.channel;
    audit.metadata.linkId = sent.linkId;
    return loadDto(trx, params.id, now);
  },
});

const record = defineRoute({
  method: 'POST',
  url: '/api/measurements/:id/result',
  summary: 'Record the result values (a result entry, or a questionnaire answered on paper)',
  tags,
  action: 'measurement.record',
  audit: 'MeasurementRecord',
  params: IdParams,
  body: RecordBody,
  response: MeasurementDto,
  status: 201,
  subject: ({ trx, params }) => measurementSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    await recordResult(trx, actor, params.id, body, now);
    return loadDto(trx, params.id, now);
  },
});

const worklist = defineRoute({
  method: 'GET',
  url: '/api/worklist/measurements',
  summary:
    'Measurements due now or within a week in your organisation’s open cases (mine=true: your own cases)',
  tags: [...tags, 'worklist'],
  action: 'worklist.read',
  audit: 'MeasurementWorklistRead',
  querystring: WorklistQuery,
  response: z.array(WorklistMeasurementDto),
  async handler({ trx, actor, query, now, audit }) {
    const today = finnishDate(now);
    const candidates = await worklistRows(
      trx,
      actor.organisationId,
      actor.userId,
      addDays(today, WORKLIST_HORIZON_DAYS),
      query.mine === 'true',
    );
    const access = recordAccess(trx, actor, now);
    const rows = await access.filter('measurement.list', candidates, (m) => ({
      clientId: m.client_id,
      controllerOrganisationId: m.organisation_id,
      category: MEASURE_CATEGORY,
    }));
    const instruments = await latestInstruments(
      trx,
      rows.map((r) => r.instrument_code),
    );
    audit.clientIds.push(...rows.map((r) => r.client_id));
    audit.metadata.count = rows.length;
    audit.disclosures.push(...access.disclosures());
    return rows.map((m) => {
      const instrument = instruments.get(m.instrument_code);
      return {
        id: m.id,
        caseId: m.case_id,
        clientId: m.client_id,
        clientName: personName(m.first_name, m.last_name) ?? '',
        instrumentCode: m.instrument_code,
        instrumentName: instrument?.definition.name ?? { fi: m.instrument_code },
        kind: instrument?.row.kind ?? 'result_only',
        round: roundName(m.offset_months),
        dueOn: m.due_on,
        status: m.status,
        overdueDays: Math.max(0, daysBetween(m.due_on, today)),
      };
    });
  },
});

export const measurementRoutes = [list, send, record, worklist];
