-- Outcome measures as data, the measurement schedule per pathway, digital questionnaires answered from a
-- personal link, and the message outbox. Forward only. Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).

-- An instrument definition (items, response options, scoring rules, bands, languages) is data: an admin imports
-- a new version; a stored version never changes, so an old answer is always read with the definition it was
-- given under. Shipped here: the pilot's own questionnaires and result-only entries for official instruments,
-- whose item texts belong to their owners and are loaded by an organisation that has them and the right.
create table instrument (
  id uuid primary key default gen_random_uuid(),
  code text not null check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  version int not null check (version >= 1),
  kind text not null check (kind in ('questionnaire', 'result_only')),
  scoring_level text not null check (scoring_level in ('individual', 'group')),
  respondent text not null check (respondent in ('client', 'stakeholder')),
  definition jsonb not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  created_by uuid references app_user (id),
  constraint instrument_code_version unique (code, version)
);

create function refuse_instrument_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or new.definition is distinct from old.definition or new.code <> old.code
    or new.version <> old.version or new.kind <> old.kind or new.scoring_level <> old.scoring_level
    or new.respondent <> old.respondent then
    raise exception 'an instrument version cannot be changed or removed; import a new version' using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger instrument_frozen before update or delete on instrument
  for each row execute function refuse_instrument_change();

-- Which instruments a case gets and when (months after the case opened; 0 = baseline). pathway_id null is the
-- network's default; a pathway with active rows of its own uses those instead. Replaced rows are retired.
create table measurement_schedule (
  id uuid primary key default gen_random_uuid(),
  pathway_id uuid references pathway (id),
  instrument_code text not null,
  offset_months int not null check (offset_months between 0 and 60),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version int not null default 1
);
create unique index measurement_schedule_entry on measurement_schedule
  (coalesce(pathway_id, '00000000-0000-0000-0000-000000000000'::uuid), instrument_code, offset_months) where active;

-- Baseline: the work ability score and 3X10D, recorded in person; at 3 and 6 months the work ability score and the
-- client experience survey, and 3X10D again at 6 months (seeds: baseline and about 6 months).
insert into measurement_schedule (pathway_id, instrument_code, offset_months) values
  (null, 'was', 0), (null, 'd3x10', 0),
  (null, 'was', 3), (null, 'prem', 3),
  (null, 'was', 6), (null, 'prem', 6), (null, 'd3x10', 6);

-- One measurement of one instrument in one round of a case. The case's organisation controls it.
create table measurement (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references client_case (id),
  client_id uuid not null references client (id),
  organisation_id uuid not null references organisation (id),
  instrument_code text not null,
  offset_months int not null check (offset_months between 0 and 60),
  due_on date not null,
  status text not null default 'due' check (status in ('due', 'sent', 'answered', 'expired')),
  -- The version answered or recorded: fixed when the link is sent or the result recorded.
  instrument_id uuid references instrument (id),
  answered_at timestamptz,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version int not null default 1,
  constraint measurement_round unique (case_id, instrument_code, offset_months),
  check ((status = 'answered') = (answered_at is not null))
);
create index measurement_client on measurement (client_id);
create index measurement_open on measurement (status, due_on) where status <> 'answered';

-- A personal link to answer one measurement. Valid 14 days from sending, dead once submitted. The tokens that
-- open it are in questionnaire_token (the first one and one per reminder), stored only as SHA-256 hashes.
create table questionnaire_link (
  id uuid primary key default gen_random_uuid(),
  measurement_id uuid not null references measurement (id),
  client_id uuid not null references client (id),
  instrument_id uuid not null references instrument (id),
  language text not null check (language in ('fi', 'sv', 'en')),
  channel text not null check (channel in ('email', 'sms')),
  sent_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  reminders_sent int not null default 0 check (reminders_sent between 0 and 2),
  partial_answers jsonb not null default '{}',
  partial_saved_at timestamptz,
  created_by uuid,
  check (expires_at > sent_at)
);
create unique index questionnaire_link_open on questionnaire_link (measurement_id) where used_at is null and revoked_at is null;
create index questionnaire_link_reminders on questionnaire_link (sent_at) where used_at is null and revoked_at is null;

create table questionnaire_token (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  link_id uuid not null references questionnaire_link (id),
  created_at timestamptz not null
);
create index questionnaire_token_link on questionnaire_token (link_id);

-- The answers of one measurement and their scores under the definition version answered. The client's own
-- answers have no creator (created_by null, source client_link); a professional's entry names its author.
create table measurement_response (
  id uuid primary key default gen_random_uuid(),
  measurement_id uuid not null references measurement (id),
  client_id uuid not null references client (id),
  case_id uuid not null references client_case (id),
  organisation_id uuid not null references organisation (id),
  instrument_id uuid not null references instrument (id),
  link_id uuid references questionnaire_link (id),
  source text not null check (source in ('client_link', 'professional')),
  answers jsonb not null,
  scores jsonb not null,
  answered_on date not null,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version int not null default 1,
  check ((source = 'client_link') = (link_id is not null))
);
create unique index measurement_response_one on measurement_response (measurement_id);
create index measurement_response_answered on measurement_response (answered_on);

create trigger measurement_schedule_versions before update on measurement_schedule for each row execute function keep_record_version();
create trigger measurement_versions before update on measurement for each row execute function keep_record_version();
create trigger measurement_response_versions before update on measurement_response for each row execute function keep_record_version();

-- Messages to clients, written in the same transaction as what they announce. dedupe_key makes a message
-- exactly-once however many app instances try (reminder:<link>:<n>, link:<link>). Bodies hold the link and
-- never health data. Delivery claims a message for a while (claimed_until) so that two instances do not both
-- send it.
create table message_outbox (
  id uuid primary key default gen_random_uuid(),
  channel text not null check (channel in ('email', 'sms')),
  recipient text not null,
  language text not null check (language in ('fi', 'sv', 'en')),
  subject text not null,
  body text not null,
  dedupe_key text not null,
  client_id uuid references client (id),
  created_at timestamptz not null,
  claimed_until timestamptz,
  attempts int not null default 0,
  sent_at timestamptz,
  delivery text check (delivery in ('smtp', 'file')),
  error text,
  constraint message_outbox_dedupe unique (dedupe_key)
);
create index message_outbox_unsent on message_outbox (created_at) where sent_at is null;
create index message_outbox_created on message_outbox (created_at desc);

insert into instrument (code, version, kind, scoring_level, respondent, definition) values
  ('was', 1, 'result_only', 'individual', 'client', $instrument${
  "code": "was",
  "version": 1,
  "kind": "result_only",
  "respondent": "client",
  "scoringLevel": "individual",
  "languages": ["fi","sv","en"],
  "name": {"fi":"Työkykypistemäärä (WAS, 0–10)","sv":"Arbetsförmågepoäng (WAS, 0–10)","en":"Work ability score (WAS, 0–10)"},
  "description": {"fi":"Tuloksen kirjaus: ammattilainen kirjaa asiakkaan virallisella lomakkeella antaman pistemäärän 0–10.","sv":"Registrering av resultat: den professionella registrerar poängen 0–10 som klienten gav på den officiella blanketten.","en":"Result entry: the professional records the 0–10 score the client gave on the official form."},
  "source": {"owner":"Työterveyslaitos (Finnish Institute of Occupational Health)","officialText":false,"note":"The first item of the Work Ability Index (current work ability compared with the lifetime best). The wording is FIOH's and is not shipped: an organisation that has the official fi/sv/en text and the right to use it imports it as a new version of code \"was\" (a questionnaire whose 0–10 scale item is \"was\"), and links then carry it."},
  "items": [
    {"id":"was","type":"scale","min":0,"max":10,"required":true,"text":{"fi":"Työkykypistemäärä (WAS, 0–10)","sv":"Arbetsförmågepoäng (WAS, 0–10)","en":"Work ability score (WAS, 0–10)"}}
  ],
  "scores": [
    {"key":"was","type":"item","item":"was","label":{"fi":"Työkykypistemäärä","sv":"Arbetsförmågepoäng","en":"Work ability score"}}
  ]
}$instrument$::jsonb);

insert into instrument (code, version, kind, scoring_level, respondent, definition) values
  ('prem', 1, 'questionnaire', 'group', 'client', $instrument${
  "code": "prem",
  "version": 1,
  "kind": "questionnaire",
  "respondent": "client",
  "scoringLevel": "group",
  "languages": ["fi","sv","en"],
  "name": {"fi":"Asiakaskokemuskysely","sv":"Enkät om klientupplevelsen","en":"Client experience survey"},
  "description": {"fi":"Asiakaskokemus (PREM): pilotin viisi kysymystä, suositteluhalukkuus 0–10 ja vapaa palaute.","sv":"Klientupplevelse (PREM): pilotens fem frågor, viljan att rekommendera 0–10 och fri respons.","en":"Client experience (PREM): the pilot's five questions, the 0–10 recommendation question and free feedback."},
  "intro": {"fi":"Kiitos, että vastaat. Vastaukset raportoidaan vain ryhmätasolla: sinua palvelleet työntekijät eivät näe yksittäisiä vastauksiasi.","sv":"Tack för att du svarar. Svaren rapporteras endast på gruppnivå: de anställda som har betjänat dig ser inte dina enskilda svar.","en":"Thank you for answering. Answers are reported for groups only: the staff who served you do not see your individual answers."},
  "source": {"owner":"Työkykypolku pilot (seed 002)","officialText":false,"note":"The five questions are the pilot's own. The recommendation question is written here in the common 0–10 form; it is not the official text of THL's national customer feedback. An organisation reporting to the national customer feedback imports THL's text as a new version and keeps the item id \"recommend\", so the NPS continues."},
  "items": [
    {"id":"coping","type":"choice","required":true,"text":{"fi":"Miten pärjäät nyt palvelun jälkeen verrattuna aikaan ennen sitä?","sv":"Hur klarar du dig nu efter tjänsten jämfört med tiden före den?","en":"How are you coping now after the service, compared with the time before it?"},"options":[{"value":5,"label":{"fi":"Paljon paremmin","sv":"Mycket bättre","en":"Much better"}},{"value":4,"label":{"fi":"Jonkin verran paremmin","sv":"Något bättre","en":"Somewhat better"}},{"value":3,"label":{"fi":"Ei muutosta","sv":"Ingen förändring","en":"No change"}},{"value":2,"label":{"fi":"Jonkin verran huonommin","sv":"Något sämre","en":"Somewhat worse"}},{"value":1,"label":{"fi":"Paljon huonommin","sv":"Mycket sämre","en":"Much worse"}},{"value":0,"label":{"fi":"En osaa sanoa","sv":"Kan inte säga","en":"Cannot say"},"excludeFromScore":true}]},
    {"id":"useful","type":"choice","required":true,"options":[{"value":5,"label":{"fi":"Täysin samaa mieltä","sv":"Helt av samma åsikt","en":"Strongly agree"}},{"value":4,"label":{"fi":"Jokseenkin samaa mieltä","sv":"Delvis av samma åsikt","en":"Somewhat agree"}},{"value":3,"label":{"fi":"Ei samaa eikä eri mieltä","sv":"Varken av samma eller av annan åsikt","en":"Neither agree nor disagree"}},{"value":2,"label":{"fi":"Jokseenkin eri mieltä","sv":"Delvis av annan åsikt","en":"Somewhat disagree"}},{"value":1,"label":{"fi":"Täysin eri mieltä","sv":"Helt av annan åsikt","en":"Strongly disagree"}},{"value":0,"label":{"fi":"En osaa sanoa","sv":"Kan inte säga","en":"Cannot say"},"excludeFromScore":true}],"text":{"fi":"Palvelusta oli minulle hyötyä.","sv":"Tjänsten var till nytta för mig.","en":"The service was useful to me."}},
    {"id":"decided_together","type":"choice","required":true,"options":[{"value":5,"label":{"fi":"Täysin samaa mieltä","sv":"Helt av samma åsikt","en":"Strongly agree"}},{"value":4,"label":{"fi":"Jokseenkin samaa mieltä","sv":"Delvis av samma åsikt","en":"Somewhat agree"}},{"value":3,"label":{"fi":"Ei samaa eikä eri mieltä","sv":"Varken av samma eller av annan åsikt","en":"Neither agree nor disagree"}},{"value":2,"label":{"fi":"Jokseenkin eri mieltä","sv":"Delvis av annan åsikt","en":"Somewhat disagree"}},{"value":1,"label":{"fi":"Täysin eri mieltä","sv":"Helt av annan åsikt","en":"Strongly disagree"}},{"value":0,"label":{"fi":"En osaa sanoa","sv":"Kan inte säga","en":"Cannot say"},"excludeFromScore":true}],"text":{"fi":"Minua koskevat päätökset tehtiin yhdessä kanssani.","sv":"Besluten som gäller mig fattades tillsammans med mig.","en":"Decisions about me were made together with me."}},
    {"id":"information_understandable","type":"choice","required":true,"options":[{"value":5,"label":{"fi":"Täysin samaa mieltä","sv":"Helt av samma åsikt","en":"Strongly agree"}},{"value":4,"label":{"fi":"Jokseenkin samaa mieltä","sv":"Delvis av samma åsikt","en":"Somewhat agree"}},{"value":3,"label":{"fi":"Ei samaa eikä eri mieltä","sv":"Varken av samma eller av annan åsikt","en":"Neither agree nor disagree"}},{"value":2,"label":{"fi":"Jokseenkin eri mieltä","sv":"Delvis av annan åsikt","en":"Somewhat disagree"}},{"value":1,"label":{"fi":"Täysin eri mieltä","sv":"Helt av annan åsikt","en":"Strongly disagree"}},{"value":0,"label":{"fi":"En osaa sanoa","sv":"Kan inte säga","en":"Cannot say"},"excludeFromScore":true}],"text":{"fi":"Saamani tieto oli ymmärrettävää.","sv":"Informationen jag fick var begriplig.","en":"The information I received was understandable."}},
    {"id":"knows_continuation","type":"choice","required":true,"options":[{"value":5,"label":{"fi":"Täysin samaa mieltä","sv":"Helt av samma åsikt","en":"Strongly agree"}},{"value":4,"label":{"fi":"Jokseenkin samaa mieltä","sv":"Delvis av samma åsikt","en":"Somewhat agree"}},{"value":3,"label":{"fi":"Ei samaa eikä eri mieltä","sv":"Varken av samma eller av annan åsikt","en":"Neither agree nor disagree"}},{"value":2,"label":{"fi":"Jokseenkin eri mieltä","sv":"Delvis av annan åsikt","en":"Somewhat disagree"}},{"value":1,"label":{"fi":"Täysin eri mieltä","sv":"Helt av annan åsikt","en":"Strongly disagree"}},{"value":0,"label":{"fi":"En osaa sanoa","sv":"Kan inte säga","en":"Cannot say"},"excludeFromScore":true}],"text":{"fi":"Tiedän, miten palveluni jatkuu.","sv":"Jag vet hur min tjänst fortsätter.","en":"I know how my service continues."}},
    {"id":"recommend","type":"scale","min":0,"max":10,"required":true,"text":{"fi":"Kuinka todennäköisesti suosittelisit tätä palvelua ystävällesi tai läheisellesi?","sv":"Hur sannolikt är det att du skulle rekommendera den här tjänsten till en vän eller närstående?","en":"How likely is it that you would recommend this service to a friend or someone close to you?"},"minLabel":{"fi":"0 = en lainkaan todennäköisesti","sv":"0 = inte alls sannolikt","en":"0 = not at all likely"},"maxLabel":{"fi":"10 = erittäin todennäköisesti","sv":"10 = mycket sannolikt","en":"10 = extremely likely"}},
    {"id":"comments","type":"text","required":false,"maxLength":2000,"text":{"fi":"Mitä muuta haluaisit kertoa palvelusta?","sv":"Vad mer vill du berätta om tjänsten?","en":"Is there anything else you would like to tell us about the service?"}}
  ],
  "scores": [
    {"key":"nps","type":"nps","item":"recommend","label":{"fi":"Suositteluindeksi (NPS)","sv":"Rekommendationsindex (NPS)","en":"Net promoter score (NPS)"}},
    {"key":"coping_better","type":"share","item":"coping","values":[4,5],"label":{"fi":"Pärjää paremmin palvelun jälkeen (%)","sv":"Klarar sig bättre efter tjänsten (%)","en":"Coping better after the service (%)"}},
    {"key":"useful_agree","type":"share","item":"useful","values":[4,5],"label":{"fi":"Palvelusta oli hyötyä (%)","sv":"Tjänsten var till nytta (%)","en":"Found the service useful (%)"}},
    {"key":"decided_together_agree","type":"share","item":"decided_together","values":[4,5],"label":{"fi":"Päätökset tehtiin yhdessä (%)","sv":"Besluten fattades tillsammans (%)","en":"Decisions made together (%)"}},
    {"key":"information_understandable_agree","type":"share","item":"information_understandable","values":[4,5],"label":{"fi":"Tieto oli ymmärrettävää (%)","sv":"Informationen var begriplig (%)","en":"Information understandable (%)"}},
    {"key":"knows_continuation_agree","type":"share","item":"knows_continuation","values":[4,5],"label":{"fi":"Tietää, miten palvelu jatkuu (%)","sv":"Vet hur tjänsten fortsätter (%)","en":"Knows how the service continues (%)"}}
  ]
}$instrument$::jsonb);

insert into instrument (code, version, kind, scoring_level, respondent, definition) values
  ('stakeholder_survey', 1, 'questionnaire', 'group', 'stakeholder', $instrument${
  "code": "stakeholder_survey",
  "version": 1,
  "kind": "questionnaire",
  "respondent": "stakeholder",
  "scoringLevel": "group",
  "languages": ["fi","sv","en"],
  "name": {"fi":"Sidosryhmäkysely","sv":"Enkät till samarbetsparter","en":"Stakeholder survey"},
  "description": {"fi":"Yhteistyökumppaneiden arvio työkyvyn tuen tiimin toiminnasta.","sv":"Samarbetsparternas bedömning av teamets verksamhet.","en":"The partner organisations' view of the work ability support team."},
  "source": {"owner":"Työkykypolku pilot (seed 002)","officialText":false,"note":"The pilot's own stakeholder questions."},
  "items": [
    {"id":"recommend_continuing","type":"choice","required":true,"options":[{"value":5,"label":{"fi":"Täysin samaa mieltä","sv":"Helt av samma åsikt","en":"Strongly agree"}},{"value":4,"label":{"fi":"Jokseenkin samaa mieltä","sv":"Delvis av samma åsikt","en":"Somewhat agree"}},{"value":3,"label":{"fi":"Ei samaa eikä eri mieltä","sv":"Varken av samma eller av annan åsikt","en":"Neither agree nor disagree"}},{"value":2,"label":{"fi":"Jokseenkin eri mieltä","sv":"Delvis av annan åsikt","en":"Somewhat disagree"}},{"value":1,"label":{"fi":"Täysin eri mieltä","sv":"Helt av annan åsikt","en":"Strongly disagree"}},{"value":0,"label":{"fi":"En osaa sanoa","sv":"Kan inte säga","en":"Cannot say"},"excludeFromScore":true}],"text":{"fi":"Suosittelisin tiimin toiminnan jatkamista.","sv":"Jag skulle rekommendera att teamets verksamhet fortsätter.","en":"I would recommend continuing the team."}},
    {"id":"effective_for_clients","type":"choice","required":true,"options":[{"value":5,"label":{"fi":"Täysin samaa mieltä","sv":"Helt av samma åsikt","en":"Strongly agree"}},{"value":4,"label":{"fi":"Jokseenkin samaa mieltä","sv":"Delvis av samma åsikt","en":"Somewhat agree"}},{"value":3,"label":{"fi":"Ei samaa eikä eri mieltä","sv":"Varken av samma eller av annan åsikt","en":"Neither agree nor disagree"}},{"value":2,"label":{"fi":"Jokseenkin eri mieltä","sv":"Delvis av annan åsikt","en":"Somewhat disagree"}},{"value":1,"label":{"fi":"Täysin eri mieltä","sv":"Helt av annan åsikt","en":"Strongly disagree"}},{"value":0,"label":{"fi":"En osaa sanoa","sv":"Kan inte säga","en":"Cannot say"},"excludeFromScore":true}],"text":{"fi":"Tiimin työ on asiakkaan näkökulmasta vaikuttavaa.","sv":"Teamets arbete är effektivt ur klientens synvinkel.","en":"The team's work is effective from the client's point of view."}},
    {"id":"improved_cooperation","type":"choice","required":true,"options":[{"value":5,"label":{"fi":"Täysin samaa mieltä","sv":"Helt av samma åsikt","en":"Strongly agree"}},{"value":4,"label":{"fi":"Jokseenkin samaa mieltä","sv":"Delvis av samma åsikt","en":"Somewhat agree"}},{"value":3,"label":{"fi":"Ei samaa eikä eri mieltä","sv":"Varken av samma eller av annan åsikt","en":"Neither agree nor disagree"}},{"value":2,"label":{"fi":"Jokseenkin eri mieltä","sv":"Delvis av annan åsikt","en":"Somewhat disagree"}},{"value":1,"label":{"fi":"Täysin eri mieltä","sv":"Helt av annan åsikt","en":"Strongly disagree"}},{"value":0,"label":{"fi":"En osaa sanoa","sv":"Kan inte säga","en":"Cannot say"},"excludeFromScore":true}],"text":{"fi":"Tiimin toiminta on parantanut organisaatioiden välistä yhteistyötä.","sv":"Teamets verksamhet har förbättrat samarbetet mellan organisationerna.","en":"The team's work has improved cooperation between organisations."}},
    {"id":"comments","type":"text","required":false,"maxLength":2000,"text":{"fi":"Muuta palautetta tiimille","sv":"Annan respons till teamet","en":"Other feedback to the team"}}
  ],
  "scores": [
    {"key":"recommend_continuing_agree","type":"share","item":"recommend_continuing","values":[4,5],"label":{"fi":"Suosittelee jatkamista (%)","sv":"Rekommenderar fortsättning (%)","en":"Recommend continuing (%)"}},
    {"key":"effective_for_clients_agree","type":"share","item":"effective_for_clients","values":[4,5],"label":{"fi":"Vaikuttavaa asiakkaan kannalta (%)","sv":"Effektivt för klienten (%)","en":"Effective from the client's view (%)"}},
    {"key":"improved_cooperation_agree","type":"share","item":"improved_cooperation","values":[4,5],"label":{"fi":"Paransi yhteistyötä (%)","sv":"Förbättrade samarbetet (%)","en":"Improved cooperation (%)"}}
  ]
}$instrument$::jsonb);

insert into instrument (code, version, kind, scoring_level, respondent, definition) values
  ('d3x10', 1, 'result_only', 'individual', 'client', $instrument${
  "code": "d3x10",
  "version": 1,
  "kind": "result_only",
  "respondent": "client",
  "scoringLevel": "individual",
  "languages": ["fi","sv","en"],
  "name": {"fi":"3X10D-elämäntilannemittari (tulokset)","sv":"3X10D (resultat)","en":"3X10D life situation (results)"},
  "description": {"fi":"Tuloksen kirjaus: kymmenen elämänaluetta, kukin 0–10, virallisen lomakkeen järjestyksessä. Kokonaispistemäärää ei lasketa.","sv":"Registrering av resultat: tio livsområden, vart och ett 0–10, i den officiella blankettens ordning. Ingen totalpoäng räknas.","en":"Result entry: ten life areas, each 0–10, in the order of the official form. Deliberately no total score."},
  "source": {"owner":"Diakonia-ammattikorkeakoulu (Diak); 3X10D is a registered trade mark","officialText":false,"note":"Field labels name the ten areas for entry; the questions and their wording on the official form are Diak's and are not shipped."},
  "items": [
    {"id":"health","type":"scale","min":0,"max":10,"required":true,"text":{"fi":"1. Terveys (0–10)","sv":"1. Hälsa (0–10)","en":"1. Health (0–10)"}},
    {"id":"resilience","type":"scale","min":0,"max":10,"required":true,"text":{"fi":"2. Selviytymiskyky (0–10)","sv":"2. Motståndskraft (0–10)","en":"2. Resilience (0–10)"}},
    {"id":"housing","type":"scale","min":0,"max":10,"required":true,"text":{"fi":"3. Asuminen (0–10)","sv":"3. Boende (0–10)","en":"3. Housing (0–10)"}},
    {"id":"daily_coping","type":"scale","min":0,"max":10,"required":true,"text":{"fi":"4. Arjessa selviytyminen (0–10)","sv":"4. Att klara vardagen (0–10)","en":"4. Daily coping (0–10)"}},
    {"id":"family","type":"scale","min":0,"max":10,"required":true,"text":{"fi":"5. Perhe ja läheiset (0–10)","sv":"5. Familj och närstående (0–10)","en":"5. Family and close ones (0–10)"}},
    {"id":"friends","type":"scale","min":0,"max":10,"required":true,"text":{"fi":"6. Luotettavat ystävät (0–10)","sv":"6. Pålitliga vänner (0–10)","en":"6. Trustworthy friends (0–10)"}},
    {"id":"finances","type":"scale","min":0,"max":10,"required":true,"text":{"fi":"7. Talous (0–10)","sv":"7. Ekonomi (0–10)","en":"7. Finances (0–10)"}},
    {"id":"strengths","type":"scale","min":0,"max":10,"required":true,"text":{"fi":"8. Omien vahvuuksien kehittäminen (0–10)","sv":"8. Att utveckla sina styrkor (0–10)","en":"8. Developing one's strengths (0–10)"}},
    {"id":"self_esteem","type":"scale","min":0,"max":10,"required":true,"text":{"fi":"9. Itsetunto (0–10)","sv":"9. Självkänsla (0–10)","en":"9. Self-esteem (0–10)"}},
    {"id":"life_as_whole","type":"scale","min":0,"max":10,"required":true,"text":{"fi":"10. Elämä kokonaisuutena (0–10)","sv":"10. Livet som helhet (0–10)","en":"10. Life as a whole (0–10)"}}
  ],
  "scores": [
    {"key":"health","type":"item","item":"health","label":{"fi":"Terveys","sv":"Hälsa","en":"Health"},"bands":[{"min":0,"max":5,"label":{"fi":"0–5","sv":"0–5","en":"0–5"}},{"min":6,"max":7,"label":{"fi":"6–7","sv":"6–7","en":"6–7"}},{"min":8,"max":10,"label":{"fi":"8–10","sv":"8–10","en":"8–10"}}]},
    {"key":"resilience","type":"item","item":"resilience","label":{"fi":"Selviytymiskyky","sv":"Motståndskraft","en":"Resilience"},"bands":[{"min":0,"max":5,"label":{"fi":"0–5","sv":"0–5","en":"0–5"}},{"min":6,"max":7,"label":{"fi":"6–7","sv":"6–7","en":"6–7"}},{"min":8,"max":10,"label":{"fi":"8–10","sv":"8–10","en":"8–10"}}]},
    {"key":"housing","type":"item","item":"housing","label":{"fi":"Asuminen","sv":"Boende","en":"Housing"},"bands":[{"min":0,"max":5,"label":{"fi":"0–5","sv":"0–5","en":"0–5"}},{"min":6,"max":7,"label":{"fi":"6–7","sv":"6–7","en":"6–7"}},{"min":8,"max":10,"label":{"fi":"8–10","sv":"8–10","en":"8–10"}}]},
    {"key":"daily_coping","type":"item","item":"daily_coping","label":{"fi":"Arjessa selviytyminen","sv":"Att klara vardagen","en":"Daily coping"},"bands":[{"min":0,"max":5,"label":{"fi":"0–5","sv":"0–5","en":"0–5"}},{"min":6,"max":7,"label":{"fi":"6–7","sv":"6–7","en":"6–7"}},{"min":8,"max":10,"label":{"fi":"8–10","sv":"8–10","en":"8–10"}}]},
    {"key":"family","type":"item","item":"family","label":{"fi":"Perhe ja läheiset","sv":"Familj och närstående","en":"Family and close ones"},"bands":[{"min":0,"max":5,"label":{"fi":"0–5","sv":"0–5","en":"0–5"}},{"min":6,"max":7,"label":{"fi":"6–7","sv":"6–7","en":"6–7"}},{"min":8,"max":10,"label":{"fi":"8–10","sv":"8–10","en":"8–10"}}]},
    {"key":"friends","type":"item","item":"friends","label":{"fi":"Luotettavat ystävät","sv":"Pålitliga vänner","en":"Trustworthy friends"},"bands":[{"min":0,"max":5,"label":{"fi":"0–5","sv":"0–5","en":"0–5"}},{"min":6,"max":7,"label":{"fi":"6–7","sv":"6–7","en":"6–7"}},{"min":8,"max":10,"label":{"fi":"8–10","sv":"8–10","en":"8–10"}}]},
    {"key":"finances","type":"item","item":"finances","label":{"fi":"Talous","sv":"Ekonomi","en":"Finances"},"bands":[{"min":0,"max":5,"label":{"fi":"0–5","sv":"0–5","en":"0–5"}},{"min":6,"max":7,"label":{"fi":"6–7","sv":"6–7","en":"6–7"}},{"min":8,"max":10,"label":{"fi":"8–10","sv":"8–10","en":"8–10"}}]},
    {"key":"strengths","type":"item","item":"strengths","label":{"fi":"Omien vahvuuksien kehittäminen","sv":"Att utveckla sina styrkor","en":"Developing one's strengths"},"bands":[{"min":0,"max":5,"label":{"fi":"0–5","sv":"0–5","en":"0–5"}},{"min":6,"max":7,"label":{"fi":"6–7","sv":"6–7","en":"6–7"}},{"min":8,"max":10,"label":{"fi":"8–10","sv":"8–10","en":"8–10"}}]},
    {"key":"self_esteem","type":"item","item":"self_esteem","label":{"fi":"Itsetunto","sv":"Självkänsla","en":"Self-esteem"},"bands":[{"min":0,"max":5,"label":{"fi":"0–5","sv":"0–5","en":"0–5"}},{"min":6,"max":7,"label":{"fi":"6–7","sv":"6–7","en":"6–7"}},{"min":8,"max":10,"label":{"fi":"8–10","sv":"8–10","en":"8–10"}}]},
    {"key":"life_as_whole","type":"item","item":"life_as_whole","label":{"fi":"Elämä kokonaisuutena","sv":"Livet som helhet","en":"Life as a whole"},"bands":[{"min":0,"max":5,"label":{"fi":"0–5","sv":"0–5","en":"0–5"}},{"min":6,"max":7,"label":{"fi":"6–7","sv":"6–7","en":"6–7"}},{"min":8,"max":10,"label":{"fi":"8–10","sv":"8–10","en":"8–10"}}]}
  ]
}$instrument$::jsonb);

insert into instrument (code, version, kind, scoring_level, respondent, definition) values
  ('kykyviisari', 1, 'result_only', 'individual', 'client', $instrument${
  "code": "kykyviisari",
  "version": 1,
  "kind": "result_only",
  "respondent": "client",
  "scoringLevel": "individual",
  "languages": ["fi","sv","en"],
  "name": {"fi":"Kykyviisari (tulokset)","sv":"Kykyviisari (resultat)","en":"Kykyviisari (results)"},
  "description": {"fi":"Tuloksen kirjaus: kokonaisarvio ja viisi osa-aluetta Kykyviisarin palautteen mukaisina arvoina (0–10).","sv":"Registrering av resultat: helhetsbedömningen och fem delområden så som Kykyviisaris återkoppling visar dem (0–10).","en":"Result entry: the overall value and five areas as Kykyviisari's feedback shows them (0–10)."},
  "source": {"owner":"Työterveyslaitos (Finnish Institute of Occupational Health)","officialText":false,"note":"The questionnaire is answered in FIOH's Kykyviisari service; only its result values are recorded here."},
  "items": [
    {"id":"overall","type":"number","min":0,"max":10,"decimals":1,"required":true,"text":{"fi":"Kokonaisarvio (0–10)","sv":"Helhetsbedömning (0–10)","en":"Overall (0–10)"}},
    {"id":"mental_wellbeing","type":"number","min":0,"max":10,"decimals":1,"required":false,"text":{"fi":"Henkinen hyvinvointi (0–10)","sv":"Psykiskt välbefinnande (0–10)","en":"Mental wellbeing (0–10)"}},
    {"id":"social_inclusion","type":"number","min":0,"max":10,"decimals":1,"required":false,"text":{"fi":"Sosiaalinen osallisuus (0–10)","sv":"Social delaktighet (0–10)","en":"Social inclusion (0–10)"}},
    {"id":"physical_functioning","type":"number","min":0,"max":10,"decimals":1,"required":false,"text":{"fi":"Fyysinen toimintakyky (0–10)","sv":"Fysisk funktionsförmåga (0–10)","en":"Physical functioning (0–10)"}},
    {"id":"competence","type":"number","min":0,"max":10,"decimals":1,"required":false,"text":{"fi":"Osaaminen (0–10)","sv":"Kompetens (0–10)","en":"Competence (0–10)"}},
    {"id":"everyday_coping","type":"number","min":0,"max":10,"decimals":1,"required":false,"text":{"fi":"Arjen sujuvuus (0–10)","sv":"Vardagen fungerar (0–10)","en":"Everyday coping (0–10)"}}
  ],
  "scores": [
    {"key":"overall","type":"item","item":"overall","label":{"fi":"Kokonaisarvio","sv":"Helhetsbedömning","en":"Overall"}},
    {"key":"mental_wellbeing","type":"item","item":"mental_wellbeing","label":{"fi":"Henkinen hyvinvointi","sv":"Psykiskt välbefinnande","en":"Mental wellbeing"}},
    {"key":"social_inclusion","type":"item","item":"social_inclusion","label":{"fi":"Sosiaalinen osallisuus","sv":"Social delaktighet","en":"Social inclusion"}},
    {"key":"physical_functioning","type":"item","item":"physical_functioning","label":{"fi":"Fyysinen toimintakyky","sv":"Fysisk funktionsförmåga","en":"Physical functioning"}},
    {"key":"competence","type":"item","item":"competence","label":{"fi":"Osaaminen","sv":"Kompetens","en":"Competence"}},
    {"key":"everyday_coping","type":"item","item":"everyday_coping","label":{"fi":"Arjen sujuvuus","sv":"Vardagen fungerar","en":"Everyday coping"}}
  ]
}$instrument$::jsonb);

insert into instrument (code, version, kind, scoring_level, respondent, definition) values
  ('thl_participation', 1, 'result_only', 'group', 'client', $instrument${
  "code": "thl_participation",
  "version": 1,
  "kind": "result_only",
  "respondent": "client",
  "scoringLevel": "group",
  "languages": ["fi","sv","en"],
  "name": {"fi":"Osallisuusindikaattori (THL)","sv":"Delaktighetsindikatorn (THL)","en":"Experiences of Social Inclusion Scale (THL)"},
  "description": {"fi":"Tuloksen kirjaus: asiakkaan vastaus (1–5) kuhunkin THL:n virallisen, muuttamattoman lomakkeen kymmenestä väittämästä lomakkeen järjestyksessä. Raportoidaan vain ryhmätasolla, ei yksittäisen asiakkaan arviona.","sv":"Registrering av resultat: klientens svar (1–5) på vart och ett av de tio påståendena i THL:s officiella, oförändrade blankett, i blankettens ordning. Rapporteras endast på gruppnivå, aldrig som en enskild klients bedömning.","en":"Result entry: the client's answer (1–5) to each of the ten statements of THL's official, unmodified form, in its order. Reported for groups only, never as one client's score."},
  "source": {"owner":"Terveyden ja hyvinvoinnin laitos (THL)","officialText":false,"note":"Used only in its official, unmodified form, which is not shipped. THL does not recommend it for assessing an individual client: group level only."},
  "items": [
    {"id":"statement_1","type":"scale","min":1,"max":5,"required":true,"text":{"fi":"Väittämä 1 (1–5)","sv":"Påstående 1 (1–5)","en":"Statement 1 (1–5)"}},
    {"id":"statement_2","type":"scale","min":1,"max":5,"required":true,"text":{"fi":"Väittämä 2 (1–5)","sv":"Påstående 2 (1–5)","en":"Statement 2 (1–5)"}},
    {"id":"statement_3","type":"scale","min":1,"max":5,"required":true,"text":{"fi":"Väittämä 3 (1–5)","sv":"Påstående 3 (1–5)","en":"Statement 3 (1–5)"}},
    {"id":"statement_4","type":"scale","min":1,"max":5,"required":true,"text":{"fi":"Väittämä 4 (1–5)","sv":"Påstående 4 (1–5)","en":"Statement 4 (1–5)"}},
    {"id":"statement_5","type":"scale","min":1,"max":5,"required":true,"text":{"fi":"Väittämä 5 (1–5)","sv":"Påstående 5 (1–5)","en":"Statement 5 (1–5)"}},
    {"id":"statement_6","type":"scale","min":1,"max":5,"required":true,"text":{"fi":"Väittämä 6 (1–5)","sv":"Påstående 6 (1–5)","en":"Statement 6 (1–5)"}},
    {"id":"statement_7","type":"scale","min":1,"max":5,"required":true,"text":{"fi":"Väittämä 7 (1–5)","sv":"Påstående 7 (1–5)","en":"Statement 7 (1–5)"}},
    {"id":"statement_8","type":"scale","min":1,"max":5,"required":true,"text":{"fi":"Väittämä 8 (1–5)","sv":"Påstående 8 (1–5)","en":"Statement 8 (1–5)"}},
    {"id":"statement_9","type":"scale","min":1,"max":5,"required":true,"text":{"fi":"Väittämä 9 (1–5)","sv":"Påstående 9 (1–5)","en":"Statement 9 (1–5)"}},
    {"id":"statement_10","type":"scale","min":1,"max":5,"required":true,"text":{"fi":"Väittämä 10 (1–5)","sv":"Påstående 10 (1–5)","en":"Statement 10 (1–5)"}}
  ],
  "scores": [
    {"key":"mean","type":"mean","items":["statement_1","statement_2","statement_3","statement_4","statement_5","statement_6","statement_7","statement_8","statement_9","statement_10"],"label":{"fi":"Keskiarvo (1–5)","sv":"Medelvärde (1–5)","en":"Mean (1–5)"}}
  ]
}$instrument$::jsonb);

insert into instrument (code, version, kind, scoring_level, respondent, definition) values
  ('avain', 1, 'result_only', 'individual', 'client', $instrument${
  "code": "avain",
  "version": 1,
  "kind": "result_only",
  "respondent": "client",
  "scoringLevel": "individual",
  "languages": ["fi","sv","en"],
  "name": {"fi":"AVAIN-mittari (tulokset)","sv":"AVAIN-mätaren (resultat)","en":"AVAIN measure (results)"},
  "description": {"fi":"Tuloksen kirjaus: AVAIN-mittarin neljän osan arviot sellaisina kuin ne on kirjattu työikäisten asiakassuunnitelmaan.","sv":"Registrering av resultat: bedömningarna av AVAIN-mätarens fyra delar så som de har registrerats i klientplanen för personer i arbetsför ålder.","en":"Result entry: the assessments of the four parts of AVAIN as recorded in the working-age social-welfare client plan."},
  "source": {"owner":"Terveyden ja hyvinvoinnin laitos (THL)","officialText":false,"note":"AVAIN is filled in within the social-welfare client plan; only its summary values are recorded here. An organisation that uses AVAIN's own items and scales imports them as a new version."},
  "items": [
    {"id":"goals","type":"number","min":0,"max":100,"decimals":1,"required":false,"text":{"fi":"Tavoitteet: arvio","sv":"Mål: bedömning","en":"Goals: assessment"}},
    {"id":"situational_factors","type":"number","min":0,"max":100,"decimals":1,"required":false,"text":{"fi":"Tilannetekijät: arvio","sv":"Situationsfaktorer: bedömning","en":"Situational factors: assessment"}},
    {"id":"services","type":"number","min":0,"max":100,"decimals":1,"required":false,"text":{"fi":"Palvelut: arvio","sv":"Tjänster: bedömning","en":"Services: assessment"}},
    {"id":"methods","type":"number","min":0,"max":100,"decimals":1,"required":false,"text":{"fi":"Menetelmät: arvio","sv":"Metoder: bedömning","en":"Methods: assessment"}}
  ],
  "scores": [
    {"key":"goals","type":"item","item":"goals","label":{"fi":"Tavoitteet","sv":"Mål","en":"Goals"}},
    {"key":"situational_factors","type":"item","item":"situational_factors","label":{"fi":"Tilannetekijät","sv":"Situationsfaktorer","en":"Situational factors"}},
    {"key":"services","type":"item","item":"services","label":{"fi":"Palvelut","sv":"Tjänster","en":"Services"}},
    {"key":"methods","type":"item","item":"methods","label":{"fi":"Menetelmät","sv":"Metoder","en":"Methods"}}
  ]
}$instrument$::jsonb);
