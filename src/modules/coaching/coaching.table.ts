import type { Generated, Insertable, Selectable } from 'kysely';
import type { CalendarDate, Tracked } from '../../server/db/columns.ts';

export const COACHING_INTENSITIES = ['light_support', 'intensive'] as const;
export const COACHING_MODELS = ['ips', 'quality_criteria'] as const;
/** 'pathway': the case is on the supported-employment pathway; 'service': coaching inside another pathway. */
export const COACHING_KINDS = ['pathway', 'service'] as const;
export const COACHING_END_REASONS = [
  'employed',
  'goal_reached',
  'module_review',
  'client_ended',
  'other_service',
  'moved_away',
  'other',
] as const;

export interface CoachingTable extends Tracked {
  id: Generated<string>;
  client_id: string;
  case_id: string;
  /** The coaching organisation: the controller of every coaching record. */
  organisation_id: string;
  team_id: string | null;
  coach_user_id: string;
  kind: (typeof COACHING_KINDS)[number];
  intensity: (typeof COACHING_INTENSITIES)[number];
  model: (typeof COACHING_MODELS)[number];
  started_on: CalendarDate;
  ended_on: CalendarDate | null;
  end_reason: (typeof COACHING_END_REASONS)[number] | null;
  end_note: Generated<string>;
}
export type CoachingRow = Selectable<CoachingTable>;
export type NewCoachingRow = Insertable<CoachingTable>;

export const HEALTH_DISCLOSURES = ['none', 'general', 'specific'] as const;
export type HealthDisclosure = (typeof HEALTH_DISCLOSURES)[number];

export interface VocationalProfileTable extends Tracked {
  id: Generated<string>;
  coaching_id: string;
  client_id: string;
  organisation_id: string;
  work_history: Generated<string>;
  education: Generated<string>;
  skills: Generated<string>;
  preferences: Generated<string>;
  disclose_name: Generated<boolean>;
  disclose_health: Generated<HealthDisclosure>;
  disclosure_text: Generated<string>;
  not_to_disclose: Generated<string>;
  disclosure_agreed_on: CalendarDate | null;
}
export type VocationalProfileRow = Selectable<VocationalProfileTable>;

export const MODULE_DECISIONS = ['next_module', 'end_coaching'] as const;

export interface CoachingModuleTable extends Tracked {
  id: Generated<string>;
  coaching_id: string;
  client_id: string;
  organisation_id: string;
  ordinal: number;
  goal: string;
  started_on: CalendarDate;
  planned_end_on: CalendarDate;
  reviewed_on: CalendarDate | null;
  client_attended: boolean | null;
  coach_attended: boolean | null;
  purchaser_attended: boolean | null;
  purchaser_name: string | null;
  decision: (typeof MODULE_DECISIONS)[number] | null;
  review_notes: Generated<string>;
}
export type CoachingModuleRow = Selectable<CoachingModuleTable>;

export const JOB_SEARCH_ACTIVITIES = [
  'application',
  'employer_visit',
  'interview',
  'job_fair',
  'networking',
  'opening_review',
  'other',
] as const;

export interface JobSearchEntryTable extends Tracked {
  id: Generated<string>;
  coaching_id: string;
  client_id: string;
  organisation_id: string;
  entry_on: CalendarDate;
  activity: (typeof JOB_SEARCH_ACTIVITIES)[number];
  employer_id: string | null;
  job_opening_id: string | null;
  description: string;
  outcome: Generated<string>;
}
export type JobSearchEntryRow = Selectable<JobSearchEntryTable>;

export const PLACEMENT_END_REASONS = [
  'contract_ended',
  'client_resigned',
  'dismissed',
  'better_job',
  'health',
  'other',
] as const;

export interface JobPlacementTable extends Tracked {
  id: Generated<string>;
  coaching_id: string;
  client_id: string;
  organisation_id: string;
  employer_id: string;
  job_opening_id: string | null;
  title: string;
  hours_per_week: number;
  pay_subsidy: boolean;
  open_labour_market: boolean;
  started_on: CalendarDate;
  ended_on: CalendarDate | null;
  end_reason: (typeof PLACEMENT_END_REASONS)[number] | null;
  end_note: Generated<string>;
}
export type JobPlacementRow = Selectable<JobPlacementTable>;

export const SUPPORT_SETTINGS = ['on_the_job', 'off_the_job'] as const;

export interface CoachingSupportEntryTable extends Tracked {
  id: Generated<string>;
  coaching_id: string;
  placement_id: string;
  client_id: string;
  organisation_id: string;
  supported_on: CalendarDate;
  setting: (typeof SUPPORT_SETTINGS)[number];
  with_employer: Generated<boolean>;
  duration_minutes: number | null;
  note: string;
}
export type CoachingSupportEntryRow = Selectable<CoachingSupportEntryTable>;
