import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CalendarDate, Timestamp, Tracked } from '../../server/db/columns.ts';
import type { AcknowledgementMethod, PlanContent } from './plan.schema.ts';

/** jsonb written as JSON text (node-postgres would turn a JS array into a PostgreSQL array), read as a value. */
type Json<T> = ColumnType<T, string, string>;

export interface CarePlanTable extends Tracked {
  id: Generated<string>;
  case_id: string;
  client_id: string;
  organisation_id: string;
  content: Json<PlanContent>;
}
export type CarePlanRow = Selectable<CarePlanTable>;
export type NewCarePlanRow = Insertable<CarePlanTable>;

/** Written by the database (trigger on care_plan); append-only. */
export interface CarePlanVersionTable {
  plan_id: string;
  version: number;
  content: PlanContent;
  saved_at: Date;
  saved_by: string;
}
export type CarePlanVersionRow = Selectable<CarePlanVersionTable>;

export interface CarePlanAcknowledgementTable {
  id: Generated<string>;
  plan_id: string;
  plan_version: number;
  method: AcknowledgementMethod;
  acknowledged_at: Date;
  recorded_by: string | null;
  created_at: Timestamp;
}
export type CarePlanAcknowledgementRow = Selectable<CarePlanAcknowledgementTable>;

export interface GasAttainment {
  goalId: string;
  level: number;
  weight: number;
  baseline: number;
}

export interface GasReviewTable extends Tracked {
  id: Generated<string>;
  plan_id: string;
  plan_version: number;
  review_date: CalendarDate;
  attainments: Json<GasAttainment[]>;
  t_score: number;
  baseline_t_score: number;
  note: Generated<string>;
}
export type GasReviewRow = Selectable<GasReviewTable>;
export type NewGasReviewRow = Insertable<GasReviewTable>;
