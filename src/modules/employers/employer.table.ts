import type { Generated, Insertable, Selectable } from 'kysely';
import type { CalendarDate, Tracked } from '../../server/db/columns.ts';

/** Supports used with employers (editable code list). */
export interface EmploymentSupportTypeTable {
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  sort_order: Generated<number>;
  active: Generated<boolean>;
}

/** An employer in the register of the coaching organisation that keeps it (organisation_id). */
export interface EmployerTable extends Tracked {
  id: Generated<string>;
  organisation_id: string;
  business_id: string;
  name: string;
  municipality: string;
  industry: Generated<string>;
  notes: Generated<string>;
  active: Generated<boolean>;
}
export type EmployerRow = Selectable<EmployerTable>;
export type NewEmployerRow = Insertable<EmployerTable>;

export interface EmployerContactPersonTable extends Tracked {
  id: Generated<string>;
  employer_id: string;
  organisation_id: string;
  name: string;
  title: Generated<string>;
  email: string | null;
  phone: string | null;
  active: Generated<boolean>;
}
export type EmployerContactPersonRow = Selectable<EmployerContactPersonTable>;

export const CONTACT_MODES = ['in_person', 'phone', 'email', 'video'] as const;
export const CONTACT_PURPOSES = [
  'job_development',
  'client_introduction',
  'work_trial',
  'follow_up',
  'employer_information',
  'other',
] as const;
export const CONTACT_OUTCOMES = [
  'opening_found',
  'meeting_agreed',
  'work_trial_agreed',
  'hired',
  'follow_up_agreed',
  'no_need_now',
  'other',
] as const;

/** A coach's contact with an employer; coaching_id names the client it was about, if any. */
export interface EmployerContactTable extends Tracked {
  id: Generated<string>;
  employer_id: string;
  organisation_id: string;
  coach_user_id: string;
  contact_person_id: string | null;
  coaching_id: string | null;
  client_name_disclosed: boolean;
  contacted_on: CalendarDate;
  mode: (typeof CONTACT_MODES)[number];
  purpose: (typeof CONTACT_PURPOSES)[number];
  outcome: (typeof CONTACT_OUTCOMES)[number];
  note: Generated<string>;
}
export type EmployerContactRow = Selectable<EmployerContactTable>;

export const OPENING_STATUSES = ['open', 'filled', 'closed'] as const;

export interface JobOpeningTable extends Tracked {
  id: Generated<string>;
  employer_id: string;
  organisation_id: string;
  title: string;
  description: Generated<string>;
  hours_per_week: number | null;
  open_labour_market: boolean;
  found_on: CalendarDate;
  closes_on: CalendarDate | null;
  status: Generated<(typeof OPENING_STATUSES)[number]>;
}
export type JobOpeningRow = Selectable<JobOpeningTable>;

export interface EmployerSupportUseTable extends Tracked {
  id: Generated<string>;
  employer_id: string;
  organisation_id: string;
  support_code: string;
  placement_id: string | null;
  work_trial_id: string | null;
  started_on: CalendarDate;
  ended_on: CalendarDate | null;
  note: Generated<string>;
}
