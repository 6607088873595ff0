-- Knowledge-based management reports (issue 5): what the figures need that the client path did not record yet,
-- two derived tables kept exact by triggers, and the indexes that let the report read a national-scale data set
-- quickly. Forward only. Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).

-- The pilot reported the shares of long-term unemployed (12 months or more) and of those unemployed over three
-- years (seed 002). The referring organisation records since when the client has been unemployed without a break
-- (empty: not unemployed, or not known); the duration is counted to the day the referral was sent.
alter table referral add column unemployed_since date;

-- The stakeholder survey (seed 002): professionals of partner organisations answer about a team's work.
-- Anonymous by design: no person is stored, only the team asked about, its organisation (the controller) and,
-- optionally, the kind of organisation that answered. Reported for groups only.
create table stakeholder_response (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references team (id),
  organisation_id uuid not null references organisation (id),
  respondent_organisation_type text references organisation_type (code),
  instrument_id uuid not null references instrument (id),
  answers jsonb not null check (jsonb_typeof(answers) = 'object'),
  answered_on date not null,
  created_at timestamptz not null default now()
);
create index stakeholder_response_answered on stakeholder_response (answered_on);

-- ---- Derived tables for the report, kept by triggers in the same transaction as the rows they come from ----
-- They hold nothing that is not in their sources (report_rebuild() recomputes both from scratch) and exist so
-- that the report does not re-derive them from millions of rows on every request.

-- Each stay of a case in a phase: entered by a phase change, left by the next one or by closing the case.
create table case_phase_stay (
  phase_change_id uuid primary key,
  case_id uuid not null,
  phase_id uuid not null,
  entered_on date not null,
  left_on date,
  left_by text check (left_by in ('phase_change', 'closure')),
  check ((left_on is null) = (left_by is null))
);
create index case_phase_stay_case on case_phase_stay (case_id) include (left_on, phase_id, entered_on);

-- A change ends the case's latest stay (open, or ended by a closure recorded before the history: a case
-- written whole, as an import does) and starts the next; on a closed case the new stay ends at the closure.
create function case_phase_stay_on_change() returns trigger language plpgsql as $$
begin
  update case_phase_stay set left_on = new.changed_on, left_by = 'phase_change'
  where case_id = new.case_id and (left_on is null or left_by = 'closure');
  insert into case_phase_stay (phase_change_id, case_id, phase_id, entered_on, left_on, left_by)
  select new.id, new.case_id, new.to_phase_id, new.changed_on, c.closed_on,
    case when c.closed_on is not null then 'closure' end
  from client_case c where c.id = new.case_id;
  return null;
end
$$;
create trigger case_phase_change_stay after insert on case_phase_change
  for each row execute function case_phase_stay_on_change();

-- Closing a case ends its last stay; a changed or removed closing date moves or reopens it.
create function case_phase_stay_on_closure() returns trigger language plpgsql as $$
begin
  if new.closed_on is distinct from old.closed_on then
    if old.closed_on is not null then
      update case_phase_stay set left_on = null, left_by = null where case_id = new.id and left_by = 'closure';
    end if;
    if new.closed_on is not null then
      update case_phase_stay set left_on = new.closed_on, left_by = 'closure' where case_id = new.id and left_on is null;
    end if;
  end if;
  return null;
end
$$;
create trigger client_case_phase_stay after update of closed_on on client_case
  for each row execute function case_phase_stay_on_closure();

-- Each numeric score of an answered follow-up measurement with the same score at the case's baseline of the same
-- instrument (offset 0): the pairs the change from baseline is computed from.
create table measurement_score_pair (
  follow_up_id uuid not null,
  score_key text not null,
  case_id uuid not null,
  instrument_code text not null,
  offset_months int not null,
  due_on date not null,
  baseline float8 not null,
  follow_up float8 not null,
  primary key (follow_up_id, score_key)
);
create index measurement_score_pair_case on measurement_score_pair (case_id, instrument_code)
  include (due_on, offset_months, score_key, baseline, follow_up);

create function measurement_score_pairs_refresh(p_case uuid, p_code text) returns void language sql as $$
  delete from measurement_score_pair where case_id = p_case and instrument_code = p_code;
  insert into measurement_score_pair (follow_up_id, score_key, case_id, instrument_code, offset_months, due_on, baseline, follow_up)
  select f.id, k.key, f.case_id, f.instrument_code, f.offset_months, f.due_on, (br.scores -> k.key)::float8, k.value::float8
  from measurement f
  join measurement_response fr on fr.measurement_id = f.id
  join measurement b on b.case_id = f.case_id and b.instrument_code = f.instrument_code and b.offset_months = 0
  join measurement_response br on br.measurement_id = b.id
  cross join lateral jsonb_each(fr.scores) k
  where f.case_id = p_case and f.instrument_code = p_code and f.offset_months > 0
    and jsonb_typeof(k.value) = 'number' and jsonb_typeof(br.scores -> k.key) = 'number';
$$;

create function measurement_score_pairs_on_response() returns trigger language plpgsql as $$
declare
  m record;
begin
  if tg_op <> 'INSERT' then
    for m in select case_id, instrument_code from measurement where id = old.measurement_id loop
      perform measurement_score_pairs_refresh(m.case_id, m.instrument_code);
    end loop;
  end if;
  if tg_op <> 'DELETE' then
    for m in select case_id, instrument_code from measurement where id = new.measurement_id loop
      perform measurement_score_pairs_refresh(m.case_id, m.instrument_code);
    end loop;
  end if;
  return null;
end
$$;
create trigger measurement_response_score_pairs after insert or update or delete on measurement_response
  for each row execute function measurement_score_pairs_on_response();

create function measurement_score_pairs_on_measurement() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    delete from measurement_score_pair where follow_up_id = old.id;
  elsif new.due_on is distinct from old.due_on or new.case_id is distinct from old.case_id
    or new.instrument_code is distinct from old.instrument_code or new.offset_months is distinct from old.offset_months then
    perform measurement_score_pairs_refresh(old.case_id, old.instrument_code);
    perform measurement_score_pairs_refresh(new.case_id, new.instrument_code);
  end if;
  return null;
end
$$;
create trigger measurement_score_pairs after update or delete on measurement
  for each row execute function measurement_score_pairs_on_measurement();

-- Recomputes both derived tables from their sources in one pass each (after a bulk load that bypassed the
-- triggers, or to check them).
create function report_rebuild() returns void language plpgsql as $$
begin
  truncate case_phase_stay;
  insert into case_phase_stay (phase_change_id, case_id, phase_id, entered_on, left_on, left_by)
  select s.id, s.case_id, s.to_phase_id, s.changed_on, coalesce(s.next_on, c.closed_on),
    case when s.next_on is not null then 'phase_change' when c.closed_on is not null then 'closure' end
  from (
    select pc.id, pc.case_id, pc.to_phase_id, pc.changed_on,
      lead(pc.changed_on) over (partition by pc.case_id order by pc.created_at, pc.id) as next_on
    from case_phase_change pc
  ) s
  join client_case c on c.id = s.case_id;

  truncate measurement_score_pair;
  insert into measurement_score_pair (follow_up_id, score_key, case_id, instrument_code, offset_months, due_on, baseline, follow_up)
  select f.id, k.key, f.case_id, f.instrument_code, f.offset_months, f.due_on, (br.scores -> k.key)::float8, k.value::float8
  from measurement f
  join measurement_response fr on fr.measurement_id = f.id
  join measurement b on b.case_id = f.case_id and b.instrument_code = f.instrument_code and b.offset_months = 0
  join measurement_response br on br.measurement_id = b.id
  cross join lateral jsonb_each(fr.scores) k
  where f.offset_months > 0 and jsonb_typeof(k.value) = 'number' and jsonb_typeof(br.scores -> k.key) = 'number';
end
$$;
select report_rebuild();

-- ---- Indexes the report reads instead of the tables (index-only scans of the columns a figure needs) ----
-- They lead with the case (or the organisation running it), so that a team's or an organisation's report reads
-- its own cases' rows whatever the size of the rest of the network; a report on everything reads them whole.
create index client_case_report on client_case (organisation_id, team_id, pathway_id)
  include (opened_on, closed_on, client_id, referral_id, outcome_code);
create index client_report on client (id) include (date_of_birth, sex, municipality);
create index client_municipality on client (municipality);
create index referral_report on referral (receiving_organisation_id, sent_at)
  include (referring_organisation_id, receiving_team_id, status, client_id);
create index referral_unemployment on referral (id) include (sent_at, unemployed_since);
create index visit_report on visit (case_id) include (visit_on, id, client_id, professional_user_id, organisation_id);
create index consultation_report on consultation (case_id) include (created_at, organisation_id)
  where corrects_id is null;
create index measurement_report on measurement (case_id) include (due_on, instrument_code, offset_months, status);
create index measurement_response_report on measurement_response (case_id) include (answered_on, instrument_id);
create index case_team_member_report on case_team_member (case_id) include (organisation_id, added_at);
create index network_meeting_report on network_meeting (case_id) include (starts_at, id);
