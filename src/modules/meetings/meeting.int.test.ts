import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, TEST_START, useTestContext } from '../../../test/support/app.ts';
import {
  type ClientPathWorld,
  clientPathWorld,
  giveConsent,
  LONG_SESSIONS,
  login,
  referAndAccept,
} from '../../../test/support/client-path.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

describeEachEngine('network meetings API', (engine) => {
  const ctx = useTestContext(engine, LONG_SESSIONS);
  let w: ClientPathWorld;
  let caseId: string;
  const inTwoHours = '2026-03-02T14:00:00+02:00';

  beforeAll(async () => {
    w = await clientPathWorld(ctx());
    ({ caseId } = await referAndAccept(ctx(), w, w.client.id));
    await w.b.api.post(`/api/cases/${caseId}/team-members`, {
      organisationId: w.orgC.id,
      role: 'ngo_worker',
    });
    await giveConsent(ctx().db, w.client.id, w.orgB.id, w.orgC.id, w.b.user.id, ['plan']);
  });
  afterAll(() => ctx().clock.set(TEST_START));

  it('answers 401, 400 with field names and 403 for a manager', async () => {
    expect((await new ApiClient(ctx().app).get(`/api/cases/${caseId}/meetings`)).status).toBe(401);
    const bad = await w.b.api.post(`/api/cases/${caseId}/meetings`, {
      startsAt: 'tomorrow',
      organisationIds: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['body.startsAt', 'body.organisationIds']),
    );
    const manager = await login(ctx(), w.orgB.id, 'manager');
    expect(
      (
        await manager.api.post(`/api/cases/${caseId}/meetings`, {
          startsAt: inTwoHours,
          organisationIds: [w.orgB.id],
        })
      ).status,
    ).toBe(403);
  });

  it('records a coming meeting; its summary is signed after it by a participant, once', async () => {
    const created = await w.b.api.post(`/api/cases/${caseId}/meetings`, {
      startsAt: inTwoHours,
      durationMinutes: 60,
      organisationIds: [w.orgB.id, w.orgC.id],
      note: 'Verkostotapaaminen: työkokeilun suunnittelu',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      startsAt: '2026-03-02T12:00:00.000Z',
      clientParticipated: null,
      summary: null,
      permissions: { edit: true, sign: false },
    });
    expect(created.body.participants.map((p: { organisationId: string }) => p.organisationId).sort()).toEqual(
      [w.orgB.id, w.orgC.id].sort(),
    );
    const early = await w.c.api.post(`/api/meetings/${created.body.id}/summary`, {
      summary: 'x',
      clientParticipated: true,
      version: created.body.version,
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('meeting_not_held');

    ctx().clock.advance(3 * 3_600_000);
    const signed = await w.c.api.post(`/api/meetings/${created.body.id}/summary`, {
      summary: 'Sovittiin työkokeilusta Polku ry:ssä huhtikuusta alkaen.',
      clientParticipated: true,
      version: created.body.version,
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ clientParticipated: true, signedAt: '2026-03-02T13:00:00.000Z' });
    expect(signed.body.signedBy).toMatch(/Käyttäjä/);

    const again = await w.b.api.post(`/api/meetings/${created.body.id}/summary`, {
      summary: 'y',
      clientParticipated: false,
      version: signed.body.version,
    });
    expect(again.body.error.code).toBe('summary_signed');
    const edit = await w.b.api.put(`/api/meetings/${created.body.id}`, {
      startsAt: inTwoHours,
      organisationIds: [w.orgB.id],
      version: signed.body.version,
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('summary_signed');

    const corrected = await w.b.api.post(`/api/meetings/${created.body.id}/corrections`, {
      startsAt: inTwoHours,
      organisationIds: [w.orgB.id, w.orgC.id],
      summary: 'Sovittiin työkokeilusta Polku ry:ssä toukokuusta alkaen.',
      clientParticipated: true,
    });
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({
      correctsId: created.body.id,
      signedAt: '2026-03-02T13:00:00.000Z',
    });
  });

  it('refuses a summary from an organisation that did not take part (403)', async () => {
    const created = await w.b.api.post(`/api/cases/${caseId}/meetings`, {
      startsAt: '2026-03-02T08:00:00Z',
      organisationIds: [w.orgB.id],
    });
    const res = await w.c.api.post(`/api/meetings/${created.body.id}/summary`, {
      summary: 'x',
      clientParticipated: false,
      version: created.body.version,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('not_participant');
    const list = await w.c.api.get(`/api/cases/${caseId}/meetings`);
    expect(list.body.length).toBeGreaterThanOrEqual(3);
  });
});
