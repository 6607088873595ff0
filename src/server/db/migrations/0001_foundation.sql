-- Foundation: organisations, people, sessions, clients, consents, access and audit logs.
-- Forward only. Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).

create table organisation_type (
  code text primary key,
  name_fi text not null,
  name_sv text not null,
  name_en text not null,
  sort_order int not null default 0
);

insert into organisation_type (code, name_fi, name_sv, name_en, sort_order) values
  ('sote_centre', 'Sote-keskus (hyvinvointialue)', 'Social- och hälsocentral (välfärdsområde)', 'Wellbeing county sote centre', 10),
  ('working_age_social_services', 'Työikäisten sosiaalipalvelut', 'Socialservice för personer i arbetsför ålder', 'Working-age social services', 20),
  ('mental_health_substance_services', 'Mielenterveys- ja päihdepalvelut', 'Mentalvårds- och missbrukartjänster', 'Mental-health and substance services', 30),
  ('municipal_employment_services', 'Kunnan työllisyyspalvelut', 'Kommunens sysselsättningstjänster', 'Municipal employment services', 40),
  ('employment_authority', 'TE-palvelut / työvoimaviranomainen', 'TE-tjänster / arbetskraftsmyndighet', 'TE / employment authority', 50),
  ('kela', 'Kela', 'FPA', 'Kela', 60),
  ('typ', 'TYP (työllistymistä edistävä monialainen yhteispalvelu)', 'Sektorsövergripande samservice (TYP)', 'TYP multi-agency joint service', 70),
  ('ohjaamo', 'Ohjaamo', 'Navigatorn', 'Ohjaamo one-stop guidance centre', 80),
  ('ngo', 'Järjestö (3. sektori)', 'Organisation (tredje sektorn)', 'NGO (third sector)', 90),
  ('foundation', 'Säätiö', 'Stiftelse', 'Foundation', 100),
  ('educational_institution', 'Oppilaitos', 'Läroanstalt', 'Educational institution', 110),
  ('occupational_health', 'Työterveyshuolto', 'Företagshälsovård', 'Occupational health', 120),
  ('employer', 'Työnantaja', 'Arbetsgivare', 'Employer', 130),
  ('criminal_sanctions_agency', 'Rikosseuraamuslaitos', 'Brottspåföljdsmyndigheten', 'Criminal Sanctions Agency', 140),
  ('other_service_provider', 'Muu palveluntuottaja', 'Annan tjänsteproducent', 'Other service provider', 150);

create table organisation (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  type text not null references organisation_type (code),
  business_id text not null,
  municipality text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version int not null default 1
);
create unique index organisation_name_unique on organisation (lower(name));

create table team (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisation (id),
  name text not null,
  description text not null default '',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version int not null default 1
);
create unique index team_name_unique on team (organisation_id, lower(name));

create table app_user (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  first_name text not null,
  last_name text not null,
  password_hash text,
  oidc_subject text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version int not null default 1
);
create unique index app_user_email_unique on app_user (lower(email));
create unique index app_user_oidc_subject_unique on app_user (oidc_subject) where oidc_subject is not null;

create table membership (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id),
  organisation_id uuid not null references organisation (id),
  role text not null check (role in ('coordinator', 'physician', 'nurse', 'social_worker', 'employment_advisor',
    'kela_advisor', 'job_coach', 'ngo_worker', 'manager', 'admin')),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version int not null default 1,
  unique (user_id, organisation_id, role)
);

create table team_member (
  team_id uuid not null references team (id),
  user_id uuid not null references app_user (id),
  created_at timestamptz not null default now(),
  created_by uuid,
  primary key (team_id, user_id)
);

create table user_session (
  token_hash text primary key,
  user_id uuid not null references app_user (id),
  membership_id uuid not null references membership (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoke_reason text
);
create index user_session_user on user_session (user_id) where revoked_at is null;

create table data_category (
  code text primary key,
  name_fi text not null,
  name_sv text not null,
  name_en text not null,
  sort_order int not null default 0
);

insert into data_category (code, name_fi, name_sv, name_en, sort_order) values
  ('basic', 'Perustiedot ja yhteystiedot', 'Grund- och kontaktuppgifter', 'Basic and contact details', 10),
  ('health', 'Terveydenhuollon tiedot', 'Uppgifter inom hälso- och sjukvården', 'Health care information', 20),
  ('social', 'Sosiaalihuollon tiedot', 'Uppgifter inom socialvården', 'Social welfare information', 30),
  ('employment', 'Työllisyyspalvelujen tiedot', 'Uppgifter inom sysselsättningstjänsterna', 'Employment services information', 40),
  ('rehabilitation', 'Kuntoutus- ja etuustiedot', 'Rehabiliterings- och förmånsuppgifter', 'Rehabilitation and benefit information', 50),
  ('assessment', 'Työ- ja toimintakyvyn arviointi', 'Bedömning av arbets- och funktionsförmåga', 'Assessment of work and functional capacity', 60),
  ('plan', 'Yhteinen asiakassuunnitelma', 'Gemensam klientplan', 'Joint client plan', 70);

create table client (
  id uuid primary key default gen_random_uuid(),
  identity_code text not null,
  date_of_birth date not null,
  sex text not null check (sex in ('male', 'female')),
  first_name text not null,
  last_name text not null,
  phone text,
  email text,
  street_address text,
  postal_code text,
  post_office text,
  municipality text not null,
  preferred_language text not null check (preferred_language in ('fi', 'sv', 'en')),
  contact_preference text not null check (contact_preference in ('phone', 'sms', 'email', 'letter')),
  registering_organisation_id uuid not null references organisation (id),
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1
);
create unique index client_identity_code_unique on client (identity_code);
create index client_name_search on client (lower(last_name), lower(first_name));

-- A care relationship (hoitosuhde / asiakassuhde) is the legal basis for an organisation to process a
-- client's data (Act 703/2023). Later modules replace this view to add referrals and case teams.
create view care_relationship as
  select c.id as client_id, c.registering_organisation_id as organisation_id, 'registered'::text as basis
  from client c;

create table consent (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null references client (id),
  controller_organisation_id uuid not null references organisation (id),
  recipient_organisation_id uuid not null references organisation (id),
  categories text[] not null check (cardinality(categories) > 0),
  valid_from date not null,
  valid_until date not null,
  method text not null check (method in ('written', 'verbal', 'electronic')),
  note text not null default '',
  withdrawn_at timestamptz,
  withdrawn_by uuid,
  withdrawal_note text,
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1,
  check (valid_until >= valid_from),
  check (controller_organisation_id <> recipient_organisation_id)
);
create index consent_client on consent (client_id);

create table break_glass_access (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id),
  organisation_id uuid not null references organisation (id),
  role text not null,
  client_id uuid not null references client (id),
  reason text not null check (length(trim(reason)) >= 10),
  started_at timestamptz not null default now(),
  expires_at timestamptz not null,
  reviewed_at timestamptz,
  reviewed_by uuid,
  review_note text
);
create index break_glass_active on break_glass_access (user_id, client_id, expires_at);

-- Every saved version of a record, written by a trigger so that no code path can forget it.
create table record_version (
  id bigint generated always as identity primary key,
  table_name text not null,
  record_id uuid not null,
  version int not null,
  data jsonb not null,
  changed_at timestamptz not null default now(),
  changed_by uuid
);
create index record_version_record on record_version (table_name, record_id, version);

create function keep_record_version() returns trigger language plpgsql as $$
begin
  insert into record_version (table_name, record_id, version, data, changed_by)
  values (tg_table_name, old.id, old.version, to_jsonb(old) - 'password_hash', new.updated_by);
  return new;
end
$$;

create trigger client_versions before update on client for each row execute function keep_record_version();
create trigger consent_versions before update on consent for each row execute function keep_record_version();
create trigger organisation_versions before update on organisation for each row execute function keep_record_version();
create trigger team_versions before update on team for each row execute function keep_record_version();
create trigger app_user_versions before update on app_user for each row execute function keep_record_version();
create trigger membership_versions before update on membership for each row execute function keep_record_version();

-- The access log (käyttöloki): who did what to which client's data, allowed or denied.
create table audit_event (
  id uuid primary key default gen_random_uuid(),
  occurred_at timestamptz not null default clock_timestamp(),
  user_id uuid,
  organisation_id uuid,
  role text,
  event text not null,
  action text not null,
  resource text not null,
  client_ids uuid[] not null default '{}',
  target_id text,
  outcome text not null check (outcome in ('allowed', 'denied', 'failed')),
  purpose text not null,
  break_glass boolean not null default false,
  request_id text,
  ip text,
  metadata jsonb not null default '{}'
);
create index audit_event_time on audit_event (occurred_at desc);
create index audit_event_user on audit_event (user_id, occurred_at desc);
create index audit_event_clients on audit_event using gin (client_ids);

-- The disclosure log (luovutusloki): data of one organisation seen by another.
create table disclosure_log (
  id uuid primary key default gen_random_uuid(),
  occurred_at timestamptz not null default clock_timestamp(),
  audit_event_id uuid not null references audit_event (id),
  client_id uuid not null,
  from_organisation_id uuid not null,
  to_organisation_id uuid not null,
  user_id uuid not null,
  categories text[] not null,
  basis text not null,
  consent_id uuid
);
create index disclosure_log_client on disclosure_log (client_id, occurred_at desc);

-- Logs cannot be edited (Act 703/2023): the application's own queries are refused too.
create function refuse_log_change() returns trigger language plpgsql as $$
begin
  raise exception 'the % log is append-only', tg_table_name using errcode = 'P0001';
end
$$;

create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function refuse_log_change();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function refuse_log_change();
create trigger disclosure_log_append_only before update or delete on disclosure_log
  for each row execute function refuse_log_change();
create trigger disclosure_log_no_truncate before truncate on disclosure_log
  for each statement execute function refuse_log_change();
