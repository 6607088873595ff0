import type { Generated, Insertable, Selectable } from 'kysely';
import type { Tracked } from '../../server/db/columns.ts';

export interface ConsultationTable extends Tracked {
  id: Generated<string>;
  client_id: string;
  case_id: string;
  /** The asking organisation (counted per asking organisation in reports). */
  organisation_id: string;
  asker_role: string;
  to_organisation_id: string;
  to_user_id: string | null;
  topic: string;
  question: string;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  corrects_id: string | null;
}
export type ConsultationRow = Selectable<ConsultationTable>;
export type NewConsultationRow = Insertable<ConsultationTable>;
