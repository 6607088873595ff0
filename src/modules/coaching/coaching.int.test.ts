import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeClient } from '../../../test/support/builders.ts';
import { deniedAudit, giveConsent, login } from '../../../test/support/client-path.ts';
import {
  COACHING_TEST_ENV,
  type CoachingWorld,
  coachingWorld,
  employerOf,
  laterDays,
  startTestCoaching,
} from '../../../test/support/coaching.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

describeEachEngine('coaching API', (engine) => {
  const ctx = useTestContext(engine, COACHING_TEST_ENV);
  let w: CoachingWorld;
  let coaching: { id: string; version: number; profile: { version: number } };
  let employerId: string;

  beforeAll(async () => {
    w = await coachingWorld(ctx());
    ({ employerId } = await employerOf(w));
  });

  const get = async (api: ApiClient = w.coach.api) => (await api.get(`/api/coachings/${coaching.id}`)).body;

  it('answers 401 without a session', async () => {
    const res = await new ApiClient(ctx().app).post(`/api/cases/${w.caseId}/coachings`, {
      intensity: 'intensive',
      model: 'ips',
    });
    expect(res.status).toBe(401);
  });

  it('names each invalid field with 400', async () => {
    const res = await w.coach.api.post(`/api/cases/${w.caseId}/coachings`, {
      intensity: 'very',
      model: 'ips',
      startedOn: '2026-13-01',
    });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.intensity', 'body.startedOn']));
  });

  it('refuses a role that never coaches with 403', async () => {
    const res = await w.nurseB.api.post(`/api/cases/${w.caseId}/coachings`, {
      intensity: 'intensive',
      model: 'ips',
    });
    expect(res.status).toBe(403);
  });

  it('answers 404 to a coach of an organisation without a care relationship, and logs the denial', async () => {
    const res = await w.otherCoach.api.post(`/api/cases/${w.caseId}/coachings`, {
      intensity: 'intensive',
      model: 'ips',
    });
    expect(res.status).toBe(404);
    const denials = (await deniedAudit(ctx().db, 'CoachingCreate', w.client.id)).filter(
      (d) => d.user_id === w.otherCoach.user.id,
    );
    expect(denials).toHaveLength(1);
    expect(denials[0]).toMatchObject({ organisation_id: w.orgK.id, metadata: { denial: 'no_relationship' } });
  });

  it('refuses an organisation that is not on the case team with 409 not_on_case_team', async () => {
    // A registered the client (a care relationship) but is not on the case team.
    const coachA = await login(ctx(), w.orgA.id, 'job_coach');
    const res = await coachA.api.post(`/api/cases/${w.caseId}/coachings`, {
      intensity: 'light_support',
      model: 'quality_criteria',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not_on_case_team');
  });

  it('refuses a coach who is not a job coach of the organisation', async () => {
    const res = await w.coach.api.post(`/api/cases/${w.caseId}/coachings`, {
      intensity: 'intensive',
      model: 'ips',
      coachUserId: w.otherCoach.user.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({
      field: 'body.coachUserId',
      code: 'not_a_job_coach',
    });
  });

  it('starts IPS coaching from a supported-employment case with an empty profile that discloses nothing', async () => {
    coaching = await startTestCoaching(w);
    const body = await get();
    expect(body).toMatchObject({
      clientId: w.client.id,
      caseId: w.caseId,
      kind: 'pathway',
      intensity: 'intensive',
      model: 'ips',
      coach: { userId: w.coach.user.id },
      team: { id: w.coachingTeam.id },
      startedOn: '2026-03-02',
      endedOn: null,
      profile: { disclosure: { discloseName: false, discloseHealth: 'none', disclosureText: '' } },
      measures: {
        daysToFirstEmployerContact: null,
        firstContactWithinTarget: null,
        daysToFirstJobStart: null,
      },
    });
    const row = await ctx()
      .db.selectFrom('audit_event')
      .selectAll()
      .where('event', '=', 'CoachingCreate')
      .where('outcome', '=', 'allowed')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      user_id: w.coach.user.id,
      target_id: coaching.id,
      client_ids: [w.client.id],
    });
  });

  it('allows one active coaching per client and organisation (409 coaching_exists)', async () => {
    const res = await w.coach.api.post(`/api/cases/${w.caseId}/coachings`, {
      intensity: 'light_support',
      model: 'ips',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('coaching_exists');
  });

  it('hides the coaching from a coach of another organisation (404) and logs it', async () => {
    const res = await w.otherCoach.api.get(`/api/coachings/${coaching.id}`);
    expect(res.status).toBe(404);
    expect(await deniedAudit(ctx().db, 'CoachingRead', w.client.id)).toHaveLength(1);
    const list = await w.otherCoach.api.get('/api/coachings?status=all');
    expect(list.body).toEqual([]);
  });

  it('shows the case organisation the coaching only with the client’s consent, and logs the disclosure', async () => {
    expect((await w.b.api.get(`/api/coachings/${coaching.id}`)).status).toBe(404);
    await giveConsent(ctx().db, w.client.id, w.orgJ.id, w.orgB.id, w.coach.user.id, ['employment_support']);
    const res = await w.b.api.get(`/api/coachings/${coaching.id}`);
    expect(res.status).toBe(200);
    const log = await ctx()
      .db.selectFrom('disclosure_log')
      .selectAll()
      .where('client_id', '=', w.client.id)
      .where('from_organisation_id', '=', w.orgJ.id)
      .execute();
    expect(log[0]).toMatchObject({
      to_organisation_id: w.orgB.id,
      categories: ['employment_support'],
      basis: 'consent',
    });
    // Reading is not writing: the coordinator is not a job coach.
    const write = await w.b.api.post(`/api/coachings/${coaching.id}/job-search-entries`, {
      activity: 'application',
      description: 'x',
    });
    expect(write.status).toBe(403);
  });

  it('saves the vocational profile and the disclosure choice; a stale version gets 409', async () => {
    const body = {
      workHistory: 'Varastotyötä 5 vuotta',
      education: 'Logistiikan perustutkinto',
      skills: 'Trukkikortti',
      preferences: 'Aamuvuorot, lähellä kotia',
      disclosure: {
        discloseName: false,
        discloseHealth: 'general',
        disclosureText: 'Tarvitsee selkeät ohjeet.',
        notToDisclose: 'Diagnoosi',
      },
      version: coaching.profile.version,
    };
    const ok = await w.coach.api.put(`/api/coachings/${coaching.id}/vocational-profile`, body);
    expect(ok.status).toBe(200);
    expect(ok.body.profile).toMatchObject({
      skills: 'Trukkikortti',
      disclosure: {
        discloseName: false,
        discloseHealth: 'general',
        notToDisclose: 'Diagnoosi',
        agreedOn: '2026-03-02',
      },
      version: coaching.profile.version + 1,
    });
    const stale = await w.coach.api.put(`/api/coachings/${coaching.id}/vocational-profile`, body);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'stale_version',
      details: { currentVersion: coaching.profile.version + 1 },
    });
    const audit = await ctx()
      .db.selectFrom('audit_event')
      .select('metadata')
      .where('event', '=', 'VocationalProfileUpdate')
      .executeTakeFirstOrThrow();
    expect(audit.metadata).toEqual({ discloseName: false, discloseHealth: 'general' });
  });

  it('logs job search and measures the days to the first employer contact for the client', async () => {
    laterDays(ctx(), 12);
    const log = await w.coach.api.post(`/api/coachings/${coaching.id}/job-search-entries`, {
      activity: 'application',
      employerId,
      description: 'Haki varastotyöntekijän paikkaa',
    });
    expect(log.status).toBe(201);
    expect(log.body.jobSearchEntries[0]).toMatchObject({
      activity: 'application',
      employer: { id: employerId },
    });
    const named = await w.coach.api.post('/api/employer-contacts', {
      employerId,
      coachingId: coaching.id,
      clientNameDisclosed: true,
      mode: 'in_person',
      purpose: 'client_introduction',
      outcome: 'meeting_agreed',
    });
    expect(named.status).toBe(409);
    expect(named.body.error.code).toBe('disclosure_not_allowed');
    const contact = await w.coach.api.post('/api/employer-contacts', {
      employerId,
      coachingId: coaching.id,
      mode: 'in_person',
      purpose: 'client_introduction',
      outcome: 'meeting_agreed',
    });
    expect(contact.status).toBe(201);
    expect(contact.body).toMatchObject({
      clientNameDisclosed: false,
      client: { coachingId: coaching.id, clientId: w.client.id },
    });
    expect((await get()).measures).toMatchObject({
      daysToFirstEmployerContact: 12,
      firstContactWithinTarget: true,
    });
  });

  it('records job starts; under 4 hours a week is kept but does not count', async () => {
    laterDays(ctx(), 18);
    const small = await w.coach.api.post(`/api/coachings/${coaching.id}/placements`, {
      employerId,
      title: 'Siivooja',
      hoursPerWeek: 3,
      paySubsidy: false,
      openLabourMarket: true,
    });
    expect(small.status).toBe(201);
    expect(small.body.placements[0]).toMatchObject({ title: 'Siivooja', countsAsJobStart: false });
    expect(small.body.measures.daysToFirstJobStart).toBeNull();
    const job = await w.coach.api.post(`/api/coachings/${coaching.id}/placements`, {
      employerId,
      title: 'Varastotyöntekijä',
      hoursPerWeek: 20,
      paySubsidy: true,
      openLabourMarket: true,
    });
    expect(job.status).toBe(201);
    expect(job.body.measures.daysToFirstJobStart).toBe(30);
    const audit = await ctx()
      .db.selectFrom('audit_event')
      .select('metadata')
      .where('event', '=', 'PlacementCreate')
      .execute();
    expect(audit.map((a) => a.metadata.countsAsJobStart)).toEqual([false, true]);
  });

  it('refuses a job with another organisation’s employer (400) and an invalid body', async () => {
    const theirs = await w.otherCoach.api.post('/api/employers', {
      businessId: '0112038-9',
      name: 'Toinen Oy',
      municipality: 'Kuopio',
    });
    expect(theirs.status).toBe(201);
    const res = await w.coach.api.post(`/api/coachings/${coaching.id}/placements`, {
      employerId: theirs.body.id,
      title: 'X',
      hoursPerWeek: 10,
      paySubsidy: false,
      openLabourMarket: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({
      field: 'body.employerId',
      code: 'unknown_employer',
    });
    const bad = await w.coach.api.post(`/api/coachings/${coaching.id}/placements`, {
      employerId,
      title: '',
      hoursPerWeek: 0,
    });
    expect(bad.status).toBe(400);
  });

  it('records support after a job start, ends the job and measures the tenure', async () => {
    const job = (await get()).placements.find((p: { title: string }) => p.title === 'Varastotyöntekijä');
    const early = await w.coach.api.post(`/api/placements/${job.id}/support-entries`, {
      supportedOn: '2026-03-20',
      setting: 'on_the_job',
      note: 'Perehdytys',
    });
    expect(early.status).toBe(400);
    expect(early.body.error.details.issues[0].code).toBe('before_job_start');
    laterDays(ctx(), 7);
    const support = await w.coach.api.post(`/api/placements/${job.id}/support-entries`, {
      setting: 'on_the_job',
      withEmployer: true,
      durationMinutes: 60,
      note: 'Työpaikkakäynti esihenkilön kanssa',
    });
    expect(support.status).toBe(201);
    const placed = support.body.placements.find((p: { id: string }) => p.id === job.id);
    expect(placed).toMatchObject({
      tenureDays: 7,
      supportEntries: [{ setting: 'on_the_job', withEmployer: true }],
    });
    const ended = await w.coach.api.post(`/api/placements/${job.id}/end`, {
      reason: 'contract_ended',
      version: job.version,
    });
    expect(ended.status).toBe(200);
    expect(ended.body.placements.find((p: { id: string }) => p.id === job.id)).toMatchObject({
      endReason: 'contract_ended',
      tenureDays: 7,
    });
    const again = await w.coach.api.post(`/api/placements/${job.id}/end`, {
      reason: 'contract_ended',
      version: job.version + 1,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_ended');
  });

  it('runs modules one at a time, each ended by a review with client, coach and purchaser', async () => {
    const first = await w.coach.api.post(`/api/coachings/${coaching.id}/modules`, {
      goal: 'Työnhaku käyntiin',
      plannedEndOn: '2026-06-30',
    });
    expect(first.status).toBe(201);
    const second = await w.coach.api.post(`/api/coachings/${coaching.id}/modules`, {
      goal: 'Liian aikaisin',
      plannedEndOn: '2026-06-30',
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('module_open');
    const end = await w.coach.api.post(`/api/coachings/${coaching.id}/end`, {
      reason: 'goal_reached',
      version: first.body.version,
    });
    expect(end.status).toBe(409);
    expect(end.body.error.code).toBe('module_open');
    const m = first.body.modules[0];
    const nobody = await w.coach.api.post(`/api/coaching-modules/${m.id}/review`, {
      attended: { client: false, coach: false, purchaser: false },
      decision: 'next_module',
      version: m.version,
    });
    expect(nobody.status).toBe(400);
    const reviewed = await w.coach.api.post(`/api/coaching-modules/${m.id}/review`, {
      attended: { client: true, coach: true, purchaser: true },
      purchaserName: 'Työllisyysalueen asiantuntija',
      decision: 'next_module',
      notes: 'Jatketaan tuen moduulilla',
      version: m.version,
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.modules[0].review).toMatchObject({
      decision: 'next_module',
      attended: { client: true, purchaser: true },
    });
    const twice = await w.coach.api.post(`/api/coaching-modules/${m.id}/review`, {
      attended: { client: true, coach: true, purchaser: true },
      decision: 'next_module',
      version: m.version + 1,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_reviewed');
    const next = await w.coach.api.post(`/api/coachings/${coaching.id}/modules`, {
      goal: 'Työssä pysyminen',
      plannedEndOn: '2026-09-30',
    });
    expect(next.status).toBe(201);
    expect(next.body.modules.map((x: { ordinal: number }) => x.ordinal)).toEqual([1, 2]);
  });

  it('shows caseloads and flags a coach above 20 active clients', async () => {
    const { db } = ctx();
    for (let i = 0; i < 21; i++) {
      const client = await makeClient(db, w.orgJ.id, w.coach2.user.id);
      await db
        .insertInto('coaching')
        .values({
          client_id: client.id,
          case_id: w.caseId,
          organisation_id: w.orgJ.id,
          team_id: w.coachingTeam.id,
          coach_user_id: w.coach2.user.id,
          kind: 'service',
          intensity: i % 2 ? 'intensive' : 'light_support',
          model: 'ips',
          started_on: '2026-03-02',
          ended_on: null,
          end_reason: null,
          created_by: w.coach2.user.id,
          updated_by: w.coach2.user.id,
        })
        .execute();
    }
    const res = await w.managerJ.api.get('/api/coaching/caseloads');
    expect(res.status).toBe(200);
    const byId = new Map(res.body.coaches.map((c: { userId: string }) => [c.userId, c]));
    expect(byId.get(w.coach.user.id)).toMatchObject({ activeClients: 1, overLimit: false });
    expect(byId.get(w.coach2.user.id)).toMatchObject({
      activeClients: 21,
      intensive: 10,
      lightSupport: 11,
      overLimit: true,
    });
    expect(res.body).toMatchObject({ limit: 20, caseloadItemScore: 4 });
    const mine = await w.coach.api.get(`/api/coachings?coachUserId=${w.coach2.user.id}`);
    expect(mine.body).toHaveLength(21);
    expect((await w.nurseB.api.get('/api/coaching/caseloads')).status).toBe(403);
  });

  it('ends the coaching when a module review decides so; an ended coaching does not change', async () => {
    const body = await get();
    const open = body.modules.find((m: { review: unknown }) => m.review === null);
    const res = await w.coach.api.post(`/api/coaching-modules/${open.id}/review`, {
      attended: { client: true, coach: true, purchaser: false },
      decision: 'end_coaching',
      notes: 'Työsuhde vakiintunut',
      version: open.version,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ endedOn: '2026-04-08', endReason: 'module_review' });
    const update = await w.coach.api.put(`/api/coachings/${coaching.id}`, {
      intensity: 'light_support',
      model: 'ips',
      coachUserId: w.coach.user.id,
      teamId: null,
      version: res.body.version,
    });
    expect(update.status).toBe(409);
    expect(update.body.error.code).toBe('coaching_ended');
    const list = await w.coach.api.get(`/api/clients/${w.client.id}/coachings`);
    expect(list.body.map((k: { id: string }) => k.id)).toEqual([coaching.id]);
  });

  it('ends and updates a coaching directly (no open module)', async () => {
    const again = await startTestCoaching(w, { intensity: 'light_support', model: 'quality_criteria' });
    const changed = await w.coach.api.put(`/api/coachings/${again.id}`, {
      intensity: 'intensive',
      model: 'quality_criteria',
      coachUserId: w.coach2.user.id,
      teamId: null,
      version: again.version,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      intensity: 'intensive',
      coach: { userId: w.coach2.user.id },
      team: null,
    });
    const ended = await w.coach.api.post(`/api/coachings/${again.id}/end`, {
      reason: 'client_ended',
      version: changed.body.version,
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ endReason: 'client_ended', endedOn: '2026-04-08' });
  });
});
