import { beforeAll, expect, it } from 'vitest';
import { useTestContext } from '../../../test/support/app.ts';
import {
  type ClientPathWorld,
  clientPathWorld,
  giveConsent,
  login,
  referAndAccept,
} from '../../../test/support/client-path.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

describeEachEngine('case team and the care relationship', (engine) => {
  const ctx = useTestContext(engine);
  let w: ClientPathWorld;
  let caseId: string;
  const caseOf = async () => (await w.b.api.get(`/api/cases/${caseId}`)).body;
  const memberOf = async (organisationId: string) =>
    (await caseOf()).members.find(
      (m: { organisationId: string; removedAt: string | null }) =>
        m.organisationId === organisationId && !m.removedAt,
    );

  beforeAll(async () => {
    w = await clientPathWorld(ctx());
    ({ caseId } = await referAndAccept(ctx(), w, w.client.id));
  });

  it('refuses an outsider (404), a manager (403) and invalid fields (400)', async () => {
    const body = { organisationId: w.orgC.id, role: 'ngo_worker' };
    expect((await w.c.api.post(`/api/cases/${caseId}/team-members`, body)).status).toBe(404);
    const manager = await login(ctx(), w.orgB.id, 'manager');
    expect((await manager.api.post(`/api/cases/${caseId}/team-members`, body)).status).toBe(403);
    const bad = await w.b.api.post(`/api/cases/${caseId}/team-members`, {
      organisationId: 'x',
      role: 'admin',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['body.organisationId', 'body.role']),
    );
    const stranger = await w.b.api.post(`/api/cases/${caseId}/team-members`, {
      ...body,
      userId: w.b.user.id,
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details.issues[0]).toMatchObject({
      field: 'body.userId',
      code: 'not_a_member',
    });
  });

  it('adding an organisation creates its care relationship: it now sees the client', async () => {
    expect((await w.c.api.get(`/api/clients/${w.client.id}`)).status).toBe(404);
    const professionals = await w.b.api.get(`/api/cases/${caseId}/professionals?organisationId=${w.orgC.id}`);
    expect(professionals.body).toEqual([
      expect.objectContaining({ userId: w.c.user.id, role: 'ngo_worker' }),
    ]);
    const added = await w.b.api.post(`/api/cases/${caseId}/team-members`, {
      organisationId: w.orgC.id,
      userId: w.c.user.id,
      role: 'ngo_worker',
    });
    expect(added.status).toBe(201);
    expect(await memberOf(w.orgC.id)).toMatchObject({
      userId: w.c.user.id,
      role: 'ngo_worker',
      canReadPlan: false,
    });
    const client = await w.c.api.get(`/api/clients/${w.client.id}`);
    expect(client.status).toBe(200);
    expect(client.body.accessBasis).toBe('care_relationship');
    const duplicate = await w.b.api.post(`/api/cases/${caseId}/team-members`, {
      organisationId: w.orgC.id,
      userId: w.c.user.id,
      role: 'ngo_worker',
    });
    expect(duplicate.status).toBe(409);
  });

  it('the case itself needs the client’s consent to the plan; with it, the read is logged as a disclosure', async () => {
    const before = await w.c.api.get(`/api/cases/${caseId}`);
    expect(before.status).toBe(404);
    const [denied] = await ctx()
      .db.selectFrom('audit_event')
      .select('metadata')
      .where('event', '=', 'CaseRead')
      .where('organisation_id', '=', w.orgC.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied?.metadata).toMatchObject({ denial: 'no_consent' });

    const consent = await giveConsent(ctx().db, w.client.id, w.orgB.id, w.orgC.id, w.b.user.id, ['plan']);
    const after = await w.c.api.get(`/api/cases/${caseId}`);
    expect(after.status).toBe(200);
    expect(await memberOf(w.orgC.id)).toMatchObject({ canReadPlan: true });
    const disclosed = await ctx()
      .db.selectFrom('disclosure_log')
      .selectAll()
      .where('to_organisation_id', '=', w.orgC.id)
      .where('from_organisation_id', '=', w.orgB.id)
      .execute();
    expect(
      disclosed.some(
        (d) => d.basis === 'consent' && d.consent_id === consent.id && d.categories.includes('plan'),
      ),
    ).toBe(true);
  });

  it('keeps the case organisation and the case manager’s organisation on an open case’s team', async () => {
    const own = await memberOf(w.orgB.id);
    const refused = await w.b.api.post(`/api/cases/${caseId}/team-members/${own.id}/remove`, {
      version: own.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('case_organisation_required');

    let k = await caseOf();
    const handed = await w.b.api.post(`/api/cases/${caseId}/case-manager`, {
      userId: w.c.user.id,
      version: k.version,
    });
    expect(handed.status).toBe(200);
    expect(handed.body.caseManager).toMatchObject({ userId: w.c.user.id, organisationId: w.orgC.id });
    const c = await memberOf(w.orgC.id);
    const managerOrg = await w.b.api.post(`/api/cases/${caseId}/team-members/${c.id}/remove`, {
      version: c.version,
    });
    expect(managerOrg.status).toBe(409);
    expect(managerOrg.body.error.code).toBe('case_manager_organisation');
    k = await caseOf();
    await w.b.api.post(`/api/cases/${caseId}/case-manager`, { userId: w.b.user.id, version: k.version });
  });

  it('removing the organisation ends its relationship: the client is no longer visible to it', async () => {
    const c = await memberOf(w.orgC.id);
    const stale = await w.b.api.post(`/api/cases/${caseId}/team-members/${c.id}/remove`, {
      version: c.version + 5,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    const removed = await w.b.api.post(`/api/cases/${caseId}/team-members/${c.id}/remove`, {
      version: c.version,
    });
    expect(removed.status).toBe(200);
    const row = removed.body.members.find((m: { id: string }) => m.id === c.id);
    expect(row.removedAt).not.toBeNull();
    expect((await w.c.api.get(`/api/clients/${w.client.id}`)).status).toBe(404);
    expect((await w.c.api.get(`/api/cases/${caseId}`)).status).toBe(404);
    const again = await w.b.api.post(`/api/cases/${caseId}/team-members/${c.id}/remove`, {
      version: c.version + 1,
    });
    expect(again.body.error.code).toBe('already_removed');
  });
});
