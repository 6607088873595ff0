import type { Actor } from '../../server/policy/actor.ts';
import { personName } from '../cases/calendar.ts';
import type {
  attachmentList,
  eligibilityOf,
  ReferralWithNames,
  statusHistory,
} from './referral.repository.ts';
import type { ReferralDto, ReferralSummaryDto } from './referral.schema.ts';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

export function presentReferralSummary(r: ReferralWithNames): ReferralSummaryDto {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: `${r.client_first_name} ${r.client_last_name}`,
    referringOrganisation: { id: r.referring_organisation_id, name: r.referring_organisation_name },
    receivingTeam: { id: r.receiving_team_id, name: r.receiving_team_name },
    receivingOrganisation: { id: r.receiving_organisation_id, name: r.receiving_organisation_name },
    reason: r.reason,
    status: r.status,
    sentAt: r.sent_at.toISOString(),
    sentBy: personName(r.sender_first_name, r.sender_last_name),
    returnReason: r.return_reason,
    redirectedFromId: r.redirected_from_id,
    redirectedToId: r.redirected_to_id,
    caseId: r.case_id,
    version: r.version,
  };
}

export interface ReferralDetails {
  row: ReferralWithNames;
  history: Rows<typeof statusHistory>;
  attachments: Rows<typeof attachmentList>;
  eligibility: Rows<typeof eligibilityOf>;
}

export function presentReferral(d: ReferralDetails, actor: Actor): ReferralDto {
  const r = d.row;
  const receiver = actor.organisationId === r.receiving_organisation_id;
  const open = r.status === 'sent' || r.status === 'received';
  return {
    ...presentReferralSummary(r),
    screeningId: r.screening_id,
    unemployedSince: r.unemployed_since,
    consentId: r.consent_id,
    // The receiver's assessment is its own record; the referring organisation sees the outcome only.
    eligibility: receiver
      ? d.eligibility.map((e) => ({
          criterionId: e.criterion_id,
          textFi: e.text_fi,
          textSv: e.text_sv,
          textEn: e.text_en,
          met: e.met,
        }))
      : null,
    eligibilityJustification: receiver ? r.eligibility_justification : null,
    statusHistory: d.history.map((h) => ({
      fromStatus: h.from_status,
      toStatus: h.to_status,
      note: h.note,
      organisationId: h.organisation_id,
      organisationName: h.organisation_name,
      at: h.created_at.toISOString(),
      by: personName(h.first_name, h.last_name),
    })),
    attachments: d.attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      contentType: a.content_type,
      sizeBytes: a.size_bytes,
      sha256: a.sha256,
      uploadedAt: a.created_at.toISOString(),
      uploadedBy: personName(a.first_name, a.last_name),
    })),
    permissions: {
      receive: receiver && r.status === 'sent',
      accept: receiver && open,
      return: receiver && open,
      redirect: receiver && open,
      attach: actor.organisationId === r.referring_organisation_id && open,
    },
  };
}
