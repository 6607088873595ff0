import { z } from 'zod';
import type { Trx } from '../../server/db/database.ts';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { type ClientSubject, recordAccess } from '../../server/policy/client-access.ts';
import { attachFile, contentDisposition, loadAttachment } from './attachment.service.ts';
import { presentReferral, presentReferralSummary } from './referral.presenter.ts';
import { findReferralRow, listClientReferrals, listOrganisationReferrals } from './referral.repository.ts';
import {
  AcceptBody,
  ATTACHMENT_BODY_LIMIT,
  AttachmentBody,
  AttachmentDto,
  AttachmentParams,
  RedirectBody,
  ReferralBody,
  ReferralDto,
  ReferralListQuery,
  ReferralSummaryDto,
  ReturnBody,
  VersionBody,
} from './referral.schema.ts';
import { loadReferralDetails, sendReferral } from './referral.service.ts';
import { REFERRAL_CATEGORY } from './referral-consent.ts';
import {
  acceptReferral,
  receiveReferral,
  redirectReferral,
  returnReferral,
} from './referral-decision.service.ts';

const tags = ['referrals'];

/** A referral is the referring organisation's 'assessment' record; the receiver reads it with the consent. */
async function referralSubject(trx: Trx, id: string): Promise<ClientSubject | null> {
  const r = await findReferralRow(trx, id);
  return r
    ? {
        kind: 'client',
        clientId: r.client_id,
        record: { controllerOrganisationId: r.referring_organisation_id, category: REFERRAL_CATEGORY },
      }
    : null;
}
const subject = ({ trx, params }: { trx: Trx; params: { id: string } }) => referralSubject(trx, params.id);
const recordOf = (r: { client_id: string; referring_organisation_id: string }) => ({
  clientId: r.client_id,
  controllerOrganisationId: r.referring_organisation_id,
  category: REFERRAL_CATEGORY,
});

const create = defineRoute({
  method: 'POST',
  url: '/api/referrals',
  summary:
    'Refer a client to a team, with the client’s consent to disclose to it (existing or recorded here)',
  tags,
  action: 'referral.create',
  audit: 'ReferralCreate',
  body: ReferralBody,
  response: ReferralDto,
  status: 201,
  subject: async ({ body }) => ({ kind: 'client', clientId: body.clientId }),
  async handler({ trx, actor, body, now, audit }) {
    const sent = await sendReferral(trx, actor, body, now);
    audit.targetId = sent.id;
    audit.metadata.receivingTeamId = body.receivingTeamId;
    audit.metadata.consentId = sent.consentId;
    audit.metadata.consentCreated = sent.consentCreated;
    return presentReferral(await loadReferralDetails(trx, sent.id), actor);
  },
});

const list = defineRoute({
  method: 'GET',
  url: '/api/referrals',
  summary: 'Referrals to your organisation’s teams (incoming) or sent by it (outgoing), newest first',
  tags,
  action: 'referral.list',
  audit: 'ReferralList',
  querystring: ReferralListQuery,
  response: z.array(ReferralSummaryDto),
  async handler({ trx, actor, query, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const candidates = await listOrganisationReferrals(
      trx,
      actor.organisationId,
      query.direction,
      query.status,
    );
    const rows = await access.filter('referral.read', candidates, recordOf);
    audit.metadata.count = rows.length;
    audit.clientIds.push(...rows.map((r) => r.client_id));
    audit.disclosures.push(...access.disclosures());
    return rows.map(presentReferralSummary);
  },
});

const clientList = defineRoute({
  method: 'GET',
  url: '/api/clients/:id/referrals',
  summary: 'A client’s referrals that you may see, newest first',
  tags,
  action: 'referral.clientList',
  audit: 'ClientReferralList',
  params: IdParams,
  response: z.array(ReferralSummaryDto),
  subject: async ({ params }) => ({ kind: 'client', clientId: params.id }),
  async handler({ trx, actor, params, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const rows = await access.filter('referral.read', await listClientReferrals(trx, params.id), recordOf);
    audit.metadata.count = rows.length;
    audit.disclosures.push(...access.disclosures());
    return rows.map(presentReferralSummary);
  },
});

const read = defineRoute({
  method: 'GET',
  url: '/api/referrals/:id',
  summary: 'A referral with its status history, attachments and (for the receiver) eligibility',
  tags,
  action: 'referral.read',
  audit: 'ReferralRead',
  params: IdParams,
  response: ReferralDto,
  subject,
  async handler({ trx, actor, params, audit }) {
    audit.targetId = params.id;
    return presentReferral(await loadReferralDetails(trx, params.id), actor);
  },
});

const receive = defineRoute({
  method: 'POST',
  url: '/api/referrals/:id/receive',
  summary: 'Mark a sent referral received (receiving organisation)',
  tags,
  action: 'referral.receive',
  audit: 'ReferralReceive',
  params: IdParams,
  body: VersionBody,
  response: ReferralDto,
  subject,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    await receiveReferral(trx, actor, params.id, body.version, now);
    return presentReferral(await loadReferralDetails(trx, params.id), actor);
  },
});

const accept = defineRoute({
  method: 'POST',
  url: '/api/referrals/:id/accept',
  summary: 'Accept with the eligibility reading (justification when a criterion is not met); opens the case',
  tags,
  action: 'referral.accept',
  audit: 'ReferralAccept',
  params: IdParams,
  body: AcceptBody,
  response: ReferralDto,
  subject,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    audit.metadata.caseId = await acceptReferral(trx, actor, params.id, body, now);
    audit.metadata.criteriaNotMet = body.eligibility.filter((e) => !e.met).length;
    return presentReferral(await loadReferralDetails(trx, params.id), actor);
  },
});

const giveBack = defineRoute({
  method: 'POST',
  url: '/api/referrals/:id/return',
  summary: 'Return the referral to the referring organisation with a reason',
  tags,
  action: 'referral.return',
  audit: 'ReferralReturn',
  params: IdParams,
  body: ReturnBody,
  response: ReferralDto,
  subject,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    await returnReferral(trx, actor, params.id, body, now);
    return presentReferral(await loadReferralDetails(trx, params.id), actor);
  },
});

const redirect = defineRoute({
  method: 'POST',
  url: '/api/referrals/:id/redirect',
  summary:
    'Send the referral on to another team as a new referral (409 consent_required if the consent does not cover it)',
  tags,
  action: 'referral.redirect',
  audit: 'ReferralRedirect',
  params: IdParams,
  body: RedirectBody,
  response: ReferralDto,
  subject,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    audit.metadata.newReferralId = await redirectReferral(trx, actor, params.id, body, now);
    audit.metadata.teamId = body.teamId;
    return presentReferral(await loadReferralDetails(trx, params.id), actor);
  },
});

const attach = defineRoute({
  method: 'POST',
  url: '/api/referrals/:id/attachments',
  summary: 'Attach a file as base64 JSON (PDF, PNG, JPEG, GIF, WebP; ≤ 10 MB; type read from the content)',
  tags,
  action: 'referral.attach',
  audit: 'ReferralAttachmentCreate',
  params: IdParams,
  body: AttachmentBody,
  bodyLimit: ATTACHMENT_BODY_LIMIT,
  response: AttachmentDto,
  status: 201,
  subject,
  async handler({ trx, actor, params, body, now, audit }) {
    const attachmentId = await attachFile(trx, actor, params.id, body, now);
    audit.targetId = params.id;
    audit.metadata.attachmentId = attachmentId;
    const details = await loadReferralDetails(trx, params.id);
    const dto = presentReferral(details, actor).attachments.find((a) => a.id === attachmentId)!;
    audit.metadata.sizeBytes = dto.sizeBytes;
    audit.metadata.contentType = dto.contentType;
    return dto;
  },
});

const download = defineRoute({
  method: 'GET',
  url: '/api/referrals/:id/attachments/:attachmentId',
  summary: 'Download an attachment with its stored type (always as a download)',
  tags,
  action: 'referral.attachmentRead',
  audit: 'ReferralAttachmentRead',
  params: AttachmentParams,
  response: z.custom<Buffer>(),
  contentType: 'application/octet-stream',
  subject,
  async handler({ trx, params, reply, audit }) {
    const file = await loadAttachment(trx, params.id, params.attachmentId);
    audit.targetId = params.id;
    audit.metadata.attachmentId = file.id;
    reply.type(file.content_type);
    reply.header('content-disposition', contentDisposition(file.file_name));
    reply.header('x-content-sha256', file.sha256);
    reply.header('cache-control', 'no-store');
    return file.content;
  },
});

export const referralRoutes = [
  create,
  list,
  clientList,
  read,
  receive,
  accept,
  giveBack,
  redirect,
  attach,
  download,
];
