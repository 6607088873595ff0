import type { Trx } from '../../server/db/database.ts';
import type { RecordAccess } from '../../server/policy/client-access.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import { consentStatus } from '../../server/policy/consent-validity.ts';
import { personName } from '../cases/calendar.ts';
import { listClientCases } from '../cases/case.repository.ts';
import { listClientConsents } from '../consents/consent.repository.ts';
import { consultationQuery } from '../consultations/consultation.repository.ts';
import { meetingQuery, participantsOf } from '../meetings/meeting.repository.ts';
import { listClientScreenings } from '../screenings/screening.repository.ts';
import { visitQuery } from '../visits/visit.repository.ts';
import { workTrialFeedbackEntries } from '../work-trials/work-trial.timeline.ts';
import { managerSteps, phaseSteps, referralSteps, teamSteps } from './timeline.repository.ts';
import type { TimelineEntryDto } from './timeline.schema.ts';

const names = (fi: string, sv: string, en: string) => ({ nameFi: fi, nameSv: sv, nameEn: en });
const plan = (clientId: string, controllerOrganisationId: string) => ({
  clientId,
  controllerOrganisationId,
  category: 'plan',
});
const assessment = (clientId: string, controllerOrganisationId: string) => ({
  clientId,
  controllerOrganisationId,
  category: 'assessment',
});

/**
 * Everything about the client that the actor may see, one list, newest first. Each kind of record goes
 * through `decide` with the action that reads it, so an entry is here exactly when its own page would open;
 * what is left out is neither returned nor counted.
 */
export async function clientTimeline(
  trx: Trx,
  access: RecordAccess,
  clientId: string,
  now: Date,
): Promise<TimelineEntryDto[]> {
  const entries: TimelineEntryDto[] = [];

  for (const s of await access.filter('screening.read', await listClientScreenings(trx, clientId), (s) =>
    assessment(clientId, s.organisation_id),
  )) {
    entries.push({
      type: 'screening',
      key: `screening:${s.id}`,
      date: s.screened_on,
      at: s.created_at.toISOString(),
      organisationId: s.organisation_id,
      organisationName: s.organisation_name,
      by: personName(s.author_first_name, s.author_last_name),
      caseId: null,
      screeningId: s.id,
      outcome: s.outcome,
      situations: s.situations,
    });
  }

  for (const r of await access.filter('referral.read', await referralSteps(trx, clientId), (r) =>
    assessment(clientId, r.referring_organisation_id),
  )) {
    entries.push({
      type: 'referral',
      key: `referral:${r.id}`,
      date: finnishDate(r.created_at),
      at: r.created_at.toISOString(),
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      by: personName(r.first_name, r.last_name),
      caseId: null,
      referralId: r.referral_id,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      receivingTeamName: r.team_name,
      note: r.note,
    });
  }

  const phases = await phaseSteps(trx, clientId);
  for (const k of await access.filter('case.read', await listClientCases(trx, clientId), (k) =>
    plan(clientId, k.organisation_id),
  )) {
    const opening = phases.find((p) => p.case_id === k.id && p.from_phase_id === null);
    const base = { organisationId: k.organisation_id, organisationName: k.organisation_name, caseId: k.id };
    entries.push({
      type: 'case_opened',
      key: `case_opened:${k.id}`,
      date: k.opened_on,
      at: k.created_at.toISOString(),
      ...base,
      by: personName(opening?.first_name, opening?.last_name),
      pathway: names(k.pathway_name_fi, k.pathway_name_sv, k.pathway_name_en),
      phase: opening ? names(opening.to_fi, opening.to_sv, opening.to_en) : names('', '', ''),
      teamName: k.team_name,
    });
    if (k.closed_on && k.outcome_code) {
      // A closed case no longer changes, so its last update is the closing.
      entries.push({
        type: 'case_closed',
        key: `case_closed:${k.id}`,
        date: k.closed_on,
        at: k.updated_at.toISOString(),
        ...base,
        by: null,
        outcomeCode: k.outcome_code,
      });
    }
  }

  const changes = phases.filter((p) => p.from_phase_id !== null);
  for (const p of await access.filter('case.read', changes, (p) => plan(clientId, p.case_organisation_id))) {
    entries.push({
      type: 'phase_change',
      key: `phase_change:${p.id}`,
      date: p.changed_on,
      at: p.created_at.toISOString(),
      organisationId: p.organisation_id,
      organisationName: p.organisation_name,
      by: personName(p.first_name, p.last_name),
      caseId: p.case_id,
      fromPhase: names(p.from_fi ?? '', p.from_sv ?? '', p.from_en ?? ''),
      toPhase: names(p.to_fi, p.to_sv, p.to_en),
      note: p.note,
    });
  }

  for (const m of await access.filter('case.read', await managerSteps(trx, clientId), (m) =>
    plan(clientId, m.case_organisation_id),
  )) {
    entries.push({
      type: 'case_manager',
      key: `case_manager:${m.id}`,
      date: finnishDate(m.started_at),
      at: m.started_at.toISOString(),
      organisationId: m.case_organisation_id,
      organisationName: m.case_organisation_name,
      by: personName(m.first_name, m.last_name),
      caseId: m.case_id,
      managerName: `${m.manager_first_name} ${m.manager_last_name}`,
      managerOrganisationName: m.manager_organisation_name,
    });
  }

  for (const t of await access.filter('case.read', await teamSteps(trx, clientId), (t) =>
    plan(clientId, t.case_organisation_id),
  )) {
    const member = {
      organisationId: t.case_organisation_id,
      organisationName: t.case_organisation_name,
      caseId: t.case_id,
      memberOrganisationName: t.member_organisation_name,
      memberName: personName(t.member_first_name, t.member_last_name),
      role: t.role,
    };
    entries.push({
      type: 'team_member_added',
      key: `team_member_added:${t.id}`,
      date: finnishDate(t.added_at),
      at: t.added_at.toISOString(),
      by: personName(t.added_first_name, t.added_last_name),
      ...member,
    });
    if (t.removed_at) {
      entries.push({
        type: 'team_member_removed',
        key: `team_member_removed:${t.id}`,
        date: finnishDate(t.removed_at),
        at: t.removed_at.toISOString(),
        by: personName(t.removed_first_name, t.removed_last_name),
        ...member,
      });
    }
  }

  const visits = await visitQuery(trx).where('v.client_id', '=', clientId).execute();
  for (const v of await access.filter('visit.read', visits, (v) => assessment(clientId, v.organisation_id))) {
    entries.push({
      type: 'visit',
      key: `visit:${v.id}`,
      date: v.visit_on,
      at: v.created_at.toISOString(),
      organisationId: v.organisation_id,
      organisationName: v.organisation_name,
      by: personName(v.author_first_name, v.author_last_name),
      caseId: v.case_id,
      visitId: v.id,
      mode: v.mode,
      durationMinutes: v.duration_minutes,
      professionalName: `${v.professional_first_name} ${v.professional_last_name}`,
      correctsId: v.corrects_id,
      correctedById: v.corrected_by_id,
    });
  }

  const consultations = await consultationQuery(trx).where('q.client_id', '=', clientId).execute();
  for (const q of await access.filter('consultation.read', consultations, (q) =>
    assessment(clientId, q.organisation_id),
  )) {
    entries.push({
      type: 'consultation',
      key: `consultation:${q.id}`,
      date: finnishDate(q.created_at),
      at: q.created_at.toISOString(),
      organisationId: q.organisation_id,
      organisationName: q.organisation_name,
      by: personName(q.author_first_name, q.author_last_name),
      caseId: q.case_id,
      consultationId: q.id,
      topic: q.topic,
      toOrganisationName: q.to_organisation_name,
      answeredAt: q.answered_at?.toISOString() ?? null,
      correctsId: q.corrects_id,
      correctedById: q.corrected_by_id,
    });
  }

  const meetings = await access.filter(
    'meeting.read',
    await meetingQuery(trx).where('m.client_id', '=', clientId).execute(),
    (m) => plan(clientId, m.organisation_id),
  );
  const participants = await participantsOf(
    trx,
    meetings.map((m) => m.id),
  );
  for (const m of meetings) {
    entries.push({
      type: 'meeting',
      key: `meeting:${m.id}`,
      date: finnishDate(m.starts_at),
      at: m.starts_at.toISOString(),
      organisationId: m.organisation_id,
      organisationName: m.organisation_name,
      by: personName(m.author_first_name, m.author_last_name),
      caseId: m.case_id,
      meetingId: m.id,
      startsAt: m.starts_at.toISOString(),
      participantCount: participants.get(m.id)?.length ?? 0,
      clientParticipated: m.client_participated,
      summarySigned: m.signed_at !== null,
      correctsId: m.corrects_id,
      correctedById: m.corrected_by_id,
    });
  }

  // Consents travel with the care relationship (consent.list): the client's choices are shown to all who serve.
  for (const c of await access.filter('consent.list', await listClientConsents(trx, clientId), (c) => ({
    clientId,
    controllerOrganisationId: c.controller_organisation_id,
    category: 'basic',
  }))) {
    const consent = {
      organisationId: c.controller_organisation_id,
      organisationName: c.controller_name,
      caseId: null,
      consentId: c.id,
      recipientOrganisationName: c.recipient_name,
      categories: c.categories,
      status: consentStatus(c, now),
    };
    entries.push({
      type: 'consent_given',
      key: `consent_given:${c.id}`,
      date: finnishDate(c.created_at),
      at: c.created_at.toISOString(),
      by: personName(c.recorder_first_name, c.recorder_last_name),
      ...consent,
    });
    if (c.withdrawn_at) {
      entries.push({
        type: 'consent_withdrawn',
        key: `consent_withdrawn:${c.id}`,
        date: finnishDate(c.withdrawn_at),
        at: c.withdrawn_at.toISOString(),
        by: personName(c.withdrawer_first_name, c.withdrawer_last_name),
        ...consent,
      });
    }
  }

  entries.push(...(await workTrialFeedbackEntries(trx, access, clientId)));

  return entries.sort((a, b) =>
    a.date === b.date ? b.at.localeCompare(a.at) : b.date.localeCompare(a.date),
  );
}
