import { beforeAll, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { login } from '../../../test/support/client-path.ts';
import {
  COACHING_TEST_ENV,
  type CoachingWorld,
  coachingWorld,
  laterDays,
  startTestCoaching,
} from '../../../test/support/coaching.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';

describeEachEngine('employers API', (engine) => {
  const ctx = useTestContext(engine, COACHING_TEST_ENV);
  let w: CoachingWorld;
  let employer: { id: string; version: number };
  let coachingId: string;

  beforeAll(async () => {
    w = await coachingWorld(ctx());
    coachingId = (await startTestCoaching(w)).id;
  });

  const body = {
    businessId: '0112038-9',
    name: 'Konepaja Esimerkki Oy',
    municipality: 'Kuopio',
    industry: 'Metalli',
  };

  it('answers 401 without a session', async () => {
    expect((await new ApiClient(ctx().app).get('/api/employers')).status).toBe(401);
  });

  it('validates the business ID (Y-tunnus) and every field with 400', async () => {
    const res = await w.coach.api.post('/api/employers', { ...body, businessId: '0112038-8', name: '' });
    expect(res.status).toBe(400);
    const fields = res.body.error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.businessId', 'body.name']));
  });

  it('keeps roles without employer work out with 403', async () => {
    expect((await w.nurseB.api.get('/api/employers')).status).toBe(403);
    expect((await w.b.api.post('/api/employers', body)).status).toBe(403);
  });

  it('adds an employer to the organisation’s register, once per business ID', async () => {
    const res = await w.coach.api.post('/api/employers', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      businessId: '0112038-9',
      organisation: { id: w.orgJ.id },
      openOpenings: 0,
      contactPersons: [],
    });
    employer = res.body;
    const again = await w.coach2.api.post('/api/employers', body);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'employer_exists', details: { employerId: employer.id } });
    const audit = await ctx()
      .db.selectFrom('audit_event')
      .selectAll()
      .where('event', '=', 'EmployerCreate')
      .where('outcome', '=', 'allowed')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ user_id: w.coach.user.id, target_id: employer.id, client_ids: [] });
  });

  it('shows an employer only to its own organisation (404 elsewhere, same business ID allowed there)', async () => {
    expect((await w.otherCoach.api.get(`/api/employers/${employer.id}`)).status).toBe(404);
    expect((await w.otherCoach.api.get('/api/employers')).body).toEqual([]);
    const theirs = await w.otherCoach.api.post('/api/employers', body);
    expect(theirs.status).toBe(201);
    const update = await w.otherCoach.api.put(`/api/employers/${employer.id}`, {
      ...body,
      active: false,
      version: 1,
    });
    expect(update.status).toBe(404);
    const search = await w.coach.api.get('/api/employers?q=esimerk');
    expect(search.body.map((e: { id: string }) => e.id)).toEqual([employer.id]);
  });

  it('updates with optimistic locking (409 stale_version)', async () => {
    const ok = await w.coach.api.put(`/api/employers/${employer.id}`, {
      ...body,
      notes: 'Hyvä yhteistyö',
      active: true,
      version: employer.version,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ notes: 'Hyvä yhteistyö', version: employer.version + 1 });
    const stale = await w.coach.api.put(`/api/employers/${employer.id}`, {
      ...body,
      active: true,
      version: employer.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    employer = ok.body;
  });

  it('keeps contact persons, job openings and supports', async () => {
    const person = await w.coach.api.post(`/api/employers/${employer.id}/contact-persons`, {
      name: 'Seppo Esimies',
      email: 'not-an-email',
    });
    expect(person.status).toBe(400);
    const ok = await w.coach.api.post(`/api/employers/${employer.id}/contact-persons`, {
      name: 'Seppo Esimies',
      title: 'Työnjohtaja',
      email: 'seppo@example.com',
    });
    expect(ok.status).toBe(201);
    const changed = await w.coach.api.put(`/api/employer-contact-persons/${ok.body.id}`, {
      name: 'Seppo Esimies',
      title: 'Tuotantopäällikkö',
      email: 'seppo@example.com',
      active: true,
      version: ok.body.version,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.title).toBe('Tuotantopäällikkö');
    const opening = await w.coach.api.post(`/api/employers/${employer.id}/job-openings`, {
      title: 'Hitsaaja',
      hoursPerWeek: 30,
    });
    expect(opening.status).toBe(201);
    expect(opening.body).toMatchObject({ status: 'open', openLabourMarket: true, foundOn: '2026-03-02' });
    const listed = await w.coach.api.get('/api/job-openings');
    expect(listed.body.map((o: { id: string }) => o.id)).toEqual([opening.body.id]);
    const filled = await w.coach.api.put(`/api/job-openings/${opening.body.id}`, {
      title: 'Hitsaaja',
      status: 'filled',
      version: opening.body.version,
    });
    expect(filled.status).toBe(200);
    expect((await w.coach.api.get('/api/job-openings')).body).toEqual([]);
    const unknown = await w.coach.api.post(`/api/employers/${employer.id}/supports`, {
      supportCode: 'free_lunch',
      startedOn: '2026-03-02',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues[0].code).toBe('unknown_support');
    const support = await w.coach.api.post(`/api/employers/${employer.id}/supports`, {
      supportCode: 'social_clause',
      startedOn: '2026-03-02',
    });
    expect(support.status).toBe(201);
    const read = await w.coach.api.get(`/api/employers/${employer.id}`);
    expect(read.body).toMatchObject({
      openOpenings: 0,
      contactPersons: [{ title: 'Tuotantopäällikkö' }],
      supports: [{ supportCode: 'social_clause' }],
    });
    const codes = await w.coach.api.get('/api/code-lists/employment-supports');
    expect(codes.body.map((c: { code: string }) => c.code)).toEqual(
      expect.arrayContaining([
        'work_trial',
        'pay_subsidy',
        'municipal_supplement',
        'workplace_adjustments',
        'social_clause',
      ]),
    );
  });

  it('counts employer contacts per coach per week', async () => {
    // Week of 2 March: coach 6 contacts, coach2 1; week of 9 March: coach 6.
    for (let i = 0; i < 6; i++) {
      const res = await w.coach.api.post('/api/employer-contacts', {
        employerId: employer.id,
        mode: 'phone',
        purpose: 'job_development',
        outcome: 'follow_up_agreed',
      });
      expect(res.status).toBe(201);
    }
    await w.coach2.api.post('/api/employer-contacts', {
      employerId: employer.id,
      mode: 'email',
      purpose: 'employer_information',
      outcome: 'no_need_now',
    });
    laterDays(ctx(), 7);
    for (let i = 0; i < 6; i++) {
      await w.coach.api.post('/api/employer-contacts', {
        employerId: employer.id,
        coachingId,
        mode: 'in_person',
        purpose: 'client_introduction',
        outcome: 'meeting_agreed',
      });
    }
    const res = await w.managerJ.api.get(
      '/api/employer-contacts/per-coach-week?from=2026-03-02&to=2026-03-15',
    );
    expect(res.status).toBe(200);
    const byId = new Map(res.body.coaches.map((c: { userId: string }) => [c.userId, c]));
    expect(res.body.target).toBe(6);
    expect(byId.get(w.coach.user.id)).toMatchObject({
      contacts: 12,
      perWeek: 6,
      meetsTarget: true,
      weeks: [
        { weekStart: '2026-03-02', contacts: 6 },
        { weekStart: '2026-03-09', contacts: 6 },
      ],
    });
    expect(byId.get(w.coach2.user.id)).toMatchObject({ contacts: 1, perWeek: 0.5, meetsTarget: false });
    const bad = await w.managerJ.api.get(
      '/api/employer-contacts/per-coach-week?from=2026-03-15&to=2026-03-02',
    );
    expect(bad.status).toBe(400);
    expect(
      (await w.nurseB.api.get('/api/employer-contacts/per-coach-week?from=2026-03-02&to=2026-03-15')).status,
    ).toBe(403);
  });

  it('names the client of a contact only to those who may read the client’s coaching', async () => {
    const mine = await w.coach.api.get(`/api/employer-contacts?employerId=${employer.id}`);
    const about = mine.body.filter((c: { client: unknown }) => c.client !== null);
    expect(about).toHaveLength(6);
    expect(about[0].client).toMatchObject({
      coachingId,
      clientId: w.client.id,
      name: expect.stringContaining(w.client.last_name),
    });
    const audit = await ctx()
      .db.selectFrom('audit_event')
      .select('client_ids')
      .where('event', '=', 'EmployerContactList')
      .executeTakeFirstOrThrow();
    expect(audit.client_ids).toEqual([w.client.id]);
    // A colleague of the same organisation without a care relationship to the client: the organisation is on the
    // team, so the relationship is the organisation's — the same answer. A removed team member loses it.
    const advisorJ = await login(ctx(), w.orgJ.id, 'employment_advisor');
    const theirs = await advisorJ.api.get(`/api/employer-contacts?employerId=${employer.id}`);
    expect(
      theirs.body.filter((c: { client: { name: string | null } | null }) => c.client?.name),
    ).toHaveLength(6);
  });

  it('refuses a contact about a coaching of another organisation (400) and an unknown contact person', async () => {
    const other = await w.otherCoach.api.post('/api/employers', { ...body, businessId: '0201256-6' });
    expect(other.status).toBe(201);
    const res = await w.otherCoach.api.post('/api/employer-contacts', {
      employerId: other.body.id,
      coachingId,
      mode: 'phone',
      purpose: 'client_introduction',
      outcome: 'other',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({
      field: 'body.coachingId',
      code: 'unknown_coaching',
    });
    const person = await w.coach.api.post('/api/employer-contacts', {
      employerId: employer.id,
      contactPersonId: other.body.id,
      mode: 'phone',
      purpose: 'job_development',
      outcome: 'other',
    });
    expect(person.status).toBe(400);
  });
});
