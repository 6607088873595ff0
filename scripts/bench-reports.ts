/**
 * `npm run bench:reports [-- --sizes 10000,100000,1000000 --runs 5 --keep --server postgres://…]`
 *
 * For each size: creates its own database on the PostgreSQL server (bench_10k, bench_100k, bench_1m), migrates
 * it, generates the synthetic region (scripts/synthetic-region.ts), runs VACUUM ANALYZE, and measures the full
 * team report (every figure) after a warm-up, as the median of `runs` runs, two ways:
 *
 * - app: `computeReport` + `presentReport` (the code GET /api/reports/team runs, without HTTP) in a transaction
 *   on a pg pool, as the route does;
 * - direct: the very statements the app ran (captured from it, parameters written in as literals) in one
 *   transaction through `psql -X -f`, timed by psql's \timing: the sum of the statements' times per run.
 *
 * Four scopes: one team and one wellbeing county over the last twelve months (the everyday team report), the
 * whole region over the last twelve months, and the whole region over its whole history (every client). Figures go to
 * bench/results/reports-<date>.json and .md. The databases are dropped at the end unless --keep.
 * `--database NAME` measures an existing database instead (no generation, nothing dropped, nothing written);
 * `--keep` leaves the databases, and `--reuse` measures such a database again instead of generating it anew.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { presentReport } from '../src/modules/reports/report.presenter.ts';
import { computeReport, type QueryTiming } from '../src/modules/reports/report.service.ts';
import type { ReportScope } from '../src/modules/reports/report-scope.ts';
import { openPostgres } from '../src/server/db/engine.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { generateRegion, loadingTarget } from './synthetic-region.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    runs: { type: 'string', default: '5' },
    server: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    until: { type: 'string', default: '2025-12-31' },
    years: { type: 'string', default: '4' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    database: { type: 'string' },
  },
});

const RUNS = Number(values.runs);
const UNTIL = values.until;
const YEARS = Number(values.years);
const log = (m: string) => process.stderr.write(`${m}\n`);

function dbUrl(name: string): string {
  const url = new URL(values.server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: values.server });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** A parameter written into the SQL text as a literal (the values are dates, ids, codes and names). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (Array.isArray(value)) return `array[${value.map(literal).join(', ')}]`;
  return `'${String(value).replace(/'/g, "''")}'`;
}

function inline(q: QueryTiming): string {
  return q.sql.replace(/\$(\d+)/g, (_, i: string) => literal(q.parameters[Number(i) - 1]));
}

interface ScopeResult {
  scope: string;
  filters: ReportScope;
  statements: number;
  appMs: number[];
  directMs: number[];
  appMedianMs: number;
  directMedianMs: number;
  ratio: number;
  perStatementMedianMs: { statement: string; appMs: number; directMs: number }[];
}

async function measure(dbName: string, name: string, scope: ReportScope): Promise<ScopeResult> {
  const handle = openPostgres(dbUrl(dbName), 2);
  try {
    // The app: the report function in a transaction, as the route runs it; statement times recorded.
    const appRuns: { total: number; statements: QueryTiming[] }[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const statements: QueryTiming[] = [];
      const t0 = performance.now();
      await handle.db.transaction().execute(async (trx) => {
        const figures = await computeReport(trx, scope, { onQuery: (q) => statements.push(q) });
        presentReport(figures, scope, true, new Date());
      });
      const total = performance.now() - t0;
      if (i > 0) appRuns.push({ total, statements });
      log(`    app ${i === 0 ? 'warm-up' : `run ${i}`}: ${total.toFixed(0)} ms`);
    }
    // Directly in psql: the same statements, literals for parameters, in one transaction, \timing per statement.
    const captured = appRuns[0]!.statements;
    const script = path.join(os.tmpdir(), `bench-report-${dbName}-${name}.sql`);
    fs.writeFileSync(
      script,
      ['\\timing on', 'begin;', ...captured.map((q) => `${inline(q)};`), 'commit;', ''].join('\n'),
    );
    const directRuns: number[][] = [];
    for (let i = 0; i <= RUNS; i++) {
      const out = execFileSync('psql', ['-X', '-q', '-d', dbUrl(dbName), '-f', script], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const times = [...out.matchAll(/^Time: ([\d.]+) ms/gm)].map((m) => Number(m[1]));
      // The first and last are BEGIN and COMMIT; the statements are in between, in order.
      const statements = times.slice(1, 1 + captured.length);
      if (statements.length !== captured.length) throw new Error(`psql printed ${times.length} timings`);
      if (i > 0) directRuns.push(times);
      log(`    psql ${i === 0 ? 'warm-up' : `run ${i}`}: ${times.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
    }
    const appMs = appRuns.map((r) => round(r.total));
    const directMs = directRuns.map((t) => round(t.reduce((a, b) => a + b, 0)));
    const appMedianMs = round(median(appMs));
    const directMedianMs = round(median(directMs));
    return {
      scope: name,
      filters: scope,
      statements: captured.length,
      appMs,
      directMs,
      appMedianMs,
      directMedianMs,
      ratio: round(appMedianMs / directMedianMs, 2),
      perStatementMedianMs: captured.map((q, k) => ({
        statement: q.sql.replace(/\s+/g, ' ').trim().slice(0, 90),
        appMs: round(median(appRuns.map((r) => r.statements[k]?.ms ?? 0))),
        directMs: round(median(directRuns.map((t) => t[k + 1] ?? 0))),
      })),
    };
  } finally {
    await handle.close();
  }
}

async function counts(dbName: string) {
  const handle = openPostgres(dbUrl(dbName), 1);
  try {
    return await handle.withSession(async (run) => {
      const [row] = await run(`select
        (select count(*) from client)::int as clients, (select count(*) from client_case)::int as cases,
        (select count(*) from referral)::int as referrals, (select count(*) from visit)::int as visits,
        (select count(*) from consultation)::int as consultations, (select count(*) from case_phase_change)::int as phase_changes,
        (select count(*) from case_team_member)::int as case_team_members, (select count(*) from network_meeting)::int as network_meetings,
        (select count(*) from measurement)::int as measurements, (select count(*) from measurement_response)::int as responses,
        pg_size_pretty(pg_database_size(current_database())) as database_size`);
      const [sote] = await run(
        `select o.id from organisation o where o.type = 'sote_centre' order by o.name limit 1`,
      );
      const [team] =
        await run(`select t.id, t.organisation_id from team t join organisation o on o.id = t.organisation_id
        where o.type = 'sote_centre' order by o.name, t.name limit 1`);
      return {
        counts: row!,
        firstSote: String(sote?.id),
        firstTeam: String(team?.id),
        teamOrganisation: String(team?.organisation_id),
      };
    });
  } finally {
    await handle.close();
  }
}

const sizes = values.database ? [0] : values.sizes.split(',').map(Number);
const results: unknown[] = [];
const startedAt = new Date();
const environment = {
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memoryGb: round(os.totalmem() / 2 ** 30, 1),
  postgres: await admin(async (c) => (await c.query('select version()')).rows[0].version as string),
  settings: await admin(async (c) =>
    Object.fromEntries(
      (
        await c.query(
          `select name, setting, unit from pg_settings where name in ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather',
            'max_parallel_workers', 'effective_cache_size', 'jit', 'random_page_cost')`,
        )
      ).rows.map((r) => [r.name, r.unit ? `${r.setting} ${r.unit}` : r.setting]),
    ),
  ),
  loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
};

for (const size of sizes) {
  const label = size >= 1_000_000 ? `${size / 1_000_000}m` : `${size / 1000}k`;
  const dbName = values.database ?? `bench_${label}`;
  const sizeStarted = Date.now();
  let generateSeconds: number | null = null;
  // --reuse: a database of this size left by an earlier run with --keep is measured again as it is.
  const reusable =
    values.reuse &&
    !values.database &&
    (await admin(
      async (c) => (await c.query('select 1 from pg_database where datname = $1', [dbName])).rowCount === 1,
    )) &&
    (await counts(dbName)).counts.clients === size;
  if (reusable) log(`== ${size.toLocaleString('en')} clients: reusing database ${dbName}`);
  if (!values.database && !reusable) {
    log(`== ${size.toLocaleString('en')} clients: database ${dbName}`);
    await admin(async (c) => {
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.query(`create database ${dbName}`);
    });
    const handle = openPostgres(dbUrl(dbName), 3);
    try {
      await migrate(handle);
      const t0 = Date.now();
      await generateRegion(
        loadingTarget(handle, 2),
        { clients: size, seed: 1, until: UNTIL, years: YEARS, batchSize: 25_000 },
        (m) => log(`  ${m}`),
      );
      generateSeconds = round((Date.now() - t0) / 1000);
      const v0 = Date.now();
      await handle.withSession((run) => run('vacuum analyze'));
      log(`  VACUUM ANALYZE in ${((Date.now() - v0) / 1000).toFixed(1)} s`);
    } finally {
      await handle.close();
    }
  }
  const info = await counts(dbName);
  const from = `${Number(UNTIL.slice(0, 4)) - YEARS - 1}-01-01`;
  const lastYear = `${Number(UNTIL.slice(0, 4))}-01-01`;
  const all = { teamId: null, municipality: null, pathwayId: null };
  const scopes: [string, ReportScope][] = [
    [
      'one team, last 12 months',
      { from: lastYear, to: UNTIL, organisationId: info.teamOrganisation, ...all, teamId: info.firstTeam },
    ],
    [
      'one wellbeing county, last 12 months',
      { from: lastYear, to: UNTIL, organisationId: info.firstSote, ...all },
    ],
    ['whole region, last 12 months', { from: lastYear, to: UNTIL, organisationId: null, ...all }],
    ['whole region, whole history (every client)', { from, to: UNTIL, organisationId: null, ...all }],
  ];
  const measured: ScopeResult[] = [];
  for (const [name, scope] of scopes) {
    log(`  measuring: ${name}`);
    measured.push(await measure(dbName, name, scope));
  }
  results.push({
    clients: info.counts.clients,
    database: dbName,
    generateSeconds,
    reused: Boolean(reusable),
    data: info.counts,
    scopes: measured,
    seconds: round((Date.now() - sizeStarted) / 1000),
  });
  if (!values.keep && !values.database) {
    await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
    log(`  dropped ${dbName}`);
  }
}

const date = startedAt.toISOString().slice(0, 10);
const output = {
  measuredAt: startedAt.toISOString(),
  runs: RUNS,
  method:
    'Median of the runs after one warm-up. app: computeReport + presentReport in a transaction through pg (the code the API runs, without HTTP). direct: the same statements with parameters as literals in one transaction through psql -X -f, the sum of \\timing per statement.',
  environment: { ...environment, loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)) },
  results,
};
if (!values.database) {
  const dir = path.resolve(import.meta.dirname, '../bench/results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `reports-${date}.json`), `${JSON.stringify(output, null, 2)}\n`);
  const md: string[] = [
    `# Report benchmark ${date}`,
    '',
    `${environment.cpus} cores (${environment.cpu}), ${environment.memoryGb} GB; ${environment.postgres.split(',')[0]};`,
    `server settings as installed: ${Object.entries(environment.settings)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )}. Load average at start ${environment.loadAverageAtStart.join(' / ')}, at end ${output.environment.loadAverageAtEnd.join(' / ')}.`,
    '',
    output.method,
    '',
    '| clients | scope | statements | app median ms | psql median ms | app / psql | generate s |',
    '|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of results as {
    clients: number;
    generateSeconds: number | null;
    scopes: ScopeResult[];
  }[]) {
    for (const s of r.scopes) {
      md.push(
        `| ${r.clients.toLocaleString('en')} | ${s.scope} | ${s.statements} | ${s.appMedianMs} | ${s.directMedianMs} | ${s.ratio} | ${r.generateSeconds ?? ''} |`,
      );
    }
  }
  const last = results[results.length - 1] as { scopes: ScopeResult[] } | undefined;
  for (const scope of last?.scopes ?? []) {
    md.push('', `Per statement, largest size, ${scope.scope} (medians, ms, app / psql):`, '');
    for (const st of scope.perStatementMedianMs)
      md.push(`- ${st.appMs} / ${st.directMs}: \`${st.statement}…\``);
  }
  fs.writeFileSync(path.join(dir, `reports-${date}.md`), `${md.join('\n')}\n`);
  log(`Wrote bench/results/reports-${date}.json and .md`);
}
console.log(JSON.stringify(output, null, 2));
