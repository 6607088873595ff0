import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import {
  type ClientPathWorld,
  clientPathWorld,
  login,
  phasesOf,
  referAndAccept,
} from '../../../test/support/client-path.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

describeEachEngine('cases API', (engine) => {
  const ctx = useTestContext(engine);
  let w: ClientPathWorld;
  let caseId: string;
  let phases: { id: string; ordinal: number }[];
  const read = async () => (await w.b.api.get(`/api/cases/${caseId}`)).body;
  const move = async (phaseId: string, version: number, extra: Record<string, unknown> = {}) =>
    w.b.api.post(`/api/cases/${caseId}/phase-changes`, {
      phaseId,
      version,
      note: 'Tavoitteet sovittu',
      ...extra,
    });

  beforeAll(async () => {
    w = await clientPathWorld(ctx());
    ({ caseId } = await referAndAccept(ctx(), w, w.client.id));
    phases = await phasesOf(ctx().db);
  });

  it('answers 401 without a session', async () => {
    expect((await new ApiClient(ctx().app).get(`/api/cases/${caseId}`)).status).toBe(401);
  });

  it('names invalid fields with 400 and refuses a manager with 403', async () => {
    const bad = await w.b.api.post(`/api/cases/${caseId}/phase-changes`, { phaseId: 'nope', version: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['body.phaseId', 'body.version']),
    );
    const manager = await login(ctx(), w.orgB.id, 'manager');
    expect(
      (await manager.api.post(`/api/cases/${caseId}/phase-changes`, { phaseId: phases[1]!.id, version: 1 }))
        .status,
    ).toBe(403);
  });

  it('opens on the pathway’s first phase with the allowed moves listed', async () => {
    const k = await read();
    expect(k.currentPhase.id).toBe(phases[0]!.id);
    expect(k.allowedPhaseIds).toEqual([phases[1]!.id]);
    expect(k.phases).toHaveLength(6);
    expect(k.phaseHistory).toHaveLength(1);
  });

  it('moves to the next phase and back, records date, author and note; refuses invalid changes with 409', async () => {
    let k = await read();
    const skip = await move(phases[2]!.id, k.version);
    expect(skip.status).toBe(409);
    expect(skip.body.error).toMatchObject({
      code: 'invalid_phase_change',
      details: { reason: 'skips_ahead' },
    });
    const same = await move(phases[0]!.id, k.version);
    expect(same.body.error).toMatchObject({
      code: 'invalid_phase_change',
      details: { reason: 'current_phase' },
    });
    const [otherPathwayPhase] = await phasesOf(ctx().db, 'supported_employment');
    const other = await move(otherPathwayPhase!.id, k.version);
    expect(other.body.error).toMatchObject({
      code: 'invalid_phase_change',
      details: { reason: 'other_pathway' },
    });
    const future = await move(phases[1]!.id, k.version, { changedOn: '2099-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.error.details.issues[0].field).toBe('body.changedOn');

    const forward = await move(phases[1]!.id, k.version);
    expect(forward.status).toBe(200);
    expect(forward.body.currentPhase.ordinal).toBe(2);
    expect(forward.body.phaseHistory[0]).toMatchObject({
      fromPhaseId: phases[0]!.id,
      toPhaseId: phases[1]!.id,
      note: 'Tavoitteet sovittu',
      changedOn: '2026-03-02',
      organisationId: w.orgB.id,
    });
    const stale = await move(phases[2]!.id, k.version);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'stale_version',
      details: { currentVersion: forward.body.version },
    });

    k = forward.body;
    await move(phases[2]!.id, k.version);
    k = await read();
    const back = await move(phases[0]!.id, k.version, { note: 'Tilanne heikentyi' });
    expect(back.status).toBe(200);
    expect(back.body.currentPhase.ordinal).toBe(1);
  });

  it('hides the case from an organisation without a care relationship (404, logged as denied)', async () => {
    const res = await w.c.api.get(`/api/cases/${caseId}`);
    expect(res.status).toBe(404);
    const denied = await ctx()
      .db.selectFrom('audit_event')
      .select(['client_ids', 'metadata'])
      .where('event', '=', 'CaseRead')
      .where('outcome', '=', 'denied')
      .where('organisation_id', '=', w.orgC.id)
      .execute();
    expect(denied).toHaveLength(1);
    expect(denied[0]!.client_ids).toEqual([w.client.id]);
    expect(denied[0]!.metadata).toMatchObject({ denial: 'no_relationship' });
  });

  it('lets the referring organisation see the outcome but not the case without the client’s consent', async () => {
    expect((await w.a.api.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await w.a.api.get(`/api/clients/${w.client.id}/cases`)).body).toEqual([]);
    expect((await w.b.api.get(`/api/clients/${w.client.id}/cases`)).body).toHaveLength(1);
  });

  it('hands the case over; exactly one current case manager, with the history kept', async () => {
    let k = await read();
    const outsider = await w.c.api.get('/api/auth/session');
    const notOnTeam = await w.b.api.post(`/api/cases/${caseId}/case-manager`, {
      userId: outsider.body.user?.id ?? w.c.user.id,
      version: k.version,
    });
    expect(notOnTeam.status).toBe(400);
    expect(notOnTeam.body.error.details.issues[0]).toMatchObject({
      field: 'body.userId',
      code: 'not_eligible_case_manager',
    });

    const candidates = await w.b.api.get(`/api/cases/${caseId}/case-manager-candidates`);
    expect(candidates.body.map((c: { userId: string }) => c.userId)).toEqual(
      expect.arrayContaining([w.b.user.id, w.nurseB.user.id]),
    );

    const handed = await w.b.api.post(`/api/cases/${caseId}/case-manager`, {
      userId: w.nurseB.user.id,
      note: 'Terveydenhoitaja jatkaa',
      version: k.version,
    });
    expect(handed.status).toBe(200);
    expect(handed.body.caseManager).toMatchObject({ userId: w.nurseB.user.id, endedAt: null });
    expect(handed.body.caseManagerHistory).toHaveLength(2);
    expect(handed.body.caseManagerHistory[1]).toMatchObject({ userId: w.b.user.id });
    expect(handed.body.caseManagerHistory[1].endedAt).not.toBeNull();
    const current = await ctx()
      .db.selectFrom('case_manager_assignment')
      .select('user_id')
      .where('case_id', '=', caseId)
      .where('ended_at', 'is', null)
      .execute();
    expect(current).toEqual([{ user_id: w.nurseB.user.id }]);

    k = handed.body;
    const again = await w.b.api.post(`/api/cases/${caseId}/case-manager`, {
      userId: w.nurseB.user.id,
      version: k.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_case_manager');
  });

  it('closes with an outcome; a closed case refuses changes with 409 case_closed', async () => {
    const k = await read();
    const unknown = await w.b.api.post(`/api/cases/${caseId}/close`, {
      outcomeCode: 'lottery',
      version: k.version,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues[0].field).toBe('body.outcomeCode');
    const closed = await w.b.api.post(`/api/cases/${caseId}/close`, {
      outcomeCode: 'employed_pay_subsidy',
      note: 'Palkkatukityö alkoi',
      version: k.version,
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      closedOn: '2026-03-02',
      outcomeCode: 'employed_pay_subsidy',
      allowedPhaseIds: [],
    });
    const moved = await move(phases[1]!.id, closed.body.version);
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe('case_closed');
    const twice = await w.b.api.post(`/api/cases/${caseId}/close`, {
      outcomeCode: 'other',
      version: closed.body.version,
    });
    expect(twice.body.error.code).toBe('case_closed');
  });
});
