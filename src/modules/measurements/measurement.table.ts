import type { Generated, Insertable, Selectable } from 'kysely';
import type { CalendarDate, TrackedOptionalActor } from '../../server/db/columns.ts';

export const MEASUREMENT_STATUSES = ['due', 'sent', 'answered', 'expired'] as const;
export type MeasurementStatus = (typeof MEASUREMENT_STATUSES)[number];

/** One row of a pathway's schedule (pathway_id null: the network's default). */
export interface MeasurementScheduleTable extends TrackedOptionalActor {
  id: Generated<string>;
  pathway_id: string | null;
  instrument_code: string;
  offset_months: number;
  active: Generated<boolean>;
}
export type MeasurementScheduleRow = Selectable<MeasurementScheduleTable>;

/** One instrument in one round of a case; created_by is null when the scheduler made it. */
export interface MeasurementTable extends TrackedOptionalActor {
  id: Generated<string>;
  case_id: string;
  client_id: string;
  organisation_id: string;
  instrument_code: string;
  offset_months: number;
  due_on: CalendarDate;
  status: Generated<MeasurementStatus>;
  instrument_id: string | null;
  answered_at: Date | null;
}
export type MeasurementRow = Selectable<MeasurementTable>;
export type NewMeasurementRow = Insertable<MeasurementTable>;
