import type { Generated, Insertable, Selectable } from 'kysely';
import type { CalendarDate, Tracked } from '../../server/db/columns.ts';

export interface WorkTrialTable extends Tracked {
  id: Generated<string>;
  coaching_id: string;
  client_id: string;
  organisation_id: string;
  employer_id: string;
  supervisor_contact_person_id: string;
  tasks: string;
  goals: string;
  hours_per_week: number | null;
  starts_on: CalendarDate;
  ends_on: CalendarDate;
  interrupted_on: CalendarDate | null;
  interruption_note: string | null;
}
export type WorkTrialRow = Selectable<WorkTrialTable>;
export type NewWorkTrialRow = Insertable<WorkTrialTable>;

export const FEEDBACK_KINDS = ['midpoint', 'final'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** The supervisor's personal link; only the SHA-256 of its token is stored. */
export interface WorkTrialFeedbackLinkTable {
  id: Generated<string>;
  work_trial_id: string;
  kind: FeedbackKind;
  contact_person_id: string;
  language: 'fi' | 'sv' | 'en';
  token_hash: string;
  sent_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  created_by: string;
}
export type WorkTrialFeedbackLinkRow = Selectable<WorkTrialFeedbackLinkTable>;

export interface WorkTrialFeedbackTable {
  id: Generated<string>;
  work_trial_id: string;
  link_id: string;
  client_id: string;
  organisation_id: string;
  kind: FeedbackKind;
  form_version: number;
  work_readiness: number | null;
  work_readiness_note: Generated<string>;
  coping: number | null;
  coping_note: Generated<string>;
  health_at_work: number | null;
  health_at_work_note: Generated<string>;
  social_skills: number | null;
  social_skills_note: Generated<string>;
  action_at_work: number | null;
  action_at_work_note: Generated<string>;
  overall_note: Generated<string>;
  respondent_name: string;
  answered_at: Date;
  answered_on: CalendarDate;
}
export type WorkTrialFeedbackRow = Selectable<WorkTrialFeedbackTable>;
