import { type RawBuilder, sql } from 'kysely';
import { daysBetween } from '../../cases/calendar.ts';
import { JOB_START_MIN_HOURS, RAPID_SEARCH_DAYS } from '../../coaching/employment-measures.ts';
import { WEEKLY_CONTACT_TARGET } from '../../employers/contact-rate.ts';
import { FEEDBACK_ITEMS, ITEM_TEXTS } from '../../work-trials/feedback-form.ts';
import { dateInPeriod, type ReportScope } from '../report-scope.ts';
import type { Column, Localised, ReportTable } from '../report-table.ts';
import { columnGroup, rowGroup, same } from '../report-table.ts';
import { breakdownTable, type FigureGroup, N, num, numOrNull, SHARE, TOTAL } from './figure-group.ts';

/**
 * Supported employment (issue 6): coaching, employer contacts, job starts, the time measures, job tenure, work
 * trials and the latest fidelity band per team. A coaching is within the scope when its case is, or when the
 * chosen organisation (team) is the coaching organisation (team): coaching is often bought from another
 * organisation than the one that runs the case. Each coaching, job start and feedback is one person's.
 */

/** Conditions on a coaching `k` joined to its case `c`. */
function coachingConditions(scope: ReportScope): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [];
  if (scope.organisationId)
    conditions.push(
      sql`(c.organisation_id = ${scope.organisationId} or k.organisation_id = ${scope.organisationId})`,
    );
  if (scope.teamId) conditions.push(sql`(c.team_id = ${scope.teamId} or k.team_id = ${scope.teamId})`);
  if (scope.pathwayId) conditions.push(sql`c.pathway_id = ${scope.pathwayId}`);
  if (scope.municipality)
    conditions.push(
      sql`k.client_id in (select scl.id from client scl where scl.municipality = ${scope.municipality})`,
    );
  return conditions.length ? sql`and ${sql.join(conditions, sql` and `)}` : sql``;
}

const openInPeriod = (scope: ReportScope) =>
  sql`k.started_on <= ${scope.to}::date and (k.ended_on is null or k.ended_on >= ${scope.from}::date)`;

const MODELS: { key: string; label: Localised }[] = [
  {
    key: 'ips',
    label: {
      fi: 'IPS – sijoita ja valmenna',
      sv: 'IPS – individanpassat stöd till arbete',
      en: 'IPS – Individual Placement and Support',
    },
  },
  {
    key: 'quality_criteria',
    label: {
      fi: 'Laatukriteerien mukainen tuettu työllistyminen',
      sv: 'Arbete med stöd enligt kvalitetskriterierna',
      en: 'Supported employment by the quality criteria',
    },
  },
];

const BANDS: Record<string, Localised> = {
  exemplary: { fi: 'Erinomainen (115–125)', sv: 'Utmärkt (115–125)', en: 'Exemplary (115–125)' },
  good: { fi: 'Hyvä (100–114)', sv: 'God (100–114)', en: 'Good (100–114)' },
  fair: { fi: 'Kohtalainen (74–99)', sv: 'Tillfredsställande (74–99)', en: 'Fair (74–99)' },
  not_supported_employment: {
    fi: 'Ei tuettua työllistymistä (≤ 73)',
    sv: 'Inte arbete med stöd (≤ 73)',
    en: 'Not supported employment (≤ 73)',
  },
};

const DAYS_MEDIAN: Localised = { fi: 'Mediaani, vrk', sv: 'Median, dygn', en: 'Median, days' };
const days = (key: string, label: Localised, basis: string): Column => ({
  key,
  label,
  kind: 'statistic',
  unit: 'days',
  basis,
});

async function coachingFigure(scope: ReportScope, run: <R>(q: RawBuilder<R>) => Promise<R[]>) {
  const rows = await run<{
    model: string;
    intensity: string;
    open: number;
    started: number;
    ended: number;
  }>(sql`
    select k.model, k.intensity,
      count(*) filter (where ${openInPeriod(scope)}) as open,
      count(*) filter (where ${dateInPeriod(sql.ref('k.started_on'), scope)}) as started,
      count(*) filter (where ${dateInPeriod(sql.ref('k.ended_on'), scope)}) as ended
    from coaching k join client_case c on c.id = k.case_id
    where k.started_on <= ${scope.to}::date ${coachingConditions(scope)}
    group by k.model, k.intensity
  `);
  const sum = (pick: (r: (typeof rows)[number]) => boolean, col: 'open' | 'started' | 'ended') =>
    rows.filter(pick).reduce((s, r) => s + num(r[col]), 0);
  const cols = ['open', 'started', 'ended'] as const;
  const byModel: ReportTable = {
    key: 'by_model',
    title: { fi: 'Valmennusmallin mukaan', sv: 'Enligt modell', en: 'By model' },
    columns: [
      {
        key: 'open',
        label: {
          fi: 'Valmennuksessa jaksolla',
          sv: 'I coachning under perioden',
          en: 'In coaching in the period',
        },
        kind: 'persons',
      },
      { key: 'started', label: { fi: 'Aloittaneet', sv: 'Påbörjade', en: 'Started' }, kind: 'persons' },
      { key: 'ended', label: { fi: 'Päättyneet', sv: 'Avslutade', en: 'Ended' }, kind: 'persons' },
    ],
    rows: [
      ...MODELS.map((m) => ({
        key: m.key,
        label: m.label,
        cells: Object.fromEntries(cols.map((col) => [col, sum((r) => r.model === m.key, col)])),
      })),
      {
        key: 'total',
        label: TOTAL,
        total: true,
        cells: Object.fromEntries(cols.map((col) => [col, sum(() => true, col)])),
      },
    ],
    groups: cols.map((col) =>
      columnGroup(
        col,
        MODELS.map((m) => m.key),
        'total',
      ),
    ),
  };
  const byIntensity = breakdownTable(
    'by_intensity',
    {
      fi: 'Valmennuksessa jaksolla tuen määrän mukaan',
      sv: 'I coachning under perioden enligt stödets omfattning',
      en: 'In coaching in the period by intensity',
    },
    [
      {
        key: 'intensive',
        label: { fi: 'Intensiivinen valmennus', sv: 'Intensiv coachning', en: 'Intensive coaching' },
        count: sum((r) => r.intensity === 'intensive', 'open'),
      },
      {
        key: 'light_support',
        label: { fi: 'Kevyt tuki', sv: 'Lätt stöd', en: 'Light support' },
        count: sum((r) => r.intensity === 'light_support', 'open'),
      },
    ],
  );
  return { id: 'employment.coaching', tables: [byModel, byIntensity] };
}

async function contactFigure(scope: ReportScope, run: <R>(q: RawBuilder<R>) => Promise<R[]>) {
  const weeks = (daysBetween(scope.from, scope.to) + 1) / 7;
  const contactOrg = scope.organisationId ? sql`and ec.organisation_id = ${scope.organisationId}` : sql``;
  const contactTeam = scope.teamId
    ? sql`and exists (select 1 from team_member tm where tm.team_id = ${scope.teamId} and tm.user_id = ec.coach_user_id)`
    : sql``;
  const coachOrg = scope.organisationId ? sql`and k.organisation_id = ${scope.organisationId}` : sql``;
  const coachTeam = scope.teamId ? sql`and k.team_id = ${scope.teamId}` : sql``;
  const [row] = await run<{ coaches: number; contacts: number; meeting: number }>(sql`
    with contacts as (
      select ec.coach_user_id, count(*) as n
      from employer_contact ec
      where ${dateInPeriod(sql.ref('ec.contacted_on'), scope)} ${contactOrg} ${contactTeam}
      group by ec.coach_user_id
    ), coaches as (
      select coach_user_id from contacts
      union
      select k.coach_user_id from coaching k where ${openInPeriod(scope)} ${coachOrg} ${coachTeam}
    )
    select (select count(*) from coaches) as coaches,
      (select coalesce(sum(n), 0) from contacts) as contacts,
      (select count(*) from coaches co join contacts ct on ct.coach_user_id = co.coach_user_id
        where ct.n >= ${WEEKLY_CONTACT_TARGET * weeks}::numeric) as meeting
  `);
  const coaches = num(row?.coaches);
  const contacts = num(row?.contacts);
  const table: ReportTable = {
    key: 'per_coach_week',
    title: null,
    columns: [
      { key: 'coaches', label: { fi: 'Valmentajat', sv: 'Coacher', en: 'Coaches' }, kind: 'persons' },
      {
        key: 'contacts',
        label: { fi: 'Työnantajakontaktit', sv: 'Arbetsgivarkontakter', en: 'Employer contacts' },
        kind: 'events',
      },
      {
        key: 'per_week',
        label: {
          fi: 'Kontakteja / valmentaja / viikko',
          sv: 'Kontakter / coach / vecka',
          en: 'Contacts per coach per week',
        },
        kind: 'statistic',
        unit: 'score',
        basis: 'coaches',
      },
      {
        key: 'meeting',
        label: {
          fi: `Vähintään ${WEEKLY_CONTACT_TARGET} / viikko`,
          sv: `Minst ${WEEKLY_CONTACT_TARGET} / vecka`,
          en: `At least ${WEEKLY_CONTACT_TARGET} a week`,
        },
        kind: 'persons',
      },
      {
        key: 'meeting_share',
        label: SHARE,
        kind: 'share',
        numerator: 'meeting',
        denominator: { column: 'coaches' },
      },
    ],
    rows: [
      {
        key: 'all',
        label: { fi: 'Kaikki valmentajat', sv: 'Alla coacher', en: 'All coaches' },
        cells: {
          coaches,
          contacts,
          per_week: coaches ? contacts / coaches / weeks : null,
          meeting: num(row?.meeting),
        },
      },
    ],
    groups: [],
  };
  return { id: 'employment.employer_contacts', tables: [table] };
}

async function jobStartFigure(scope: ReportScope, run: <R>(q: RawBuilder<R>) => Promise<R[]>) {
  const [row] = await run<{ open_plain: number; open_subsidised: number; other: number }>(sql`
    select
      count(*) filter (where p.open_labour_market and not p.pay_subsidy) as open_plain,
      count(*) filter (where p.open_labour_market and p.pay_subsidy) as open_subsidised,
      count(*) filter (where not p.open_labour_market) as other
    from job_placement p
    join coaching k on k.id = p.coaching_id
    join client_case c on c.id = k.case_id
    where ${dateInPeriod(sql.ref('p.started_on'), scope)} and p.hours_per_week >= ${JOB_START_MIN_HOURS}
      ${coachingConditions(scope)}
  `);
  const table = breakdownTable(
    'job_starts',
    null,
    [
      {
        key: 'open_labour_market',
        label: {
          fi: 'Avoimet työmarkkinat ilman palkkatukea',
          sv: 'Öppna arbetsmarknaden utan lönesubvention',
          en: 'Open labour market, no pay subsidy',
        },
        count: num(row?.open_plain),
      },
      {
        key: 'open_pay_subsidy',
        label: {
          fi: 'Avoimet työmarkkinat palkkatuella',
          sv: 'Öppna arbetsmarknaden med lönesubvention',
          en: 'Open labour market with pay subsidy',
        },
        count: num(row?.open_subsidised),
      },
      {
        key: 'other',
        label: {
          fi: 'Muu kuin avoin työmarkkina',
          sv: 'Annat än den öppna arbetsmarknaden',
          en: 'Outside the open labour market',
        },
        count: num(row?.other),
      },
    ],
    { fi: 'Työn aloitukset', sv: 'Påbörjade arbeten', en: 'Job starts' },
  );
  return { id: 'employment.job_starts', tables: [table] };
}

/** n, median and (for contacts) within the target, as one row; `first` is per coaching: started_on, first_on. */
function firstTimeTable(
  key: string,
  label: Localised,
  r: { n: number; median: number | null; within?: number } | undefined,
  target?: number,
): ReportTable {
  const n = num(r?.n);
  const within = num(r?.within);
  const columns: Column[] = [{ key: 'n', label: N, kind: 'persons' }, days('median', DAYS_MEDIAN, 'n')];
  const cells: Record<string, number | null> = { n, median: numOrNull(r?.median) };
  const groups = [];
  if (target !== undefined) {
    columns.push(
      {
        key: 'within',
        label: { fi: `Enintään ${target} vrk`, sv: `Högst ${target} dygn`, en: `Within ${target} days` },
        kind: 'persons',
      },
      {
        key: 'beyond',
        label: { fi: `Yli ${target} vrk`, sv: `Över ${target} dygn`, en: `Over ${target} days` },
        kind: 'persons',
      },
      { key: 'within_share', label: SHARE, kind: 'share', numerator: 'within', denominator: { column: 'n' } },
    );
    cells.within = within;
    cells.beyond = n - within;
    groups.push(rowGroup('coachings', ['within', 'beyond'], 'n'));
  }
  return { key, title: null, columns, rows: [{ key: 'coachings', label, cells }], groups };
}

async function timeFigures(scope: ReportScope, run: <R>(q: RawBuilder<R>) => Promise<R[]>) {
  const [contact] = await run<{ n: number; median: number | null; within: number }>(sql`
    with first as (
      select k.id, k.started_on, min(ec.contacted_on) as first_on
      from coaching k
      join client_case c on c.id = k.case_id
      join employer_contact ec on ec.coaching_id = k.id and ec.contacted_on >= k.started_on
      where ec.contacted_on <= ${scope.to}::date ${coachingConditions(scope)}
      group by k.id, k.started_on
      having min(ec.contacted_on) >= ${scope.from}::date
    )
    select count(*) as n,
      percentile_cont(0.5) within group (order by first_on - started_on) as median,
      count(*) filter (where first_on - started_on <= ${RAPID_SEARCH_DAYS}) as within
    from first
  `);
  const [job] = await run<{ n: number; median: number | null }>(sql`
    with first as (
      select k.id, k.started_on, min(p.started_on) as first_on
      from coaching k
      join client_case c on c.id = k.case_id
      join job_placement p on p.coaching_id = k.id and p.started_on >= k.started_on and p.hours_per_week >= ${JOB_START_MIN_HOURS}
      where p.started_on <= ${scope.to}::date ${coachingConditions(scope)}
      group by k.id, k.started_on
      having min(p.started_on) >= ${scope.from}::date
    )
    select count(*) as n, percentile_cont(0.5) within group (order by first_on - started_on) as median
    from first
  `);
  return [
    {
      id: 'employment.time_to_first_contact',
      tables: [
        firstTimeTable(
          'days',
          {
            fi: 'Valmennukset, joiden ensimmäinen työnantajakontakti oli jaksolla',
            sv: 'Coachningar vars första arbetsgivarkontakt var under perioden',
            en: 'Coachings whose first employer contact was in the period',
          },
          contact,
          RAPID_SEARCH_DAYS,
        ),
      ],
    },
    {
      id: 'employment.time_to_first_job',
      tables: [
        firstTimeTable(
          'days',
          {
            fi: 'Valmennukset, joiden ensimmäinen työn aloitus oli jaksolla',
            sv: 'Coachningar vars första påbörjade arbete var under perioden',
            en: 'Coachings whose first job start was in the period',
          },
          job,
        ),
      ],
    },
  ];
}

async function tenureFigure(scope: ReportScope, run: <R>(q: RawBuilder<R>) => Promise<R[]>) {
  const [r] = await run<{
    ended_n: number;
    ended_median: number | null;
    ongoing_n: number;
    ongoing_median: number | null;
  }>(sql`
    select
      count(*) filter (where ${dateInPeriod(sql.ref('p.ended_on'), scope)}) as ended_n,
      percentile_cont(0.5) within group (order by p.ended_on - p.started_on)
        filter (where ${dateInPeriod(sql.ref('p.ended_on'), scope)}) as ended_median,
      count(*) filter (where p.ended_on is null or p.ended_on > ${scope.to}::date) as ongoing_n,
      percentile_cont(0.5) within group (order by ${scope.to}::date - p.started_on)
        filter (where p.ended_on is null or p.ended_on > ${scope.to}::date) as ongoing_median
    from job_placement p
    join coaching k on k.id = p.coaching_id
    join client_case c on c.id = k.case_id
    where p.started_on <= ${scope.to}::date and p.hours_per_week >= ${JOB_START_MIN_HOURS} ${coachingConditions(scope)}
  `);
  const table: ReportTable = {
    key: 'tenure',
    title: null,
    columns: [{ key: 'n', label: N, kind: 'persons' }, days('median', DAYS_MEDIAN, 'n')],
    rows: [
      {
        key: 'ended',
        label: {
          fi: 'Jaksolla päättyneet työsuhteet',
          sv: 'Anställningar som upphörde under perioden',
          en: 'Jobs that ended in the period',
        },
        cells: { n: num(r?.ended_n), median: numOrNull(r?.ended_median) },
      },
      {
        key: 'ongoing',
        label: {
          fi: 'Jakson lopussa jatkuvat työsuhteet',
          sv: 'Anställningar som fortsätter vid periodens slut',
          en: 'Jobs continuing at the end of the period',
        },
        cells: { n: num(r?.ongoing_n), median: numOrNull(r?.ongoing_median) },
      },
    ],
    groups: [],
  };
  return { id: 'employment.job_tenure', tables: [table] };
}

async function workTrialFigure(scope: ReportScope, run: <R>(q: RawBuilder<R>) => Promise<R[]>) {
  const [t] = await run<{ started: number; interrupted: number }>(sql`
    select
      count(*) filter (where ${dateInPeriod(sql.ref('w.starts_on'), scope)}) as started,
      count(*) filter (where ${dateInPeriod(sql.ref('w.interrupted_on'), scope)}) as interrupted
    from work_trial w
    join coaching k on k.id = w.coaching_id
    join client_case c on c.id = k.case_id
    where w.starts_on <= ${scope.to}::date ${coachingConditions(scope)}
  `);
  const itemCols = FEEDBACK_ITEMS.map(
    (i) =>
      sql`count(${sql.ref(`f.${i}`)}) as ${sql.ref(`n_${i}`)}, avg(${sql.ref(`f.${i}`)}) as ${sql.ref(`m_${i}`)}`,
  );
  const feedback = await run<Record<string, unknown> & { kind: string; answers: number }>(sql`
    select f.kind, count(*) as answers, ${sql.join(itemCols, sql`, `)}
    from work_trial_feedback f
    join work_trial w on w.id = f.work_trial_id
    join coaching k on k.id = w.coaching_id
    join client_case c on c.id = k.case_id
    where ${dateInPeriod(sql.ref('f.answered_on'), scope)} ${coachingConditions(scope)}
    group by f.kind
  `);
  const kind = (k: string) => feedback.find((f) => f.kind === k);
  const trials = breakdownTable('trials', null, [
    {
      key: 'started',
      label: { fi: 'Alkaneet työkokeilut', sv: 'Påbörjade arbetsprövningar', en: 'Work trials started' },
      count: num(t?.started),
    },
    {
      key: 'interrupted',
      label: {
        fi: 'Keskeytyneet työkokeilut',
        sv: 'Avbrutna arbetsprövningar',
        en: 'Work trials interrupted',
      },
      count: num(t?.interrupted),
    },
    {
      key: 'midpoint',
      label: { fi: 'Väliarvioinnit', sv: 'Mellanbedömningar', en: 'Mid-point feedback' },
      count: num(kind('midpoint')?.answers),
    },
    {
      key: 'final',
      label: { fi: 'Loppuarvioinnit', sv: 'Slutbedömningar', en: 'Final feedback' },
      count: num(kind('final')?.answers),
    },
  ]);
  // The rows are not parts of one whole: no total row or share.
  trials.rows = trials.rows.filter((r) => r.key !== 'total');
  trials.columns = trials.columns.filter((c) => c.key === 'count');
  trials.groups = [];
  const mean: Localised = { fi: 'Keskiarvo (1–5)', sv: 'Medelvärde (1–5)', en: 'Mean (1–5)' };
  const scores: ReportTable = {
    key: 'scores',
    title: {
      fi: 'Ohjaajan arviot (1–5)',
      sv: 'Handledarens bedömningar (1–5)',
      en: 'Supervisor’s ratings (1–5)',
    },
    columns: [
      {
        key: 'n_midpoint',
        label: { fi: 'n, väliarviointi', sv: 'n, mellanbedömning', en: 'n, mid-point' },
        kind: 'persons',
      },
      { key: 'mean_midpoint', label: mean, kind: 'statistic', unit: 'score', basis: 'n_midpoint' },
      {
        key: 'n_final',
        label: { fi: 'n, loppuarviointi', sv: 'n, slutbedömning', en: 'n, final' },
        kind: 'persons',
      },
      { key: 'mean_final', label: mean, kind: 'statistic', unit: 'score', basis: 'n_final' },
    ],
    rows: FEEDBACK_ITEMS.map((item) => ({
      key: item,
      label: ITEM_TEXTS[item].label,
      cells: {
        n_midpoint: num(kind('midpoint')?.[`n_${item}`]),
        mean_midpoint: numOrNull(kind('midpoint')?.[`m_${item}`]),
        n_final: num(kind('final')?.[`n_${item}`]),
        mean_final: numOrNull(kind('final')?.[`m_${item}`]),
      },
    })),
    groups: [],
  };
  return { id: 'employment.work_trials', tables: [trials, scores] };
}

async function fidelityFigure(scope: ReportScope, run: <R>(q: RawBuilder<R>) => Promise<R[]>) {
  const rows = await run<{
    team_id: string;
    team_name: string;
    total_score: number;
    band: string;
    review_date: string;
  }>(sql`
    select distinct on (r.team_id) r.team_id, t.name as team_name, r.total_score, r.band, r.review_date::text as review_date
    from fidelity_review r join team t on t.id = r.team_id
    where r.status = 'final' and r.review_date <= ${scope.to}::date
      ${scope.organisationId ? sql`and r.organisation_id = ${scope.organisationId}` : sql``}
      ${scope.teamId ? sql`and r.team_id = ${scope.teamId}` : sql``}
    order by r.team_id, r.review_date desc, r.finalised_at desc
  `);
  const table: ReportTable = {
    key: 'latest_band',
    title: null,
    columns: [
      { key: 'items', label: { fi: 'Osiot', sv: 'Delområden', en: 'Items' }, kind: 'events' },
      {
        key: 'total',
        label: { fi: 'Pisteet (25–125)', sv: 'Poäng (25–125)', en: 'Score (25–125)' },
        kind: 'statistic',
        unit: 'score',
        basis: 'items',
      },
    ],
    rows: rows
      .sort((a, b) => a.team_name.localeCompare(b.team_name, 'fi'))
      .map((r) => {
        const band = BANDS[r.band] ?? same(r.band);
        return {
          key: r.team_id,
          label: same(r.team_name),
          detail: {
            fi: `${band.fi}, ${r.review_date}`,
            sv: `${band.sv}, ${r.review_date}`,
            en: `${band.en}, ${r.review_date}`,
          },
          cells: { items: 25, total: num(r.total_score) },
        };
      }),
    groups: [],
  };
  return { id: 'employment.fidelity', tables: [table] };
}

export const employmentFigures: FigureGroup = {
  id: 'employment',
  metrics: [
    'employment.coaching',
    'employment.employer_contacts',
    'employment.job_starts',
    'employment.time_to_first_contact',
    'employment.time_to_first_job',
    'employment.job_tenure',
    'employment.work_trials',
    'employment.fidelity',
  ],
  async compute({ scope, run }) {
    return [
      await coachingFigure(scope, run),
      await contactFigure(scope, run),
      await jobStartFigure(scope, run),
      ...(await timeFigures(scope, run)),
      await tenureFigure(scope, run),
      await workTrialFigure(scope, run),
      await fidelityFigure(scope, run),
    ];
  },
};
