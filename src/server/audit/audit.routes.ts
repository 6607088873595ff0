import { sql } from 'kysely';
import { z } from 'zod';
import { findClientIdByIdentityCode } from '../../modules/clients/client.repository.ts';
import { requireIdentityCode } from '../../modules/clients/client.service.ts';
import { conflict, notFound } from '../http/errors.ts';
import { defineRoute } from '../http/route.ts';
import { IdParams } from '../http/schemas.ts';
import { finnishDate } from '../policy/client-access.ts';
import { auditCsv, presentAuditEvent } from './audit.presenter.ts';
import { auditEventsQuery, selectAuditEvents } from './audit.query.ts';
import {
  AuditPageDto,
  AuditQuery,
  BreakGlassDto,
  BreakGlassQuery,
  BreakGlassReviewBody,
  ClientAccessLogDto,
  ClientAccessLogQuery,
} from './audit.schema.ts';

const tags = ['audit'];
const CSV_MAX_ROWS = 100_000;

const list = defineRoute({
  method: 'GET',
  url: '/api/audit-events',
  summary: 'The access log, filtered',
  tags,
  action: 'audit.list',
  audit: 'AuditList',
  querystring: AuditQuery,
  response: AuditPageDto,
  async handler({ trx, query, audit }) {
    const [{ total }] = (await auditEventsQuery(trx, query)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .execute()) as [{ total: number }];
    const rows = await selectAuditEvents(trx, query, query);
    audit.metadata.count = rows.length;
    return { total: Number(total), events: rows.map(presentAuditEvent) };
  },
});

const exportCsv = defineRoute({
  method: 'GET',
  url: '/api/audit-events.csv',
  summary: 'The access log as CSV (same filters)',
  tags,
  action: 'audit.list',
  audit: 'AuditExport',
  querystring: AuditQuery,
  response: z.string(),
  contentType: 'text/csv; charset=utf-8',
  async handler({ trx, query, reply, audit, now }) {
    const rows = await selectAuditEvents(trx, query, { limit: CSV_MAX_ROWS, offset: 0 });
    audit.metadata.count = rows.length;
    reply.header('content-disposition', `attachment; filename="kayttoloki-${finnishDate(now)}.csv"`);
    return auditCsv(rows);
  },
});

/** GDPR art. 15 and Act 703/2023 § 110: the client may ask who processed the data and to whom it went. */
const clientAccessLog = defineRoute({
  method: 'GET',
  url: '/api/audit/client-access-log',
  summary: 'A client’s own access and disclosure log, to give to the client',
  tags,
  action: 'audit.clientAccessLog',
  audit: 'ClientAccessLogRead',
  querystring: ClientAccessLogQuery,
  response: ClientAccessLogDto,
  async handler({ trx, query, audit, now }) {
    const parsed = requireIdentityCode('querystring.identityCode', query.identityCode);
    const client = await findClientIdByIdentityCode(trx, parsed.code);
    if (!client) throw notFound('client');
    audit.clientIds.push(client.id);
    const today = finnishDate(now);
    // Older than two years needs a special reason (Act 703/2023), so that is the default window.
    const from = query.from ?? `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`;
    const to = query.to ?? today;
    if (to < from) throw conflict('invalid_period', 'The end date is before the start date.');
    const accesses = await selectAuditEvents(
      trx,
      { from, to, clientId: client.id, outcome: 'allowed', limit: 10_000, offset: 0 },
      { limit: 10_000, offset: 0 },
    );
    const disclosures = await trx
      .selectFrom('disclosure_log as d')
      .innerJoin('organisation as f', 'f.id', 'd.from_organisation_id')
      .innerJoin('organisation as t', 't.id', 'd.to_organisation_id')
      .where('d.client_id', '=', client.id)
      .where(sql`d.occurred_at`, '>=', sql`(${from}::date)::timestamp at time zone 'Europe/Helsinki'`)
      .where(sql`d.occurred_at`, '<', sql`(${to}::date + 1)::timestamp at time zone 'Europe/Helsinki'`)
      .select(['d.occurred_at', 'f.name as from_name', 't.name as to_name', 'd.categories', 'd.basis'])
      .orderBy('d.occurred_at', 'desc')
      .execute();
    audit.metadata.count = accesses.length + disclosures.length;
    return {
      clientId: client.id,
      from,
      to,
      accesses: accesses
        .filter((a) => a.user_id !== null)
        .map((a) => ({
          occurredAt: a.occurred_at.toISOString(),
          organisationName: a.organisation_name,
          userName: a.first_name ? `${a.first_name} ${a.last_name}` : null,
          role: a.role,
          action: a.action,
          purpose: a.purpose,
        })),
      disclosures: disclosures.map((d) => ({
        occurredAt: d.occurred_at.toISOString(),
        fromOrganisationName: d.from_name,
        toOrganisationName: d.to_name,
        categories: d.categories,
        basis: d.basis,
      })),
    };
  },
});

const breakGlassList = defineRoute({
  method: 'GET',
  url: '/api/break-glass',
  summary: 'Break-glass accesses for review',
  tags,
  action: 'breakGlass.list',
  audit: 'BreakGlassList',
  querystring: BreakGlassQuery,
  response: z.array(BreakGlassDto),
  async handler({ trx, query, audit }) {
    let q = trx
      .selectFrom('break_glass_access as b')
      .innerJoin('app_user as u', 'u.id', 'b.user_id')
      .innerJoin('organisation as o', 'o.id', 'b.organisation_id')
      .leftJoin('app_user as r', 'r.id', 'b.reviewed_by')
      .selectAll('b')
      .select([
        'u.first_name',
        'u.last_name',
        'o.name as organisation_name',
        'r.first_name as rf',
        'r.last_name as rl',
      ])
      .orderBy('b.started_at', 'desc')
      .limit(500);
    if (query.reviewed) q = q.where('b.reviewed_at', query.reviewed === 'true' ? 'is not' : 'is', null);
    const rows = await q.execute();
    audit.metadata.count = rows.length;
    return rows.map((b) => ({
      id: b.id,
      userName: `${b.first_name} ${b.last_name}`,
      organisationName: b.organisation_name,
      role: b.role,
      clientId: b.client_id,
      reason: b.reason,
      startedAt: b.started_at.toISOString(),
      expiresAt: b.expires_at.toISOString(),
      reviewedAt: b.reviewed_at?.toISOString() ?? null,
      reviewedBy: b.rf ? `${b.rf} ${b.rl}` : null,
      reviewNote: b.review_note,
    }));
  },
});

const breakGlassReview = defineRoute({
  method: 'POST',
  url: '/api/break-glass/:id/review',
  summary: 'Mark a break-glass access reviewed, with a note',
  tags,
  action: 'breakGlass.review',
  audit: 'BreakGlassReview',
  params: IdParams,
  body: BreakGlassReviewBody,
  response: z.object({ ok: z.literal(true) }),
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    const res = await trx
      .updateTable('break_glass_access')
      .set({ reviewed_at: now, reviewed_by: actor.userId, review_note: body.note })
      .where('id', '=', params.id)
      .where('reviewed_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) {
      const exists = await trx
        .selectFrom('break_glass_access')
        .select('id')
        .where('id', '=', params.id)
        .executeTakeFirst();
      if (!exists) throw notFound('break-glass access');
      throw conflict('already_reviewed', 'This access has already been reviewed.');
    }
    return { ok: true as const };
  },
});

export const auditRoutes = [list, exportCsv, clientAccessLog, breakGlassList, breakGlassReview];
