import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser, TEST_PASSWORD } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { insertAuditEvent } from './audit.repository.ts';

const CSV_HEADER =
  'occurredAt,userName,organisationName,role,event,action,outcome,purpose,breakGlass,clientIds,targetId';
const REASON = 'Päivystys: asiakas tuotiin tajuttomana, tarvitaan yhteystiedot';

/** RFC 4180 with the export's conventions: comma separated, "" escapes a quote, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describeEachEngine('audit log', (engine) => {
  const ctx = useTestContext(engine);
  let orgA: { id: string };
  let orgB: { id: string };
  let orgC: { id: string };
  let admin: ApiClient;
  let coordinatorA: ApiClient;
  let coordinatorB: ApiClient;
  let physicianC: ApiClient;
  let nurseC: ApiClient;
  const users = {} as Record<
    'admin' | 'coordinatorA' | 'coordinatorB' | 'physicianC' | 'nurseC',
    { id: string; email: string; last_name: string }
  >;
  let client: { id: string; identity_code: string; first_name: string; last_name: string };

  beforeAll(async () => {
    const { db, app } = ctx();
    orgA = await makeOrganisation(db, { name: 'Alfa sote-keskus' });
    orgB = await makeOrganisation(db, { name: 'Beta työllisyyspalvelut' });
    orgC = await makeOrganisation(db, { name: 'Gamma päivystys' });
    users.admin = await makeUser(db, orgA.id, 'admin');
    users.coordinatorA = await makeUser(db, orgA.id, 'coordinator');
    users.coordinatorB = await makeUser(db, orgB.id, 'coordinator');
    users.physicianC = await makeUser(db, orgC.id, 'physician');
    users.nurseC = await makeUser(db, orgC.id, 'nurse');
    admin = await new ApiClient(app).login(users.admin.email, TEST_PASSWORD);
    coordinatorA = await new ApiClient(app).login(users.coordinatorA.email, TEST_PASSWORD);
    coordinatorB = await new ApiClient(app).login(users.coordinatorB.email, TEST_PASSWORD);
    physicianC = await new ApiClient(app).login(users.physicianC.email, TEST_PASSWORD);
    nurseC = await new ApiClient(app).login(users.nurseC.email, TEST_PASSWORD);
    client = await makeClient(db, orgA.id, users.coordinatorA.id, {
      firstName: 'Aino',
      lastName: 'Lokitettava',
    });
  });

  const rowsOf = (userId: string, event: string) =>
    ctx()
      .db.selectFrom('audit_event')
      .where('user_id', '=', userId)
      .where('event', '=', event)
      .selectAll()
      .orderBy('occurred_at')
      .execute();
  const fullName = (u: { last_name: string }) => `Testi ${u.last_name}`;

  it('answers 401 without a session', async () => {
    const anonymous = new ApiClient(ctx().app);
    expect((await anonymous.get('/api/audit-events')).status).toBe(401);
    expect((await anonymous.get('/api/break-glass')).status).toBe(401);
    expect(
      (
        await anonymous.post('/api/clients/break-glass', {
          identityCode: client.identity_code,
          reason: REASON,
        })
      ).status,
    ).toBe(401);
  });

  it('names each invalid field with 400', async () => {
    const list = await admin.get('/api/audit-events?outcome=maybe&limit=0&from=2026-02-30');
    expect(list.status).toBe(400);
    const fields = list.body.error.details.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['querystring.from', 'querystring.limit', 'querystring.outcome']);
    const log = await admin.get(
      `/api/audit/client-access-log?identityCode=${client.identity_code.slice(0, 10)}Q`,
    );
    expect(log.status).toBe(400);
    expect(log.body.error.details.issues[0].field).toBe('querystring.identityCode');
    const shortReason = await physicianC.post('/api/clients/break-glass', {
      identityCode: client.identity_code,
      reason: 'hätä',
    });
    expect(shortReason.status).toBe(400);
    expect(shortReason.body.error.details.issues[0].field).toBe('body.reason');
  });

  it('answers 403 to everyone but an admin', async () => {
    for (const url of [
      '/api/audit-events',
      '/api/audit-events.csv',
      `/api/audit/client-access-log?identityCode=${client.identity_code}`,
      '/api/break-glass',
    ]) {
      const res = await coordinatorA.get(url);
      expect(res.status, url).toBe(403);
      expect(res.body.error.code, url).toBe('forbidden');
    }
    expect((await coordinatorA.post(`/api/break-glass/${randomUUID()}/review`, { note: 'x' })).status).toBe(
      403,
    );
  });

  describe('the log cannot be edited', () => {
    let auditId: string;
    beforeAll(async () => {
      auditId = await insertAuditEvent(
        ctx().db,
        {
          user_id: users.coordinatorB.id,
          organisation_id: orgB.id,
          role: 'coordinator',
          event: 'ClientRead',
          action: 'client.read',
          resource: 'client',
          client_ids: [client.id],
          target_id: null,
          outcome: 'allowed',
          purpose: 'client_care',
          break_glass: false,
          request_id: null,
          ip: null,
          metadata: {},
          occurred_at: new Date('2026-01-15T08:00:00Z'),
        },
        [
          {
            clientId: client.id,
            fromOrganisationId: orgA.id,
            toOrganisationId: orgB.id,
            userId: users.coordinatorB.id,
            categories: ['basic'],
            basis: 'care_relationship',
            consentId: null,
          },
        ],
      );
    });

    const count = async (table: 'audit_event' | 'disclosure_log') =>
      Number(
        (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(ctx().db))
          .rows[0]!.n,
      );

    it.each(['audit_event', 'disclosure_log'] as const)(
      '%s refuses UPDATE, DELETE and TRUNCATE',
      async (table) => {
        const before = await count(table);
        expect(before).toBeGreaterThan(0);
        const db = ctx().db;
        await expect(sql`update ${sql.table(table)} set occurred_at = now()`.execute(db)).rejects.toThrow(
          `the ${table} log is append-only`,
        );
        await expect(sql`delete from ${sql.table(table)}`.execute(db)).rejects.toThrow(
          `the ${table} log is append-only`,
        );
        await expect(sql`truncate ${sql.table(table)} cascade`.execute(db)).rejects.toThrow(
          `the ${table} log is append-only`,
        );
        expect(await count(table)).toBe(before);
      },
    );

    it('keeps the row as written', async () => {
      const row = await ctx()
        .db.selectFrom('audit_event')
        .where('id', '=', auditId)
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ outcome: 'allowed', occurred_at: new Date('2026-01-15T08:00:00Z') });
    });
  });

  it('every read of a client writes one row: who, organisation, role, client, outcome', async () => {
    const res = await coordinatorA.get(`/api/clients/${client.id}`);
    expect(res.status).toBe(200);
    const rows = await rowsOf(users.coordinatorA.id, 'ClientRead');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: users.coordinatorA.id,
      organisation_id: orgA.id,
      role: 'coordinator',
      event: 'ClientRead',
      action: 'client.read',
      resource: 'client',
      client_ids: [client.id],
      outcome: 'allowed',
      purpose: 'client_care',
      break_glass: false,
      occurred_at: ctx().clock.now(),
    });
    expect(rows[0]!.request_id).toEqual(expect.any(String));
    // Ids only: no identity code or name in the log.
    const text = JSON.stringify(rows);
    expect(text).not.toContain(client.identity_code);
    expect(text).not.toContain(client.last_name);
  });

  it('a denied read is logged as denied (and answered 404)', async () => {
    const res = await coordinatorB.get(`/api/clients/${client.id}`);
    expect(res.status).toBe(404);
    const rows = await rowsOf(users.coordinatorB.id, 'ClientRead');
    expect(rows.filter((r) => r.outcome === 'denied')).toEqual([
      expect.objectContaining({
        organisation_id: orgB.id,
        role: 'coordinator',
        client_ids: [client.id],
        outcome: 'denied',
        metadata: { denial: 'no_relationship' },
        break_glass: false,
      }),
    ]);
  });

  it('lists the log for an admin, filtered by user, client, event, outcome and Finnish date', async () => {
    const denied = await admin.get(`/api/audit-events?userId=${users.coordinatorB.id}&outcome=denied`);
    expect(denied.status).toBe(200);
    expect(denied.body.total).toBe(1);
    expect(denied.body.events[0]).toMatchObject({
      userId: users.coordinatorB.id,
      userName: fullName(users.coordinatorB),
      organisationName: 'Beta työllisyyspalvelut',
      event: 'ClientRead',
      outcome: 'denied',
      clientIds: [client.id],
    });
    const reads = await admin.get(`/api/audit-events?clientId=${client.id}&event=ClientRead`);
    // The one written directly (15 January), coordinator A's read and coordinator B's denied read.
    expect(reads.body.total).toBe(3);
    const today = await admin.get(`/api/audit-events?clientId=${client.id}&from=2026-03-02&to=2026-03-02`);
    expect(today.body.total).toBe(2);
    const january = await admin.get(`/api/audit-events?clientId=${client.id}&from=2026-01-01&to=2026-01-31`);
    expect(january.body.events.map((e: { userId: string }) => e.userId)).toEqual([users.coordinatorB.id]);
    const tomorrow = await admin.get(`/api/audit-events?clientId=${client.id}&from=2026-03-03`);
    expect(tomorrow.body).toEqual({ total: 0, events: [] });
    const paged = await admin.get(`/api/audit-events?clientId=${client.id}&limit=1&offset=1`);
    expect(paged.body.total).toBe(3);
    expect(paged.body.events).toHaveLength(1);
    // One AuditList row per call, with the number of rows shown.
    const logged = await rowsOf(users.admin.id, 'AuditList');
    expect(logged.map((r) => r.metadata.count).sort()).toEqual([0, 1, 1, 1, 2, 3]);
  });

  it('exports the same rows as CSV with a header, parsed back cell by cell', async () => {
    const filter = `clientId=${client.id}`;
    const json = await admin.get(`/api/audit-events?${filter}`);
    const res = await admin.get(`/api/audit-events.csv?${filter}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="kayttoloki-2026-03-02.csv"');
    const text = res.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header!.join(',')).toBe(CSV_HEADER);
    expect(rows).toHaveLength(json.body.total);
    // Rows logged in the same instant may come in either order, so compare them as sets.
    const events = json.body.events as Record<string, unknown>[];
    const expected = events.map((e) => [
      e.occurredAt,
      e.userName ?? '',
      e.organisationName ?? '',
      e.role ?? '',
      e.event,
      e.action,
      e.outcome,
      e.purpose,
      String(e.breakGlass),
      (e.clientIds as string[]).join(' '),
      e.targetId ?? '',
    ]);
    const key = (cells: unknown[]) => JSON.stringify(cells);
    expect(rows.map(key).sort()).toEqual(expected.map(key).sort());
    expect(await rowsOf(users.admin.id, 'AuditExport')).toEqual([
      expect.objectContaining({ outcome: 'allowed', metadata: { count: rows.length } }),
    ]);
  });

  describe('break-glass', () => {
    let accessId: string;

    it('a nurse cannot break glass (403) and no access is opened', async () => {
      const res = await nurseC.post('/api/clients/break-glass', {
        identityCode: client.identity_code,
        reason: REASON,
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(await ctx().db.selectFrom('break_glass_access').select('id').execute()).toEqual([]);
      expect((await nurseC.get(`/api/clients/${client.id}`)).status).toBe(404);
      const denial = await rowsOf(users.nurseC.id, 'ClientBreakGlass');
      expect(denial.map((r) => [r.outcome, r.metadata.denial])).toEqual([['denied', 'role']]);
    });

    it('answers 404 to an identity code nobody has registered', async () => {
      const res = await physicianC.post('/api/clients/break-glass', {
        identityCode: '010594Y9032',
        reason: REASON,
      });
      expect(res.status).toBe(404);
    });

    it('a physician without a relationship opens the client with a reason, flagged in the log', async () => {
      expect((await physicianC.get(`/api/clients/${client.id}`)).status).toBe(404);
      const res = await physicianC.post('/api/clients/break-glass', {
        identityCode: client.identity_code.toLowerCase(),
        reason: REASON,
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ clientId: client.id, expiresAt: '2026-03-02T12:00:00.000Z' });

      const read = await physicianC.get(`/api/clients/${client.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: client.id, accessBasis: 'break_glass' });

      const opened = (await rowsOf(users.physicianC.id, 'ClientBreakGlass')).filter(
        (r) => r.outcome === 'allowed',
      );
      expect(opened).toEqual([
        expect.objectContaining({
          outcome: 'allowed',
          break_glass: true,
          purpose: 'break_glass',
          client_ids: [client.id],
        }),
      ]);
      expect(JSON.stringify(opened)).not.toContain('tajuttomana');
      const reads = await rowsOf(users.physicianC.id, 'ClientRead');
      expect(reads.map((r) => [r.outcome, r.break_glass, r.purpose])).toEqual(
        expect.arrayContaining([
          ['denied', false, 'client_care'],
          ['allowed', true, 'break_glass'],
        ]),
      );
      expect(reads).toHaveLength(2);
      const disclosures = await ctx()
        .db.selectFrom('disclosure_log')
        .where('user_id', '=', users.physicianC.id)
        .selectAll()
        .execute();
      expect(disclosures).toEqual([
        expect.objectContaining({
          client_id: client.id,
          from_organisation_id: orgA.id,
          to_organisation_id: orgC.id,
          categories: ['basic'],
          basis: 'break_glass',
          consent_id: null,
          audit_event_id: reads.find((r) => r.outcome === 'allowed')!.id,
          // The same moment as its audit event, so the client's access log finds both for the same day.
          occurred_at: ctx().clock.now(),
        }),
      ]);
      const flagged = await admin.get(`/api/audit-events?breakGlass=true&clientId=${client.id}`);
      expect(flagged.body.events.map((e: { event: string }) => e.event).sort()).toEqual([
        'ClientBreakGlass',
        'ClientRead',
      ]);
    });

    it('appears in the review list for an admin', async () => {
      const res = await admin.get('/api/break-glass?reviewed=false');
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        {
          id: expect.any(String),
          userName: fullName(users.physicianC),
          organisationName: 'Gamma päivystys',
          role: 'physician',
          clientId: client.id,
          reason: REASON,
          startedAt: '2026-03-02T10:00:00.000Z',
          expiresAt: '2026-03-02T12:00:00.000Z',
          reviewedAt: null,
          reviewedBy: null,
          reviewNote: null,
        },
      ]);
      accessId = res.body[0].id;
      expect((await admin.get('/api/break-glass?reviewed=true')).body).toEqual([]);
    });

    it('is reviewed once; a second review gets 409', async () => {
      expect((await admin.post(`/api/break-glass/${randomUUID()}/review`, { note: 'Ei ole' })).status).toBe(
        404,
      );
      const res = await admin.post(`/api/break-glass/${accessId}/review`, {
        note: 'Tarkastettu, peruste asianmukainen',
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
      const again = await admin.post(`/api/break-glass/${accessId}/review`, { note: 'Uudelleen' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('already_reviewed');
      const reviewed = (await admin.get('/api/break-glass?reviewed=true')).body;
      expect(reviewed).toEqual([
        expect.objectContaining({
          id: accessId,
          reviewedAt: '2026-03-02T10:00:00.000Z',
          reviewedBy: fullName(users.admin),
          reviewNote: 'Tarkastettu, peruste asianmukainen',
        }),
      ]);
      expect((await admin.get('/api/break-glass?reviewed=false')).body).toEqual([]);
      const logged = await rowsOf(users.admin.id, 'BreakGlassReview');
      expect(logged.map((r) => [r.outcome, r.target_id])).toEqual(
        expect.arrayContaining([
          ['allowed', accessId],
          ['failed', accessId],
        ]),
      );
    });
  });

  it('the client’s access log lists who read the client and what was disclosed, by identity code', async () => {
    const res = await admin.get(
      `/api/audit/client-access-log?identityCode=${client.identity_code.toLowerCase()}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ clientId: client.id, from: '2024-03-02', to: '2026-03-02' });
    const accesses = res.body.accesses as {
      userName: string;
      organisationName: string;
      role: string;
      action: string;
      purpose: string;
    }[];
    expect(accesses).toEqual(
      expect.arrayContaining([
        {
          occurredAt: '2026-03-02T10:00:00.000Z',
          organisationName: 'Alfa sote-keskus',
          userName: fullName(users.coordinatorA),
          role: 'coordinator',
          action: 'client.read',
          purpose: 'client_care',
        },
        {
          occurredAt: '2026-03-02T10:00:00.000Z',
          organisationName: 'Gamma päivystys',
          userName: fullName(users.physicianC),
          role: 'physician',
          action: 'client.read',
          purpose: 'break_glass',
        },
      ]),
    );
    // Refused attempts were no processing of the client's data.
    expect(accesses.filter((a) => a.userName === fullName(users.nurseC))).toEqual([]);
    expect(accesses.filter((a) => a.userName === fullName(users.coordinatorB))).toHaveLength(1); // the January row
    expect(res.body.disclosures).toEqual(
      expect.arrayContaining([
        {
          occurredAt: '2026-03-02T10:00:00.000Z',
          fromOrganisationName: 'Alfa sote-keskus',
          toOrganisationName: 'Gamma päivystys',
          categories: ['basic'],
          basis: 'break_glass',
        },
      ]),
    );
    const logged = await rowsOf(users.admin.id, 'ClientAccessLogRead');
    expect(logged.filter((r) => r.outcome === 'allowed')).toEqual([
      expect.objectContaining({ client_ids: [client.id], metadata: { count: expect.any(Number) } }),
    ]);
    expect(JSON.stringify(logged)).not.toContain(client.identity_code);

    const unknown = await admin.get('/api/audit/client-access-log?identityCode=010594Y9032');
    expect(unknown.status).toBe(404);
  });

  // Last: moves the clock two hours on.
  it('a break-glass access ends after two hours', async () => {
    ctx().clock.advance(2 * 3_600_000);
    const physician = await new ApiClient(ctx().app).login(users.physicianC.email, TEST_PASSWORD);
    expect((await physician.get(`/api/clients/${client.id}`)).status).toBe(404);
    const search = await physician.get(`/api/clients?q=${client.identity_code}`);
    expect(search.body).toEqual([]);
  });
});
