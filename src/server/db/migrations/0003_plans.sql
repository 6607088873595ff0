-- The joint client plan (yhteinen asiakassuunnitelma) of a case, with goal attainment scaling (GAS): goals in the
-- client's own words, a GAS scale per goal, actions and who is responsible, the four assessment areas, review
-- dates; every saved version kept; the client's acknowledgement; GAS reviews with the Kiresuk–Sherman T-score.
-- Forward only. Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).

-- One plan per case, made with the client. The content is validated by the application (plan.schema.ts) and
-- stored whole, so that a version is one self-contained document. organisation_id is the controller of the
-- record: the organisation of the case's team.
create table care_plan (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references client_case (id),
  client_id uuid not null references client (id),
  organisation_id uuid not null references organisation (id),
  content jsonb not null check (jsonb_typeof(content) = 'object'),
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1
);
create unique index care_plan_case_unique on care_plan (case_id);
create index care_plan_client on care_plan (client_id);

-- Every saved version, the current one included, written by a trigger so that no code path can skip it.
-- A save that changes the content must also raise the version (the primary key refuses a second copy).
create table care_plan_version (
  plan_id uuid not null references care_plan (id),
  version int not null,
  content jsonb not null,
  saved_at timestamptz not null,
  saved_by uuid not null,
  primary key (plan_id, version)
);

create function keep_care_plan_version() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.version = old.version and new.content = old.content then
    return null;
  end if;
  insert into care_plan_version (plan_id, version, content, saved_at, saved_by)
  values (new.id, new.version, new.content, new.updated_at, new.updated_by);
  return null;
end
$$;

create trigger care_plan_keep_version after insert or update on care_plan
  for each row execute function keep_care_plan_version();

-- The client's acknowledgement of one version: in person (recorded by a worker) or through a personal link
-- (no worker). Once per version; the acknowledged text is the version row it points to.
create table care_plan_acknowledgement (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null,
  plan_version int not null,
  method text not null check (method in ('in_person', 'link')),
  acknowledged_at timestamptz not null,
  recorded_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  foreign key (plan_id, plan_version) references care_plan_version (plan_id, version),
  constraint care_plan_acknowledgement_once unique (plan_id, plan_version),
  check (method = 'link' or recorded_by is not null)
);

-- GAS at a review: the attained level of each goal of the scored plan version, with the weights and baselines
-- used, so that the stored T-score can be recomputed from the row alone.
create table gas_review (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null,
  plan_version int not null,
  review_date date not null,
  attainments jsonb not null check (jsonb_typeof(attainments) = 'array' and jsonb_array_length(attainments) > 0),
  t_score numeric(5, 2) not null,
  baseline_t_score numeric(5, 2) not null,
  note text not null default '',
  created_at timestamptz not null default now(),
  created_by uuid not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  version int not null default 1,
  foreign key (plan_id, plan_version) references care_plan_version (plan_id, version),
  constraint gas_review_one_per_day unique (plan_id, review_date)
);

create trigger gas_review_versions before update on gas_review for each row execute function keep_record_version();

-- Saved versions and acknowledgements are history: nothing may change or remove them.
create trigger care_plan_version_append_only before update or delete on care_plan_version
  for each row execute function refuse_log_change();
create trigger care_plan_version_no_truncate before truncate on care_plan_version
  for each statement execute function refuse_log_change();
create trigger care_plan_acknowledgement_append_only before update or delete on care_plan_acknowledgement
  for each row execute function refuse_log_change();
create trigger care_plan_acknowledgement_no_truncate before truncate on care_plan_acknowledgement
  for each statement execute function refuse_log_change();
