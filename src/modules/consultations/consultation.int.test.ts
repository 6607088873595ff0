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

describeEachEngine('consultations API', (engine) => {
  const ctx = useTestContext(engine, LONG_SESSIONS);
  let w: ClientPathWorld;
  let caseId: string;
  const question = () => ({
    toOrganisationId: w.orgC.id,
    topic: 'Vertaistuki',
    question: 'Sopisiko asiakkaalle vertaisryhmä keväällä?',
  });

  beforeAll(async () => {
    w = await clientPathWorld(ctx());
    ({ caseId } = await referAndAccept(ctx(), w, w.client.id));
  });
  afterAll(() => ctx().clock.set(TEST_START));

  it('answers 401, 400 with field names and 403 for a manager', async () => {
    expect((await new ApiClient(ctx().app).get(`/api/cases/${caseId}/consultations`)).status).toBe(401);
    const bad = await w.b.api.post(`/api/cases/${caseId}/consultations`, {
      toOrganisationId: w.orgC.id,
      topic: '',
      question: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['body.topic', 'body.question']),
    );
    const manager = await login(ctx(), w.orgB.id, 'manager');
    expect((await manager.api.post(`/api/cases/${caseId}/consultations`, question())).status).toBe(403);
  });

  it('asks only an organisation that can read the question: on the team and with the client’s consent', async () => {
    const noRelationship = await w.b.api.post(`/api/cases/${caseId}/consultations`, question());
    expect(noRelationship.status).toBe(400);
    expect(noRelationship.body.error.details.issues[0]).toMatchObject({
      field: 'body.toOrganisationId',
      code: 'recipient_no_relationship',
    });
    await w.b.api.post(`/api/cases/${caseId}/team-members`, {
      organisationId: w.orgC.id,
      role: 'ngo_worker',
    });
    const noConsent = await w.b.api.post(`/api/cases/${caseId}/consultations`, question());
    expect(noConsent.body.error.details.issues[0].code).toBe('recipient_no_consent');
    const wrongUser = await w.b.api.post(`/api/cases/${caseId}/consultations`, {
      ...question(),
      toUserId: w.a.user.id,
    });
    expect(wrongUser.body.error.details.issues[0]).toMatchObject({
      field: 'body.toUserId',
      code: 'not_a_member',
    });

    await giveConsent(ctx().db, w.client.id, w.orgB.id, w.orgC.id, w.b.user.id, ['assessment', 'plan']);
    const asked = await w.b.api.post(`/api/cases/${caseId}/consultations`, {
      ...question(),
      toUserId: w.c.user.id,
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      organisationId: w.orgB.id,
      askerRole: 'coordinator',
      toOrganisationId: w.orgC.id,
      toUserId: w.c.user.id,
      answer: null,
      permissions: { edit: true, correct: true, answer: false },
    });
  });

  it('the organisation asked answers once; the asker can no longer edit the question', async () => {
    const [q] = (await w.b.api.get(`/api/cases/${caseId}/consultations`)).body;
    const asSeenByC = await w.c.api.get(`/api/consultations/${q.id}`);
    expect(asSeenByC.status).toBe(200);
    expect(asSeenByC.body.permissions.answer).toBe(true);

    const notAsked = await w.nurseB.api.post(`/api/consultations/${q.id}/answer`, {
      answer: 'Ei',
      version: q.version,
    });
    expect(notAsked.status).toBe(403);
    expect(notAsked.body.error.code).toBe('not_recipient');

    const answered = await w.c.api.post(`/api/consultations/${q.id}/answer`, {
      answer: 'Ryhmä alkaa huhtikuussa; tervetuloa.',
      version: q.version,
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      answer: 'Ryhmä alkaa huhtikuussa; tervetuloa.',
      answeredAt: '2026-03-02T10:00:00.000Z',
    });
    const twice = await w.c.api.post(`/api/consultations/${q.id}/answer`, {
      answer: 'x',
      version: answered.body.version,
    });
    expect(twice.body.error.code).toBe('already_answered');
    const edit = await w.b.api.put(`/api/consultations/${q.id}`, {
      ...question(),
      version: answered.body.version,
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('already_answered');
  });

  it('after 24 hours a correction points to the original and keeps its answer', async () => {
    const [q] = (await w.b.api.get(`/api/cases/${caseId}/consultations`)).body;
    ctx().clock.advance(25 * 3_600_000);
    const correction = await w.b.api.post(`/api/consultations/${q.id}/corrections`, {
      ...question(),
      topic: 'Vertaistuki (korjattu)',
    });
    expect(correction.status).toBe(201);
    expect(correction.body).toMatchObject({
      correctsId: q.id,
      answer: 'Ryhmä alkaa huhtikuussa; tervetuloa.',
    });
    const original = await w.b.api.get(`/api/consultations/${q.id}`);
    expect(original.body).toMatchObject({ correctedById: correction.body.id, topic: 'Vertaistuki' });

    const fresh = await w.b.api.post(`/api/cases/${caseId}/consultations`, question());
    ctx().clock.advance(24 * 3_600_000);
    const late = await w.b.api.put(`/api/consultations/${fresh.body.id}`, {
      ...question(),
      version: fresh.body.version,
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('edit_window_closed');
  });
});
