import { daysBetween, personName } from '../cases/calendar.ts';
import { workTrialStatus } from '../work-trials/work-trial-status.ts';
import type {
  CoachingWithNames,
  listCoachingContacts,
  listCoachingWorkTrials,
  listJobSearchEntries,
  listPlacements,
  listSupportEntries,
} from './coaching.repository.ts';
import type { CoachingDto, CoachingSummaryDto } from './coaching.schema.ts';
import type { CoachingModuleRow, VocationalProfileRow } from './coaching.table.ts';
import {
  countsAsJobStart,
  daysToFirstEmployerContact,
  daysToFirstJobStart,
  jobTenureDays,
  RAPID_SEARCH_DAYS,
} from './employment-measures.ts';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

export interface CoachingDetails {
  row: CoachingWithNames;
  profile: VocationalProfileRow;
  modules: CoachingModuleRow[];
  jobSearch: Rows<typeof listJobSearchEntries>;
  contacts: Rows<typeof listCoachingContacts>;
  placements: Rows<typeof listPlacements>;
  support: Rows<typeof listSupportEntries>;
  workTrials: Rows<typeof listCoachingWorkTrials>;
}

export function presentCoachingSummary(k: CoachingWithNames): CoachingSummaryDto {
  return {
    id: k.id,
    clientId: k.client_id,
    clientName: `${k.client_first_name} ${k.client_last_name}`,
    caseId: k.case_id,
    organisation: { id: k.organisation_id, name: k.organisation_name },
    team: k.team_id ? { id: k.team_id, name: k.team_name ?? '' } : null,
    coach: { userId: k.coach_user_id, name: `${k.coach_first_name} ${k.coach_last_name}` },
    kind: k.kind,
    intensity: k.intensity,
    model: k.model,
    startedOn: k.started_on,
    endedOn: k.ended_on,
    endReason: k.end_reason,
    version: k.version,
  };
}

function presentModule(m: CoachingModuleRow) {
  return {
    id: m.id,
    ordinal: m.ordinal,
    goal: m.goal,
    startedOn: m.started_on,
    plannedEndOn: m.planned_end_on,
    review:
      m.reviewed_on && m.decision
        ? {
            reviewedOn: m.reviewed_on,
            attended: {
              client: m.client_attended === true,
              coach: m.coach_attended === true,
              purchaser: m.purchaser_attended === true,
            },
            purchaserName: m.purchaser_name,
            decision: m.decision,
            notes: m.review_notes,
          }
        : null,
    version: m.version,
  };
}

/** The whole coaching for the coach: the measures are computed here, from the rows shown. */
export function presentCoaching(d: CoachingDetails, today: string): CoachingDto {
  const k = d.row;
  const firstContact = daysToFirstEmployerContact(
    k.started_on,
    d.contacts.map((c) => c.contacted_on),
  );
  const measureEnd = k.ended_on && k.ended_on < today ? k.ended_on : today;
  return {
    ...presentCoachingSummary(k),
    endNote: k.end_note,
    profile: {
      id: d.profile.id,
      workHistory: d.profile.work_history,
      education: d.profile.education,
      skills: d.profile.skills,
      preferences: d.profile.preferences,
      disclosure: {
        discloseName: d.profile.disclose_name,
        discloseHealth: d.profile.disclose_health,
        disclosureText: d.profile.disclosure_text,
        notToDisclose: d.profile.not_to_disclose,
        agreedOn: d.profile.disclosure_agreed_on,
      },
      updatedAt: new Date(d.profile.updated_at).toISOString(),
      version: d.profile.version,
    },
    modules: d.modules.map(presentModule),
    jobSearchEntries: d.jobSearch.map((j) => ({
      id: j.id,
      entryOn: j.entry_on,
      activity: j.activity,
      employer: j.employer_id ? { id: j.employer_id, name: j.employer_name ?? '' } : null,
      jobOpeningId: j.job_opening_id,
      description: j.description,
      outcome: j.outcome,
      recordedBy: personName(j.first_name, j.last_name),
    })),
    employerContacts: d.contacts.map((c) => ({
      id: c.id,
      employer: { id: c.employer_id, name: c.employer_name },
      contactedOn: c.contacted_on,
      purpose: c.purpose,
      outcome: c.outcome,
      clientNameDisclosed: c.client_name_disclosed,
      coachName: personName(c.first_name, c.last_name),
    })),
    placements: d.placements.map((p) => ({
      id: p.id,
      coachingId: p.coaching_id,
      employer: { id: p.employer_id, name: p.employer_name },
      jobOpeningId: p.job_opening_id,
      title: p.title,
      hoursPerWeek: p.hours_per_week,
      paySubsidy: p.pay_subsidy,
      openLabourMarket: p.open_labour_market,
      countsAsJobStart: countsAsJobStart(p.hours_per_week),
      startedOn: p.started_on,
      endedOn: p.ended_on,
      endReason: p.end_reason,
      endNote: p.end_note,
      tenureDays: jobTenureDays(p.started_on, p.ended_on, today),
      supportEntries: d.support
        .filter((s) => s.placement_id === p.id)
        .map((s) => ({
          id: s.id,
          supportedOn: s.supported_on,
          setting: s.setting,
          withEmployer: s.with_employer,
          durationMinutes: s.duration_minutes,
          note: s.note,
          recordedBy: personName(s.first_name, s.last_name),
        })),
      version: p.version,
    })),
    workTrials: d.workTrials.map((w) => ({
      id: w.id,
      employer: { id: w.employer_id, name: w.employer_name },
      startsOn: w.starts_on,
      endsOn: w.ends_on,
      status: workTrialStatus(w, today),
    })),
    measures: {
      daysToFirstEmployerContact: firstContact,
      firstContactWithinTarget:
        firstContact !== null
          ? firstContact <= RAPID_SEARCH_DAYS
          : daysBetween(k.started_on, measureEnd) > RAPID_SEARCH_DAYS
            ? false
            : null,
      daysToFirstJobStart: daysToFirstJobStart(
        k.started_on,
        d.placements.map((p) => ({ startedOn: p.started_on, hoursPerWeek: p.hours_per_week })),
      ),
    },
  };
}
