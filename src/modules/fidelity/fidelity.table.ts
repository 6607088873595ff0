import type { Generated, Selectable } from 'kysely';
import type { CalendarDate, Tracked } from '../../server/db/columns.ts';
import type { FidelityBand, FidelityGroup } from './fidelity-scoring.ts';

export interface FidelityItemTable {
  code: string;
  number: number;
  item_group: FidelityGroup;
  name_fi: string;
  name_sv: string;
  name_en: string;
  /** Whether the text has been checked against the official review manual. */
  text_checked: Generated<boolean>;
}
export type FidelityItemRow = Selectable<FidelityItemTable>;

export interface FidelityReviewTable extends Tracked {
  id: Generated<string>;
  team_id: string;
  organisation_id: string;
  review_date: CalendarDate;
  reviewer_1_name: string;
  reviewer_2_name: string;
  status: Generated<'draft' | 'final'>;
  total_score: number | null;
  band: FidelityBand | null;
  action_plan: Generated<string>;
  next_review_due: CalendarDate | null;
  finalised_at: Date | null;
  finalised_by: string | null;
}
export type FidelityReviewRow = Selectable<FidelityReviewTable>;

export interface FidelityItemScoreTable extends Tracked {
  id: Generated<string>;
  review_id: string;
  item_code: string;
  reviewer_1_score: number | null;
  reviewer_2_score: number | null;
  agreed_score: number | null;
  note: Generated<string>;
}
export type FidelityItemScoreRow = Selectable<FidelityItemScoreTable>;
