-- The client's path: recognising the need (screening), referral with consent and eligibility, a case on a
-- configurable pathway with one case manager and a multi-agency team, visits, consultations and network
-- meetings. Business rules (check-list, criteria, outcomes, pathways) are data that a region edits.
-- Forward only. Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).

-- Recognising the need (003, "check-list"): situations in which support for employment should be assessed.
create table screening_situation (
  code text primary key,
  name_fi text not null,
  name_sv text not null,
  name_en text not null,
  sort_order int not null default 0,
  active boolean not null default true
);

insert into screening_situation (code, name_fi, name_sv, name_en, sort_order) values
  ('adjusted_basic_education', 'Perusopetus suoritettu mukautetulla oppimäärällä', 'Grundläggande utbildning avklarad enligt anpassad lärokurs', 'Basic education completed with an adjusted syllabus', 10),
  ('irregular_education', 'Rikkonainen koulutushistoria', 'Splittrad utbildningshistoria', 'Irregular education history', 20),
  ('cognitive_challenges', 'Kognitiiviset haasteet', 'Kognitiva svårigheter', 'Cognitive challenges', 30),
  ('learning_difficulties', 'Oppimisvaikeudet', 'Inlärningssvårigheter', 'Learning difficulties', 40),
  ('autism_spectrum', 'Autismikirjon diagnoosi', 'Diagnos inom autismspektrumet', 'Autism spectrum diagnosis', 50),
  ('health_problems', 'Terveysongelmat', 'Hälsoproblem', 'Health problems', 60),
  ('mental_health_challenges', 'Mielenterveyden haasteet', 'Psykiska utmaningar', 'Mental health challenges', 70),
  ('repeated_rehabilitation', 'Toistuvat kuntoutusjaksot', 'Upprepade rehabiliteringsperioder', 'Repeated rehabilitation periods', 80),
  ('social_functioning', 'Sosiaalisen toimintakyvyn ongelmat', 'Problem med den sociala funktionsförmågan', 'Problems in social functioning', 90),
  ('insufficient_language_skills', 'Riittämätön kielitaito', 'Otillräckliga språkkunskaper', 'Insufficient language skills', 100),
  ('irregular_work_history', 'Rikkonainen työhistoria', 'Splittrad arbetshistoria', 'Irregular work history', 110),
  ('prolonged_unemployment', 'Pitkittynyt työttömyys', 'Utdragen arbetslöshet', 'Prolonged unemployment', 120),
  ('little_work_experience', 'Vähäinen työkokemus', 'Liten arbetserfarenhet', 'Little work experience', 130),
  ('financial_difficulties', 'Taloudelliset vaikeudet', 'Ekonomiska svårigheter', 'Financial difficulties', 140),
  ('housing_problems', 'Asumisen ongelmat', 'Boendeproblem', 'Housing problems', 150);

-- How a case ended: the outcome measure of the whole path (002).
create table case_outcome (
  code text primary key,
  name_fi text not null,
  name_sv text not null,
  name_en text not null,
  sort_order int not null default 0,
  active boolean not null default true
);

insert into case_outcome (code, name_fi, name_sv, name_en, sort_order) values
  ('employed_open_market', 'Työllistyi avoimille työmarkkinoille', 'Fick arbete på den öppna arbetsmarknaden', 'Employed on the open labour market', 10),
  ('employed_pay_subsidy', 'Työllistyi palkkatuella', 'Fick arbete med lönesubvention', 'Employed with pay subsidy', 20),
  ('studies', 'Siirtyi opiskelemaan', 'Övergick till studier', 'Studies', 30),
  ('rehabilitation_kela', 'Kelan kuntoutus', 'FPA:s rehabilitering', 'Rehabilitation by Kela', 40),
  ('rehabilitation_other', 'Muu kuntoutus', 'Annan rehabilitering', 'Other rehabilitation', 50),
  ('pension_process', 'Eläkeprosessi', 'Pensionsprocess', 'Pension process', 60),
  ('other_service', 'Ohjattiin muuhun palveluun', 'Hänvisades till en annan tjänst', 'Referred to another service', 70),
  ('moved_away', 'Muutti pois alueelta', 'Flyttade från området', 'Moved away', 80),
  ('client_ended', 'Asiakas lopetti', 'Klienten avslutade', 'The client ended it', 90),
  ('other', 'Muu syy', 'Annan orsak', 'Other', 100);

-- A pathway is a configurable list of phases (002, 001, EUSE). stale_after_days: a case whose phase has not
-- changed for longer shows on the team's worklist.
create table pathway (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  name_fi text not null,
  name_sv text not null,
  name_en text not null,
  description_fi text not null default '',
  description_sv text not null default '',
  description_en text not null default '',
  stale_after_days int not null check (stale_after_days between 1 and 3650),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version int not null default 1
);
create unique index pathway_code_unique on pathway (code);

-- Ordinals are unique per pathway; deferred so that an admin can reorder phases in one transaction.
create table pathway_phase (
  id uuid primary key default gen_random_uuid(),
  pathway_id uuid not null references pathway (id),
  ordinal int not null check (ordinal > 0),
  name_fi text not null,
  name_sv text not null,
  name_en text not null,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version int not null default 1,
  constraint pathway_phase_ordinal_unique unique (pathway_id, ordinal) deferrable initially deferred
);

with p as (
  insert into pathway (code, name_fi, name_sv, name_en, description_fi, description_sv, description_en, stale_after_days)
  values ('work_ability_team', 'Työkyvyn tuen tiimin asiakaspolku', 'Klientstigen i teamet för stöd för arbetsförmågan',
    'Client path of the work ability support team',
    'Työkyvyn tuen tiimin kuusi vaihetta tarpeen tunnistamisesta tavoitteen saavuttamiseen.',
    'Teamets sex faser från identifierat behov till uppnått mål.',
    'The team''s six phases from recognising the need to reaching the goal.', 60)
  returning id
)
insert into pathway_phase (pathway_id, ordinal, name_fi, name_sv, name_en)
select p.id, v.ordinal, v.fi, v.sv, v.en from p, (values
  (1, 'Tarpeen tunnistaminen ja ohjaus tiimiin', 'Identifiering av behovet och hänvisning till teamet', 'Recognising the need and referral to the team'),
  (2, 'Työkyvyn tuen tarpeen selvittäminen ja tavoitteiden asettaminen', 'Utredning av behovet av stöd för arbetsförmågan och målsättning', 'Clarifying the work ability need and setting goals'),
  (3, 'Palvelujen suunnittelu ja yhteistyön koordinointi', 'Planering av tjänsterna och samordning av samarbetet', 'Planning the services and coordinating the cooperation'),
  (4, 'Työkykyä tukevat keinot ja menetelmät', 'Medel och metoder som stöder arbetsförmågan', 'Means and methods that support work ability'),
  (5, 'Jatko-ohjaus palveluihin, toteutus ja seuranta', 'Vidare hänvisning till tjänster, genomförande och uppföljning', 'Onward referral to services; delivery and follow-up'),
  (6, 'Tavoite saavutettu', 'Målet uppnått', 'Goal reached')
) as v (ordinal, fi, sv, en);

with p as (
  insert into pathway (code, name_fi, name_sv, name_en, description_fi, description_sv, description_en, stale_after_days)
  values ('multi_agency_employment', 'Monialainen työllistymisen tuki', 'Sektorsövergripande stöd för sysselsättning',
    'Multi-agency employment support',
    'Työllisyysviranomaisen, hyvinvointialueen ja Kelan yhteinen monialainen yhteistyömalli (vuodesta 2025; aiemmin TYP).',
    'Den gemensamma sektorsövergripande samarbetsmodellen för arbetskraftsmyndigheten, välfärdsområdet och FPA (sedan 2025; tidigare TYP).',
    'The joint multi-agency model of the employment authority, the wellbeing county and Kela (since 2025; formerly TYP).', 90)
  returning id
)
insert into pathway_phase (pathway_id, ordinal, name_fi, name_sv, name_en)
select p.id, v.ordinal, v.fi, v.sv, v.en from p, (values
  (1, 'Kartoitus', 'Kartläggning', 'Mapping'),
  (2, 'Kuntoutus', 'Rehabilitering', 'Rehabilitation'),
  (3, 'Koulutus ja työllistyminen', 'Utbildning och sysselsättning', 'Training and employment')
) as v (ordinal, fi, sv, en);

-- 30 days: supported employment starts the job search quickly (first employer contact within about a month).
with p as (
  insert into pathway (code, name_fi, name_sv, name_en, description_fi, description_sv, description_en, stale_after_days)
  values ('supported_employment', 'Tuettu työllistyminen', 'Arbete med stöd', 'Supported employment',
    'Tuetun työllistymisen viisi vaihetta (EUSE).',
    'Arbete med stöd i fem steg (EUSE).',
    'The five stages of supported employment (EUSE).', 30)
  returning id
)
insert into pathway_phase (pathway_id, ordinal, name_fi, name_sv, name_en)
select p.id, v.ordinal, v.fi, v.sv, v.en from p, (values
  (1, 'Palveluun hakeutuminen ja sopiminen asiakkaan kanssa', 'Kontakt med tjänsten och överenskommelse med klienten', 'Client engagement'),
  (2, 'Osaamisen ja ammatillisen profiilin kartoitus', 'Kartläggning av kompetens och yrkesprofil', 'Vocational profiling'),
  (3, 'Nopea työnhaku avoimilta työmarkkinoilta', 'Snabbt arbetssökande på den öppna arbetsmarknaden', 'Job finding'),
  (4, 'Työskentely ja tuesta sopiminen työnantajan kanssa', 'Samarbete med arbetsgivaren och överenskommelse om stödet', 'Employer engagement'),
  (5, 'Työsuhteen tukeminen ja tuki työn ulkopuolella', 'Stöd i anställningen och utanför arbetet', 'On- and off-the-job support')
) as v (ordinal, fi, sv, en);

-- Eligibility for a team (002). team_id null is the network's default list; a team with active criteria of its
-- own uses those instead. Criteria are retired (active = false), never deleted: assessments point to them.
create table eligibility_criterion (
  id uuid primary key default gen_random_uuid(),
  team_id uuid references team (id),
  ordinal int not null check (ordinal > 0),
  text_fi text not null,
  text_sv text not null,
  text_en text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version int not null default 1
);
create index eligibility_criterion_team on eligibility_criterion (team_id) where active;

insert into eligibility_criterion (team_id, ordinal, text_fi, text_sv, text_en) values
  (null, 1, 'Ikä 18–65 vuotta', 'Ålder 18–65 år', 'Age 18–65'),
  (null, 2, 'Ei työterveyshuollon tai opiskeluterveydenhuollon piirissä', 'Omfattas inte av företagshälsovården eller studerandehälsovården', 'Not covered by occupational or student health care'),
  (null, 3, 'Arvioidaan, että edellytyksiä kuntoutumiseen ja työllistymiseen on', 'Bedöms ha förutsättningar för rehabilitering och sysselsättning', 'Judged to have prerequisites for rehabilitation and employment'),
  (null, 4, 'Tarvitsee monialaisen työ- ja toimintakyvyn arvioinnin', 'Behöver en sektorsövergripande bedömning av arbets- och funktionsförmågan', 'Needs a multi-professional assessment of work and functional capacity'),
  (null, 5, 'Pitkäaikainen fyysinen, psyykkinen, sosiaalinen tai kognitiivinen haaste, joka vaikuttaa työkykyyn', 'En långvarig fysisk, psykisk, social eller kognitiv utmaning som påverkar arbetsförmågan', 'A long-term physical, mental, social or cognitive challenge affecting work ability'),
  (null, 6, 'Aiemmat palvelut eivät ole löytäneet ratkaisua työllistymiseen', 'Tidigare tjänster har inte hittat någon lösning för sysselsättning', 'Earlier services have not found a solution for employment'),
  (null, 7, 'Ei akuuttia päihde- tai mielenterveysongelmaa eikä vakavaa mielenterveyden häiriötä', 'Inget akut missbruks- eller psykiskt problem och ingen allvarlig psykisk sjukdom', 'No acute substance-use or mental-health problem and/or serious mental illness'),
  (null, 8, 'Ei työkykyyn tai sen arviointiin vaikuttavaa käynnissä olevaa prosessia erikoissairaanhoidossa', 'Ingen pågående process inom den specialiserade sjukvården som påverkar arbetsförmågan eller bedömningen av den', 'No ongoing process in specialised health care affecting work ability or its assessment');

-- Recognising the need: recorded by the organisation in front of the client.
create table screening (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references client (id),
  organisation_id uuid not null references organisation (id),
  screened_on date not null,
  situations text[] not null default '{}',
  notes text not null default '',
  outcome text not null check (outcome in ('no_action', 'refer_assessment', 'refer_team')),
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1
);
create index screening_client on screening (client_id, organisation_id);

create table referral (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references client (id),
  referring_organisation_id uuid not null references organisation (id),
  receiving_team_id uuid not null references team (id),
  -- The team's organisation at the time of sending: the recipient of the disclosure.
  receiving_organisation_id uuid not null references organisation (id),
  screening_id uuid references screening (id),
  -- The client's consent to disclose to the receiving organisation; none is needed inside one organisation.
  consent_id uuid references consent (id),
  reason text not null check (length(trim(reason)) > 0),
  status text not null default 'sent' check (status in ('sent', 'received', 'accepted', 'returned', 'redirected')),
  sent_at timestamptz not null,
  return_reason text,
  eligibility_justification text,
  redirected_from_id uuid references referral (id),
  redirected_to_id uuid references referral (id),
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1,
  check (status <> 'returned' or length(trim(return_reason)) > 0),
  check (status <> 'redirected' or redirected_to_id is not null),
  check (consent_id is not null or referring_organisation_id = receiving_organisation_id)
);
create index referral_client on referral (client_id);
create index referral_receiving_team on referral (receiving_team_id, status);
create index referral_referring on referral (referring_organisation_id, sent_at desc);

-- Append-only: each step of a referral, so that the referring organisation sees what happened and when.
create table referral_status_change (
  id uuid primary key default gen_random_uuid(),
  -- Orders steps taken at the same instant (one transaction, or a test's fixed clock).
  seq bigint generated always as identity,
  referral_id uuid not null references referral (id),
  organisation_id uuid not null references organisation (id),
  from_status text,
  to_status text not null,
  note text not null default '',
  created_at timestamptz not null default now(),
  created_by uuid not null
);
create index referral_status_change_referral on referral_status_change (referral_id, seq);

-- Append-only and immutable: a replaced file is a new row. Not copied to record_version (files are large).
create table referral_attachment (
  id uuid primary key default gen_random_uuid(),
  referral_id uuid not null references referral (id),
  file_name text not null,
  content_type text not null,
  size_bytes int not null check (size_bytes > 0),
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now(),
  created_by uuid not null
);
create index referral_attachment_referral on referral_attachment (referral_id);

-- The receiver's reading of each criterion; written once, when the referral is accepted or returned.
create table referral_eligibility (
  referral_id uuid not null references referral (id),
  criterion_id uuid not null references eligibility_criterion (id),
  met boolean not null,
  created_at timestamptz not null default now(),
  created_by uuid not null,
  primary key (referral_id, criterion_id)
);

create table client_case (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references client (id),
  referral_id uuid references referral (id),
  team_id uuid not null references team (id),
  -- The controller of the case record: the team's organisation.
  organisation_id uuid not null references organisation (id),
  pathway_id uuid not null references pathway (id),
  current_phase_id uuid not null references pathway_phase (id),
  phase_changed_on date not null,
  opened_on date not null,
  closed_on date,
  outcome_code text references case_outcome (code),
  closing_note text,
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1,
  check ((closed_on is null) = (outcome_code is null))
);
create index client_case_client on client_case (client_id);
create index client_case_team_open on client_case (team_id) where closed_on is null;
create unique index client_case_referral on client_case (referral_id) where referral_id is not null;

-- Append-only: the phase history (from_phase_id is null for the phase the case opened in).
create table case_phase_change (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  case_id uuid not null references client_case (id),
  organisation_id uuid not null references organisation (id),
  from_phase_id uuid references pathway_phase (id),
  to_phase_id uuid not null references pathway_phase (id),
  changed_on date not null,
  note text not null default '',
  created_at timestamptz not null default now(),
  created_by uuid not null
);
create index case_phase_change_case on case_phase_change (case_id, seq);

-- One named case manager at a time; a handover ends one row and starts the next, so the history stays.
create table case_manager_assignment (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references client_case (id),
  user_id uuid not null references app_user (id),
  organisation_id uuid not null references organisation (id),
  note text not null default '',
  started_at timestamptz not null,
  ended_at timestamptz,
  ended_by uuid,
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1
);
create unique index case_manager_current on case_manager_assignment (case_id) where ended_at is null;
create index case_manager_user on case_manager_assignment (user_id) where ended_at is null;

create table case_team_member (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references client_case (id),
  organisation_id uuid not null references organisation (id),
  user_id uuid references app_user (id),
  role text not null check (role in ('coordinator', 'physician', 'nurse', 'social_worker', 'employment_advisor',
    'kela_advisor', 'job_coach', 'ngo_worker', 'manager', 'admin')),
  added_at timestamptz not null,
  added_by uuid not null,
  removed_at timestamptz,
  removed_by uuid,
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1
);
create index case_team_member_case on case_team_member (case_id) where removed_at is null;
create index case_team_member_organisation on case_team_member (organisation_id) where removed_at is null;

-- Visits, consultations and meetings: the author edits for 24 hours; after that a correction row points to
-- the original (corrects_id) and both stay. One correction per entry: later ones correct the correction.
create table visit (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references client (id),
  case_id uuid not null references client_case (id),
  organisation_id uuid not null references organisation (id),
  professional_user_id uuid not null references app_user (id),
  visit_on date not null,
  mode text not null check (mode in ('in_person', 'phone', 'video')),
  duration_minutes int not null check (duration_minutes between 1 and 1440),
  note text not null default '',
  corrects_id uuid references visit (id),
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1
);
create index visit_case on visit (case_id, visit_on desc);
create index visit_client on visit (client_id);
create unique index visit_one_correction on visit (corrects_id) where corrects_id is not null;

create table consultation (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references client (id),
  case_id uuid not null references client_case (id),
  -- The asking organisation and the asker's role: consultations are counted by the organisation that asks.
  organisation_id uuid not null references organisation (id),
  asker_role text not null,
  to_organisation_id uuid not null references organisation (id),
  to_user_id uuid references app_user (id),
  topic text not null check (length(trim(topic)) > 0),
  question text not null check (length(trim(question)) > 0),
  answer text,
  answered_at timestamptz,
  answered_by uuid references app_user (id),
  corrects_id uuid references consultation (id),
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1,
  check ((answer is null) = (answered_at is null))
);
create index consultation_case on consultation (case_id, created_at desc);
create index consultation_open on consultation (to_organisation_id) where answered_at is null;
create unique index consultation_one_correction on consultation (corrects_id) where corrects_id is not null;

create table network_meeting (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references client (id),
  case_id uuid not null references client_case (id),
  organisation_id uuid not null references organisation (id),
  starts_at timestamptz not null,
  duration_minutes int check (duration_minutes between 1 and 1440),
  client_participated boolean,
  note text not null default '',
  -- The shared summary (yhteiskirjaaminen), signed by the one who wrote it.
  summary text,
  signed_by uuid references app_user (id),
  signed_at timestamptz,
  corrects_id uuid references network_meeting (id),
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1,
  check ((summary is null) = (signed_at is null) and (signed_at is null) = (signed_by is null))
);
create index network_meeting_case on network_meeting (case_id, starts_at desc);
create index network_meeting_time on network_meeting (starts_at);
create unique index network_meeting_one_correction on network_meeting (corrects_id) where corrects_id is not null;

create table network_meeting_organisation (
  meeting_id uuid not null references network_meeting (id),
  organisation_id uuid not null references organisation (id),
  primary key (meeting_id, organisation_id)
);
create index network_meeting_organisation_org on network_meeting_organisation (organisation_id);

create trigger pathway_versions before update on pathway for each row execute function keep_record_version();
create trigger pathway_phase_versions before update on pathway_phase for each row execute function keep_record_version();
create trigger eligibility_criterion_versions before update on eligibility_criterion for each row execute function keep_record_version();
create trigger screening_versions before update on screening for each row execute function keep_record_version();
create trigger referral_versions before update on referral for each row execute function keep_record_version();
create trigger client_case_versions before update on client_case for each row execute function keep_record_version();
create trigger case_manager_assignment_versions before update on case_manager_assignment for each row execute function keep_record_version();
create trigger case_team_member_versions before update on case_team_member for each row execute function keep_record_version();
create trigger visit_versions before update on visit for each row execute function keep_record_version();
create trigger consultation_versions before update on consultation for each row execute function keep_record_version();
create trigger network_meeting_versions before update on network_meeting for each row execute function keep_record_version();

-- The legal basis for processing (Act 703/2023), now from every step of the path:
-- registered — the organisation registered the client;
-- screening  — the client was in front of the organisation, which recorded a screening;
-- referral   — the receiving organisation while the referral is open or accepted, and always the referring one
--              (it needs to see the outcome of its own referral);
-- team       — the organisation is on a case team (until it is removed).
create or replace view care_relationship as
  select c.id as client_id, c.registering_organisation_id as organisation_id, 'registered'::text as basis
  from client c
  union all
  select s.client_id, s.organisation_id, 'screening'::text from screening s
  union all
  select r.client_id, r.receiving_organisation_id, 'referral'::text
  from referral r where r.status in ('sent', 'received', 'accepted')
  union all
  select r.client_id, r.referring_organisation_id, 'referral'::text from referral r
  union all
  select cc.client_id, m.organisation_id, 'team'::text
  from case_team_member m join client_case cc on cc.id = m.case_id
  where m.removed_at is null;
