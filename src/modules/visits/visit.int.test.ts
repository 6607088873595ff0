import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, TEST_START, useTestContext } from '../../../test/support/app.ts';
import {
  type ClientPathWorld,
  clientPathWorld,
  LONG_SESSIONS,
  login,
  referAndAccept,
} from '../../../test/support/client-path.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

const HOUR = 3_600_000;

describeEachEngine('visits API and the 24-hour edit rule', (engine) => {
  const ctx = useTestContext(engine, LONG_SESSIONS);
  let w: ClientPathWorld;
  let caseId: string;
  const visit = { visitOn: '2026-03-02', mode: 'in_person', durationMinutes: 45, note: 'Alkuhaastattelu' };

  beforeAll(async () => {
    w = await clientPathWorld(ctx());
    ({ caseId } = await referAndAccept(ctx(), w, w.client.id));
  });
  afterAll(() => ctx().clock.set(TEST_START));

  it('answers 401, 400 with field names, 403 for a manager and 404 for an outsider', async () => {
    expect((await new ApiClient(ctx().app).get(`/api/cases/${caseId}/visits`)).status).toBe(401);
    const bad = await w.b.api.post(`/api/cases/${caseId}/visits`, {
      ...visit,
      mode: 'telepathy',
      durationMinutes: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['body.mode', 'body.durationMinutes']),
    );
    const future = await w.b.api.post(`/api/cases/${caseId}/visits`, { ...visit, visitOn: '2026-03-03' });
    expect(future.body.error.details.issues[0].field).toBe('body.visitOn');
    const manager = await login(ctx(), w.orgB.id, 'manager');
    expect((await manager.api.post(`/api/cases/${caseId}/visits`, visit)).status).toBe(403);
    expect((await w.c.api.post(`/api/cases/${caseId}/visits`, visit)).status).toBe(404);
  });

  it('records a visit by the team’s professional; the author edits it within 24 hours', async () => {
    const created = await w.b.api.post(`/api/cases/${caseId}/visits`, visit);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      professionalUserId: w.b.user.id,
      organisationId: w.orgB.id,
      permissions: { edit: true, correct: true },
      editableUntil: '2026-03-03T10:00:00.000Z',
    });
    ctx().clock.advance(23 * HOUR);
    const edited = await w.b.api.put(`/api/visits/${created.body.id}`, {
      ...visit,
      durationMinutes: 60,
      version: created.body.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ durationMinutes: 60, version: created.body.version + 1 });

    const colleague = await w.nurseB.api.put(`/api/visits/${created.body.id}`, {
      ...visit,
      version: edited.body.version,
    });
    expect(colleague.status).toBe(403);
    expect(colleague.body.error.code).toBe('not_author');
    const stale = await w.b.api.put(`/api/visits/${created.body.id}`, {
      ...visit,
      version: created.body.version,
    });
    expect(stale.body.error.code).toBe('stale_version');
    const history = await ctx()
      .db.selectFrom('record_version')
      .select('version')
      .where('record_id', '=', created.body.id)
      .execute();
    expect(history).toEqual([{ version: 1 }]);
  });

  it('after 24 hours only a correction is possible; both stay visible and the original shows it', async () => {
    const [original] = (await w.b.api.get(`/api/cases/${caseId}/visits`)).body;
    ctx().clock.advance(2 * HOUR);
    const late = await w.b.api.put(`/api/visits/${original.id}`, { ...visit, version: original.version });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({
      code: 'edit_window_closed',
      details: { editableUntil: '2026-03-03T10:00:00.000Z' },
    });

    const correction = await w.nurseB.api.post(`/api/visits/${original.id}/corrections`, {
      ...visit,
      mode: 'phone',
      note: 'Käynti oli puhelinkäynti',
    });
    expect(correction.status).toBe(201);
    expect(correction.body).toMatchObject({
      correctsId: original.id,
      mode: 'phone',
      recordedBy: expect.any(String),
    });

    const list = (await w.b.api.get(`/api/cases/${caseId}/visits`)).body;
    expect(list).toHaveLength(2);
    expect((await w.c.api.get(`/api/visits/${original.id}`)).status).toBe(404);
    expect((await w.c.api.post(`/api/visits/${original.id}/corrections`, visit)).status).toBe(404);
    const shown = list.find((v: { id: string }) => v.id === original.id);
    expect(shown).toMatchObject({
      correctedById: correction.body.id,
      mode: 'in_person',
      permissions: { edit: false, correct: false },
    });

    const twice = await w.b.api.post(`/api/visits/${original.id}/corrections`, visit);
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({
      code: 'already_corrected',
      details: { correctionId: correction.body.id },
    });
  });

  it('refuses a new visit on a closed case, but a correction still goes through', async () => {
    const k = (await w.b.api.get(`/api/cases/${caseId}`)).body;
    await w.b.api.post(`/api/cases/${caseId}/close`, { outcomeCode: 'studies', version: k.version });
    const refused = await w.b.api.post(`/api/cases/${caseId}/visits`, { ...visit, visitOn: '2026-03-03' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('case_closed');
    const list = (await w.b.api.get(`/api/cases/${caseId}/visits`)).body;
    const latest = list.find((v: { correctedById: string | null }) => v.correctedById === null);
    const fixed = await w.b.api.post(`/api/visits/${latest.id}/corrections`, {
      ...visit,
      durationMinutes: 30,
    });
    expect(fixed.status).toBe(201);
  });
});
