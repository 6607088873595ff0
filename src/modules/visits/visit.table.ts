import type { Generated, Insertable, Selectable } from 'kysely';
import type { CalendarDate, Tracked } from '../../server/db/columns.ts';

export const VISIT_MODES = ['in_person', 'phone', 'video'] as const;
export type VisitMode = (typeof VISIT_MODES)[number];

export interface VisitTable extends Tracked {
  id: Generated<string>;
  client_id: string;
  case_id: string;
  organisation_id: string;
  professional_user_id: string;
  visit_on: CalendarDate;
  mode: VisitMode;
  duration_minutes: number;
  note: Generated<string>;
  corrects_id: string | null;
}
export type VisitRow = Selectable<VisitTable>;
export type NewVisitRow = Insertable<VisitTable>;
