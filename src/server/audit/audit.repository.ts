import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { NewAuditEventRow } from './audit.table.ts';

export interface Disclosure {
  clientId: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  userId: string;
  categories: string[];
  basis: string;
  consentId: string | null;
}

export async function insertAuditEvent(
  db: Kysely<Database>,
  event: NewAuditEventRow,
  disclosures: Disclosure[],
): Promise<string> {
  const { id, occurred_at } = await db
    .insertInto('audit_event')
    .values(event)
    .returning(['id', 'occurred_at'])
    .executeTakeFirstOrThrow();
  if (disclosures.length > 0) {
    await db
      .insertInto('disclosure_log')
      .values(
        disclosures.map((d) => ({
          // The disclosure happened when its request did: the request's clock, not the database's.
          occurred_at,
          audit_event_id: id,
          client_id: d.clientId,
          from_organisation_id: d.fromOrganisationId,
          to_organisation_id: d.toOrganisationId,
          user_id: d.userId,
          categories: d.categories,
          basis: d.basis,
          consent_id: d.consentId,
        })),
      )
      .execute();
  }
  return id;
}
