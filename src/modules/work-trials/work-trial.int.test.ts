import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { deniedAudit, giveConsent } from '../../../test/support/client-path.ts';
import {
  COACHING_TEST_ENV,
  type CoachingWorld,
  coachingWorld,
  employerOf,
  laterDays,
  startTestCoaching,
} from '../../../test/support/coaching.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

/** The token in the supervisor's e-mail, read as the supervisor would. */
async function tokenOf(
  w: CoachingWorld,
  db: CoachingWorld extends never ? never : Parameters<typeof deniedAudit>[0],
  linkId: string,
) {
  const m = await db
    .selectFrom('message_outbox')
    .selectAll()
    .where('dedupe_key', '=', `work-trial-feedback:${linkId}`)
    .executeTakeFirstOrThrow();
  expect(m).toMatchObject({ channel: 'email', recipient: 'seppo.esimies@example.com', client_id: null });
  // The e-mail names neither the client nor the service.
  expect(m.body).not.toContain(w.client.last_name);
  const match = /\/f\/([A-Za-z0-9_-]+)/.exec(m.body);
  if (!match) throw new Error('no link in the message');
  return match[1]!;
}

const answers = {
  items: {
    work_readiness: { score: 4, note: 'Oppi tehtävät nopeasti' },
    coping: { score: 3, note: '' },
    health_at_work: { score: null, note: 'En osaa arvioida' },
    social_skills: { score: 5, note: 'Hyvä työkaveri' },
    action_at_work: { score: 4, note: '' },
  },
  overallNote: 'Suosittelemme jatkoa.',
};

describeEachEngine('work trials API', (engine) => {
  const ctx = useTestContext(engine, COACHING_TEST_ENV);
  let w: CoachingWorld;
  let coaching: { id: string; profile: { version: number } };
  let employerId: string;
  let supervisorId: string;
  let trial: { id: string; version: number };
  let token: string;
  const supervisor = () => new ApiClient(ctx().app);

  beforeAll(async () => {
    w = await coachingWorld(ctx());
    ({ employerId, supervisorId } = await employerOf(w));
    coaching = await startTestCoaching(w);
  });

  const trialBody = () => ({
    employerId,
    supervisorContactPersonId: supervisorId,
    tasks: 'Varaston keräilytehtävät',
    goals: 'Jaksaa neljä tuntia päivässä; selvittää sopivat tehtävät',
    hoursPerWeek: 20,
    startsOn: '2026-03-09',
    endsOn: '2026-04-03',
  });

  it('answers 401, 400, 403 and 404 before anything is created', async () => {
    expect(
      (await new ApiClient(ctx().app).post(`/api/coachings/${coaching.id}/work-trials`, trialBody())).status,
    ).toBe(401);
    const bad = await w.coach.api.post(`/api/coachings/${coaching.id}/work-trials`, {
      ...trialBody(),
      endsOn: '2026-03-01',
      tasks: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['body.endsOn', 'body.tasks']),
    );
    expect((await w.nurseB.api.post(`/api/coachings/${coaching.id}/work-trials`, trialBody())).status).toBe(
      403,
    );
    const other = await w.otherCoach.api.post(`/api/coachings/${coaching.id}/work-trials`, trialBody());
    expect(other.status).toBe(404);
    expect(
      (await deniedAudit(ctx().db, 'WorkTrialCreate', w.client.id)).some(
        (d) => d.user_id === w.otherCoach.user.id,
      ),
    ).toBe(true);
  });

  it('plans a work trial; feedback can be asked once it has started (409 trial_not_started)', async () => {
    const res = await w.coach.api.post(`/api/coachings/${coaching.id}/work-trials`, trialBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'planned',
      midpointOn: '2026-03-21',
      supervisor: { id: supervisorId },
      links: [],
      feedback: [],
    });
    trial = res.body;
    const early = await w.coach.api.post(`/api/work-trials/${trial.id}/feedback-links`, { kind: 'midpoint' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('trial_not_started');
  });

  it('sends the supervisor a personal link by e-mail; a new link revokes the earlier one', async () => {
    laterDays(ctx(), 12);
    const first = await w.coach.api.post(`/api/work-trials/${trial.id}/feedback-links`, { kind: 'midpoint' });
    expect(first.status).toBe(201);
    const firstToken = await tokenOf(w, ctx().db, first.body.links[0].id);
    const second = await w.coach.api.post(`/api/work-trials/${trial.id}/feedback-links`, {
      kind: 'midpoint',
      language: 'sv',
    });
    expect(second.status).toBe(201);
    expect(second.body.links.map((l: { status: string }) => l.status)).toEqual(['open', 'revoked']);
    token = await tokenOf(w, ctx().db, second.body.links[0].id);
    expect(firstToken).not.toBe(token);
    expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url
    const stored = await ctx().db.selectFrom('work_trial_feedback_link').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    const dead = await supervisor().get(`/api/work-trial-feedback/${firstToken}`);
    expect(dead.status).toBe(404);
  });

  it('shows the supervisor nothing of the client beyond the disclosure choice', async () => {
    const form = await supervisor().get(`/api/work-trial-feedback/${token}`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({
      kind: 'midpoint',
      language: 'sv',
      employerName: 'Testikonepaja Oy',
      tasks: 'Varaston keräilytehtävät',
      client: { name: null, healthDisclosure: 'none', whatMayBeTold: '' },
    });
    expect(form.body.items.map((i: { id: string }) => i.id)).toEqual([
      'work_readiness',
      'coping',
      'health_at_work',
      'social_skills',
      'action_at_work',
    ]);
    expect(form.body.scale).toHaveLength(5);
    const text = JSON.stringify(form.body);
    for (const secret of [
      w.client.first_name,
      w.client.last_name,
      w.client.identity_code,
      'Jaksaa neljä tuntia',
      'Diagnoosi',
    ]) {
      expect(text).not.toContain(secret);
    }
    // The client agrees to be named and to share a general note; the form shows exactly that and no more.
    const profile = await w.coach.api.put(`/api/coachings/${coaching.id}/vocational-profile`, {
      workHistory: 'Varastotyöt',
      skills: 'Trukkikortti',
      disclosure: {
        discloseName: true,
        discloseHealth: 'general',
        disclosureText: 'Tarvitsee selkeät ohjeet.',
        notToDisclose: 'Diagnoosi',
      },
      version: coaching.profile.version,
    });
    expect(profile.status).toBe(200);
    const named = await supervisor().get(`/api/work-trial-feedback/${token}?lang=fi`);
    expect(named.body.client).toEqual({
      name: `${w.client.first_name} ${w.client.last_name}`,
      healthDisclosure: 'general',
      whatMayBeTold: 'Tarvitsee selkeät ohjeet.',
    });
    expect(JSON.stringify(named.body)).not.toContain('Diagnoosi');
    expect(JSON.stringify(named.body)).not.toContain(w.client.identity_code);
    const log = await ctx()
      .db.selectFrom('audit_event')
      .selectAll()
      .where('event', '=', 'WorkTrialFeedbackOpen')
      .where('outcome', '=', 'allowed')
      .execute();
    expect(log.at(-1)).toMatchObject({
      user_id: null,
      client_ids: [w.client.id],
      purpose: 'employer_feedback',
      metadata: { nameDisclosed: true },
    });
  });

  it('takes the answers once; used, unknown and expired links all answer the same 404', async () => {
    const invalid = await supervisor().post(`/api/work-trial-feedback/${token}`, {
      items: { ...answers.items, coping: { score: 7 } },
    });
    expect(invalid.status).toBe(400);
    const ok = await supervisor().post(`/api/work-trial-feedback/${token}`, answers);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ submitted: true });
    const used = await supervisor().post(`/api/work-trial-feedback/${token}`, answers);
    const unknown = await supervisor().get('/api/work-trial-feedback/not-a-real-token-at-all-xxxxxxxx');
    expect(used.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(used.body).toEqual(unknown.body);
    expect((await supervisor().get(`/api/work-trial-feedback/${token}`)).body).toEqual(unknown.body);
    const again = await w.coach.api.post(`/api/work-trials/${trial.id}/feedback-links`, { kind: 'midpoint' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('feedback_given');
    // The final link expires unanswered after 14 days.
    const final = await w.coach.api.post(`/api/work-trials/${trial.id}/feedback-links`, { kind: 'final' });
    const finalToken = await tokenOf(w, ctx().db, final.body.links[0].id);
    laterDays(ctx(), 14);
    const expired = await supervisor().get(`/api/work-trial-feedback/${finalToken}`);
    expect(expired.status).toBe(404);
    expect(expired.body).toEqual(unknown.body);
    const read = await w.coach.api.get(`/api/work-trials/${trial.id}`);
    expect(read.body.links.find((l: { kind: string }) => l.kind === 'final').status).toBe('expired');
  });

  it('joins the answers to the client’s functional assessment', async () => {
    const read = await w.coach.api.get(`/api/work-trials/${trial.id}`);
    expect(read.status).toBe(200);
    expect(read.body.feedback).toHaveLength(1);
    expect(read.body.feedback[0]).toMatchObject({
      kind: 'midpoint',
      respondentName: 'Seppo Esimies',
      overallNote: 'Suosittelemme jatkoa.',
      items: [
        { item: 'work_readiness', score: 4, note: 'Oppi tehtävät nopeasti' },
        { item: 'coping', score: 3 },
        { item: 'health_at_work', score: null },
        { item: 'social_skills', score: 5 },
        { item: 'action_at_work', score: 4 },
      ],
    });
    const list = await w.coach.api.get(`/api/clients/${w.client.id}/functional-assessments`);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ employer: { id: employerId }, organisation: { id: w.orgJ.id } });
    const timeline = await w.coach.api.get(`/api/clients/${w.client.id}/timeline`);
    expect(timeline.status).toBe(200);
    const entry = timeline.body.find((e: { type: string }) => e.type === 'work_trial_feedback');
    expect(entry).toMatchObject({
      workTrialId: trial.id,
      feedbackKind: 'midpoint',
      employerName: 'Testikonepaja Oy',
      by: 'Seppo Esimies',
      organisationId: w.orgJ.id,
      caseId: w.caseId,
    });
  });

  it('shares the feedback with the case organisation only with an assessment consent', async () => {
    expect((await w.b.api.get(`/api/clients/${w.client.id}/functional-assessments`)).body).toEqual([]);
    const hidden = await w.b.api.get(`/api/clients/${w.client.id}/timeline`);
    expect(hidden.body.some((e: { type: string }) => e.type === 'work_trial_feedback')).toBe(false);
    expect((await w.b.api.get(`/api/work-trials/${trial.id}`)).status).toBe(404);
    await giveConsent(ctx().db, w.client.id, w.orgJ.id, w.orgB.id, w.coach.user.id, ['employment_support']);
    const trialOnly = await w.b.api.get(`/api/work-trials/${trial.id}`);
    expect(trialOnly.status).toBe(200);
    expect(trialOnly.body.feedback).toBeNull();
    await giveConsent(ctx().db, w.client.id, w.orgJ.id, w.orgB.id, w.coach.user.id, ['assessment']);
    expect((await w.b.api.get(`/api/clients/${w.client.id}/functional-assessments`)).body).toHaveLength(1);
    expect((await w.b.api.get(`/api/work-trials/${trial.id}`)).body.feedback).toHaveLength(1);
    const shown = await w.b.api.get(`/api/clients/${w.client.id}/timeline`);
    expect(shown.body.some((e: { type: string }) => e.type === 'work_trial_feedback')).toBe(true);
  });

  it('records an interruption; a stale version gets 409', async () => {
    const body = {
      ...trialBody(),
      interruptedOn: '2026-03-27',
      interruptionNote: 'Sairausloma',
      version: trial.version,
    };
    const ok = await w.coach.api.put(`/api/work-trials/${trial.id}`, body);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'interrupted', interruptedOn: '2026-03-27' });
    const stale = await w.coach.api.put(`/api/work-trials/${trial.id}`, body);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
  });

  it('rate-limits the link endpoint', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++)
      last = (await supervisor().get(`/api/work-trial-feedback/guess-${i}`)).status;
    expect(last).toBe(429);
  });
});
