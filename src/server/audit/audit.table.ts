import type { Generated, Insertable, Selectable } from 'kysely';

export type AuditOutcome = 'allowed' | 'denied' | 'failed';

export interface AuditEventTable {
  id: Generated<string>;
  occurred_at: Generated<Date>;
  user_id: string | null;
  organisation_id: string | null;
  role: string | null;
  event: string;
  action: string;
  resource: string;
  client_ids: string[];
  target_id: string | null;
  outcome: AuditOutcome;
  purpose: string;
  break_glass: boolean;
  request_id: string | null;
  ip: string | null;
  metadata: Record<string, unknown>;
}
export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEventRow = Insertable<AuditEventTable>;

export interface DisclosureLogTable {
  id: Generated<string>;
  occurred_at: Generated<Date>;
  audit_event_id: string;
  client_id: string;
  from_organisation_id: string;
  to_organisation_id: string;
  user_id: string;
  categories: string[];
  basis: string;
  consent_id: string | null;
}
export type DisclosureLogRow = Selectable<DisclosureLogTable>;
