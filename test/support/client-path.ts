import { sql } from 'kysely';
import type { Db } from '../../src/server/db/database.ts';
import type { Role } from '../../src/server/policy/roles.ts';
import { ApiClient, type TestContext } from './app.ts';
import { makeClient, makeOrganisation, makeUser, TEST_PASSWORD } from './builders.ts';

/** The test clock's "today" in Finland (TEST_START) and a year on: a consent valid for the whole suite. */
export const TODAY = '2026-03-02';
export const NEXT_YEAR = '2027-03-01';

/** For suites that advance the clock by days: sessions outlive the jump instead of expiring. */
export const LONG_SESSIONS = { SESSION_IDLE_MINUTES: '100000', SESSION_ABSOLUTE_HOURS: '10000' };

export async function makeTeam(db: Db, organisationId: string, memberUserIds: string[] = [], name?: string) {
  const team = await db
    .insertInto('team')
    .values({
      organisation_id: organisationId,
      name: name ?? `Tiimi ${Math.random().toString(36).slice(2, 8)}`,
      created_by: null,
      updated_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (memberUserIds.length > 0) {
    await db
      .insertInto('team_member')
      .values(memberUserIds.map((user_id) => ({ team_id: team.id, user_id, created_by: null })))
      .execute();
  }
  return team;
}

export async function pathwayId(db: Db, code = 'work_ability_team') {
  const row = await db.selectFrom('pathway').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

export async function phasesOf(db: Db, code = 'work_ability_team') {
  return db
    .selectFrom('pathway_phase as ph')
    .innerJoin('pathway as p', 'p.id', 'ph.pathway_id')
    .where('p.code', '=', code)
    .select(['ph.id', 'ph.ordinal'])
    .orderBy('ph.ordinal')
    .execute();
}

export async function defaultCriteria(db: Db) {
  return db
    .selectFrom('eligibility_criterion')
    .select('id')
    .where('team_id', 'is', null)
    .where('active', '=', true)
    .orderBy('ordinal')
    .execute();
}

export const newConsent = (categories = ['basic', 'assessment']) => ({
  categories,
  validFrom: TODAY,
  validUntil: NEXT_YEAR,
  method: 'written',
});

export async function login(ctx: TestContext, organisationId: string, role: Role) {
  const user = await makeUser(ctx.db, organisationId, role);
  const api = await new ApiClient(ctx.app).login(user.email, TEST_PASSWORD);
  return { user, api };
}

/**
 * The network most tests need: A refers (sote centre), B runs the work ability team (its coordinator is on
 * the team), C is an outsider; a client registered by A.
 */
export async function clientPathWorld(ctx: TestContext) {
  const { db } = ctx;
  const orgA = await makeOrganisation(db, { type: 'municipal_employment_services' });
  const orgB = await makeOrganisation(db, { type: 'sote_centre' });
  const orgC = await makeOrganisation(db, { type: 'ngo' });
  const a = await login(ctx, orgA.id, 'employment_advisor');
  const b = await login(ctx, orgB.id, 'coordinator');
  const nurseB = await login(ctx, orgB.id, 'nurse');
  const c = await login(ctx, orgC.id, 'ngo_worker');
  const team = await makeTeam(db, orgB.id, [b.user.id]);
  const client = await makeClient(db, orgA.id, a.user.id);
  return { orgA, orgB, orgC, a, b, nurseB, c, team, client };
}
export type ClientPathWorld = Awaited<ReturnType<typeof clientPathWorld>>;

/** A referral from A to B's team with a new consent, accepted by B: returns the referral and the case. */
export async function referAndAccept(
  ctx: TestContext,
  w: Pick<ClientPathWorld, 'a' | 'b' | 'team'>,
  clientId: string,
  options: { pathwayCode?: string; consentCategories?: string[] } = {},
) {
  const sent = await w.a.api.post('/api/referrals', {
    clientId,
    receivingTeamId: w.team.id,
    reason: 'Työkyvyn arviointi tarpeen',
    consent: newConsent(options.consentCategories),
  });
  if (sent.status !== 201) throw new Error(`referral failed: ${JSON.stringify(sent.body)}`);
  const criteria = await defaultCriteria(ctx.db);
  const accepted = await w.b.api.post(`/api/referrals/${sent.body.id}/accept`, {
    eligibility: criteria.map((c) => ({ criterionId: c.id, met: true })),
    pathwayId: await pathwayId(ctx.db, options.pathwayCode),
    version: sent.body.version,
  });
  if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return { referralId: sent.body.id as string, caseId: accepted.body.caseId as string };
}

/** The client's consent that lets `to` read `from`'s records of the given categories. */
export async function giveConsent(
  db: Db,
  clientId: string,
  from: string,
  to: string,
  recordedBy: string,
  categories = ['basic', 'assessment', 'plan'],
) {
  return db
    .insertInto('consent')
    .values({
      client_id: clientId,
      controller_organisation_id: from,
      recipient_organisation_id: to,
      categories,
      valid_from: TODAY,
      valid_until: NEXT_YEAR,
      method: 'written',
      created_by: recordedBy,
      updated_by: recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function deniedAudit(db: Db, event: string, clientId: string) {
  return db
    .selectFrom('audit_event')
    .selectAll()
    .where('event', '=', event)
    .where('outcome', '=', 'denied')
    .where(sql<boolean>`${clientId} = any(client_ids)`)
    .execute();
}
