import { finnishDate } from '../../server/policy/client-access.ts';
import { presentPhase } from '../pathways/pathway.presenter.ts';
import type { PathwayPhaseRow } from '../pathways/pathway.table.ts';
import { daysBetween, personName } from './calendar.ts';
import type { CaseWithNames, managerHistory, phaseHistory, TeamMemberWithNames } from './case.repository.ts';
import type { CaseDto, CaseSummaryDto } from './case.schema.ts';
import { allowedPhaseIds } from './case-rules.ts';

type ManagerRow = Awaited<ReturnType<typeof managerHistory>>[number];
type PhaseChangeRow = Awaited<ReturnType<typeof phaseHistory>>[number];

export function presentCaseSummary(k: CaseWithNames, now: Date): CaseSummaryDto {
  const daysInPhase = daysBetween(k.phase_changed_on, finnishDate(now));
  return {
    id: k.id,
    clientId: k.client_id,
    clientName: `${k.client_first_name} ${k.client_last_name}`,
    team: { id: k.team_id, name: k.team_name },
    organisation: { id: k.organisation_id, name: k.organisation_name },
    pathway: {
      id: k.pathway_id,
      code: k.pathway_code,
      nameFi: k.pathway_name_fi,
      nameSv: k.pathway_name_sv,
      nameEn: k.pathway_name_en,
      staleAfterDays: k.stale_after_days,
    },
    currentPhase: {
      id: k.current_phase_id,
      ordinal: k.phase_ordinal,
      nameFi: k.phase_name_fi,
      nameSv: k.phase_name_sv,
      nameEn: k.phase_name_en,
    },
    phaseChangedOn: k.phase_changed_on,
    daysInPhase,
    stale: k.closed_on === null && daysInPhase > k.stale_after_days,
    openedOn: k.opened_on,
    closedOn: k.closed_on,
    outcomeCode: k.outcome_code,
    caseManager:
      k.manager_assignment_id && k.manager_user_id && k.manager_organisation_id && k.manager_started_at
        ? {
            assignmentId: k.manager_assignment_id,
            userId: k.manager_user_id,
            name: personName(k.manager_first_name, k.manager_last_name) ?? '',
            organisationId: k.manager_organisation_id,
            organisationName: k.manager_organisation_name ?? '',
            note: k.manager_note ?? '',
            startedAt: k.manager_started_at.toISOString(),
            endedAt: null,
          }
        : null,
    version: k.version,
  };
}

function presentManager(m: ManagerRow) {
  return {
    assignmentId: m.id,
    userId: m.user_id,
    name: `${m.first_name} ${m.last_name}`,
    organisationId: m.organisation_id,
    organisationName: m.organisation_name,
    note: m.note,
    startedAt: m.started_at.toISOString(),
    endedAt: m.ended_at?.toISOString() ?? null,
  };
}

function presentPhaseChange(pc: PhaseChangeRow) {
  return {
    id: pc.id,
    fromPhaseId: pc.from_phase_id,
    toPhaseId: pc.to_phase_id,
    changedOn: pc.changed_on,
    note: pc.note,
    organisationId: pc.organisation_id,
    organisationName: pc.organisation_name,
    recordedAt: pc.created_at.toISOString(),
    recordedBy: personName(pc.first_name, pc.last_name),
  };
}

export function presentMember(m: TeamMemberWithNames, canReadPlan: boolean) {
  return {
    id: m.id,
    organisationId: m.organisation_id,
    organisationName: m.organisation_name,
    userId: m.user_id,
    userName: personName(m.user_first_name, m.user_last_name),
    role: m.role,
    addedAt: m.added_at.toISOString(),
    addedBy: personName(m.added_first_name, m.added_last_name),
    removedAt: m.removed_at?.toISOString() ?? null,
    removedBy: personName(m.removed_first_name, m.removed_last_name),
    canReadPlan,
    version: m.version,
  };
}

export interface CaseDetails {
  row: CaseWithNames;
  phases: PathwayPhaseRow[];
  phaseChanges: PhaseChangeRow[];
  managers: ManagerRow[];
  members: TeamMemberWithNames[];
  planReaders: Set<string>;
}

export function presentCase(d: CaseDetails, now: Date): CaseDto {
  const k = d.row;
  return {
    ...presentCaseSummary(k, now),
    referralId: k.referral_id,
    closingNote: k.closing_note,
    phases: d.phases.map(presentPhase),
    allowedPhaseIds: k.closed_on ? [] : allowedPhaseIds(d.phases, k.current_phase_id),
    phaseHistory: d.phaseChanges.map(presentPhaseChange),
    caseManagerHistory: d.managers.map(presentManager),
    members: d.members.map((m) =>
      presentMember(m, m.organisation_id === k.organisation_id || d.planReaders.has(m.organisation_id)),
    ),
  };
}

export function presentProfessional(r: {
  user_id: string;
  first_name: string;
  last_name: string;
  organisation_id: string;
  organisation_name: string;
  role: string;
}) {
  return {
    userId: r.user_id,
    name: `${r.first_name} ${r.last_name}`,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    role: r.role,
  };
}
