import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import {
  type ClientPathWorld,
  clientPathWorld,
  giveConsent,
  phasesOf,
  referAndAccept,
} from '../../../test/support/client-path.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

type Entry = { type: string; date: string; at: string; organisationId: string; organisationName: string };

describeEachEngine('client timeline', (engine) => {
  const ctx = useTestContext(engine);
  let w: ClientPathWorld;
  let caseId: string;
  const types = (entries: Entry[]) => [...new Set(entries.map((e) => e.type))].sort();

  beforeAll(async () => {
    w = await clientPathWorld(ctx());
    await w.a.api.post('/api/screenings', {
      clientId: w.client.id,
      situations: ['irregular_work_history'],
      outcome: 'refer_team',
    });
    ({ caseId } = await referAndAccept(ctx(), w, w.client.id));
    const phases = await phasesOf(ctx().db);
    let k = (await w.b.api.get(`/api/cases/${caseId}`)).body;
    k = (
      await w.b.api.post(`/api/cases/${caseId}/phase-changes`, { phaseId: phases[1]!.id, version: k.version })
    ).body;
    await w.b.api.post(`/api/cases/${caseId}/visits`, {
      visitOn: '2026-03-01',
      mode: 'video',
      durationMinutes: 30,
    });
    await w.b.api.post(`/api/cases/${caseId}/meetings`, {
      startsAt: '2026-03-09T09:00:00+02:00',
      organisationIds: [w.orgB.id],
    });
    await w.b.api.post(`/api/cases/${caseId}/case-manager`, { userId: w.nurseB.user.id, version: k.version });
  });

  it('answers 401 and, for an organisation without a relationship, 404', async () => {
    expect((await new ApiClient(ctx().app).get(`/api/clients/${w.client.id}/timeline`)).status).toBe(401);
    expect((await w.c.api.get(`/api/clients/${w.client.id}/timeline`)).status).toBe(404);
  });

  it('shows the receiving team everything, newest first, each entry with its organisation of origin', async () => {
    const res = await w.b.api.get(`/api/clients/${w.client.id}/timeline`);
    expect(res.status).toBe(200);
    const entries: Entry[] = res.body;
    expect(types(entries)).toEqual(
      [
        'case_manager',
        'case_opened',
        'consent_given',
        'meeting',
        'phase_change',
        'referral',
        'screening',
        'team_member_added',
        'visit',
      ].sort(),
    );
    const dates = entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(entries[0]).toMatchObject({ type: 'meeting', date: '2026-03-09' });
    const screening = entries.find((e) => e.type === 'screening')!;
    expect(screening).toMatchObject({ organisationId: w.orgA.id, organisationName: w.orgA.name });
    const visit = entries.find((e) => e.type === 'visit')!;
    expect(visit).toMatchObject({ organisationId: w.orgB.id, date: '2026-03-01' });
    const [audit] = await ctx()
      .db.selectFrom('audit_event')
      .select('metadata')
      .where('event', '=', 'ClientTimelineRead')
      .where('organisation_id', '=', w.orgB.id)
      .execute();
    expect(audit?.metadata).toMatchObject({ count: entries.length });
  });

  it('hides from the referring organisation what its consents do not cover, without counting it', async () => {
    const before: Entry[] = (await w.a.api.get(`/api/clients/${w.client.id}/timeline`)).body;
    expect(types(before)).toEqual(['consent_given', 'referral', 'screening']);
    const [audit] = await ctx()
      .db.selectFrom('audit_event')
      .select('metadata')
      .where('event', '=', 'ClientTimelineRead')
      .where('organisation_id', '=', w.orgA.id)
      .execute();
    expect(audit?.metadata).toMatchObject({ count: before.length });

    // The client consents to sharing the plan with the referrer: the case shows, the visits ('assessment') do not.
    await giveConsent(ctx().db, w.client.id, w.orgB.id, w.orgA.id, w.b.user.id, ['plan']);
    const after: Entry[] = (await w.a.api.get(`/api/clients/${w.client.id}/timeline`)).body;
    expect(types(after)).toEqual(
      [
        'case_manager',
        'case_opened',
        'consent_given',
        'meeting',
        'phase_change',
        'referral',
        'screening',
        'team_member_added',
      ].sort(),
    );
    expect(after.some((e) => e.type === 'visit')).toBe(false);
  });
});
