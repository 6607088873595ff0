import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { foreignKeyViolations, generateRegion, loadingTarget } from '../../../scripts/synthetic-region.ts';
import { useTestContext } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { parseIdentityCode } from '../clients/identity-code.ts';
import { computeReport } from './report.service.ts';

const CLIENTS = 400;

describeEachEngine('synthetic region generator', (engine) => {
  const ctx = useTestContext(engine);

  it('fills the database with a consistent region, as the report triggers would, and the report runs on it', async () => {
    const { handle, db } = ctx();
    const messages: string[] = [];
    // As the command line loads it: in replica mode (foreign keys and triggers off), two sessions on the server.
    await generateRegion(
      loadingTarget(handle, 2),
      { clients: CLIENTS, seed: 7, until: '2025-12-31', years: 2, batchSize: 150 },
      (m) => messages.push(m),
    );
    expect(messages.some((m) => m.startsWith('Done in'))).toBe(true);

    // Every reference points to a row, as the foreign keys would have required.
    expect(await handle.withSession(foreignKeyViolations)).toEqual([]);
    // The report's derived rows written by the batches are what the triggers' rebuild derives from the sources.
    const derived = async () => ({
      stays: (
        await sql`select phase_change_id, case_id, phase_id, entered_on, left_on, left_by from case_phase_stay order by 1`.execute(
          db,
        )
      ).rows,
      pairs: (await sql`select * from measurement_score_pair order by follow_up_id, score_key`.execute(db))
        .rows,
    });
    const written = await derived();
    expect(written.stays.length).toBeGreaterThan(CLIENTS);
    expect(written.pairs.length).toBeGreaterThan(CLIENTS / 4);
    await sql`select report_rebuild()`.execute(db);
    expect(await derived()).toEqual(written);

    const count = async (table: string) =>
      Number(
        (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n,
      );
    expect(await count('client')).toBe(CLIENTS);
    expect(await count('client_case')).toBe(CLIENTS);
    expect(await count('visit')).toBeGreaterThan(CLIENTS);
    expect(await count('consultation')).toBeGreaterThan(CLIENTS);
    expect(await count('measurement_response')).toBeGreaterThan(CLIENTS);
    expect(await count('stakeholder_response')).toBeGreaterThan(10);
    // Nothing was logged: loading data is not accessing it.
    expect(await count('audit_event')).toBe(0);

    // Synthetic identity codes only: valid, unique, individual numbers 900–999, sex as the number says.
    const clients = await db.selectFrom('client').select(['identity_code', 'date_of_birth', 'sex']).execute();
    expect(new Set(clients.map((c) => c.identity_code)).size).toBe(CLIENTS);
    for (const c of clients) {
      const parsed = parseIdentityCode(c.identity_code);
      expect(parsed.valid, c.identity_code).toBe(true);
      if (!parsed.valid) continue;
      expect(parsed.temporary).toBe(true);
      expect(parsed.dateOfBirth).toBe(c.date_of_birth);
      expect(parsed.sex).toBe(c.sex);
    }

    // Indexes deferred during the load are back.
    const indexes = await sql<{
      indexname: string;
    }>`select indexname from pg_indexes where tablename = 'visit'`.execute(db);
    expect(indexes.rows.map((r) => r.indexname)).toEqual(
      expect.arrayContaining(['visit_case', 'visit_client']),
    );

    // Every case's phase history starts at its opening, and its current phase is the last one recorded.
    const broken = await sql<{ n: number }>`
      select count(*) as n from client_case c
      where c.current_phase_id <> (select pc.to_phase_id from case_phase_change pc where pc.case_id = c.id
        order by pc.created_at desc limit 1)
        or c.opened_on <> (select min(pc.changed_on) from case_phase_change pc where pc.case_id = c.id)
    `.execute(db);
    expect(Number(broken.rows[0]!.n)).toBe(0);

    const figures = await db.transaction().execute((trx) =>
      computeReport(trx, {
        from: '2024-01-01',
        to: '2025-12-31',
        organisationId: null,
        teamId: null,
        municipality: null,
        pathwayId: null,
      }),
    );
    const cell = (id: string, row: string, column: string) =>
      figures.find((f) => f.id === id)!.tables[0]!.rows.find((r) => r.key === row)!.cells[column];
    expect(cell('clients.period', 'clients', 'count')).toBe(CLIENTS);
    // The pilot's shape, loosely (400 clients): about two thirds men, most long-term unemployed.
    const men = Number(cell('clients.sex', 'men', 'count'));
    expect(men / CLIENTS).toBeGreaterThan(0.5);
    expect(men / CLIENTS).toBeLessThan(0.78);
    expect(Number(cell('clients.unemployment', 'long_term', 'count')) / CLIENTS).toBeGreaterThan(0.6);
    expect(Number(cell('visits.coordinator', 'coordinator', 'clients'))).toBeGreaterThan(CLIENTS * 0.5);
  });
});

describe('synthetic region generator, reproducibility', () => {
  it('is a pure function of its options (ids and values from the seed)', async () => {
    const { regionCount } = await import('../../../scripts/synthetic-region.ts');
    expect(regionCount(10_000)).toBe(1);
    expect(regionCount(100_000)).toBe(2);
    expect(regionCount(1_000_000)).toBe(20);
  });
});
