import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Disclosure } from '../audit/audit.repository.ts';
import type { Database, Trx } from '../db/database.ts';
import type { Action } from './actions.ts';
import type { Actor } from './actor.ts';
import { consentStatus } from './consent-validity.ts';
import { type ClientFacts, canBreakGlass, type Decision, decide } from './rules.ts';

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

/** One record of client data as `decide` sees it: whose client, which organisation controls it, what kind. */
export interface ClientRecord {
  clientId: string;
  controllerOrganisationId: string;
  category: string;
}

export type RecordDisclosure = Omit<Disclosure, 'userId' | 'toOrganisationId'>;

/**
 * The list form of `decide` for records of several clients and organisations (timeline, worklist, a case's
 * visits). Lists load their candidate rows in SQL, restricted with `inCareOf`, then keep a row only when
 * `decide` allows the action on it — the same rule as a single read, never a second copy of it. Facts are
 * loaded once per (client, controller, category); rows shown from another organisation are collected once
 * per (client, controller, category) for the disclosure log.
 */
export function recordAccess(trx: Trx, actor: Actor, now: Date) {
  const facts = new Map<string, Promise<ClientFacts | null>>();
  const disclosed = new Map<string, RecordDisclosure>();

  async function check(action: Action, record: ClientRecord): Promise<Decision> {
    const key = `${record.clientId}|${record.controllerOrganisationId}|${record.category}`;
    let loading = facts.get(key);
    if (!loading) {
      loading = loadClientFacts(
        trx,
        actor,
        {
          kind: 'client',
          clientId: record.clientId,
          record: { controllerOrganisationId: record.controllerOrganisationId, category: record.category },
        },
        now,
      );
      facts.set(key, loading);
    }
    const loaded = await loading;
    const decision: Decision = loaded
      ? decide(actor, action, loaded)
      : { allowed: false, reason: 'no_relationship' };
    if (decision.allowed && record.controllerOrganisationId !== actor.organisationId && !disclosed.has(key)) {
      disclosed.set(key, {
        clientId: record.clientId,
        fromOrganisationId: record.controllerOrganisationId,
        categories: [record.category],
        basis: decision.basis,
        consentId: decision.consentId ?? null,
      });
    }
    return decision;
  }

  return {
    check,
    async allows(action: Action, record: ClientRecord): Promise<boolean> {
      return (await check(action, record)).allowed;
    },
    /** The rows `decide` allows, in their order; loads facts one pair at a time on the one transaction. */
    async filter<T>(action: Action, rows: readonly T[], recordOf: (row: T) => ClientRecord): Promise<T[]> {
      const kept: T[] = [];
      for (const row of rows) if ((await check(action, recordOf(row))).allowed) kept.push(row);
      return kept;
    },
    disclosures(): RecordDisclosure[] {
      return [...disclosed.values()];
    },
  };
}
export type RecordAccess = ReturnType<typeof recordAccess>;

/**
 * The SQL half of a list: only clients the actor's organisation has a care relationship with. Rows that pass
 * still go through `recordAccess` (consent, controller). `clientIdColumn` is a column reference (`v.client_id`).
 */
export function inCareOf(actor: Actor, clientIdColumn: string) {
  return sql<SqlBool>`exists (select 1 from care_relationship cr where cr.client_id = ${sql.ref(clientIdColumn)} and cr.organisation_id = ${actor.organisationId})`;
}

/**
 * Whether the professionals of another organisation could take `action` on a record — asked before a record is
 * addressed to that organisation (a consultation), so that nobody writes to a reader who cannot read. Decided
 * by `decide` for the organisation as a whole: a client-work role, without anyone's break-glass.
 */
export async function organisationDecision(
  trx: Trx,
  organisationId: string,
  action: Action,
  record: ClientRecord,
  now: Date,
): Promise<Decision> {
  const nobody = '00000000-0000-0000-0000-000000000000';
  const asOrganisation: Actor = {
    userId: nobody,
    membershipId: nobody,
    organisationId,
    role: 'coordinator',
    sessionTokenHash: '',
  };
  const facts = await loadClientFacts(
    trx,
    asOrganisation,
    {
      kind: 'client',
      clientId: record.clientId,
      record: { controllerOrganisationId: record.controllerOrganisationId, category: record.category },
    },
    now,
  );
  return facts ? decide(asOrganisation, action, facts) : { allowed: false, reason: 'no_relationship' };
}

/** The calendar date in Finland, which decides whether a consent is valid today. */
export function finnishDate(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(now);
}
