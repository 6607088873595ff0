import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, TEST_START, useTestContext } from '../../../test/support/app.ts';
import { makeClient } from '../../../test/support/builders.ts';
import {
  type ClientPathWorld,
  clientPathWorld,
  giveConsent,
  LONG_SESSIONS,
  login,
  newConsent,
  referAndAccept,
} from '../../../test/support/client-path.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

describeEachEngine('worklist', (engine) => {
  const ctx = useTestContext(engine, LONG_SESSIONS);
  let w: ClientPathWorld;
  let caseId: string;
  let pendingReferralId: string;
  const ids = (list: { id: string }[]) => list.map((x) => x.id);

  beforeAll(async () => {
    w = await clientPathWorld(ctx());
    ({ caseId } = await referAndAccept(ctx(), w, w.client.id));
    const waiting = await makeClient(ctx().db, w.orgA.id, w.a.user.id);
    const sent = await w.a.api.post('/api/referrals', {
      clientId: waiting.id,
      receivingTeamId: w.team.id,
      reason: 'Uusi ohjaus',
      consent: newConsent(),
    });
    pendingReferralId = sent.body.id;
    await w.b.api.post(`/api/cases/${caseId}/team-members`, {
      organisationId: w.orgC.id,
      role: 'ngo_worker',
    });
    await giveConsent(ctx().db, w.client.id, w.orgB.id, w.orgC.id, w.b.user.id, ['assessment', 'plan']);
  });
  afterAll(() => ctx().clock.set(TEST_START));

  it('answers 401 without a session and 403 for a manager', async () => {
    expect((await new ApiClient(ctx().app).get('/api/worklist')).status).toBe(401);
    const manager = await login(ctx(), w.orgB.id, 'manager');
    expect((await manager.api.get('/api/worklist')).status).toBe(403);
  });

  it('shows new referrals to the user’s teams and the cases the user manages', async () => {
    const mine = (await w.b.api.get('/api/worklist')).body;
    expect(ids(mine.newReferrals)).toEqual([pendingReferralId]);
    expect(ids(mine.myCases)).toEqual([caseId]);
    expect(mine.staleCases).toEqual([]);
    // The nurse is not on the team and manages no case.
    const nurse = (await w.nurseB.api.get('/api/worklist')).body;
    expect(nurse.newReferrals).toEqual([]);
    expect(nurse.myCases).toEqual([]);
    const [audit] = await ctx()
      .db.selectFrom('audit_event')
      .select(['client_ids', 'metadata'])
      .where('event', '=', 'WorklistRead')
      .where('user_id', '=', w.b.user.id)
      .execute();
    expect(audit?.client_ids).toHaveLength(2);
    expect(audit?.metadata).toMatchObject({ newReferrals: 1, myCases: 1 });
  });

  it('shows unanswered consultations to the organisation until answered, and only the latest of a corrected one', async () => {
    const asked = await w.b.api.post(`/api/cases/${caseId}/consultations`, {
      toOrganisationId: w.orgC.id,
      topic: 'Työkokeilupaikka',
      question: 'Onko kevään työkokeilupaikkoja?',
    });
    const other = await w.b.api.post(`/api/cases/${caseId}/consultations`, {
      toOrganisationId: w.orgC.id,
      topic: 'Ryhmä',
      question: 'Mahtuuko ryhmään?',
    });
    let list = (await w.c.api.get('/api/worklist')).body.openConsultations;
    expect(ids(list).sort()).toEqual([asked.body.id, other.body.id].sort());
    expect(list[0].clientName).toMatch(/Asiakas/);

    await w.c.api.post(`/api/consultations/${asked.body.id}/answer`, {
      answer: 'On.',
      version: asked.body.version,
    });
    const correction = await w.b.api.post(`/api/consultations/${other.body.id}/corrections`, {
      toOrganisationId: w.orgC.id,
      topic: 'Ryhmä',
      question: 'Mahtuuko ryhmään huhtikuussa?',
    });
    list = (await w.c.api.get('/api/worklist')).body.openConsultations;
    expect(ids(list)).toEqual([correction.body.id]);
    expect((await w.b.api.get('/api/worklist')).body.openConsultations).toEqual([]);
  });

  it('shows network meetings of the next 14 days where the organisation takes part', async () => {
    const soon = await w.b.api.post(`/api/cases/${caseId}/meetings`, {
      startsAt: '2026-03-10T09:00:00+02:00',
      organisationIds: [w.orgB.id, w.orgC.id],
    });
    await w.b.api.post(`/api/cases/${caseId}/meetings`, {
      startsAt: '2026-03-30T09:00:00+03:00',
      organisationIds: [w.orgC.id],
    });
    await w.b.api.post(`/api/cases/${caseId}/meetings`, {
      startsAt: '2026-03-05T09:00:00+02:00',
      organisationIds: [w.orgB.id],
    });
    const c = (await w.c.api.get('/api/worklist')).body.upcomingMeetings;
    expect(ids(c)).toEqual([soon.body.id]);
    expect((await w.b.api.get('/api/worklist')).body.upcomingMeetings).toHaveLength(2);
    expect((await w.a.api.get('/api/worklist')).body.upcomingMeetings).toEqual([]);
  });

  it('shows the team’s cases whose phase has not changed for longer than the pathway allows', async () => {
    ctx().clock.advance(61 * 86_400_000);
    const stale = (await w.b.api.get('/api/worklist')).body.staleCases;
    expect(ids(stale)).toEqual([caseId]);
    expect(stale[0]).toMatchObject({ stale: true, daysInPhase: 61, pathway: { staleAfterDays: 60 } });
    expect((await w.nurseB.api.get('/api/worklist')).body.staleCases).toEqual([]);
  });
});
