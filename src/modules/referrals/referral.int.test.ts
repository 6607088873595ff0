import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation } from '../../../test/support/builders.ts';
import {
  type ClientPathWorld,
  clientPathWorld,
  defaultCriteria,
  deniedAudit,
  giveConsent,
  login,
  makeTeam,
  newConsent,
  pathwayId,
} from '../../../test/support/client-path.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

describeEachEngine('referrals API', (engine) => {
  const ctx = useTestContext(engine);
  let w: ClientPathWorld;
  let criteria: { id: string }[];
  const fields = (res: { body: { error: { details: { issues: { field: string }[] } } } }) =>
    res.body.error.details.issues.map((i) => i.field);
  const allMet = () => criteria.map((c) => ({ criterionId: c.id, met: true }));

  beforeAll(async () => {
    w = await clientPathWorld(ctx());
    criteria = await defaultCriteria(ctx().db);
  });

  async function send(clientId = w.client.id, extra: Record<string, unknown> = {}) {
    return w.a.api.post('/api/referrals', {
      clientId,
      receivingTeamId: w.team.id,
      reason: 'Pitkittynyt työttömyys ja terveysongelmat',
      consent: newConsent(),
      ...extra,
    });
  }

  it('answers 401 without a session', async () => {
    // Validation runs first (the route helper's order), so the body is a valid one.
    const res = await new ApiClient(ctx().app).post('/api/referrals', {
      clientId: w.client.id,
      receivingTeamId: w.team.id,
      reason: 'x',
      consent: newConsent(),
    });
    expect(res.status).toBe(401);
  });

  it('names each invalid field with 400', async () => {
    const res = await w.a.api.post('/api/referrals', {
      clientId: 'x',
      receivingTeamId: w.team.id,
      reason: '',
    });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(expect.arrayContaining(['body.clientId', 'body.reason']));
  });

  it('refuses a manager with 403', async () => {
    const manager = await login(ctx(), w.orgA.id, 'manager');
    const res = await manager.api.post('/api/referrals', {
      clientId: w.client.id,
      receivingTeamId: w.team.id,
      reason: 'x',
      consent: newConsent(),
    });
    expect(res.status).toBe(403);
  });

  it('answers 404 for a client of another organisation', async () => {
    const res = await w.c.api.post('/api/referrals', {
      clientId: w.client.id,
      receivingTeamId: w.team.id,
      reason: 'x',
      consent: newConsent(),
    });
    expect(res.status).toBe(404);
  });

  it('requires the client’s consent to disclose to another organisation', async () => {
    const client = await makeClient(ctx().db, w.orgA.id, w.a.user.id);
    const none = await send(client.id, { consent: undefined });
    expect(none.status).toBe(400);
    expect(none.body.error.details.issues[0]).toMatchObject({
      field: 'body.consentId',
      code: 'consent_required',
    });

    const noCategory = await send(client.id, { consent: newConsent(['basic']) });
    expect(noCategory.status).toBe(400);
    expect(noCategory.body.error.details.issues[0]).toMatchObject({
      field: 'body.consent.categories',
      code: 'consent_missing_category',
    });

    // An existing consent to another recipient does not carry the referral.
    const wrong = await giveConsent(ctx().db, client.id, w.orgA.id, w.orgC.id, w.a.user.id);
    const mismatch = await send(client.id, { consent: undefined, consentId: wrong.id });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.details.issues[0]).toMatchObject({
      field: 'body.consentId',
      code: 'consent_not_matching',
    });
    const nothing = await ctx()
      .db.selectFrom('referral')
      .select('id')
      .where('client_id', '=', client.id)
      .execute();
    expect(nothing).toEqual([]);
  });

  it('sends with an existing consent, and needs none inside one organisation', async () => {
    const client = await makeClient(ctx().db, w.orgA.id, w.a.user.id);
    const consent = await giveConsent(ctx().db, client.id, w.orgA.id, w.orgB.id, w.a.user.id);
    const res = await send(client.id, { consent: undefined, consentId: consent.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'sent', consentId: consent.id });

    const ownTeam = await makeTeam(ctx().db, w.orgA.id);
    const inside = await w.a.api.post('/api/referrals', {
      clientId: client.id,
      receivingTeamId: ownTeam.id,
      reason: 'Oma tiimi',
    });
    expect(inside.status).toBe(201);
    expect(inside.body.consentId).toBeNull();
  });

  it('records a new consent with the referral; the receiver reads it; a second open referral is refused', async () => {
    const res = await send();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'sent',
      referringOrganisation: { id: w.orgA.id },
      permissions: { attach: true },
    });
    const consent = await w.a.api.get(`/api/clients/${w.client.id}/consents`);
    expect(consent.body.map((c: { id: string }) => c.id)).toContain(res.body.consentId);

    const asReceiver = await w.b.api.get(`/api/referrals/${res.body.id}`);
    expect(asReceiver.status).toBe(200);
    expect(asReceiver.body.permissions).toMatchObject({ receive: true, accept: true, attach: false });
    const disclosure = await ctx()
      .db.selectFrom('disclosure_log')
      .selectAll()
      .where('client_id', '=', w.client.id)
      .where('to_organisation_id', '=', w.orgB.id)
      .execute();
    expect(disclosure.some((d) => d.basis === 'consent' && d.consent_id === res.body.consentId)).toBe(true);

    const again = await send();
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('referral_open');
  });

  it('is hidden from an outsider (404) and the attempt is logged as denied', async () => {
    const [referral] = (await w.a.api.get(`/api/clients/${w.client.id}/referrals`)).body;
    const res = await w.c.api.get(`/api/referrals/${referral.id}`);
    expect(res.status).toBe(404);
    expect(
      (await w.c.api.post(`/api/referrals/${referral.id}/receive`, { version: referral.version })).status,
    ).toBe(404);
    expect(
      (
        await w.c.api.post(`/api/referrals/${referral.id}/return`, {
          reason: 'Ei meille',
          version: referral.version,
        })
      ).status,
    ).toBe(404);
    expect((await deniedAudit(ctx().db, 'ReferralRead', w.client.id)).length).toBeGreaterThan(0);
  });

  it('moves sent → received → accepted, opening a case with the accepting user as case manager', async () => {
    const client = await makeClient(ctx().db, w.orgA.id, w.a.user.id);
    const sent = await send(client.id);
    const received = await w.b.api.post(`/api/referrals/${sent.body.id}/receive`, {
      version: sent.body.version,
    });
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('received');

    const twice = await w.b.api.post(`/api/referrals/${sent.body.id}/receive`, {
      version: received.body.version,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('invalid_status_change');

    const stale = await w.b.api.post(`/api/referrals/${sent.body.id}/accept`, {
      eligibility: allMet(),
      pathwayId: await pathwayId(ctx().db),
      version: sent.body.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'stale_version',
      details: { currentVersion: received.body.version },
    });

    const notReceiver = await w.a.api.post(`/api/referrals/${sent.body.id}/accept`, {
      eligibility: allMet(),
      pathwayId: await pathwayId(ctx().db),
      version: received.body.version,
    });
    expect(notReceiver.status).toBe(403);

    const accepted = await w.b.api.post(`/api/referrals/${sent.body.id}/accept`, {
      eligibility: allMet(),
      pathwayId: await pathwayId(ctx().db),
      version: received.body.version,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.eligibility).toHaveLength(8);
    const kase = await w.b.api.get(`/api/cases/${accepted.body.caseId}`);
    expect(kase.status).toBe(200);
    expect(kase.body).toMatchObject({
      caseManager: { userId: w.b.user.id },
      currentPhase: { ordinal: 1 },
      members: [{ organisationId: w.orgB.id, userId: w.b.user.id, role: 'coordinator' }],
    });
    const audit = await ctx()
      .db.selectFrom('audit_event')
      .select(['metadata'])
      .where('event', '=', 'ReferralAccept')
      .where('outcome', '=', 'allowed')
      .execute();
    expect(audit.some((a) => (a.metadata as { caseId?: string }).caseId === accepted.body.caseId)).toBe(true);
  });

  it('requires every criterion, and a written justification when one is not met', async () => {
    const client = await makeClient(ctx().db, w.orgA.id, w.a.user.id);
    const sent = await send(client.id);
    const base = { pathwayId: await pathwayId(ctx().db), version: sent.body.version };
    const missing = await w.b.api.post(`/api/referrals/${sent.body.id}/accept`, {
      ...base,
      eligibility: allMet().slice(1),
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.issues[0]).toMatchObject({
      field: 'body.eligibility',
      code: 'criterion_missing',
    });

    const oneNotMet = allMet().map((a, i) => (i === 0 ? { ...a, met: false } : a));
    const unjustified = await w.b.api.post(`/api/referrals/${sent.body.id}/accept`, {
      ...base,
      eligibility: oneNotMet,
    });
    expect(unjustified.status).toBe(400);
    expect(unjustified.body.error.details.issues[0]).toMatchObject({
      field: 'body.justification',
      code: 'justification_required',
    });

    const justified = await w.b.api.post(`/api/referrals/${sent.body.id}/accept`, {
      ...base,
      eligibility: oneNotMet,
      justification: 'Ikä 66, mutta työkyvyn arviointi on välttämätön eläkeratkaisua varten.',
    });
    expect(justified.status).toBe(200);
    expect(justified.body.eligibilityJustification).toMatch(/Ikä 66/);
    // The referring organisation sees the outcome, not the receiver's assessment.
    const asReferrer = await w.a.api.get(`/api/referrals/${sent.body.id}`);
    expect(asReferrer.body).toMatchObject({
      status: 'accepted',
      eligibility: null,
      eligibilityJustification: null,
    });
  });

  it('returns with a reason that the referring organisation sees; the receiver loses its referral basis', async () => {
    const client = await makeClient(ctx().db, w.orgA.id, w.a.user.id);
    const sent = await send(client.id);
    const noReason = await w.b.api.post(`/api/referrals/${sent.body.id}/return`, {
      reason: '',
      version: sent.body.version,
    });
    expect(noReason.status).toBe(400);
    expect(fields(noReason)).toContain('body.reason');
    const returned = await w.b.api.post(`/api/referrals/${sent.body.id}/return`, {
      reason: 'Asiakas on työterveyshuollon piirissä.',
      version: sent.body.version,
    });
    expect(returned.status).toBe(200);
    const asReferrer = await w.a.api.get(`/api/referrals/${sent.body.id}`);
    expect(asReferrer.body).toMatchObject({
      status: 'returned',
      returnReason: 'Asiakas on työterveyshuollon piirissä.',
    });
    expect(asReferrer.body.statusHistory.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'sent',
      'returned',
    ]);
    expect((await w.b.api.get(`/api/clients/${client.id}`)).status).toBe(404);
  });

  it('redirects with the same consent inside the receiving organisation, and asks for a consent to another', async () => {
    const client = await makeClient(ctx().db, w.orgA.id, w.a.user.id);
    const sent = await send(client.id);
    const otherOrg = await makeOrganisation(ctx().db);
    const foreignTeam = await makeTeam(ctx().db, otherOrg.id);
    const refused = await w.b.api.post(`/api/referrals/${sent.body.id}/redirect`, {
      teamId: foreignTeam.id,
      version: sent.body.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'consent_required',
      details: { recipientOrganisationId: otherOrg.id },
    });

    const siblingTeam = await makeTeam(ctx().db, w.orgB.id);
    const redirected = await w.b.api.post(`/api/referrals/${sent.body.id}/redirect`, {
      teamId: siblingTeam.id,
      note: 'Kuuluu mielenterveystiimille',
      version: sent.body.version,
    });
    expect(redirected.status).toBe(200);
    expect(redirected.body.status).toBe('redirected');
    const next = await w.a.api.get(`/api/referrals/${redirected.body.redirectedToId}`);
    expect(next.body).toMatchObject({
      status: 'sent',
      receivingTeam: { id: siblingTeam.id },
      redirectedFromId: sent.body.id,
      consentId: sent.body.consentId,
      referringOrganisation: { id: w.orgA.id },
    });
  });

  it('lists incoming referrals for the receiver and outgoing ones for the referrer', async () => {
    const incoming = await w.b.api.get('/api/referrals?direction=incoming&status=sent,received');
    expect(incoming.status).toBe(200);
    expect(incoming.body.length).toBeGreaterThan(0);
    expect(incoming.body.every((r: { status: string }) => ['sent', 'received'].includes(r.status))).toBe(
      true,
    );
    const outgoing = await w.a.api.get('/api/referrals?direction=outgoing');
    expect(
      outgoing.body.every(
        (r: { referringOrganisation: { id: string } }) => r.referringOrganisation.id === w.orgA.id,
      ),
    ).toBe(true);
    expect((await w.c.api.get('/api/referrals?direction=incoming')).body).toEqual([]);
    const bad = await w.a.api.get('/api/referrals?direction=sideways');
    expect(bad.status).toBe(400);
  });
});
