/**
 * A synthetic region for demos and the report benchmark: organisations, teams, professionals and N clients with
 * the whole path — screenings, referrals with consents, cases on the three pathways with their phase history,
 * case managers and teams, visits, consultations, network meetings, measurements with answers and non-answers,
 * PREM answers, closures with outcomes, and stakeholder survey answers — distributed like the pilot of seed 002
 * (mean age 37, 64 % men, 58 % of referrals from municipal employment services, 82 % long-term unemployed, about
 * 1.25 coordinator visits and 2.3 consultations per client, a network for most clients).
 *
 * Set-based: one INSERT … SELECT per table per batch of cases, from a work table describing every case. Random
 * values come from a seeded hash of the row's key (hashint8extended), not from random(): the same seed gives the
 * same region whatever the batch size or the order rows are read in. Ids are md5 hashes of the seed and the
 * row's key, so rows refer to each other without lookups. Only inserts: no audit rows (this is loading data, not
 * accessing it) and no UPDATE, so the history and log triggers never fire.
 */
import type { DatabaseHandle, ScriptRunner } from '../src/server/db/engine.ts';

export interface GenerateOptions {
  clients: number;
  seed: number;
  /** The last day of the synthetic history (cases open over `years` before it). */
  until: string;
  years: number;
  batchSize: number;
  /** The password hash of every synthetic professional (null: they cannot log in). */
  passwordHash?: string | null;
}

export type GenerateProgress = (message: string) => void;

/** Wellbeing services counties and some of their municipalities (public names; the people are synthetic). */
const REGIONS: { name: string; genitive: string; municipalities: string[]; swedish: number }[] = [
  {
    name: 'Pohjois-Savo',
    genitive: 'Pohjois-Savon',
    municipalities: ['Kuopio', 'Siilinjärvi', 'Iisalmi', 'Varkaus'],
    swedish: 0.01,
  },
  {
    name: 'Pirkanmaa',
    genitive: 'Pirkanmaan',
    municipalities: ['Tampere', 'Nokia', 'Ylöjärvi', 'Kangasala'],
    swedish: 0.01,
  },
  {
    name: 'Varsinais-Suomi',
    genitive: 'Varsinais-Suomen',
    municipalities: ['Turku', 'Salo', 'Kaarina', 'Raisio'],
    swedish: 0.05,
  },
  {
    name: 'Keski-Suomi',
    genitive: 'Keski-Suomen',
    municipalities: ['Jyväskylä', 'Äänekoski', 'Jämsä', 'Laukaa'],
    swedish: 0.01,
  },
  {
    name: 'Pohjois-Pohjanmaa',
    genitive: 'Pohjois-Pohjanmaan',
    municipalities: ['Oulu', 'Raahe', 'Kempele', 'Ylivieska'],
    swedish: 0.01,
  },
  {
    name: 'Satakunta',
    genitive: 'Satakunnan',
    municipalities: ['Pori', 'Rauma', 'Ulvila', 'Harjavalta'],
    swedish: 0.01,
  },
  {
    name: 'Päijät-Häme',
    genitive: 'Päijät-Hämeen',
    municipalities: ['Lahti', 'Hollola', 'Heinola', 'Orimattila'],
    swedish: 0.01,
  },
  {
    name: 'Kanta-Häme',
    genitive: 'Kanta-Hämeen',
    municipalities: ['Hämeenlinna', 'Riihimäki', 'Forssa', 'Janakkala'],
    swedish: 0.01,
  },
  {
    name: 'Kymenlaakso',
    genitive: 'Kymenlaakson',
    municipalities: ['Kouvola', 'Kotka', 'Hamina', 'Pyhtää'],
    swedish: 0.02,
  },
  {
    name: 'Etelä-Karjala',
    genitive: 'Etelä-Karjalan',
    municipalities: ['Lappeenranta', 'Imatra', 'Lemi', 'Taipalsaari'],
    swedish: 0.01,
  },
  {
    name: 'Etelä-Savo',
    genitive: 'Etelä-Savon',
    municipalities: ['Mikkeli', 'Savonlinna', 'Pieksämäki', 'Juva'],
    swedish: 0.01,
  },
  {
    name: 'Pohjois-Karjala',
    genitive: 'Pohjois-Karjalan',
    municipalities: ['Joensuu', 'Kitee', 'Lieksa', 'Nurmes'],
    swedish: 0.01,
  },
  {
    name: 'Kainuu',
    genitive: 'Kainuun',
    municipalities: ['Kajaani', 'Sotkamo', 'Kuhmo', 'Suomussalmi'],
    swedish: 0.01,
  },
  {
    name: 'Lappi',
    genitive: 'Lapin',
    municipalities: ['Rovaniemi', 'Kemi', 'Tornio', 'Sodankylä'],
    swedish: 0.01,
  },
  {
    name: 'Keski-Pohjanmaa',
    genitive: 'Keski-Pohjanmaan',
    municipalities: ['Kokkola', 'Kannus', 'Kaustinen', 'Veteli'],
    swedish: 0.1,
  },
  {
    name: 'Etelä-Pohjanmaa',
    genitive: 'Etelä-Pohjanmaan',
    municipalities: ['Seinäjoki', 'Lapua', 'Kauhava', 'Kurikka'],
    swedish: 0.01,
  },
  {
    name: 'Pohjanmaa',
    genitive: 'Pohjanmaan',
    municipalities: ['Vaasa', 'Mustasaari', 'Pietarsaari', 'Närpiö'],
    swedish: 0.5,
  },
  {
    name: 'Länsi-Uusimaa',
    genitive: 'Länsi-Uudenmaan',
    municipalities: ['Espoo', 'Lohja', 'Kirkkonummi', 'Raasepori'],
    swedish: 0.15,
  },
  {
    name: 'Keski-Uusimaa',
    genitive: 'Keski-Uudenmaan',
    municipalities: ['Hyvinkää', 'Järvenpää', 'Tuusula', 'Nurmijärvi'],
    swedish: 0.03,
  },
  {
    name: 'Itä-Uusimaa',
    genitive: 'Itä-Uudenmaan',
    municipalities: ['Porvoo', 'Sipoo', 'Loviisa', 'Pornainen'],
    swedish: 0.3,
  },
  {
    name: 'Vantaa-Kerava',
    genitive: 'Vantaan ja Keravan',
    municipalities: ['Vantaa', 'Kerava', 'Vantaa', 'Kerava'],
    swedish: 0.03,
  },
];

/** Organisations of each region: [key, type, name (after the region's genitive)]. */
const ORGANISATION_KINDS: [string, string, string][] = [
  ['sote', 'sote_centre', 'hyvinvointialue, sote-keskus'],
  ['social', 'working_age_social_services', 'hyvinvointialue, työikäisten sosiaalipalvelut'],
  ['mental', 'mental_health_substance_services', 'hyvinvointialue, mielenterveys- ja päihdepalvelut'],
  ['employment', 'municipal_employment_services', 'työllisyysalue'],
  ['authority', 'employment_authority', 'työvoimaviranomainen'],
  ['kela', 'kela', 'Kelan palvelualue'],
  ['ohjaamo', 'ohjaamo', 'Ohjaamo'],
  ['ngo', 'ngo', 'Mielenterveysyhdistys ry'],
  ['ngo2', 'ngo', 'Työttömien yhdistys ry'],
  ['foundation', 'foundation', 'Työvalmennussäätiö'],
  ['education', 'educational_institution', 'ammattiopisto'],
  ['occupational', 'occupational_health', 'työterveys'],
  ['provider', 'other_service_provider', 'kuntoutuspalvelut Oy'],
  ['sanctions', 'criminal_sanctions_agency', 'yhdyskuntaseuraamustoimisto'],
];

/** Who refers to the team (seed 002: 58 % municipal employment services, 18 % working-age social services). */
const REFERRERS: [string, number][] = [
  ['employment', 0.58],
  ['social', 0.18],
  ['sote', 0.1],
  ['mental', 0.04],
  ['kela', 0.03],
  ['authority', 0.03],
  ['ohjaamo', 0.02],
  ['ngo', 0.02],
];

/** Who asks for a consultation (seed 002: 162 of 322 municipal employment services, 58 social services). */
const ASKERS: [string, number, string][] = [
  ['employment', 0.5, 'employment_advisor'],
  ['social', 0.18, 'social_worker'],
  ['kela', 0.1, 'kela_advisor'],
  ['authority', 0.06, 'employment_advisor'],
  ['ngo', 0.05, 'ngo_worker'],
  ['mental', 0.04, 'nurse'],
  ['provider', 0.04, 'ngo_worker'],
  ['education', 0.03, 'social_worker'],
];

/** Organisation types in the clients' networks and the share of clients with each (seed 002's table). */
const NETWORK: [string, number][] = [
  ['employment', 0.43],
  ['social', 0.3],
  ['kela', 0.22],
  ['ngo', 0.07],
  ['provider', 0.05],
  ['authority', 0.04],
  ['education', 0.04],
  ['mental', 0.02],
  ['sanctions', 0.01],
  ['occupational', 0.01],
];

const MALE_NAMES = [
  'Eino',
  'Väinö',
  'Onni',
  'Toivo',
  'Arvo',
  'Veikko',
  'Lauri',
  'Juho',
  'Mikko',
  'Antti',
  'Janne',
  'Ville',
];
const FEMALE_NAMES = [
  'Aino',
  'Helmi',
  'Lempi',
  'Siiri',
  'Elli',
  'Iida',
  'Sanna',
  'Katja',
  'Laura',
  'Noora',
  'Emmi',
  'Veera',
];
const LAST_NAMES = [
  'Mäkelä',
  'Koskinen',
  'Heikkilä',
  'Järvinen',
  'Lehtonen',
  'Saarinen',
  'Salminen',
  'Laine',
  'Tuominen',
  'Niemi',
  'Virtanen',
  'Korhonen',
  'Nieminen',
  'Hämäläinen',
  'Laaksonen',
  'Karjalainen',
  'Jokinen',
  'Rantanen',
  'Lehtinen',
  'Ahonen',
];

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: string[]) => `array[${xs.map(lit).join(',')}]`;

/** Y-tunnus check digit (weights 7 9 10 5 8 4 2, mod 11). */
function businessId(base: number): string {
  const digits = String(base).padStart(7, '0');
  const weights = [7, 9, 10, 5, 8, 4, 2];
  let check = 11 - (digits.split('').reduce((s, d, i) => s + Number(d) * weights[i]!, 0) % 11);
  if (check === 11) check = 0;
  if (check === 10) return businessId(base + 1);
  return `${digits}-${check}`;
}

export function regionCount(clients: number): number {
  return Math.max(1, Math.min(REGIONS.length, Math.round(clients / 50_000)));
}

/** Cumulative thresholds for a pick by one uniform number: [key, lo, hi). */
function ranges<T extends [string, number, ...unknown[]]>(rows: T[]): string {
  let lo = 0;
  return rows
    .map((r, i) => {
      // The last range ends above 1 so that rounding in the sum never leaves a number without a pick.
      const hi = i === rows.length - 1 ? 2 : lo + r[1];
      const row = `(${lit(r[0])}, ${lo}, ${hi}${r.length > 2 ? `, ${lit(String(r[2]))}` : ''})`;
      lo = hi;
      return row;
    })
    .join(',\n');
}

/** Where to generate: sessions of the target database (each with the loader's settings applied). */
export interface GenerateTarget {
  withSession<T>(fn: (run: ScriptRunner) => Promise<T>): Promise<T>;
  /** Sessions that load batches at the same time (INSERT … SELECT runs on one core per session). */
  workers: number;
}

/** The tables the batches fill; their secondary indexes are built after the load, as pg_restore does. */
const LOADED_TABLES = [
  'client',
  'screening',
  'consent',
  'referral',
  'client_case',
  'case_phase_change',
  'case_manager_assignment',
  'case_team_member',
  'network_meeting',
  'network_meeting_organisation',
  'visit',
  'consultation',
  'measurement',
  'measurement_response',
];

/**
 * Sessions for loading: a superuser's run with the foreign-key and other triggers off (replica mode, as
 * pg_restore does: the generator's rows are consistent by construction, see foreignKeyViolations), and on the
 * server without waiting for each commit to reach the disk.
 */
export function loadingTarget(handle: DatabaseHandle, workers: number): GenerateTarget {
  return {
    workers: handle.engine === 'postgresql' ? workers : 1,
    withSession: (fn) =>
      handle.withSession(async (run) => {
        const [su] = await run('select rolsuper from pg_roles where rolname = current_user');
        const superuser = su?.rolsuper === true;
        if (superuser) await run('set session_replication_role = replica');
        if (handle.engine === 'postgresql') {
          await run('set synchronous_commit = off');
          await run(`set temp_buffers = '256MB'`);
          await run(`set work_mem = '128MB'`);
          await run(`set maintenance_work_mem = '512MB'`);
        }
        try {
          return await fn(run);
        } finally {
          if (superuser) await run('reset session_replication_role');
        }
      }),
  };
}

/** Rows whose single-column foreign key points nowhere, per constraint (a check of a load done in replica mode). */
export async function foreignKeyViolations(
  run: ScriptRunner,
): Promise<{ constraint: string; rows: number }[]> {
  const keys = await run(`select c.conname, c.conrelid::regclass::text as child, a.attname as child_column,
      c.confrelid::regclass::text as parent, pa.attname as parent_column
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
    where c.contype = 'f' and cardinality(c.conkey) = 1 and c.connamespace = 'public'::regnamespace
    order by c.conname`);
  const found: { constraint: string; rows: number }[] = [];
  for (const k of keys) {
    const [row] = await run(`select count(*)::int as n from ${String(k.child)} x
      where x.${String(k.child_column)} is not null
        and not exists (select 1 from ${String(k.parent)} p where p.${String(k.parent_column)} = x.${String(k.child_column)})`);
    const n = Number(row?.n ?? 0);
    if (n > 0) found.push({ constraint: String(k.conname), rows: n });
  }
  return found;
}

export async function generateRegion(target: GenerateTarget, o: GenerateOptions, progress: GenerateProgress) {
  return target.withSession((run) => plan(run, target, o, progress));
}

async function plan(
  run: ScriptRunner,
  target: GenerateTarget,
  o: GenerateOptions,
  progress: GenerateProgress,
) {
  const N = o.clients;
  const R = regionCount(N);
  const seed = o.seed;
  const U = `'${o.until}'::date`;
  const started = Date.now();
  const tag = `s${seed}`;
  const exists = await run(
    `select 1 from organisation where name = ${lit(`${REGIONS[0]!.genitive} hyvinvointialue, sote-keskus (${tag})`)}`,
  );
  if (exists.length) {
    throw new Error(
      `A region with seed ${seed} is already in this database: use another --seed, or --reset.`,
    );
  }

  progress(
    `Generating ${N.toLocaleString('en')} clients in ${R} region(s), seed ${seed}, history ${o.years} years up to ${o.until}.`,
  );
  await run('drop schema if exists gen cascade');
  await run('create schema gen');
  // Uniform [0, 1) from the row's key and a salt; immutable, so the same key always gives the same number.
  await run(`create function gen.rnd(k bigint, salt int) returns float8 language sql immutable parallel safe as
    $$ select (hashint8extended(k, ${seed}::bigint * 1000 + salt) & 2147483647)::float8 / 2147483648.0 $$`);
  // Ids ordered by the case number (then the kind of row, the seed and a sequence): a batch appends to the end of
  // every index instead of writing all over indexes far larger than the server's buffers.
  await run(`create function gen.uid2(kind text, k bigint, j int) returns uuid language sql immutable parallel safe as
    $$ select (lpad(to_hex(k), 12, '0') || substr(md5(kind), 1, 8) || ${lit((seed % 65536).toString(16).padStart(4, '0'))}
      || lpad(to_hex(j), 8, '0'))::uuid $$`);
  await run(`create function gen.uid(kind text, k bigint) returns uuid language sql immutable parallel safe as
    $$ select gen.uid2(kind, k, 0) $$`);

  // ---- Organisations, teams, professionals ----
  const orgRows: string[] = [];
  let base = 3_200_000 + (seed % 1000) * 400;
  for (let r = 1; r <= R; r++) {
    const region = REGIONS[r - 1]!;
    for (const [key, type, suffix] of ORGANISATION_KINDS) {
      const name = `${region.genitive} ${suffix} (${tag})`;
      orgRows.push(
        `(${r}, ${lit(key)}, ${lit(type)}, ${lit(name)}, ${lit(businessId(base++))}, ${lit(region.municipalities[0]!)})`,
      );
    }
  }
  await run(`create unlogged table gen.org as
    select v.region, v.key, v.type, v.name, v.business_id, v.municipality, gen.uid('org', v.region * 100 + row_number() over (partition by v.region order by v.key)) as id
    from (values ${orgRows.join(',\n')}) v (region, key, type, name, business_id, municipality)`);
  await run(`insert into organisation (id, name, type, business_id, municipality, created_by, updated_by)
    select id, name, type, business_id, municipality, null, null from gen.org`);

  // Teams: three work ability teams per wellbeing county (service areas), the employment area's multi-agency team,
  // and the foundation's supported employment (coaching) team.
  await run(`create unlogged table gen.team as
    select o.region, t.pathway, t.area, gen.uid('team', o.region * 10 + t.area + case t.pathway when 'work_ability_team' then 0 when 'multi_agency_employment' then 4 else 5 end) as id,
      o.id as organisation_id, t.name, o.key as org_key
    from gen.org o
    join (values
      ('sote', 'work_ability_team', 1, 'Työkyvyn tuen tiimi, pohjoinen alue'),
      ('sote', 'work_ability_team', 2, 'Työkyvyn tuen tiimi, keskinen alue'),
      ('sote', 'work_ability_team', 3, 'Työkyvyn tuen tiimi, eteläinen alue'),
      ('employment', 'multi_agency_employment', 1, 'Monialainen yhteistyötiimi'),
      ('foundation', 'supported_employment', 1, 'IPS-työhönvalmennus')
    ) t (org_key, pathway, area, name) on t.org_key = o.key`);
  await run(`insert into team (id, organisation_id, name, description, created_by, updated_by)
    select id, organisation_id, name, 'Synteettinen tiimi', null, null from gen.team`);

  // Professionals: each team's own, and each organisation's workers and a manager. idx numbers people of one role.
  await run(`create unlogged table gen.usr as
    with spec (org_key, team_pathway, role, n) as (values
      ('sote', 'work_ability_team', 'coordinator', 2), ('sote', 'work_ability_team', 'physician', 1),
      ('sote', 'work_ability_team', 'nurse', 1), ('employment', 'multi_agency_employment', 'employment_advisor', 3),
      ('foundation', 'supported_employment', 'job_coach', 3),
      ('social', null, 'social_worker', 3), ('kela', null, 'kela_advisor', 2), ('authority', null, 'employment_advisor', 2),
      ('mental', null, 'nurse', 2), ('ngo', null, 'ngo_worker', 2), ('ngo2', null, 'ngo_worker', 1), ('provider', null, 'ngo_worker', 1),
      ('education', null, 'social_worker', 1), ('ohjaamo', null, 'social_worker', 1), ('occupational', null, 'nurse', 1),
      ('sanctions', null, 'social_worker', 1),
      ('sote', null, 'manager', 1), ('employment', null, 'manager', 1), ('foundation', null, 'manager', 1), ('social', null, 'manager', 1)
    ),
    people as (
      select o.region, o.key as org_key, o.id as organisation_id, t.id as team_id, coalesce(t.area, 0) as area, s.role, i as idx
      from spec s
      join gen.org o on o.key = s.org_key
      left join gen.team t on t.organisation_id = o.id and t.pathway = s.team_pathway
      cross join generate_series(1, s.n) i
    )
    select p.*, gen.uid('user', row_number() over (order by p.region, p.org_key, p.area, p.role, p.idx)) as id,
      row_number() over (order by p.region, p.org_key, p.area, p.role, p.idx) as seq
    from people p`);
  // One password for every synthetic professional (the caller's hash of the demo password), or none.
  await run(`insert into app_user (id, email, first_name, last_name, password_hash, oidc_subject, created_by, updated_by)
    select id, ${lit(tag)} || '-' || region || '-' || org_key || '-' || role || '-' || area || '-' || idx || '@synthetic.invalid',
      case when seq % 2 = 0 then (${arr(FEMALE_NAMES)})[1 + (seq / 2 % ${FEMALE_NAMES.length})] else (${arr(MALE_NAMES)})[1 + (seq / 2 % ${MALE_NAMES.length})] end,
      (${arr(LAST_NAMES)})[1 + (seq % ${LAST_NAMES.length})],
      ${o.passwordHash ? lit(o.passwordHash) : 'null'}, null, null, null
    from gen.usr`);
  await run(`insert into membership (user_id, organisation_id, role, created_by, updated_by)
    select id, organisation_id, role, null, null from gen.usr`);
  await run(`insert into team_member (team_id, user_id, created_by)
    select team_id, id, null from gen.usr where team_id is not null`);

  await run(`create unlogged table gen.referrer (key text, lo float8, hi float8)`);
  await run(`insert into gen.referrer values ${ranges(REFERRERS)}`);
  await run(`create unlogged table gen.asker (key text, lo float8, hi float8, role text)`);
  await run(`insert into gen.asker values ${ranges(ASKERS)}`);
  await run(`create unlogged table gen.network (key text, p float8, k int)`);
  await run(
    `insert into gen.network values ${NETWORK.map(([k, p], i) => `(${lit(k)}, ${p}, ${i + 1})`).join(',')}`,
  );
  await run(`create unlogged table gen.outcome (closing text, code text, lo float8, hi float8)`);
  // Reaching the goal phase: work, studies or rehabilitation; closing earlier: other services and endings.
  await run(`insert into gen.outcome values
    ('goal', 'employed_open_market', 0, 0.32), ('goal', 'employed_pay_subsidy', 0.32, 0.52), ('goal', 'studies', 0.52, 0.72),
    ('goal', 'rehabilitation_kela', 0.72, 0.86), ('goal', 'rehabilitation_other', 0.86, 0.94), ('goal', 'other', 0.94, 1.0001),
    ('early', 'rehabilitation_kela', 0, 0.18), ('early', 'rehabilitation_other', 0.18, 0.3), ('early', 'pension_process', 0.3, 0.42),
    ('early', 'other_service', 0.42, 0.66), ('early', 'moved_away', 0.66, 0.76), ('early', 'client_ended', 0.76, 0.92),
    ('early', 'other', 0.92, 1.0001)`);
  await run(`create unlogged table gen.schedule (code text, offset_months int, p_answer float8)`);
  // Baselines are mostly recorded in person; follow-ups are answered less often (the pilot: 48 baseline, 14 at 6 months).
  await run(`insert into gen.schedule values ('was', 0, 0.82), ('d3x10', 0, 0.78), ('was', 3, 0.62), ('prem', 3, 0.45),
    ('was', 6, 0.52), ('prem', 6, 0.4), ('d3x10', 6, 0.48)`);

  // ---- Every case (one per client) with all its attributes ----
  const r = (salt: number) => `gen.rnd(n, ${salt})`;
  const munis = REGIONS.map((x) => arr(x.municipalities)).join(', ');
  const swedish = REGIONS.map((x) => x.swedish).join(', ');
  progress('Planning the cases…');
  await run(`create unlogged table gen.c as
    select n, region, municipality, language, sex, age, dob, pathway, area, opened_on,
      has_referral, referrer_key, sent_at, screened, unemployed_since, d, last_phase, planned,
      case when close_on <= ${U} then close_on end as closed_on,
      case when close_on <= ${U} then (select o.code from gen.outcome o where o.closing = case when planned = last_phase then 'goal' else 'early' end
        and ${r(40)} >= o.lo and ${r(40)} < o.hi) end as outcome,
      returned_referral, gen.uid('case', n) as case_id, gen.uid('client', n) as client_id
    from (
      select n, region,
        (array[${munis}])[region][case when ${r(2)} < 0.5 then 1 when ${r(2)} < 0.7 then 2 when ${r(2)} < 0.85 then 3 else 4 end] as municipality,
        case when ${r(3)} < (array[${swedish}])[region] then 'sv' when ${r(3)} > 0.985 then 'en' else 'fi' end as language,
        case when ${r(4)} < 0.64 then 'male' else 'female' end as sex,
        age, (opened_on - (age * 365.25 + floor(${r(6)} * 365))::int) as dob,
        pathway, 1 + floor(${r(8)} * 3)::int as area, opened_on,
        ${r(9)} < 0.95 as has_referral,
        (select x.key from gen.referrer x where ${r(10)} >= x.lo and ${r(10)} < x.hi) as referrer_key,
        ((opened_on - (3 + floor(${r(11)} * 25))::int)::timestamp + make_interval(hours => 8 + floor(${r(12)} * 8)::int, mins => floor(${r(13)} * 60)::int))
          at time zone 'Europe/Helsinki' as sent_at,
        ${r(14)} < 0.6 as screened,
        case when ${r(15)} < 0.08 then null
          when ${r(16)} < 0.18 then opened_on - (30 + floor(${r(17)} * 300))::int
          when ${r(16)} < 0.35 then opened_on - (400 + floor(${r(17)} * 680))::int
          else opened_on - (1130 + floor(${r(17)} * 2500))::int end as unemployed_since,
        d, last_phase,
        case when ${r(19)} < 0.42 or last_phase = 2 then last_phase else 2 + floor(${r(20)} * (last_phase - 2))::int end as planned,
        opened_on + floor((case when ${r(19)} < 0.42 or last_phase = 2 then last_phase else 2 + floor(${r(20)} * (last_phase - 2))::int end) * d + ${r(21)} * d * 0.5)::int as close_on,
        ${r(22)} < 0.1 as returned_referral
      from (
        select n, 1 + floor(${r(1)} * ${R})::int as region,
          18 + floor(46 * power((${r(30)} + ${r(31)} + ${r(32)} + ${r(33)}) / 4, 1.3))::int as age,
          ${U} - floor(${r(5)} * ${Math.round(o.years * 365)})::int as opened_on,
          case when ${r(7)} < 0.7 then 'work_ability_team' when ${r(7)} < 0.85 then 'multi_agency_employment' else 'supported_employment' end as pathway,
          18 + floor(${r(18)} * 60)::int as d
        from generate_series(1, ${N}) n
      ) a
      cross join lateral (select case a.pathway when 'work_ability_team' then 6 when 'multi_agency_employment' then 3 else 5 end as last_phase) lp
    ) b`);
  await run('alter table gen.c add primary key (n)');

  // Identity codes: individual numbers 900–999 only (odd for men, even for women), dates of birth as drawn, then
  // the century sign's variants ('-' Y X W V U, or A B C D E F): 50 × 6 = 300 codes per sex and day. A day with
  // more clients than that, or a code already in the database, gets a date of birth spread over 1960–2007.
  progress('Assigning synthetic identity codes…');
  for (let pass = 0; ; pass++) {
    await run('drop table if exists gen.code');
    await run(`create unlogged table gen.code as
      select n, case when k < 300 then
          to_char(dob, 'DDMMYY')
          || (case when extract(year from dob) < 2000 then array['-','Y','X','W','V','U'] else array['A','B','C','D','E','F'] end)[1 + (k / 50)::int]
          || lpad((900 + 2 * (k % 50) + case when sex = 'male' then 1 else 0 end)::text, 3, '0')
          || substr('0123456789ABCDEFHJKLMNPRSTUVWXY', 1 + ((to_char(dob, 'DDMMYY')::bigint * 1000 + 900 + 2 * (k % 50) + case when sex = 'male' then 1 else 0 end) % 31)::int, 1)
        end as code
      from (select n, dob, sex, row_number() over (partition by dob, sex order by n) - 1 as k from gen.c) r`);
    const clash = await run(`select count(*)::int as clashes from gen.code c
      where c.code is null or exists (select 1 from client x where x.identity_code = c.code)`);
    const clashes = Number(clash[0]?.clashes ?? 0);
    if (clashes === 0) break;
    if (pass >= 6)
      throw new Error(`${clashes} clients found no free synthetic identity code; use fewer clients.`);
    progress(`  ${clashes} clients need another date of birth (pass ${pass + 1})`);
    await run(`update gen.c c set dob = date '1960-01-01' + floor(gen.rnd(c.n, ${500 + pass}) * (date '2007-12-31' - date '1960-01-01'))::int
      from gen.code x where x.n = c.n and (x.code is null or exists (select 1 from client y where y.identity_code = x.code))`);
  }
  await run('alter table gen.code add primary key (n)');

  const instruments =
    await run(`select distinct on (code) code, id from instrument where code in ('was', 'd3x10', 'prem', 'stakeholder_survey')
    order by code, version desc`);
  const instrument = new Map(instruments.map((i) => [String(i.code), String(i.id)]));
  for (const code of ['was', 'd3x10', 'prem', 'stakeholder_survey']) {
    if (!instrument.has(code)) throw new Error(`Instrument ${code} is missing: run the migrations first.`);
  }
  await run(
    `create unlogged table gen.instrument as select distinct on (code) code, id from instrument order by code, version desc`,
  );

  // Indexes keyed by the generator's ordered ids (case, client, measurement, meeting) take the new rows at their
  // end and are kept as rows arrive. The others (by date, name, organisation…) would take each row somewhere in
  // the middle: they are dropped for the load and built afterwards from their own definitions, as pg_restore
  // does. Indexes of primary keys and unique constraints stay.
  const deferred = (
    await run(`select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = 'public' and i.tablename in (${LOADED_TABLES.map(lit).join(', ')})
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`)
  ).filter(
    (ix) =>
      !/\((?:lower\()?(case_id|client_id|measurement_id|meeting_id|corrects_id|id)\b/.test(
        String(ix.indexdef).replace(/^.*? USING btree /, ''),
      ),
  );
  for (const ix of deferred) await run(`drop index if exists ${String(ix.indexname)}`);
  progress(`Deferred ${deferred.length} indexes until the data is in.`);

  // ---- Per batch: every table of the path, one statement each ----
  const batches = Math.ceil(N / o.batchSize);
  let rows = 0;
  let done = 0;
  let next = 0;
  const loadBatch = async (run: ScriptRunner, b: number) => {
    // With the triggers off (replica mode) the batch writes the report's derived rows itself; otherwise the
    // triggers do as the rows arrive.
    const [role] = await run(`select current_setting('session_replication_role') = 'replica' as replica`);
    const derive = role?.replica === true;
    const lo = b * o.batchSize + 1;
    const hi = Math.min(N, (b + 1) * o.batchSize);
    const t0 = Date.now();
    const inBatch = `c.n between ${lo} and ${hi}`;
    const count = async (statement: string) => {
      const t = Date.now();
      const res = await run(`with ins as (${statement} returning 1) select count(*)::int as n from ins`);
      rows += Number(res[0]?.n ?? 0);
      if (process.env.GENERATE_PROFILE) {
        const table = /insert into (\w+)/.exec(statement)?.[1];
        progress(`    ${table}: ${res[0]?.n} rows in ${Date.now() - t} ms`);
      }
    };
    await run('begin');
    try {
      // A case's organisation, team and case manager, and the case's end (the last day anything can happen).
      await run(`create temporary table batch on commit drop as
      select c.*, k.code, t.id as team_id, t.organisation_id as case_org, m.id as manager_id, m.role as manager_role,
        m.organisation_id as manager_org,
        ro.id as referrer_org, least(coalesce(c.closed_on, ${U}), ${U}) as end_on,
        greatest(1, least(coalesce(c.closed_on, ${U}), ${U}) - c.opened_on) as span
      from gen.c c
      join gen.code k on k.n = c.n
      join gen.team t on t.region = c.region and t.pathway = c.pathway and t.area = case when c.pathway = 'work_ability_team' then c.area else 1 end
      join gen.usr m on m.team_id = t.id and m.role = case c.pathway when 'work_ability_team' then 'coordinator'
        when 'multi_agency_employment' then 'employment_advisor' else 'job_coach' end
        and m.idx = 1 + (c.n % case c.pathway when 'work_ability_team' then 2 else 3 end)
      join gen.org ro on ro.region = c.region and ro.key = c.referrer_key
      where ${inBatch}`);
      await run('analyze batch');

      await count(`insert into client (id, identity_code, date_of_birth, sex, first_name, last_name, phone, email, street_address,
        postal_code, post_office, municipality, preferred_language, contact_preference, registering_organisation_id,
        created_at, created_by, updated_at, updated_by)
      select client_id, code, dob, sex,
        case when sex = 'male' then (${arr(MALE_NAMES)})[1 + (n % ${MALE_NAMES.length})] else (${arr(FEMALE_NAMES)})[1 + (n % ${FEMALE_NAMES.length})] end,
        (${arr(LAST_NAMES)})[1 + ((n / 7) % ${LAST_NAMES.length})],
        '+358 40 ' || lpad((n % 10000000)::text, 7, '0'), null, null, null, null, municipality, language,
        (array['sms','phone','email','letter'])[1 + (n % 4)],
        case when has_referral then referrer_org else case_org end,
        sent_at - interval '20 days', manager_id, sent_at - interval '20 days', manager_id
      from batch`);
      await count(`insert into screening (id, client_id, organisation_id, screened_on, situations, notes, outcome, created_at, created_by, updated_at, updated_by)
      select gen.uid('screening', n), client_id, referrer_org, (sent_at at time zone 'Europe/Helsinki')::date - (n % 14)::int,
        array(select s from unnest(array['prolonged_unemployment','health_problems','mental_health_challenges','irregular_work_history',
          'social_functioning','financial_difficulties','little_work_experience','learning_difficulties']) with ordinality u(s, i)
          where gen.rnd(n * 10 + i, 41) < case when i = 1 then 0.8 else 0.3 end),
        '', 'refer_team', sent_at, manager_id, sent_at, manager_id
      from batch where has_referral and screened`);
      // The client's consent to disclose to the team's organisation (a referral between organisations needs one).
      await count(`insert into consent (id, client_id, controller_organisation_id, recipient_organisation_id, categories, valid_from,
        valid_until, method, note, created_at, created_by, updated_at, updated_by)
      select gen.uid('consent', n), client_id, referrer_org, case_org, array['assessment','plan'],
        (sent_at at time zone 'Europe/Helsinki')::date, (sent_at at time zone 'Europe/Helsinki')::date + 730, 'written', '',
        sent_at, manager_id, sent_at, manager_id
      from batch where has_referral and referrer_org <> case_org`);
      await count(`insert into referral (id, client_id, referring_organisation_id, receiving_team_id, receiving_organisation_id,
        screening_id, consent_id, reason, status, sent_at, return_reason, eligibility_justification, unemployed_since,
        created_at, created_by, updated_at, updated_by)
      select gen.uid('referral', n), client_id, referrer_org, team_id, case_org,
        case when screened then gen.uid('screening', n) end,
        case when referrer_org <> case_org then gen.uid('consent', n) end,
        'Työ- ja toimintakyvyn monialainen arvio', 'accepted', sent_at, null, null, unemployed_since,
        sent_at, manager_id, sent_at, manager_id
      from batch where has_referral`);
      // Some clients were referred earlier and returned (criteria not met at the time).
      await count(`insert into referral (id, client_id, referring_organisation_id, receiving_team_id, receiving_organisation_id,
        screening_id, consent_id, reason, status, sent_at, return_reason, eligibility_justification, unemployed_since,
        created_at, created_by, updated_at, updated_by)
      select gen.uid('returned', n), client_id, referrer_org, team_id, case_org, null,
        case when referrer_org <> case_org then gen.uid('consent', n) end,
        'Työkyvyn arvio', 'returned', sent_at - interval '120 days', 'Kriteerit eivät täyttyneet', null, unemployed_since,
        sent_at - interval '120 days', manager_id, sent_at - interval '110 days', manager_id
      from batch where has_referral and returned_referral`);
      await count(`insert into client_case (id, client_id, referral_id, team_id, organisation_id, pathway_id, current_phase_id,
        phase_changed_on, opened_on, closed_on, outcome_code, closing_note, created_at, created_by, updated_at, updated_by)
      select case_id, client_id, case when has_referral then gen.uid('referral', n) end, team_id, case_org, p.id, ph.id,
        cur.entered, opened_on, closed_on, outcome, case when closed_on is not null then '' end,
        opened_on::timestamp at time zone 'Europe/Helsinki', manager_id, opened_on::timestamp at time zone 'Europe/Helsinki', manager_id
      from batch
      join pathway p on p.code = batch.pathway
      cross join lateral (
        select k as phase, case when k = 1 then opened_on else opened_on + floor((k - 1) * d + gen.rnd(n * 8 + k, 50) * d * 0.5)::int end as entered
        from generate_series(1, planned) k
        where k = 1 or opened_on + floor((k - 1) * d + gen.rnd(n * 8 + k, 50) * d * 0.5)::int <= end_on
        order by k desc limit 1
      ) cur
      join pathway_phase ph on ph.pathway_id = p.id and ph.ordinal = cur.phase`);
      await count(`insert into case_phase_change (id, case_id, organisation_id, from_phase_id, to_phase_id, changed_on, note, created_at, created_by)
      select gen.uid2('phase', n, s.k), case_id, case_org, prev.id, ph.id, s.entered, '',
        s.entered::timestamp at time zone 'Europe/Helsinki' + make_interval(hours => 9, secs => s.k), manager_id
      from batch
      join pathway p on p.code = batch.pathway
      cross join lateral (
        select k, case when k = 1 then opened_on else opened_on + floor((k - 1) * d + gen.rnd(n * 8 + k, 50) * d * 0.5)::int end as entered
        from generate_series(1, planned) k
      ) s
      join pathway_phase ph on ph.pathway_id = p.id and ph.ordinal = s.k
      left join pathway_phase prev on prev.pathway_id = p.id and prev.ordinal = s.k - 1
      where s.k = 1 or s.entered <= end_on`);
      if (derive) {
        // The report's phase stays, as the phase-change and closure triggers would write them.
        await count(`insert into case_phase_stay (phase_change_id, case_id, phase_id, entered_on, left_on, left_by)
          select gen.uid2('phase', n, s.k), case_id, ph.id, s.entered,
            coalesce(s.next_entered, closed_on), case when s.next_entered is not null then 'phase_change' when closed_on is not null then 'closure' end
          from batch
          join pathway p on p.code = batch.pathway
          cross join lateral (
            select k, case when k = 1 then opened_on else opened_on + floor((k - 1) * d + gen.rnd(n * 8 + k, 50) * d * 0.5)::int end as entered,
              case when k < planned and opened_on + floor(k * d + gen.rnd(n * 8 + k + 1, 50) * d * 0.5)::int <= end_on
                then opened_on + floor(k * d + gen.rnd(n * 8 + k + 1, 50) * d * 0.5)::int end as next_entered
            from generate_series(1, planned) k
          ) s
          join pathway_phase ph on ph.pathway_id = p.id and ph.ordinal = s.k
          where s.k = 1 or s.entered <= end_on`);
      }
      await count(`insert into case_manager_assignment (id, case_id, user_id, organisation_id, note, started_at, created_at, created_by, updated_at, updated_by)
      select gen.uid('manager', n), case_id, manager_id, manager_org, '', opened_on::timestamp at time zone 'Europe/Helsinki',
        opened_on::timestamp at time zone 'Europe/Helsinki', manager_id, opened_on::timestamp at time zone 'Europe/Helsinki', manager_id
      from batch`);
      await count(`insert into case_team_member (id, case_id, organisation_id, user_id, role, added_at, added_by, created_at, created_by, updated_at, updated_by)
      select gen.uid2('member', n, 0), case_id, case_org, manager_id, manager_role, opened_on::timestamp at time zone 'Europe/Helsinki', manager_id,
        opened_on::timestamp at time zone 'Europe/Helsinki', manager_id, opened_on::timestamp at time zone 'Europe/Helsinki', manager_id
      from batch`);
      // The network: each organisation type with the pilot's share; most of them also join the case team.
      await run(`create temporary table batch_net on commit drop as
      select b.n, b.case_id, b.client_id, b.case_org, b.manager_id, b.opened_on, b.span, o.id as organisation_id, x.k
      from batch b
      join gen.network x on gen.rnd(b.n * 16 + x.k, 60) < x.p
      join gen.org o on o.region = b.region and o.key = x.key
      where o.id <> b.case_org`);
      await count(`insert into case_team_member (id, case_id, organisation_id, user_id, role, added_at, added_by, created_at, created_by, updated_at, updated_by)
      select gen.uid2('member', n, k), case_id, organisation_id, null, 'social_worker',
        (opened_on + least(span, 7 + (n % 30))::int)::timestamp at time zone 'Europe/Helsinki' + interval '10 hours', manager_id,
        now(), manager_id, now(), manager_id
      from batch_net where gen.rnd(n * 16 + k, 61) < 0.7`);
      await count(`insert into network_meeting (id, client_id, case_id, organisation_id, starts_at, duration_minutes, client_participated,
        note, created_at, created_by, updated_at, updated_by)
      select gen.uid2('meeting', n, j), client_id, case_id, case_org,
        (opened_on + least(span, 10 + floor(gen.rnd(n * 4 + j, 62) * span))::int)::timestamp at time zone 'Europe/Helsinki' + interval '9 hours',
        60, gen.rnd(n * 4 + j, 63) < 0.85, '', now(), manager_id, now(), manager_id
      from (select distinct n, client_id, case_id, case_org, manager_id, opened_on, span from batch_net) b
      cross join generate_series(1, case when gen.rnd(n, 64) < 0.7 then 1 else 2 end) j`);
      await count(`insert into network_meeting_organisation (meeting_id, organisation_id)
      select gen.uid2('meeting', m.n, j), m.organisation_id
      from (select n, organisation_id from batch_net union select distinct n, case_org from batch_net) m
      cross join generate_series(1, case when gen.rnd(m.n, 64) < 0.7 then 1 else 2 end) j`);

      // Visits: the first within three weeks of opening, the rest over the case. Coordinator and physician in the
      // work ability team (seed 002: ~1.25 coordinator visits per client, the physician sees nearly everyone).
      await count(`insert into visit (id, client_id, case_id, organisation_id, professional_user_id, visit_on, mode, duration_minutes,
        note, created_at, created_by, updated_at, updated_by)
      select gen.uid2('visit', b.n, v.kind * 10 + j), b.client_id, b.case_id, u.organisation_id, u.id,
        case when j = 1 and v.kind = v.first_kind then b.opened_on + least(b.span, 1 + floor(gen.rnd(b.n, 70) * 24))::int
          else b.opened_on + floor(gen.rnd(b.n * 40 + v.kind * 10 + j, 71) * b.span)::int end,
        (array['in_person','in_person','in_person','phone','video'])[1 + (b.n + j) % 5], 30 + 15 * ((b.n + j) % 4), '',
        now(), u.id, now(), u.id
      from batch b
      cross join lateral (values
        (1, 'coordinator', case when b.pathway = 'work_ability_team' and gen.rnd(b.n, 72) < 0.92
          then case when gen.rnd(b.n, 73) < 0.8 then 1 when gen.rnd(b.n, 73) < 0.95 then 2 else 3 end else 0 end, 1),
        (2, 'physician', case when b.pathway = 'work_ability_team' and gen.rnd(b.n, 74) < 0.95
          then case when gen.rnd(b.n, 75) < 0.7 then 1 when gen.rnd(b.n, 75) < 0.95 then 2 else 3 end else 0 end, 1),
        (3, 'nurse', case when b.pathway = 'work_ability_team' and gen.rnd(b.n, 76) < 0.5 then 1 else 0 end, 1),
        (4, 'employment_advisor', case when b.pathway = 'multi_agency_employment' then 1 + floor(gen.rnd(b.n, 77) * 4)::int else 0 end, 4),
        (5, 'job_coach', case when b.pathway = 'supported_employment' then 2 + floor(gen.rnd(b.n, 78) * 7)::int else 0 end, 5)
      ) v (kind, role, visits, first_kind)
      cross join generate_series(1, v.visits) j
      join gen.usr u on u.team_id = b.team_id and u.role = v.role
        and u.idx = 1 + (b.n % case v.role when 'coordinator' then 2 when 'employment_advisor' then 3 when 'job_coach' then 3 else 1 end)`);
      // One visit in a hundred was corrected after the editing day: the correction points to it.
      await count(`insert into visit (id, client_id, case_id, organisation_id, professional_user_id, visit_on, mode, duration_minutes,
        note, corrects_id, created_at, created_by, updated_at, updated_by)
      select gen.uid2('visitfix', b.n, (gen.rnd(b.n, 79) * 1000)::int), v.client_id, v.case_id, v.organisation_id, v.professional_user_id,
        v.visit_on, v.mode, v.duration_minutes + 15, 'Korjaus: kesto', v.id, now(), v.created_by, now(), v.created_by
      from batch b
      join visit v on v.case_id = b.case_id and v.id = gen.uid2('visit', b.n, 11)
      where gen.rnd(b.n, 79) < 0.01`);

      await count(`insert into consultation (id, client_id, case_id, organisation_id, asker_role, to_organisation_id, to_user_id, topic,
        question, answer, answered_at, answered_by, created_at, created_by, updated_at, updated_by)
      select gen.uid2('consultation', b.n, j), b.client_id, b.case_id, o.id, a.role, b.case_org, b.manager_id,
        (array['Työkyky','Kuntoutus','Etuudet','Palvelutarve','Työllistyminen'])[1 + (b.n + j) % 5],
        'Synteettinen konsultaatiokysymys',
        case when gen.rnd(b.n * 20 + j, 81) < 0.85 then 'Synteettinen vastaus' end,
        case when gen.rnd(b.n * 20 + j, 81) < 0.85 then at + interval '2 days' end,
        case when gen.rnd(b.n * 20 + j, 81) < 0.85 then b.manager_id end,
        at, b.manager_id, at, b.manager_id
      from batch b
      cross join generate_series(1, least(15, floor(-ln(1 - gen.rnd(b.n, 80)) * case b.pathway when 'work_ability_team' then 2.8
        when 'multi_agency_employment' then 1.8 else 1.3 end)::int)) j
      cross join lateral (select x.key, x.role from gen.asker x where gen.rnd(b.n * 20 + j, 82) >= x.lo and gen.rnd(b.n * 20 + j, 82) < x.hi) a
      join gen.org o on o.region = b.region and o.key = a.key
      cross join lateral (select ((b.opened_on + floor(gen.rnd(b.n * 20 + j, 83) * b.span)::int)::timestamp
        + make_interval(hours => 8 + floor(gen.rnd(b.n * 20 + j, 84) * 9)::int)) at time zone 'Europe/Helsinki' as at) t`);

      // Measurements on the default schedule while the case is open; answers as the professional records them.
      await count(`insert into measurement (id, case_id, client_id, organisation_id, instrument_code, offset_months, due_on, status,
        instrument_id, answered_at, created_at, created_by, updated_at, updated_by)
      select gen.uid2('measurement', b.n, s.offset_months * 10 + length(s.code)), b.case_id, b.client_id, b.case_org, s.code,
        s.offset_months, due.on, st.status, case when st.status in ('answered', 'sent') then i.id end,
        case when st.status = 'answered' then (least(due.on + (b.n % 10)::int, ${U}))::timestamp at time zone 'Europe/Helsinki' + interval '10 hours' end,
        now(), null, now(), null
      from batch b
      cross join gen.schedule s
      join gen.instrument i on i.code = s.code
      cross join lateral (select (b.opened_on + make_interval(months => s.offset_months))::date as on) due
      cross join lateral (select case
        when gen.rnd(b.n * 100 + s.offset_months * 10 + length(s.code), 90) < s.p_answer then 'answered'
        when due.on < ${U} - 14 then 'expired' else 'sent' end as status) st
      where due.on <= b.end_on`);
      await count(`insert into measurement_response (id, measurement_id, client_id, case_id, organisation_id, instrument_id, source, answers,
        scores, answered_on, created_at, created_by, updated_at, updated_by)
      select gen.uid2('response', b.n, m.offset_months * 10 + length(m.instrument_code)), m.id, m.client_id, m.case_id, m.organisation_id, m.instrument_id, 'professional', a.answers, a.scores,
        (m.answered_at at time zone 'Europe/Helsinki')::date, m.answered_at, b.manager_id, m.answered_at, b.manager_id
      from batch b
      join measurement m on m.case_id = b.case_id and m.status = 'answered'
      cross join lateral (
        select case m.instrument_code
          when 'was' then jsonb_build_object('was', w.v)
          when 'd3x10' then (select jsonb_object_agg(area, greatest(0, least(10, round(3.5 + gen.rnd(b.n, 92) * 4 + m.offset_months / 6.0 * (gen.rnd(b.n, 93) * 2.5 - 0.5) + gen.rnd(b.n * 100 + m.offset_months * 10 + i, 94) * 3 - 1.5))::int))
              from unnest(array['health','resilience','housing','daily_coping','family','friends','finances','strengths','self_esteem','life_as_whole']) with ordinality x(area, i))
          else jsonb_build_object(
            'coping', p.coping, 'useful', p.useful, 'decided_together', p.together, 'information_understandable', p.info,
            'knows_continuation', p.knows, 'recommend', p.recommend)
          end as answers
        from (select greatest(0, least(10, round(2.5 + gen.rnd(b.n, 95) * 4 + m.offset_months / 6.0 * (gen.rnd(b.n, 96) * 3 - 0.6) + gen.rnd(b.n * 10 + m.offset_months, 97) * 2 - 1)))::int as v) w,
        lateral (select
          case when gen.rnd(b.n * 10 + m.offset_months, 101) < 0.16 then 5 when gen.rnd(b.n * 10 + m.offset_months, 101) < 0.45 then 4
            when gen.rnd(b.n * 10 + m.offset_months, 101) < 0.85 then 3 when gen.rnd(b.n * 10 + m.offset_months, 101) < 0.895 then 2
            when gen.rnd(b.n * 10 + m.offset_months, 101) < 0.91 then 1 else 0 end as coping,
          case when gen.rnd(b.n * 10 + m.offset_months, 102) < 0.5 then 5 when gen.rnd(b.n * 10 + m.offset_months, 102) < 0.82 then 4 when gen.rnd(b.n * 10 + m.offset_months, 102) < 0.94 then 3 when gen.rnd(b.n * 10 + m.offset_months, 102) < 0.98 then 2 else 0 end as useful,
          case when gen.rnd(b.n * 10 + m.offset_months, 103) < 0.7 then 5 when gen.rnd(b.n * 10 + m.offset_months, 103) < 0.92 then 4 else 3 end as together,
          case when gen.rnd(b.n * 10 + m.offset_months, 104) < 0.65 then 5 when gen.rnd(b.n * 10 + m.offset_months, 104) < 0.92 then 4 when gen.rnd(b.n * 10 + m.offset_months, 104) < 0.97 then 3 else 2 end as info,
          case when gen.rnd(b.n * 10 + m.offset_months, 105) < 0.5 then 5 when gen.rnd(b.n * 10 + m.offset_months, 105) < 0.8 then 4 when gen.rnd(b.n * 10 + m.offset_months, 105) < 0.9 then 3 when gen.rnd(b.n * 10 + m.offset_months, 105) < 0.96 then 2 else 1 end as knows,
          least(10, greatest(0, round(7.5 + (gen.rnd(b.n * 10 + m.offset_months, 106) + gen.rnd(b.n * 10 + m.offset_months, 107) - 1) * 5)))::int as recommend
        ) p
      ) x
      cross join lateral (select x.answers, case when m.instrument_code = 'prem' then '{}'::jsonb else x.answers end as scores) a`);
      if (derive) {
        // The report's baseline / follow-up score pairs, as the answer triggers would write them.
        await count(`insert into measurement_score_pair (follow_up_id, score_key, case_id, instrument_code, offset_months, due_on, baseline, follow_up)
          select f.id, k.key, f.case_id, f.instrument_code, f.offset_months, f.due_on, (br.scores -> k.key)::float8, k.value::float8
          from batch x
          join measurement f on f.case_id = x.case_id and f.offset_months > 0
          join measurement_response fr on fr.measurement_id = f.id
          join measurement b on b.case_id = f.case_id and b.instrument_code = f.instrument_code and b.offset_months = 0
          join measurement_response br on br.measurement_id = b.id
          cross join lateral jsonb_each(fr.scores) k
          where jsonb_typeof(k.value) = 'number' and jsonb_typeof(br.scores -> k.key) = 'number'`);
      }
      await run('commit');
    } catch (err) {
      await run('rollback');
      throw err;
    }
    done++;
    const seconds = (Date.now() - t0) / 1000;
    const elapsed = (Date.now() - started) / 1000;
    const eta = (elapsed / done) * (batches - done);
    progress(
      `  batch ${b + 1}/${batches}: cases ${lo.toLocaleString('en')}–${hi.toLocaleString('en')} in ${seconds.toFixed(1)} s; ` +
        `${done}/${batches} done, ${rows.toLocaleString('en')} rows, ${elapsed.toFixed(0)} s elapsed, about ${eta.toFixed(0)} s to go`,
    );
  };
  try {
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(target.workers, batches)) }, () =>
        target.withSession(async (session) => {
          for (let b = next++; b < batches; b = next++) await loadBatch(session, b);
        }),
      ),
    );
  } finally {
    // Two sessions build the deferred indexes side by side (each build is mostly one core's work).
    const t = Date.now();
    const queue = [...deferred];
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(target.workers, queue.length)) }, () =>
        target.withSession(async (session) => {
          for (let ix = queue.shift(); ix; ix = queue.shift()) await session(String(ix.indexdef));
        }),
      ),
    );
    progress(`Built ${deferred.length} indexes in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
  }

  // The stakeholder survey: partner organisations' professionals answer about each team, about 20 a year.
  await run(`insert into stakeholder_response (team_id, organisation_id, respondent_organisation_type, instrument_id, answers, answered_on)
    select t.id, t.organisation_id, (array['municipal_employment_services','working_age_social_services','kela','ngo','employment_authority'])[1 + j % 5],
      (select id from gen.instrument where code = 'stakeholder_survey'),
      jsonb_build_object(
        'recommend_continuing', case when gen.rnd(h, 111) < 0.8 then 5 when gen.rnd(h, 111) < 0.96 then 4 else 3 end,
        'effective_for_clients', case when gen.rnd(h, 112) < 0.45 then 5 when gen.rnd(h, 112) < 0.84 then 4 when gen.rnd(h, 112) < 0.96 then 3 else 2 end,
        'improved_cooperation', case when gen.rnd(h, 113) < 0.5 then 5 when gen.rnd(h, 113) < 0.84 then 4 when gen.rnd(h, 113) < 0.95 then 3 else 2 end),
      ${U} - floor(gen.rnd(h, 114) * ${Math.round(o.years * 365)})::int
    from gen.team t
    cross join generate_series(1, ${Math.max(1, Math.round(20 * o.years))}) j
    cross join lateral (select hashtext(t.id::text || j)::bigint as h) k`);
  await run('drop schema gen cascade');
  const counted = await run(`select
    (select count(*) from client) as clients, (select count(*) from client_case) as cases,
    (select count(*) from visit) as visits, (select count(*) from consultation) as consultations,
    (select count(*) from measurement) as measurements, (select count(*) from measurement_response) as responses`);
  const total = (Date.now() - started) / 1000;
  progress(
    `Done in ${total.toFixed(1)} s (${rows.toLocaleString('en')} rows in the batches). The database now holds: ${JSON.stringify(counted[0])}`,
  );
  return { seconds: total, rows };
}
