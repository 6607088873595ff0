import { sql } from 'kysely';
import type { Trx } from '../db/database.ts';
import type { AuditQuery } from './audit.schema.ts';

/** Filters from the admin page; dates are Finnish calendar days. */
export function auditEventsQuery(trx: Trx, q: Omit<AuditQuery, 'limit' | 'offset'>) {
  let query = trx
    .selectFrom('audit_event as a')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id');
  if (q.from)
    query = query.where(
      sql`a.occurred_at`,
      '>=',
      sql`(${q.from}::date)::timestamp at time zone 'Europe/Helsinki'`,
    );
  if (q.to)
    query = query.where(
      sql`a.occurred_at`,
      '<',
      sql`(${q.to}::date + 1)::timestamp at time zone 'Europe/Helsinki'`,
    );
  if (q.userId) query = query.where('a.user_id', '=', q.userId);
  if (q.organisationId) query = query.where('a.organisation_id', '=', q.organisationId);
  if (q.clientId) query = query.where(sql`${q.clientId}::uuid = any(a.client_ids)`, '=', sql`true`);
  if (q.event) query = query.where('a.event', '=', q.event);
  if (q.outcome) query = query.where('a.outcome', '=', q.outcome);
  if (q.breakGlass) query = query.where('a.break_glass', '=', q.breakGlass === 'true');
  return query;
}

export function selectAuditEvents(trx: Trx, q: AuditQuery, page: { limit: number; offset: number }) {
  return auditEventsQuery(trx, q)
    .selectAll('a')
    .select(['u.first_name', 'u.last_name', 'o.name as organisation_name'])
    .orderBy('a.occurred_at', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
export type AuditEventWithNames = Awaited<ReturnType<typeof selectAuditEvents>>[number];
