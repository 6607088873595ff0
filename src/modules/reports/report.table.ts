import type { ColumnType, Generated } from 'kysely';
import type { CalendarDate } from '../../server/db/columns.ts';

/** An anonymous answer to the stakeholder survey about one team's work (no person is stored). */
export interface StakeholderResponseTable {
  id: Generated<string>;
  team_id: string;
  /** The team's organisation: the controller of the answers. */
  organisation_id: string;
  respondent_organisation_type: string | null;
  instrument_id: string;
  /** jsonb written as JSON text, read as a value. */
  answers: ColumnType<Record<string, number | string | null>, string, string>;
  answered_on: CalendarDate;
  created_at: Generated<Date>;
}

/** A case's stay in one phase (derived by triggers from the phase history and the closure). */
export interface CasePhaseStayTable {
  phase_change_id: string;
  case_id: string;
  phase_id: string;
  entered_on: CalendarDate;
  left_on: CalendarDate | null;
  left_by: 'phase_change' | 'closure' | null;
}

/** A follow-up score beside the same score at the case's baseline (derived by triggers from the answers). */
export interface MeasurementScorePairTable {
  follow_up_id: string;
  score_key: string;
  case_id: string;
  instrument_code: string;
  offset_months: number;
  due_on: CalendarDate;
  baseline: number;
  follow_up: number;
}
