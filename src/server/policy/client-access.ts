import { type ExpressionBuilder, type Expression, type SqlBool, sql } from 'kysely';
import type { Database, Trx } from '../db/database.ts';
import type { Actor } from './actor.ts';
import { consentStatus } from './consent-validity.ts';
import { canBreakGlass, type ClientFacts } from './rules.ts';

/** The record a client-scoped action touches: by default the client's basic data. */
export interface ClientSubject {
  kind: 'client';
  clientId: string;
  record?: { controllerOrganisationId: string; category: string };
}

/** Facts for `decide`, read in one query from the same view and tables the list filters use. */
export async function loadClientFacts(
  trx: Trx,
  actor: Actor,
  subject: ClientSubject,
  now: Date,
): Promise<ClientFacts | null> {
  const row = await trx
    .selectFrom('client as c')
    .where('c.id', '=', subject.clientId)
    .select((eb) => [
      'c.id',
      'c.registering_organisation_id',
      eb
        .selectFrom('care_relationship as cr')
        .whereRef('cr.client_id', '=', 'c.id')
        .where('cr.organisation_id', '=', actor.organisationId)
        .select(sql<string[]>`coalesce(array_agg(distinct cr.basis), '{}')`.as('bases'))
        .as('relationships'),
      eb
        .exists(
          eb
            .selectFrom('break_glass_access as bg')
            .whereRef('bg.client_id', '=', 'c.id')
            .where('bg.user_id', '=', actor.userId)
            .where('bg.organisation_id', '=', actor.organisationId)
            .where('bg.expires_at', '>', now),
        )
        .as('break_glass'),
    ])
    .executeTakeFirst();
  if (!row) return null;

  const controller = subject.record?.controllerOrganisationId ?? row.registering_organisation_id;
  const category = subject.record?.category ?? 'basic';
  const consent =
    controller === actor.organisationId
      ? undefined
      : (
          await trx
            .selectFrom('consent')
            .where('client_id', '=', subject.clientId)
            .where('controller_organisation_id', '=', controller)
            .where('recipient_organisation_id', '=', actor.organisationId)
            .where(sql<SqlBool>`${category} = any(categories)`)
            .select(['id', 'valid_from', 'valid_until', 'withdrawn_at'])
            .orderBy('created_at', 'desc')
            .execute()
        ).find((c) => consentStatus(c, now) === 'active');

  return {
    clientId: row.id,
    relationships: row.relationships ?? [],
    controllerOrganisationId: controller,
    consentId: consent?.id ?? null,
    breakGlass: Boolean(row.break_glass),
  };
}

/**
 * The list form of `decide` for a client's basic data: a care relationship, or an active break-glass
 * access for a role that may use it. The policy tests check that both forms agree.
 */
export function clientVisibleTo(actor: Actor, now: Date) {
  return (eb: ExpressionBuilder<Database, 'client'>): Expression<SqlBool> => {
    const relationship = eb.exists(
      eb
        .selectFrom('care_relationship as cr')
        .whereRef('cr.client_id', '=', 'client.id')
        .where('cr.organisation_id', '=', actor.organisationId),
    );
    if (!canBreakGlass(actor.role)) return relationship;
    return eb.or([
      relationship,
      eb.exists(
        eb
          .selectFrom('break_glass_access as bg')
          .whereRef('bg.client_id', '=', 'client.id')
          .where('bg.user_id', '=', actor.userId)
          .where('bg.organisation_id', '=', actor.organisationId)
          .where('bg.expires_at', '>', now),
      ),
    ]);
  };
}

/** The calendar date in Finland, which decides whether a consent is valid today. */
export function finnishDate(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(now);
}
