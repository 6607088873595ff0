import { beforeAll, expect, it } from 'vitest';
import { ApiClient, TEST_START, useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser, TEST_PASSWORD } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { measurementOf, openTestCase, tokenInMessage } from '../../../test/support/measurement-fixtures.ts';
import { randomToken } from '../../server/auth/tokens.ts';

const DAY = 86_400_000;
// Each call comes from an address of its own: the link endpoints are rate-limited per address.
let ip = 0;
const newAddress = () => `10.0.${Math.floor(++ip / 250)}.${ip % 250}`;

const premAnswers = {
  coping: 4,
  useful: 5,
  decided_together: 4,
  information_understandable: 5,
  knows_continuation: 3,
  recommend: 9,
  comments: 'Kiitos.',
};

describeEachEngine('questionnaire links', (engine) => {
  const ctx = useTestContext(engine);
  let coordinator: ApiClient;
  let otherCoordinator: ApiClient;
  let clientId: string;
  let caseId: string;

  /** The client, without an account, as a browser: gets the CSRF cookie first, as the web form does. */
  async function call(
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    body: object | undefined,
    remoteAddress: string,
  ) {
    const { app } = ctx();
    let headers: Record<string, string> = {};
    if (method !== 'GET') {
      const session = await app.inject({ method: 'GET', url: '/api/auth/session', remoteAddress });
      const cookie = (session.cookies as { name: string; value: string }[]).map(
        (c) => `${c.name}=${c.value}`,
      );
      headers = { cookie: cookie.join('; '), 'x-csrf-token': session.json().csrfToken };
    }
    const res = await app.inject({ method, url, remoteAddress, headers, ...(body ? { payload: body } : {}) });
    // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely and assert their shape.
    return { status: res.statusCode, body: res.json() as any };
  }
  const get = (token: string, address = newAddress(), query = '') =>
    call('GET', `/api/q/${token}${query}`, undefined, address);
  const save = (token: string, answers: object, address = newAddress()) =>
    call('PUT', `/api/q/${token}`, { answers }, address);
  const submit = (token: string, answers: object, address = newAddress()) =>
    call('POST', `/api/q/${token}/submit`, { answers }, address);

  async function sendLink(offsetMonths: number) {
    const m = await measurementOf(ctx().db, caseId, 'prem', offsetMonths);
    const res = await coordinator.post(`/api/measurements/${m.id}/send`, {});
    expect(res.status).toBe(200);
    const link = await ctx()
      .db.selectFrom('questionnaire_link')
      .select('id')
      .where('measurement_id', '=', m.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    return { measurement: m, linkId: link.id, token: await tokenInMessage(ctx().db, `link:${link.id}`) };
  }

  let neutral: { status: number; body: unknown };

  beforeAll(async () => {
    const { db, app, clock } = ctx();
    const org = await makeOrganisation(db);
    const other = await makeOrganisation(db);
    const user = await makeUser(db, org.id, 'coordinator');
    const otherUser = await makeUser(db, other.id, 'coordinator');
    coordinator = await new ApiClient(app).login(user.email, TEST_PASSWORD);
    otherCoordinator = await new ApiClient(app).login(otherUser.email, TEST_PASSWORD);
    const client = await makeClient(db, org.id, user.id);
    await db
      .updateTable('client')
      .set({ email: 'asiakas@example.invalid', contact_preference: 'email' })
      .where('id', '=', client.id)
      .execute();
    clientId = client.id;
    caseId = await openTestCase(db, user, client.id, '2026-03-02', clock.now());
    const unknown = await get(randomToken());
    neutral = { status: unknown.status, body: unknown.body };
  });

  it('a case gets its measurements from the default schedule when it opens', async () => {
    const rows = await ctx()
      .db.selectFrom('measurement')
      .select(['instrument_code', 'offset_months', 'due_on', 'status'])
      .where('case_id', '=', caseId)
      .orderBy('offset_months')
      .orderBy('instrument_code')
      .execute();
    expect(rows.map((r) => `${r.instrument_code}@${r.offset_months}:${r.due_on}:${r.status}`)).toEqual([
      'd3x10@0:2026-03-02:due',
      'was@0:2026-03-02:due',
      'prem@3:2026-06-02:due',
      'was@3:2026-06-02:due',
      'd3x10@6:2026-09-02:due',
      'prem@6:2026-09-02:due',
      'was@6:2026-09-02:due',
    ]);
  });

  it('the neutral answer is a 404 that names nothing', () => {
    expect(neutral.status).toBe(404);
    expect(neutral.body).toEqual({
      error: {
        code: 'not_found',
        message:
          'This link is not in use. It may have expired or been used already. Ask your contact person for a new one.',
      },
    });
  });

  it('sending needs a session (401) and a care relationship (404 for another organisation)', async () => {
    const m = await measurementOf(ctx().db, caseId, 'prem', 3);
    expect((await new ApiClient(ctx().app).post(`/api/measurements/${m.id}/send`, {})).status).toBe(401);
    expect((await otherCoordinator.post(`/api/measurements/${m.id}/send`, {})).status).toBe(404);
    expect((await coordinator.post(`/api/measurements/${m.id}/send`, { channel: 'fax' })).status).toBe(400);
  });

  it('a result-only instrument is not sent as a link', async () => {
    const was = await measurementOf(ctx().db, caseId, 'was', 0);
    const res = await coordinator.post(`/api/measurements/${was.id}/send`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('result_only');
  });

  it('sends by the client’s preference; the message has the link and no health data; only a hash is stored', async () => {
    const { measurement, linkId, token } = await sendLink(3);
    const message = await ctx()
      .db.selectFrom('message_outbox')
      .selectAll()
      .where('dedupe_key', '=', `link:${linkId}`)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({ channel: 'email', recipient: 'asiakas@example.invalid', language: 'fi' });
    expect(message.body).toContain(`http://localhost:3000/q/${token}`);
    expect(message.body).not.toMatch(/asiakaskokemus|työkyky|prem/i);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const tokens = await ctx()
      .db.selectFrom('questionnaire_token')
      .selectAll()
      .where('link_id', '=', linkId)
      .execute();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(tokens)).not.toContain(token);
    const after = await coordinator.get(`/api/clients/${clientId}/measurements`);
    const row = after.body.find((r: { id: string }) => r.id === measurement.id);
    expect(row).toMatchObject({
      status: 'sent',
      round: '3m',
      link: { channel: 'email', state: 'open', remindersSent: 0 },
    });
  });

  it('opens the form in the client’s language, saves halfway, comes back and submits; then the link is dead', async () => {
    const { measurement, token } = await sendLink(3);
    const form = await get(token);
    expect(form.status).toBe(200);
    expect(form.body.language).toBe('fi');
    expect(form.body.instrument.name).toBe('Asiakaskokemuskysely');
    expect(form.body.instrument.items.map((i: { id: string }) => i.id)).toEqual(Object.keys(premAnswers));
    expect(form.body.answers).toEqual({});
    expect((await get(token, newAddress(), '?lang=sv')).body.instrument.name).toBe(
      'Enkät om klientupplevelsen',
    );

    const invalid = await save(token, { coping: 9 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.issues[0]).toMatchObject({
      field: 'answers.coping',
      code: 'not_an_option',
    });

    const saved = await save(token, { coping: 4, useful: 5 });
    expect(saved.status).toBe(200);
    const again = await get(token);
    expect(again.body.answers).toEqual({ coping: 4, useful: 5 });
    expect(again.body.savedAt).toBe(saved.body.savedAt);

    const incomplete = await submit(token, { coping: 4, useful: 5 });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'answers.decided_together',
      'answers.information_understandable',
      'answers.knows_continuation',
      'answers.recommend',
    ]);

    const done = await submit(token, premAnswers);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ submitted: true });

    const { db } = ctx();
    const response = await db
      .selectFrom('measurement_response')
      .selectAll()
      .where('measurement_id', '=', measurement.id)
      .executeTakeFirstOrThrow();
    expect(response).toMatchObject({ source: 'client_link', created_by: null, answered_on: '2026-03-02' });
    expect(response.answers).toEqual(premAnswers);
    const m = await db
      .selectFrom('measurement')
      .selectAll()
      .where('id', '=', measurement.id)
      .executeTakeFirstOrThrow();
    expect(m.status).toBe('answered');

    const audit = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('event', '=', 'QuestionnaireSubmit')
      .where('outcome', '=', 'allowed')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      user_id: null,
      client_ids: [clientId],
      purpose: 'client_self_service',
      target_id: measurement.id,
    });

    // Reuse: the same neutral answer as an unknown token, on every endpoint.
    for (const res of [
      await get(token),
      await save(token, { coping: 1 }),
      await submit(token, premAnswers),
    ]) {
      expect({ status: res.status, body: res.body }).toEqual(neutral);
    }
    const refused = await db
      .selectFrom('audit_event')
      .select(['client_ids', 'outcome'])
      .where('event', '=', 'QuestionnaireOpen')
      .where('outcome', '=', 'failed')
      .execute();
    // A dead token of a real link is logged under its client; an unknown one under nobody.
    expect(refused.some((r) => r.client_ids.includes(clientId))).toBe(true);
    expect(refused.some((r) => r.client_ids.length === 0)).toBe(true);
  });

  it('a guessed or malformed token gets the same answer', async () => {
    for (const guess of [randomToken(), 'abc', 'x'.repeat(100), `${randomToken()}%20`]) {
      const res = await get(guess);
      expect({ status: res.status, body: res.body }).toEqual(neutral);
    }
  });

  it('a link expires 14 days after sending', async () => {
    const { clock } = ctx();
    const { token } = await sendLink(6);
    clock.advance(14 * DAY - 60_000);
    expect((await get(token)).status).toBe(200);
    clock.advance(60_000);
    const res = await get(token);
    expect({ status: res.status, body: res.body }).toEqual(neutral);
    expect((await submit(token, premAnswers)).status).toBe(404);
    clock.set(TEST_START);
  });

  it('a new link replaces the unanswered earlier one', async () => {
    const first = await sendLink(6);
    const second = await sendLink(6);
    expect((await get(first.token)).status).toBe(404);
    expect((await get(second.token)).status).toBe(200);
  });

  it('rate-limits the link endpoints per address: the 31st request in a minute gets 429', async () => {
    const address = '10.99.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await get(randomToken(), address)).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404));
    expect(statuses[30]).toBe(429);
    const limited = await get(randomToken(), address);
    expect(limited.body.error.code).toBe('rate_limited');
    // Another address is not affected.
    expect((await get(randomToken(), '10.99.0.2')).status).toBe(404);
  });
});
