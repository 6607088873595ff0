import type { Generated, Insertable, Selectable } from 'kysely';
import type { CalendarDate, Tracked } from '../../server/db/columns.ts';
import type { Role } from '../../server/policy/roles.ts';

/** How a case ended (editable code list). */
export interface CaseOutcomeTable {
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  sort_order: Generated<number>;
  active: Generated<boolean>;
}

/** `client_case`: "case" is a reserved word in SQL. */
export interface ClientCaseTable extends Tracked {
  id: Generated<string>;
  client_id: string;
  referral_id: string | null;
  team_id: string;
  organisation_id: string;
  pathway_id: string;
  current_phase_id: string;
  phase_changed_on: CalendarDate;
  opened_on: CalendarDate;
  closed_on: CalendarDate | null;
  outcome_code: string | null;
  closing_note: string | null;
}
export type ClientCaseRow = Selectable<ClientCaseTable>;
export type NewClientCaseRow = Insertable<ClientCaseTable>;

/** Append-only phase history, with the organisation of the one who changed it. */
export interface CasePhaseChangeTable {
  id: Generated<string>;
  /** Orders changes made at the same instant. */
  seq: Generated<number>;
  case_id: string;
  organisation_id: string;
  from_phase_id: string | null;
  to_phase_id: string;
  changed_on: CalendarDate;
  note: Generated<string>;
  created_at: Date;
  created_by: string;
}

export interface CaseManagerAssignmentTable extends Tracked {
  id: Generated<string>;
  case_id: string;
  user_id: string;
  organisation_id: string;
  note: Generated<string>;
  started_at: Date;
  ended_at: Date | null;
  ended_by: string | null;
}

export interface CaseTeamMemberTable extends Tracked {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  user_id: string | null;
  role: Role;
  added_at: Date;
  added_by: string;
  removed_at: Date | null;
  removed_by: string | null;
}
