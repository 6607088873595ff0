import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/app.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { buildReportRegion } from '../../../test/support/report-fixture.ts';

/**
 * case_phase_stay and measurement_score_pair are derived from the phase history, closures and measurement
 * answers by triggers. Whatever happens to their sources, they must equal a rebuild from scratch.
 */
describeEachEngine('report derived tables', (engine) => {
  const ctx = useTestContext(engine);
  let region: Awaited<ReturnType<typeof buildReportRegion>>;

  beforeAll(async () => {
    region = await buildReportRegion(ctx().db);
  });

  async function snapshot() {
    const db = ctx().db;
    const stays = await sql<Record<string, unknown>>`
      select phase_change_id, case_id, phase_id, entered_on, left_on, left_by from case_phase_stay order by phase_change_id
    `.execute(db);
    const pairs = await sql<Record<string, unknown>>`
      select follow_up_id, score_key, case_id, instrument_code, offset_months, due_on, baseline, follow_up
      from measurement_score_pair order by follow_up_id, score_key
    `.execute(db);
    return { stays: stays.rows, pairs: pairs.rows };
  }

  async function expectSameAsRebuild() {
    const kept = await snapshot();
    await sql`select report_rebuild()`.execute(ctx().db);
    expect(await snapshot()).toEqual(kept);
    return kept;
  }

  const caseOf = async (clientId: string) =>
    await ctx()
      .db.selectFrom('client_case')
      .selectAll()
      .where('client_id', '=', clientId)
      .executeTakeFirstOrThrow();

  it('match a rebuild after the region was written', async () => {
    const { stays, pairs } = await expectSameAsRebuild();
    expect(stays.length).toBeGreaterThan(5);
    // c1 4 → 6, c2 3 → 4, c3 5 → 8: three pairs of the work ability score at 3 months.
    expect(
      pairs.map((p) => [p.instrument_code, p.offset_months, p.score_key, p.baseline, p.follow_up]),
    ).toEqual(
      expect.arrayContaining([
        ['was', 3, 'was', 4, 6],
        ['was', 3, 'was', 3, 4],
        ['was', 3, 'was', 5, 8],
      ]),
    );
    expect(pairs.length).toBe(3);
  });

  it('follow a closure, a changed closing date and a reopening', async () => {
    const db = ctx().db;
    const k2 = await caseOf(region.clients.c2);
    await db
      .updateTable('client_case')
      .set({ closed_on: '2025-09-30', outcome_code: 'studies' })
      .where('id', '=', k2.id)
      .execute();
    let open = await db
      .selectFrom('case_phase_stay')
      .selectAll()
      .where('case_id', '=', k2.id)
      .where('left_on', 'is', null)
      .execute();
    expect(open).toEqual([]);
    const last = await db
      .selectFrom('case_phase_stay')
      .selectAll()
      .where('case_id', '=', k2.id)
      .where('left_by', '=', 'closure')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ entered_on: '2025-03-01', left_on: '2025-09-30' });
    await expectSameAsRebuild();

    await db.updateTable('client_case').set({ closed_on: '2025-10-15' }).where('id', '=', k2.id).execute();
    await expectSameAsRebuild();

    await db
      .updateTable('client_case')
      .set({ closed_on: null, outcome_code: null })
      .where('id', '=', k2.id)
      .execute();
    open = await db
      .selectFrom('case_phase_stay')
      .selectAll()
      .where('case_id', '=', k2.id)
      .where('left_on', 'is', null)
      .execute();
    expect(open.length).toBe(1);
    await expectSameAsRebuild();
  });

  it('follow a new phase change', async () => {
    const db = ctx().db;
    const k2 = await caseOf(region.clients.c2);
    const phase3 = await db
      .selectFrom('pathway_phase')
      .select('id')
      .where('pathway_id', '=', k2.pathway_id)
      .where('ordinal', '=', 3)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('case_phase_change')
      .values({
        case_id: k2.id,
        organisation_id: k2.organisation_id,
        from_phase_id: k2.current_phase_id,
        to_phase_id: phase3.id,
        changed_on: '2025-11-01',
        created_at: new Date('2025-11-01T10:00:00Z'),
        created_by: k2.created_by,
      })
      .execute();
    const stays = await db
      .selectFrom('case_phase_stay')
      .selectAll()
      .where('case_id', '=', k2.id)
      .orderBy('entered_on')
      .execute();
    expect(stays.map((s) => [s.entered_on, s.left_on, s.left_by])).toEqual([
      ['2025-02-01', '2025-03-01', 'phase_change'],
      ['2025-03-01', '2025-11-01', 'phase_change'],
      ['2025-11-01', null, null],
    ]);
    await expectSameAsRebuild();
  });

  it('follow answers changed and removed, and a moved due date', async () => {
    const db = ctx().db;
    const k1 = await caseOf(region.clients.c1);
    const baseline = await db
      .selectFrom('measurement')
      .select('id')
      .where('case_id', '=', k1.id)
      .where('instrument_code', '=', 'was')
      .where('offset_months', '=', 0)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('measurement_response')
      .set({ scores: JSON.stringify({ was: 5 }), answers: JSON.stringify({ was: 5 }) })
      .where('measurement_id', '=', baseline.id)
      .execute();
    let pairs = await db
      .selectFrom('measurement_score_pair')
      .selectAll()
      .where('case_id', '=', k1.id)
      .execute();
    expect(pairs.map((p) => [p.baseline, p.follow_up])).toEqual([[5, 6]]);
    await expectSameAsRebuild();

    const followUp = await db
      .selectFrom('measurement')
      .select('id')
      .where('case_id', '=', k1.id)
      .where('instrument_code', '=', 'was')
      .where('offset_months', '=', 3)
      .executeTakeFirstOrThrow();
    await db.updateTable('measurement').set({ due_on: '2025-04-21' }).where('id', '=', followUp.id).execute();
    pairs = await db.selectFrom('measurement_score_pair').selectAll().where('case_id', '=', k1.id).execute();
    expect(pairs.map((p) => p.due_on)).toEqual(['2025-04-21']);
    await expectSameAsRebuild();

    await db.deleteFrom('measurement_response').where('measurement_id', '=', baseline.id).execute();
    pairs = await db.selectFrom('measurement_score_pair').selectAll().where('case_id', '=', k1.id).execute();
    expect(pairs).toEqual([]);
    await expectSameAsRebuild();
  });
});
