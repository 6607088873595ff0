import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CalendarDate, TrackedOptionalActor } from '../../server/db/columns.ts';
import type { Language } from './instrument.schema.ts';

/** jsonb written as JSON text (node-postgres would turn a JS array into a PostgreSQL array), read as a value. */
export type Json<T> = ColumnType<T, string, string>;

export interface InstrumentTable {
  id: Generated<string>;
  code: string;
  version: number;
  kind: 'questionnaire' | 'result_only';
  scoring_level: 'individual' | 'group';
  respondent: 'client' | 'stakeholder';
  /** Validated by InstrumentDefinition on the way in and parsed again on the way out. */
  definition: Json<unknown>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  created_by: string | null;
}
export type InstrumentRow = Selectable<InstrumentTable>;

export type LinkChannel = 'email' | 'sms';

/** A personal answering link; its tokens are in questionnaire_token. */
export interface QuestionnaireLinkTable {
  id: Generated<string>;
  measurement_id: string;
  client_id: string;
  instrument_id: string;
  language: Language;
  channel: LinkChannel;
  sent_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  reminders_sent: Generated<number>;
  partial_answers: ColumnType<Record<string, unknown>, string | undefined, string>;
  partial_saved_at: Date | null;
  created_by: string | null;
}
export type QuestionnaireLinkRow = Selectable<QuestionnaireLinkTable>;
export type NewQuestionnaireLinkRow = Insertable<QuestionnaireLinkTable>;

/** Only the SHA-256 of a token is stored: a copy of the database does not open anyone's questionnaire. */
export interface QuestionnaireTokenTable {
  token_hash: string;
  link_id: string;
  created_at: Date;
}

export interface MeasurementResponseTable extends TrackedOptionalActor {
  id: Generated<string>;
  measurement_id: string;
  client_id: string;
  case_id: string;
  organisation_id: string;
  instrument_id: string;
  link_id: string | null;
  source: 'client_link' | 'professional';
  answers: Json<Record<string, number | string | null>>;
  scores: Json<Record<string, number | null>>;
  answered_on: CalendarDate;
}
export type MeasurementResponseRow = Selectable<MeasurementResponseTable>;
