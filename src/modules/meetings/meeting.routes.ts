import { z } from 'zod';
import type { Trx } from '../../server/db/database.ts';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { type ClientSubject, recordAccess } from '../../server/policy/client-access.ts';
import { caseSubject } from '../cases/case.routes.ts';
import { presentMeeting } from './meeting.presenter.ts';
import { findMeeting, listCaseMeetings, participantsOf } from './meeting.repository.ts';
import {
  MeetingBody,
  MeetingCorrectionBody,
  MeetingDto,
  MeetingUpdateBody,
  SummaryBody,
} from './meeting.schema.ts';
import {
  changeMeeting,
  correctMeeting,
  loadMeeting,
  scheduleMeeting,
  signMeetingSummary,
} from './meeting.service.ts';

const tags = ['meetings'];

/** A network meeting and its shared summary are 'plan' data of the organisation that recorded the meeting. */
async function meetingSubject(trx: Trx, id: string): Promise<ClientSubject | null> {
  const m = await findMeeting(trx, id);
  return m
    ? {
        kind: 'client',
        clientId: m.client_id,
        record: { controllerOrganisationId: m.organisation_id, category: 'plan' },
      }
    : null;
}
const subject = ({ trx, params }: { trx: Trx; params: { id: string } }) => meetingSubject(trx, params.id);

async function present(trx: Trx, id: string, actor: Actor, now: Date) {
  return presentMeeting(await loadMeeting(trx, id), await participantsOf(trx, [id]), actor, now);
}

const create = defineRoute({
  method: 'POST',
  url: '/api/cases/:id/meetings',
  summary: 'Record a network meeting (time, participating organisations); a summary is signed after it',
  tags,
  action: 'meeting.create',
  audit: 'MeetingCreate',
  params: IdParams,
  body: MeetingBody,
  response: MeetingDto,
  status: 201,
  subject: ({ trx, params }) => caseSubject(trx, params.id),
  async handler({ trx, actor, params, body, now, audit }) {
    const id = await scheduleMeeting(trx, actor, params.id, body, now);
    audit.targetId = id;
    return present(trx, id, actor, now);
  },
});

const list = defineRoute({
  method: 'GET',
  url: '/api/cases/:id/meetings',
  summary: 'A case’s network meetings that you may see, latest first',
  tags,
  action: 'meeting.list',
  audit: 'MeetingList',
  params: IdParams,
  response: z.array(MeetingDto),
  subject: ({ trx, params }) => caseSubject(trx, params.id),
  async handler({ trx, actor, params, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const rows = await access.filter('meeting.read', await listCaseMeetings(trx, params.id), (m) => ({
      clientId: m.client_id,
      controllerOrganisationId: m.organisation_id,
      category: 'plan',
    }));
    const participants = await participantsOf(
      trx,
      rows.map((m) => m.id),
    );
    audit.targetId = params.id;
    audit.metadata.count = rows.length;
    audit.disclosures.push(...access.disclosures());
    return rows.map((m) => presentMeeting(m, participants, actor, now));
  },
});

const read = defineRoute({
  method: 'GET',
  url: '/api/meetings/:id',
  summary: 'One network meeting with its signed summary',
  tags,
  action: 'meeting.read',
  audit: 'MeetingRead',
  params: IdParams,
  response: MeetingDto,
  subject,
  async handler({ trx, actor, params, now, audit }) {
    audit.targetId = params.id;
    return present(trx, params.id, actor, now);
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/meetings/:id',
  summary: 'Edit your meeting within 24 hours while unsigned (409 edit_window_closed / summary_signed)',
  tags,
  action: 'meeting.update',
  audit: 'MeetingUpdate',
  params: IdParams,
  body: MeetingUpdateBody,
  response: MeetingDto,
  subject,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    await changeMeeting(trx, actor, params.id, body, now);
    return present(trx, params.id, actor, now);
  },
});

const correct = defineRoute({
  method: 'POST',
  url: '/api/meetings/:id/corrections',
  summary: 'Correct a meeting: a new entry pointing to the original; both stay visible',
  tags,
  action: 'meeting.correct',
  audit: 'MeetingCorrect',
  params: IdParams,
  body: MeetingCorrectionBody,
  response: MeetingDto,
  status: 201,
  subject,
  async handler({ trx, actor, params, body, now, audit }) {
    const id = await correctMeeting(trx, actor, params.id, body, now);
    audit.targetId = id;
    audit.metadata.correctsId = params.id;
    return present(trx, id, actor, now);
  },
});

const sign = defineRoute({
  method: 'POST',
  url: '/api/meetings/:id/summary',
  summary:
    'Write and sign the shared summary (yhteiskirjaaminen) after the meeting, with whether the client took part',
  tags,
  action: 'meeting.sign',
  audit: 'MeetingSummarySign',
  params: IdParams,
  body: SummaryBody,
  response: MeetingDto,
  subject,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    await signMeetingSummary(trx, actor, params.id, body, now);
    return present(trx, params.id, actor, now);
  },
});

export const meetingRoutes = [create, list, read, update, correct, sign];
