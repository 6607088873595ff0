import type { Generated, Insertable, Selectable } from 'kysely';
import type { CalendarDate, Tracked } from '../../server/db/columns.ts';

export const SCREENING_OUTCOMES = ['no_action', 'refer_assessment', 'refer_team'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

/** The check-list of situations in which support for employment should be assessed (editable data). */
export interface ScreeningSituationTable {
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  sort_order: Generated<number>;
  active: Generated<boolean>;
}

export interface ScreeningTable extends Tracked {
  id: Generated<string>;
  client_id: string;
  organisation_id: string;
  screened_on: CalendarDate;
  situations: string[];
  notes: Generated<string>;
  outcome: ScreeningOutcome;
}
export type ScreeningRow = Selectable<ScreeningTable>;
export type NewScreeningRow = Insertable<ScreeningTable>;
