-- Supported employment: job coaching (IPS and quality-criteria supported employment, EUSE stages), the vocational
-- profile with the client's disclosure choice, modular coaching with reviews, the employer register and the coach's
-- employer contacts, job openings and supports, job starts, work trials with the supervisor's feedback through a
-- personal link, and IPS fidelity reviews of coaching teams.
-- Forward only. Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).

-- Coaching records are controlled by the coaching organisation; another organisation reads them with a consent
-- covering this category.
insert into data_category (code, name_fi, name_sv, name_en, sort_order) values
  ('employment_support', 'Tuetun työllistymisen tiedot', 'Uppgifter om arbete med stöd', 'Supported employment information', 45);

-- Supports used with employers (003: information and support to employers). Editable data.
create table employment_support_type (
  code text primary key,
  name_fi text not null,
  name_sv text not null,
  name_en text not null,
  sort_order int not null default 0,
  active boolean not null default true
);

insert into employment_support_type (code, name_fi, name_sv, name_en, sort_order) values
  ('work_trial', 'Työkokeilu', 'Arbetsprövning', 'Work trial', 10),
  ('pay_subsidy', 'Palkkatuki', 'Lönesubvention', 'Pay subsidy', 20),
  ('municipal_supplement', 'Kuntalisä', 'Kommuntillägg', 'Municipal supplement', 30),
  ('workplace_adjustments', 'Työolosuhteiden järjestelytuki', 'Stöd för ändring av arbetsförhållandena', 'Workplace adjustments', 40),
  ('social_clause', 'Työllistämisehto julkisissa hankinnoissa', 'Sysselsättningsvillkor i offentliga upphandlingar', 'Social clause in public procurement', 50),
  ('job_coach_support', 'Työhönvalmentajan tuki työpaikalla', 'Jobbcoachens stöd på arbetsplatsen', 'Job coach support at the workplace', 60);

-- The employer register of a coaching organisation. The organisation that keeps the record is the only one that
-- sees it (job development is each provider's own work).
create table employer (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  business_id text not null check (business_id ~ '^[0-9]{7}-[0-9]$'),
  name text not null check (length(trim(name)) > 0),
  municipality text not null,
  industry text not null default '',
  notes text not null default '',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1
);
create unique index employer_business_id_unique on employer (organisation_id, business_id);
create index employer_name on employer (organisation_id, lower(name));

create table employer_contact_person (
  id uuid primary key default gen_random_uuid(),
  employer_id uuid not null references employer (id),
  organisation_id uuid not null references organisation (id),
  name text not null check (length(trim(name)) > 0),
  title text not null default '',
  email text,
  phone text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1
);
create index employer_contact_person_employer on employer_contact_person (employer_id);

-- A client's coaching by a job coach, from a case: on the supported-employment pathway (kind 'pathway') or as a
-- service inside another pathway (kind 'service'). One active coaching per client and coaching organisation.
create table coaching (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references client (id),
  case_id uuid not null references client_case (id),
  organisation_id uuid not null references organisation (id),
  team_id uuid references team (id),
  coach_user_id uuid not null references app_user (id),
  kind text not null check (kind in ('pathway', 'service')),
  intensity text not null check (intensity in ('light_support', 'intensive')),
  model text not null check (model in ('ips', 'quality_criteria')),
  started_on date not null,
  ended_on date,
  end_reason text check (end_reason in ('employed', 'goal_reached', 'module_review', 'client_ended',
    'other_service', 'moved_away', 'other')),
  end_note text not null default '',
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1,
  check ((ended_on is null) = (end_reason is null)),
  check (ended_on is null or ended_on >= started_on)
);
create unique index coaching_one_active on coaching (client_id, organisation_id) where ended_on is null;
create index coaching_coach_active on coaching (coach_user_id) where ended_on is null;
create index coaching_organisation on coaching (organisation_id, started_on);
create index coaching_client on coaching (client_id);

-- The vocational profile (EUSE stage 2), one per coaching, with the client's disclosure choice: what may be told
-- to employers. Nothing is disclosed until the client has chosen (the defaults).
create table vocational_profile (
  id uuid primary key default gen_random_uuid(),
  coaching_id uuid not null references coaching (id),
  client_id uuid not null references client (id),
  organisation_id uuid not null references organisation (id),
  work_history text not null default '',
  education text not null default '',
  skills text not null default '',
  preferences text not null default '',
  disclose_name boolean not null default false,
  disclose_health text not null default 'none' check (disclose_health in ('none', 'general', 'specific')),
  -- What may be told to employers, as agreed with the client; shown to the employer as written.
  disclosure_text text not null default '',
  -- What must not be told; for the coach only, never shown to an employer.
  not_to_disclose text not null default '',
  disclosure_agreed_on date,
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1
);
create unique index vocational_profile_coaching on vocational_profile (coaching_id);

-- Modular coaching (003): each module has a goal; a review at its end by client, coach and purchaser decides the
-- next module or the end. One open (unreviewed) module at a time.
create table coaching_module (
  id uuid primary key default gen_random_uuid(),
  coaching_id uuid not null references coaching (id),
  client_id uuid not null references client (id),
  organisation_id uuid not null references organisation (id),
  ordinal int not null check (ordinal > 0),
  goal text not null check (length(trim(goal)) > 0),
  started_on date not null,
  planned_end_on date not null,
  reviewed_on date,
  client_attended boolean,
  coach_attended boolean,
  purchaser_attended boolean,
  purchaser_name text,
  decision text check (decision in ('next_module', 'end_coaching')),
  review_notes text not null default '',
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1,
  constraint coaching_module_ordinal unique (coaching_id, ordinal),
  check (planned_end_on >= started_on),
  check ((reviewed_on is null) = (decision is null)),
  check (reviewed_on is null or reviewed_on >= started_on)
);
create unique index coaching_module_one_open on coaching_module (coaching_id) where reviewed_on is null;

create table job_opening (
  id uuid primary key default gen_random_uuid(),
  employer_id uuid not null references employer (id),
  organisation_id uuid not null references organisation (id),
  title text not null check (length(trim(title)) > 0),
  description text not null default '',
  hours_per_week numeric(4, 1) check (hours_per_week > 0 and hours_per_week <= 80),
  open_labour_market boolean not null default true,
  found_on date not null,
  closes_on date,
  status text not null default 'open' check (status in ('open', 'filled', 'closed')),
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1
);
create index job_opening_employer on job_opening (employer_id);
create index job_opening_open on job_opening (organisation_id) where status = 'open';

-- A coach's contact with an employer (IPS job development). coaching_id names the client the contact was about,
-- if any; client_name_disclosed records whether the client's disclosure choice let the coach name the client.
create table employer_contact (
  id uuid primary key default gen_random_uuid(),
  employer_id uuid not null references employer (id),
  organisation_id uuid not null references organisation (id),
  coach_user_id uuid not null references app_user (id),
  contact_person_id uuid references employer_contact_person (id),
  coaching_id uuid references coaching (id),
  client_name_disclosed boolean not null default false,
  contacted_on date not null,
  mode text not null check (mode in ('in_person', 'phone', 'email', 'video')),
  purpose text not null check (purpose in ('job_development', 'client_introduction', 'work_trial', 'follow_up',
    'employer_information', 'other')),
  outcome text not null check (outcome in ('opening_found', 'meeting_agreed', 'work_trial_agreed', 'hired',
    'follow_up_agreed', 'no_need_now', 'other')),
  note text not null default '',
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1,
  check (coaching_id is not null or not client_name_disclosed)
);
create index employer_contact_employer on employer_contact (employer_id, contacted_on desc);
create index employer_contact_coach on employer_contact (organisation_id, coach_user_id, contacted_on);
create index employer_contact_coaching on employer_contact (coaching_id, contacted_on) where coaching_id is not null;

-- The client's own job search log (applications, interviews, visits).
create table job_search_entry (
  id uuid primary key default gen_random_uuid(),
  coaching_id uuid not null references coaching (id),
  client_id uuid not null references client (id),
  organisation_id uuid not null references organisation (id),
  entry_on date not null,
  activity text not null check (activity in ('application', 'employer_visit', 'interview', 'job_fair', 'networking',
    'opening_review', 'other')),
  employer_id uuid references employer (id),
  job_opening_id uuid references job_opening (id),
  description text not null check (length(trim(description)) > 0),
  outcome text not null default '',
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1
);
create index job_search_entry_coaching on job_search_entry (coaching_id, entry_on desc);

-- A job start: paid work with an employer. Only 4 hours a week or more counts as a job start (IPS); fewer hours are
-- kept, flagged as not counting (the application decides, so the rule stays in one place).
create table job_placement (
  id uuid primary key default gen_random_uuid(),
  coaching_id uuid not null references coaching (id),
  client_id uuid not null references client (id),
  organisation_id uuid not null references organisation (id),
  employer_id uuid not null references employer (id),
  job_opening_id uuid references job_opening (id),
  title text not null check (length(trim(title)) > 0),
  hours_per_week numeric(4, 1) not null check (hours_per_week > 0 and hours_per_week <= 80),
  pay_subsidy boolean not null,
  open_labour_market boolean not null,
  started_on date not null,
  ended_on date,
  end_reason text check (end_reason in ('contract_ended', 'client_resigned', 'dismissed', 'better_job', 'health',
    'other')),
  end_note text not null default '',
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1,
  check ((ended_on is null) = (end_reason is null)),
  check (ended_on is null or ended_on >= started_on)
);
create index job_placement_coaching on job_placement (coaching_id, started_on);
create index job_placement_organisation on job_placement (organisation_id, started_on);
create index job_placement_employer on job_placement (employer_id);

-- On- and off-the-job support after a job start (EUSE stage 5).
create table coaching_support_entry (
  id uuid primary key default gen_random_uuid(),
  coaching_id uuid not null references coaching (id),
  placement_id uuid not null references job_placement (id),
  client_id uuid not null references client (id),
  organisation_id uuid not null references organisation (id),
  supported_on date not null,
  setting text not null check (setting in ('on_the_job', 'off_the_job')),
  with_employer boolean not null default false,
  duration_minutes int check (duration_minutes between 1 and 1440),
  note text not null check (length(trim(note)) > 0),
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1
);
create index coaching_support_entry_coaching on coaching_support_entry (coaching_id, supported_on desc);

-- A work trial at an employer: the place of the functional assessment (001). The supervisor (a contact person of
-- the employer) answers the mid-point and final feedback through personal links.
create table work_trial (
  id uuid primary key default gen_random_uuid(),
  coaching_id uuid not null references coaching (id),
  client_id uuid not null references client (id),
  organisation_id uuid not null references organisation (id),
  employer_id uuid not null references employer (id),
  supervisor_contact_person_id uuid not null references employer_contact_person (id),
  tasks text not null check (length(trim(tasks)) > 0),
  goals text not null check (length(trim(goals)) > 0),
  hours_per_week numeric(4, 1) check (hours_per_week > 0 and hours_per_week <= 80),
  starts_on date not null,
  ends_on date not null,
  interrupted_on date,
  interruption_note text,
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1,
  check (ends_on >= starts_on),
  check (interrupted_on is null or interrupted_on >= starts_on)
);
create index work_trial_coaching on work_trial (coaching_id);
create index work_trial_organisation on work_trial (organisation_id, starts_on);

-- Supports used with an employer, optionally for one job start or work trial.
create table employer_support_use (
  id uuid primary key default gen_random_uuid(),
  employer_id uuid not null references employer (id),
  organisation_id uuid not null references organisation (id),
  support_code text not null references employment_support_type (code),
  placement_id uuid references job_placement (id),
  work_trial_id uuid references work_trial (id),
  started_on date not null,
  ended_on date,
  note text not null default '',
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1,
  check (ended_on is null or ended_on >= started_on)
);
create index employer_support_use_employer on employer_support_use (employer_id);

-- A personal feedback link for the supervisor: the same rules as the client's questionnaire links (a random token
-- stored only as its SHA-256, valid 14 days, dead once answered). One open link per trial and kind.
create table work_trial_feedback_link (
  id uuid primary key default gen_random_uuid(),
  work_trial_id uuid not null references work_trial (id),
  kind text not null check (kind in ('midpoint', 'final')),
  contact_person_id uuid not null references employer_contact_person (id),
  language text not null check (language in ('fi', 'sv', 'en')),
  token_hash text not null check (token_hash ~ '^[0-9a-f]{64}$'),
  sent_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  created_by uuid not null references app_user (id),
  check (expires_at > sent_at)
);
create unique index work_trial_feedback_link_token on work_trial_feedback_link (token_hash);
create unique index work_trial_feedback_link_open on work_trial_feedback_link (work_trial_id, kind)
  where used_at is null and revoked_at is null;

-- The supervisor's answers: five areas of functional assessment (001), each 1–5 (null: could not assess) with free
-- text. One mid-point and one final answer per trial. Part of the client's assessment (data category 'assessment').
create table work_trial_feedback (
  id uuid primary key default gen_random_uuid(),
  work_trial_id uuid not null references work_trial (id),
  link_id uuid not null references work_trial_feedback_link (id),
  client_id uuid not null references client (id),
  organisation_id uuid not null references organisation (id),
  kind text not null check (kind in ('midpoint', 'final')),
  form_version int not null,
  work_readiness smallint check (work_readiness between 1 and 5),
  work_readiness_note text not null default '',
  coping smallint check (coping between 1 and 5),
  coping_note text not null default '',
  health_at_work smallint check (health_at_work between 1 and 5),
  health_at_work_note text not null default '',
  social_skills smallint check (social_skills between 1 and 5),
  social_skills_note text not null default '',
  action_at_work smallint check (action_at_work between 1 and 5),
  action_at_work_note text not null default '',
  overall_note text not null default '',
  respondent_name text not null,
  answered_at timestamptz not null,
  answered_on date not null,
  constraint work_trial_feedback_once unique (work_trial_id, kind)
);
create unique index work_trial_feedback_link_once on work_trial_feedback (link_id);
create index work_trial_feedback_client on work_trial_feedback (client_id);

-- The 25 items of the IPS fidelity scale (IPS-25), in three groups. The names follow shared/domain.md and must be
-- checked against the official review manual before their text is shipped (text_checked).
create table fidelity_item (
  code text primary key,
  number int not null unique check (number between 1 and 25),
  item_group text not null check (item_group in ('staffing', 'organisation', 'services')),
  name_fi text not null,
  name_sv text not null,
  name_en text not null,
  text_checked boolean not null default false
);

insert into fidelity_item (code, number, item_group, name_fi, name_sv, name_en) values
  ('caseload_size', 1, 'staffing', 'Asiakasmäärä työhönvalmentajaa kohden', 'Antal klienter per jobbcoach', 'Caseload size'),
  ('employment_services_staff', 2, 'staffing', 'Työhönvalmentajat tekevät vain työllistymisen tukea', 'Personal som endast arbetar med sysselsättningsstöd', 'Employment services staff'),
  ('vocational_generalists', 3, 'staffing', 'Työhönvalmentajat vastaavat kaikista työllistymisen vaiheista', 'Jobbcoacherna ansvarar för alla faser av sysselsättningen', 'Vocational generalists'),
  ('integration_team_assignment', 4, 'organisation', 'Integraatio hoitoon: valmentaja kuuluu hoitotiimiin', 'Integration med vården: coachen hör till vårdteamet', 'Integration through team assignment'),
  ('integration_team_contact', 5, 'organisation', 'Integraatio hoitoon: tiivis yhteydenpito hoitotiimiin', 'Integration med vården: tät kontakt med vårdteamet', 'Integration through frequent team contact'),
  ('vocational_rehabilitation_collaboration', 6, 'organisation', 'Yhteistyö ammatillisen kuntoutuksen kanssa', 'Samarbete med yrkesinriktad rehabilitering', 'Collaboration with vocational rehabilitation'),
  ('vocational_unit', 7, 'organisation', 'Työhönvalmennusyksikkö', 'Enheten för arbete med stöd', 'Vocational unit'),
  ('employment_supervisor_role', 8, 'organisation', 'Työhönvalmennuksen esihenkilön rooli', 'Arbetsledarens roll inom arbete med stöd', 'Role of the employment supervisor'),
  ('zero_exclusion', 9, 'organisation', 'Ei poissulkukriteerejä', 'Inga uteslutningskriterier', 'Zero exclusion criteria'),
  ('competitive_employment_focus', 10, 'organisation', 'Organisaation painopiste avoimien työmarkkinoiden työssä', 'Organisationens fokus på arbete på den öppna arbetsmarknaden', 'Agency focus on competitive employment'),
  ('executive_team_support', 11, 'organisation', 'Johdon tuki', 'Ledningens stöd', 'Executive team support'),
  ('work_incentives_planning', 12, 'services', 'Etuusneuvonta ja työn kannustimet', 'Förmånsrådgivning och incitament för arbete', 'Work incentives planning'),
  ('disclosure', 13, 'services', 'Tietojen kertominen työnantajalle', 'Att berätta för arbetsgivaren', 'Disclosure'),
  ('ongoing_work_based_assessment', 14, 'services', 'Jatkuva, työhön perustuva arviointi', 'Fortlöpande arbetsbaserad bedömning', 'Ongoing work-based assessment'),
  ('rapid_job_search', 15, 'services', 'Nopea työnhaku avoimilta työmarkkinoilta', 'Snabbt arbetssökande på den öppna arbetsmarknaden', 'Rapid search for a competitive job'),
  ('individualised_job_search', 16, 'services', 'Yksilöllinen työnhaku', 'Individuellt arbetssökande', 'Individualised job search'),
  ('frequent_employer_contact', 17, 'services', 'Tiheä yhteydenpito työnantajiin', 'Tät kontakt med arbetsgivare', 'Frequent employer contact'),
  ('employer_contact_quality', 18, 'services', 'Työnantajayhteistyön laatu', 'Kvaliteten på arbetsgivarkontakterna', 'Quality of employer contact'),
  ('job_type_diversity', 19, 'services', 'Työtehtävien monipuolisuus', 'Variation av arbetsuppgifter', 'Diversity of job types'),
  ('employer_diversity', 20, 'services', 'Työnantajien monipuolisuus', 'Variation av arbetsgivare', 'Diversity of employers'),
  ('competitive_jobs', 21, 'services', 'Avoimien työmarkkinoiden työpaikat', 'Arbeten på den öppna arbetsmarknaden', 'Competitive jobs'),
  ('individualised_follow_along', 22, 'services', 'Yksilöllinen tuki työssä', 'Individuellt stöd i arbetet', 'Individualised follow-along supports'),
  ('time_unlimited_follow_along', 23, 'services', 'Ajallisesti rajoittamaton tuki työssä', 'Tidsobegränsat stöd i arbetet', 'Time-unlimited follow-along supports'),
  ('community_based_services', 24, 'services', 'Palvelut asiakkaan omassa ympäristössä', 'Tjänster i klientens egen miljö', 'Community-based services'),
  ('assertive_engagement', 25, 'services', 'Aktiivinen yhteydenpito ja etsivä työ', 'Aktiv kontakt och uppsökande arbete', 'Assertive engagement and outreach');

-- A fidelity review of a coaching team: two reviewers score each item, they agree a score per item, and the final
-- review carries the total (25–125), its band, the action plan and the next review date.
create table fidelity_review (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references team (id),
  organisation_id uuid not null references organisation (id),
  review_date date not null,
  reviewer_1_name text not null check (length(trim(reviewer_1_name)) > 0),
  reviewer_2_name text not null check (length(trim(reviewer_2_name)) > 0),
  status text not null default 'draft' check (status in ('draft', 'final')),
  total_score int check (total_score between 25 and 125),
  band text check (band in ('exemplary', 'good', 'fair', 'not_supported_employment')),
  action_plan text not null default '',
  next_review_due date,
  finalised_at timestamptz,
  finalised_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1,
  check ((status = 'final') = (total_score is not null)),
  check ((total_score is null) = (band is null)),
  check ((status = 'final') = (finalised_at is not null))
);
create index fidelity_review_team on fidelity_review (team_id, review_date desc);

create table fidelity_item_score (
  id uuid primary key default gen_random_uuid(),
  review_id uuid not null references fidelity_review (id),
  item_code text not null references fidelity_item (code),
  reviewer_1_score smallint check (reviewer_1_score between 1 and 5),
  reviewer_2_score smallint check (reviewer_2_score between 1 and 5),
  agreed_score smallint check (agreed_score between 1 and 5),
  note text not null default '',
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1,
  constraint fidelity_item_score_once unique (review_id, item_code)
);

create trigger employer_versions before update on employer for each row execute function keep_record_version();
create trigger employer_contact_person_versions before update on employer_contact_person for each row execute function keep_record_version();
create trigger coaching_versions before update on coaching for each row execute function keep_record_version();
create trigger vocational_profile_versions before update on vocational_profile for each row execute function keep_record_version();
create trigger coaching_module_versions before update on coaching_module for each row execute function keep_record_version();
create trigger job_opening_versions before update on job_opening for each row execute function keep_record_version();
create trigger employer_contact_versions before update on employer_contact for each row execute function keep_record_version();
create trigger job_search_entry_versions before update on job_search_entry for each row execute function keep_record_version();
create trigger job_placement_versions before update on job_placement for each row execute function keep_record_version();
create trigger coaching_support_entry_versions before update on coaching_support_entry for each row execute function keep_record_version();
create trigger work_trial_versions before update on work_trial for each row execute function keep_record_version();
create trigger employer_support_use_versions before update on employer_support_use for each row execute function keep_record_version();
create trigger fidelity_review_versions before update on fidelity_review for each row execute function keep_record_version();
create trigger fidelity_item_score_versions before update on fidelity_item_score for each row execute function keep_record_version();
