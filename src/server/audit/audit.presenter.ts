import type { AuditEventWithNames } from './audit.query.ts';

export function presentAuditEvent(a: AuditEventWithNames) {
  return {
    id: a.id,
    occurredAt: a.occurred_at.toISOString(),
    userId: a.user_id,
    userName: a.first_name ? `${a.first_name} ${a.last_name}` : null,
    organisationId: a.organisation_id,
    organisationName: a.organisation_name,
    role: a.role,
    event: a.event,
    action: a.action,
    resource: a.resource,
    clientIds: a.client_ids,
    targetId: a.target_id,
    outcome: a.outcome,
    purpose: a.purpose,
    breakGlass: a.break_glass,
    metadata: a.metadata,
  };
}

const CSV_COLUMNS = [
  'occurredAt',
  'userName',
  'organisationName',
  'role',
  'event',
  'action',
  'outcome',
  'purpose',
  'breakGlass',
  'clientIds',
  'targetId',
] as const;

function csvCell(value: unknown): string {
  const text = Array.isArray(value)
    ? value.join(' ')
    : value === null || value === undefined
      ? ''
      : String(value);
  // A leading = + - @ would run as a formula when the file is opened in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(rows: AuditEventWithNames[]): string {
  const lines = rows.map((r) => {
    const dto = presentAuditEvent(r);
    return CSV_COLUMNS.map((c) => csvCell(dto[c])).join(',');
  });
  return `\uFEFF${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
