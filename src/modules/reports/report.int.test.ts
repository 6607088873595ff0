import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { TEST_PASSWORD } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { buildReportRegion } from '../../../test/support/report-fixture.ts';
import { METRICS } from './metrics.ts';
import type { ReportDto } from './report.schema.ts';

type Figure = ReportDto['figures'][number];
type Region = Awaited<ReturnType<typeof buildReportRegion>>;

const YEAR = 'from=2025-01-01&to=2025-12-31';

function figure(report: ReportDto, id: string): Figure {
  const f = report.figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
}

/** A table as { rowKey: { column: value } } (internal: every value shown). */
function values(report: ReportDto, id: string, table = 0) {
  const t = figure(report, id).tables[table]!;
  return Object.fromEntries(
    t.rows.map((r) => [r.key, Object.fromEntries(t.columns.map((c) => [c.key, r.cells[c.key]!.value]))]),
  );
}

function tableByKey(report: ReportDto, id: string, key: string) {
  const t = figure(report, id).tables.find((x) => x.key === key);
  if (!t) throw new Error(`no table ${key} in ${id}`);
  return Object.fromEntries(
    t.rows.map((r) => [r.key, Object.fromEntries(t.columns.map((c) => [c.key, r.cells[c.key]!.value]))]),
  );
}

/** What a cell must show in the exports, worked out here independently of the exporter. */
function shown(cell: { value: number | null; suppressed: string | null }): string {
  if (cell.suppressed === 'small') return '<5';
  if (cell.suppressed) return '..';
  return cell.value === null ? '' : String(cell.value);
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && src[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describeEachEngine('team report', (engine) => {
  const ctx = useTestContext(engine);
  let region: Region;
  let manager: ApiClient;
  let coordinator: ApiClient;
  let nurse: ApiClient;
  let otherManager: ApiClient;
  let report: ReportDto;

  beforeAll(async () => {
    region = await buildReportRegion(ctx().db);
    const login = (u: { email: string }) => new ApiClient(ctx().app).login(u.email, TEST_PASSWORD);
    manager = await login(region.users.manager!);
    coordinator = await login(region.users.coordinator!);
    nurse = await login(region.users.nurse!);
    otherManager = await login(region.users.otherManager!);
    const res = await manager.get(`/api/reports/team?${YEAR}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    report = res.body;
  });

  describe('access', () => {
    it('answers 401 without a session', async () => {
      expect((await new ApiClient(ctx().app).get(`/api/reports/team?${YEAR}`)).status).toBe(401);
    });

    it('names invalid dates and a reversed period with 400', async () => {
      const bad = await manager.get('/api/reports/team?from=2025-13-01&to=2025-12-31');
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(
        'querystring.from',
      );
      const reversed = await manager.get('/api/reports/team?from=2025-12-31&to=2025-01-01');
      expect(reversed.status).toBe(400);
      expect(reversed.body.error.details.issues[0]).toMatchObject({
        field: 'querystring.from',
        code: 'invalid_period',
      });
    });

    it('refuses the report and its exports to a nurse (403)', async () => {
      expect((await nurse.get(`/api/reports/team?${YEAR}`)).status).toBe(403);
      expect((await nurse.get(`/api/reports/team.csv?${YEAR}`)).status).toBe(403);
      expect((await nurse.get(`/api/reports/team.xlsx?${YEAR}`)).status).toBe(403);
    });

    it('gives a manager the report but no client data', async () => {
      const clientId = region.clients.c1;
      expect([403, 404]).toContain((await manager.get(`/api/clients/${clientId}`)).status);
      expect((await manager.get('/api/clients?q=Raportti')).status).toBe(403);
      // 17 figures of the client path and measures, 8 of supported employment (figures/employment.ts).
      expect(report.figures.length).toBe(25);
      expect(JSON.stringify(report)).not.toContain(clientId);
      expect(JSON.stringify(report)).not.toContain('Asiakas9');
    });

    it('gives a coordinator the report too, and logs every report read with its filters', async () => {
      const res = await coordinator.get(`/api/reports/team?${YEAR}&teamId=${region.teams.t1}`);
      expect(res.status).toBe(200);
      const row = await ctx()
        .db.selectFrom('audit_event')
        .selectAll()
        .where('event', '=', 'ReportRead')
        .where('user_id', '=', (await userId(region.users.coordinator!.email)) ?? '')
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ action: 'report.read', outcome: 'allowed', client_ids: [] });
      expect(row.metadata).toMatchObject({
        teamId: region.teams.t1,
        audience: 'internal',
        from: '2025-01-01',
        figures: METRICS.length,
      });
    });

    it('defaults the period to the twelve months up to today', async () => {
      const res = await manager.get('/api/reports/team');
      expect(res.status).toBe(200);
      expect(res.body.period).toEqual({ from: '2025-03-03', to: '2026-03-02' });
      expect(res.body.filters.organisationId).toBe(region.organisations.sote.id);
    });
  });

  async function userId(email: string) {
    return (await ctx().db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst())
      ?.id;
  }

  describe('every figure from the hand-made region (2025, the sote centre)', () => {
    it('is internal for the own organisation, with the definitions of docs/metrics.md', () => {
      expect(report.audience).toBe('internal');
      expect(report.suppression).toEqual({ applied: false, threshold: 5 });
      const f = figure(report, 'clients.period');
      expect(f.title.fi).toBe('Asiakkaat ja asiakkuudet jaksolla');
      expect(f.definition.en).toContain('client_case.opened_on');
    });

    it('clients and cases of the period', () => {
      expect(values(report, 'clients.period')).toEqual({
        clients: { count: 4 },
        cases_open: { count: 4 },
        cases_new: { count: 3 },
        cases_closed: { count: 2 },
      });
    });

    it('mean age at opening and age groups', () => {
      // 34 + 24 + 53 + 40 = 151; 151 / 4 = 37.75.
      expect(tableByKey(report, 'clients.age', 'mean')).toEqual({ clients: { n: 4, mean: 37.8 } });
      expect(tableByKey(report, 'clients.age', 'age_groups')).toEqual({
        under_25: { count: 1, share: 25 },
        '25_34': { count: 1, share: 25 },
        '35_44': { count: 1, share: 25 },
        '45_54': { count: 1, share: 25 },
        '55_plus': { count: 0, share: 0 },
        total: { count: 4, share: 100 },
      });
    });

    it('men and women', () => {
      expect(values(report, 'clients.sex')).toEqual({
        men: { count: 2, share: 50 },
        women: { count: 2, share: 50 },
        total: { count: 4, share: 100 },
      });
    });

    it('long-term unemployed and over three years, from the referrals', () => {
      expect(values(report, 'clients.unemployment')).toEqual({
        long_term: { count: 2, share: 50 },
        over_3_years: { count: 1, share: 25 },
        from_12_months_to_3_years: { count: 1, share: 25 },
        under_12_months: { count: 1, share: 25 },
        not_recorded: { count: 1, share: 25 },
        total: { count: 4, share: 100 },
      });
    });

    it('clients seen by the coordinator and the physician, corrected visits as corrected', () => {
      expect(values(report, 'visits.coordinator')).toEqual({ coordinator: { clients: 3, visits: 4 } });
      expect(values(report, 'visits.physician')).toEqual({ physician: { clients: 3, visits: 3 } });
    });

    it('consultation contacts by asking organisation, by the Finnish date, corrections not counted', () => {
      const { employment, social, kela } = region.organisations;
      expect(tableByKey(report, 'consultations.asking_organisation', 'by_organisation')).toEqual({
        [employment.id]: { count: 3, share: 60 },
        [social.id]: { count: 1, share: 20 },
        [kela.id]: { count: 1, share: 20 },
        total: { count: 5, share: 100 },
      });
      expect(tableByKey(report, 'consultations.asking_organisation', 'by_organisation_type')).toEqual({
        municipal_employment_services: { count: 3, share: 60 },
        working_age_social_services: { count: 1, share: 20 },
        kela: { count: 1, share: 20 },
        total: { count: 5, share: 100 },
      });
      const rows = figure(report, 'consultations.asking_organisation').tables[0]!.rows;
      expect(rows[0]!.label.fi).toBe('Raportti työllisyys');
      expect(rows[0]!.detail?.fi).toBe('Kunnan työllisyyspalvelut');
    });

    it('referrals by source, a redirected one counted once', () => {
      const { employment, social, kela } = region.organisations;
      expect(tableByKey(report, 'referrals.source', 'by_organisation')).toEqual({
        [employment.id]: { count: 3, share: 60 },
        [social.id]: { count: 1, share: 20 },
        [kela.id]: { count: 1, share: 20 },
        total: { count: 5, share: 100 },
      });
    });

    it('clients with a multi-agency network and the organisation types (shares of all clients)', () => {
      expect(values(report, 'network.clients')).toEqual({
        with_network: { count: 3, share: 75 },
        without_network: { count: 1, share: 25 },
        total: { count: 4, share: 100 },
      });
      expect(values(report, 'network.organisation_types')).toEqual({
        municipal_employment_services: { clients: 2, share: 50 },
        kela: { clients: 2, share: 50 },
        all: { clients: 4, share: 100 },
      });
    });

    it('responses at baseline and follow-ups, and the change per instrument', () => {
      expect(values(report, 'questionnaires.responses')).toEqual({
        'd3x10:0': { due: 1, answered: 0, expired: 1, open: 0, answered_share: 0 },
        'prem:3': { due: 3, answered: 2, expired: 1, open: 0, answered_share: 66.7 },
        'was:0': { due: 3, answered: 2, expired: 0, open: 1, answered_share: 66.7 },
        'was:3': { due: 3, answered: 3, expired: 0, open: 0, answered_share: 100 },
        'was:6': { due: 1, answered: 0, expired: 0, open: 1, answered_share: 0 },
      });
      // c1 4 → 6, c2 3 → 4, c3 5 → 8 (its baseline in 2024 still pairs).
      expect(values(report, 'questionnaires.change')).toEqual({
        'was:was:3': { n: 3, baseline: 4, follow_up: 6, change: 2 },
      });
    });

    it('PREM: the share of each answer for each question, with n', () => {
      const f = figure(report, 'experience.prem');
      expect(f.tables.map((t) => t.key)).toEqual([
        'coping',
        'useful',
        'decided_together',
        'information_understandable',
        'knows_continuation',
        'recommend',
      ]);
      expect(values(report, 'experience.prem', 0)).toEqual({
        '5': { count: 1, share: 50 },
        '4': { count: 1, share: 50 },
        '3': { count: 0, share: 0 },
        '2': { count: 0, share: 0 },
        '1': { count: 0, share: 0 },
        '0': { count: 0, share: 0 },
        total: { count: 2, share: 100 },
      });
      expect(values(report, 'experience.prem', 3)).toMatchObject({
        '5': { count: 1, share: 50 },
        '0': { count: 1, share: 50 },
        total: { count: 2 },
      });
      const recommend = values(report, 'experience.prem', 5);
      expect(Object.keys(recommend)).toEqual([
        '0',
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
        '10',
        'total',
      ]);
      expect(recommend['9']).toEqual({ count: 1, share: 50 });
      expect(recommend['10']).toEqual({ count: 1, share: 50 });
      expect(f.tables[0]!.rows[0]!.label.fi).toBe('Paljon paremmin');
      expect(f.tables[0]!.title?.fi).toBe('Miten pärjäät nyt palvelun jälkeen verrattuna aikaan ennen sitä?');
    });

    it('the stakeholder survey on the own teams in 2025', () => {
      const f = figure(report, 'experience.stakeholder');
      expect(f.tables.map((t) => t.key)).toEqual([
        'recommend_continuing',
        'effective_for_clients',
        'improved_cooperation',
      ]);
      expect(values(report, 'experience.stakeholder', 0)).toMatchObject({
        '5': { count: 2, share: 100 },
        total: { count: 2 },
      });
      expect(values(report, 'experience.stakeholder', 1)).toMatchObject({
        '5': { count: 1, share: 50 },
        '4': { count: 1, share: 50 },
      });
      expect(values(report, 'experience.stakeholder', 2)).toMatchObject({
        '4': { count: 1, share: 50 },
        '3': { count: 1, share: 50 },
      });
    });

    it('case outcomes at closure', () => {
      const v = values(report, 'cases.outcomes');
      expect(v.employed_open_market).toEqual({ count: 1, share: 50 });
      expect(v.studies).toEqual({ count: 1, share: 50 });
      expect(v.moved_away).toEqual({ count: 0, share: 0 });
      expect(v.total).toEqual({ count: 2, share: 100 });
    });

    it('days from referral to the first visit: median and 90th percentile', () => {
      // 15, 18 and 36 days; p90 = 18 + 0.8 × (36 − 18) = 32.4.
      expect(values(report, 'waiting.referral_to_first_visit')).toEqual({
        cases: { n: 3, median: 18, p90: 32.4 },
      });
    });

    it('time spent in each phase', () => {
      const t = figure(report, 'phases.time_in_phase').tables[0]!;
      const rows = t.rows.map((r) => [
        r.label.fi.slice(0, 2),
        r.cells.n!.value,
        r.cells.median!.value,
        r.cells.mean!.value,
      ]);
      // Phase 1: 21, 28, 75 days; phase 2: 50, 75; phase 3: 90 (closed).
      expect(rows).toEqual([
        ['1.', 3, 28, 41.3],
        ['2.', 2, 62.5, 62.5],
        ['3.', 1, 90, 90],
        ['4.', 0, null, null],
        ['5.', 0, null, null],
        ['6.', 0, null, null],
      ]);
      expect(t.rows[0]!.detail?.fi).toBe('Työkyvyn tuen tiimin asiakaspolku');
    });
  });

  describe('filters', () => {
    it('a team: the organisation follows the team', async () => {
      const res = await manager.get(`/api/reports/team?${YEAR}&teamId=${region.teams.t2}`);
      expect(res.status).toBe(200);
      expect(res.body.filters.organisationId).toBe(region.organisations.sote.id);
      expect(values(res.body, 'clients.period').clients).toEqual({ count: 1 });
      expect(values(res.body, 'visits.physician')).toEqual({ physician: { clients: 1, visits: 1 } });
      expect(values(res.body, 'referrals.source', 0).total).toEqual({ count: 2, share: 100 });
    });

    it('a municipality and a pathway', async () => {
      const m = await manager.get(`/api/reports/team?${YEAR}&municipality=Siilinj%C3%A4rvi`);
      expect(values(m.body, 'clients.period').clients).toEqual({ count: 1 });
      expect(values(m.body, 'clients.sex').women).toEqual({ count: 1, share: 100 });
      const p = await manager.get(`/api/reports/team?${YEAR}&pathwayId=${region.pathways.se.id}`);
      expect(values(p.body, 'clients.period').clients).toEqual({ count: 1 });
      expect(tableByKey(p.body, 'referrals.source', 'by_organisation')).toEqual({
        [region.organisations.employment.id]: { count: 1, share: 100 },
        total: { count: 1, share: 100 },
      });
    });

    it('another organisation’s cases only as an external report, whatever was asked', async () => {
      const res = await otherManager.get(
        `/api/reports/team?${YEAR}&organisationId=${region.organisations.sote.id}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.audience).toBe('external');
      expect(figure(res.body, 'clients.period').tables[0]!.rows[0]!.cells.count).toEqual({
        value: null,
        suppressed: 'small',
      });
      const all = await manager.get(`/api/reports/team?${YEAR}&organisationId=all`);
      expect(all.body.audience).toBe('external');
      expect(all.body.filters.organisationId).toBeNull();
    });
  });

  describe('small-count protection and exports', () => {
    let external: ReportDto;
    beforeAll(async () => {
      external = (await manager.get(`/api/reports/team?${YEAR}&audience=external`)).body;
    });

    it('hides the small counts of an external report and what would recover them', () => {
      expect(external.audience).toBe('external');
      expect(external.suppression.applied).toBe(true);
      const sex = figure(external, 'clients.sex').tables[0]!;
      expect(sex.rows.map((r) => [r.key, r.cells.count, r.cells.share])).toEqual([
        ['men', { value: null, suppressed: 'small' }, { value: null, suppressed: 'derived' }],
        ['women', { value: null, suppressed: 'small' }, { value: null, suppressed: 'derived' }],
        ['total', { value: null, suppressed: 'small' }, { value: null, suppressed: 'derived' }],
      ]);
      // Consultation contacts: 3, 1 and 1 of 5. All small: none of them shows, the total of five does.
      const contacts = figure(external, 'consultations.asking_organisation').tables[0]!;
      expect(contacts.rows.map((r) => shown(r.cells.count!))).toEqual(['<5', '<5', '<5', '5']);
      // A mean over four people is a person's figure.
      expect(figure(external, 'clients.age').tables[0]!.rows[0]!.cells.mean).toEqual({
        value: null,
        suppressed: 'derived',
      });
      // Zero stays.
      expect(
        shown(
          figure(external, 'cases.outcomes').tables[0]!.rows.find((r) => r.key === 'moved_away')!.cells
            .count!,
        ),
      ).toBe('0');
    });

    for (const audience of ['internal', 'external'] as const) {
      it(`CSV (${audience}) parsed back holds every value of the report`, async () => {
        const json = audience === 'internal' ? report : external;
        const res = await manager.get(`/api/reports/team.csv?${YEAR}&audience=${audience}&lang=sv`);
        expect(res.status).toBe(200);
        expect(String(res.headers['content-type'])).toContain('text/csv');
        expect(String(res.headers['content-disposition'])).toContain('.csv');
        const [header, ...lines] = parseCsv(res.body as string);
        expect(header).toEqual([
          'figure',
          'figure_title',
          'table',
          'table_title',
          'row',
          'row_label',
          'row_detail',
          'column',
          'column_label',
          'value',
        ]);
        const meta = Object.fromEntries(lines.filter((l) => l[0] === 'report').map((l) => [l[4], l[9]]));
        expect(meta).toMatchObject({ period_from: '2025-01-01', period_to: '2025-12-31', audience });
        const definitions = lines.filter((l) => l[2] === 'definition');
        expect(definitions.map((l) => l[0])).toEqual(json.figures.map((f) => f.id));
        expect(definitions[0]![9]).toBe(json.figures[0]!.definition.sv);
        const data = lines.filter((l) => l[0] !== 'report' && l[2] !== 'definition');
        let expected = 0;
        for (const f of json.figures) {
          for (const t of f.tables) {
            for (const r of t.rows) {
              for (const c of t.columns) {
                const line = data[expected++]!;
                expect(line.slice(0, 3), `${f.id} ${t.key} ${r.key} ${c.key}`).toEqual([
                  f.id,
                  f.title.sv,
                  t.key,
                ]);
                expect([line[4], line[5], line[7], line[8]]).toEqual([r.key, r.label.sv, c.key, c.label.sv]);
                expect(line[9], `${f.id} ${t.key} ${r.key} ${c.key}`).toBe(shown(r.cells[c.key]!));
              }
            }
          }
        }
        expect(data.length).toBe(expected);
        if (audience === 'external') expect(data.some((l) => l[9] === '<5')).toBe(true);
        else expect(data.some((l) => l[9] === '<5' || l[9] === '..')).toBe(false);
      });

      it(`XLSX (${audience}) read back with exceljs holds every value of the report`, async () => {
        const json = audience === 'internal' ? report : external;
        const res = await manager.request('GET', `/api/reports/team.xlsx?${YEAR}&audience=${audience}`);
        expect(res.status).toBe(200);
        expect(String(res.headers['content-type'])).toContain('spreadsheetml');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
        expect(wb.worksheets.length).toBe(json.figures.length + 1);
        const info = wb.worksheets[0]!;
        expect(info.getCell('B2').value).toBe('2025-01-01 – 2025-12-31');
        json.figures.forEach((f, i) => {
          const ws = wb.worksheets[i + 1]!;
          expect(ws.getCell('A1').value).toBe(f.title.fi);
          expect(ws.getCell('B2').value).toBe(f.id);
          expect(ws.getCell('B3').value).toBe(f.definition.fi);
          // Rows 1–3: title, id, definition. Each table: a blank row, its title, the header, its rows.
          let r = 4;
          for (const t of f.tables) {
            r += 1;
            expect(ws.getRow(r++).getCell(1).value ?? '').toBe(t.title?.fi ?? '');
            const header = ws.getRow(r++);
            t.columns.forEach((c, k) => {
              expect(header.getCell(k + 3).value).toBe(c.label.fi);
            });
            for (const row of t.rows) {
              const line = ws.getRow(r++);
              expect(line.getCell(1).value).toBe(row.label.fi);
              t.columns.forEach((c, k) => {
                const cell = row.cells[c.key]!;
                const got = line.getCell(k + 3).value;
                if (cell.suppressed) expect(got, `${f.id} ${row.key} ${c.key}`).toBe(shown(cell));
                else expect(got, `${f.id} ${row.key} ${c.key}`).toBe(cell.value);
              });
            }
          }
        });
      });
    }

    it('logs each export with its format and audience', async () => {
      const rows = await ctx()
        .db.selectFrom('audit_event')
        .select(['metadata', 'action'])
        .where('event', '=', 'ReportExport')
        .execute();
      const formats = rows.map(
        (r) =>
          `${(r.metadata as { format: string }).format}:${(r.metadata as { audience: string }).audience}`,
      );
      expect(formats).toEqual(
        expect.arrayContaining(['csv:internal', 'csv:external', 'xlsx:internal', 'xlsx:external']),
      );
      expect(rows.every((r) => r.action === 'report.export')).toBe(true);
    });
  });
});
