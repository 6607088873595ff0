import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_START, useTestContext } from '../../../test/support/app.ts';
import { makeClient, makeOrganisation, makeUser } from '../../../test/support/builders.ts';
import { describeEachEngine } from '../../../test/support/databases.ts';
import type { Actor } from './actor.ts';
import { type ClientSubject, clientVisibleTo, loadClientFacts } from './client-access.ts';
import type { Role } from './roles.ts';
import { decide } from './rules.ts';

type Registered = 'own' | 'other';
type ConsentState = 'none' | 'active' | 'withdrawn' | 'expired' | 'upcoming';
type BreakGlassState = 'none' | 'active' | 'expired';
interface Scenario {
  registeredBy: Registered;
  consent: ConsentState;
  breakGlass: BreakGlassState;
  role: Extract<Role, 'physician' | 'coordinator' | 'nurse'>;
}

// TEST_START is 2 March 2026 at noon in Finland.
const CONSENT_DATES: Record<
  Exclude<ConsentState, 'none'>,
  { from: string; until: string; withdrawn: boolean }
> = {
  active: { from: '2026-02-01', until: '2026-12-31', withdrawn: false },
  withdrawn: { from: '2026-02-01', until: '2026-12-31', withdrawn: true },
  expired: { from: '2025-01-01', until: '2026-03-01', withdrawn: false },
  upcoming: { from: '2026-03-03', until: '2026-12-31', withdrawn: false },
};
const HOUR = 3_600_000;

describeEachEngine('client access: the SQL list filter and decide agree', (engine) => {
  const ctx = useTestContext(engine);
  let orgA: { id: string };
  let orgB: { id: string };
  let orgC: { id: string };
  const actors = {} as Record<Scenario['role'], Actor>;
  let creatorA: { id: string };
  let creatorB: { id: string };
  let nurseB: Actor;
  let nurseC: Actor;

  const actorOf = (u: { id: string; membershipId: string; organisationId: string; role: Role }): Actor => ({
    userId: u.id,
    membershipId: u.membershipId,
    organisationId: u.organisationId,
    role: u.role,
    sessionTokenHash: '',
  });

  beforeAll(async () => {
    const { db } = ctx();
    orgA = await makeOrganisation(db);
    orgB = await makeOrganisation(db);
    orgC = await makeOrganisation(db);
    for (const role of ['physician', 'coordinator', 'nurse'] as const)
      actors[role] = actorOf(await makeUser(db, orgA.id, role));
    creatorA = await makeUser(db, orgA.id, 'coordinator');
    creatorB = await makeUser(db, orgB.id, 'coordinator');
    nurseB = actorOf(await makeUser(db, orgB.id, 'nurse'));
    nurseC = actorOf(await makeUser(db, orgC.id, 'nurse'));
  });

  async function insertConsent(
    clientId: string,
    from: { controller: string; recipient: string; createdBy: string },
    dates: { from: string; until: string; withdrawn: boolean },
    categories: string[],
  ) {
    const now = ctx().clock.now();
    const row = await ctx()
      .db.insertInto('consent')
      .values({
        client_id: clientId,
        controller_organisation_id: from.controller,
        recipient_organisation_id: from.recipient,
        categories,
        valid_from: dates.from,
        valid_until: dates.until,
        method: 'written',
        withdrawn_at: dates.withdrawn ? new Date(now.getTime() - HOUR) : null,
        withdrawn_by: dates.withdrawn ? from.createdBy : null,
        created_by: from.createdBy,
        updated_by: from.createdBy,
        created_at: new Date(now.getTime() - 24 * HOUR),
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function arrange(s: Scenario) {
    const { db, clock } = ctx();
    const now = clock.now();
    const actor = actors[s.role];
    const [registrant, other] = s.registeredBy === 'own' ? [orgA, orgB] : [orgB, orgA];
    const creator = s.registeredBy === 'own' ? creatorA : creatorB;
    const client = await makeClient(db, registrant.id, creator.id);
    if (s.consent !== 'none') {
      await insertConsent(
        client.id,
        { controller: registrant.id, recipient: other.id, createdBy: creator.id },
        CONSENT_DATES[s.consent],
        ['basic', 'health'],
      );
    }
    if (s.breakGlass !== 'none') {
      const expiresAt = new Date(now.getTime() + (s.breakGlass === 'active' ? 1 : -1) * HOUR);
      await db
        .insertInto('break_glass_access')
        .values({
          user_id: actor.userId,
          organisation_id: actor.organisationId,
          role: actor.role,
          client_id: client.id,
          reason: 'Päivystystilanne, asiakas tajuton',
          started_at: new Date(expiresAt.getTime() - 2 * HOUR),
          expires_at: expiresAt,
        })
        .execute();
    }
    return { actor, clientId: client.id, now };
  }

  async function listed(actor: Actor, clientId: string, now: Date): Promise<boolean> {
    const row = await ctx()
      .db.selectFrom('client')
      .where('id', '=', clientId)
      .where(clientVisibleTo(actor, now))
      .select('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  const facts = (actor: Actor, subject: ClientSubject, now: Date) =>
    ctx()
      .db.transaction()
      .execute((trx) => loadClientFacts(trx, actor, subject, now));

  it('for random registrations, consents, break-glass accesses and roles', async () => {
    const scenario = fc.record<Scenario>({
      registeredBy: fc.constantFrom('own', 'other'),
      consent: fc.constantFrom('none', 'active', 'withdrawn', 'expired', 'upcoming'),
      breakGlass: fc.constantFrom('none', 'active', 'expired'),
      role: fc.constantFrom('physician', 'coordinator', 'nurse'),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { actor, clientId, now } = await arrange(s);
        const loaded = await facts(actor, { kind: 'client', clientId }, now);
        expect(loaded).not.toBeNull();
        const decision = decide(actor, 'client.read', loaded!);
        const inList = await listed(actor, clientId, now);
        // Basic data: one's own registration, or an unexpired break-glass access of a physician or
        // coordinator. A consent alone is no care relationship.
        const expected =
          s.registeredBy === 'own' ||
          (s.breakGlass === 'active' && (s.role === 'physician' || s.role === 'coordinator'));
        expect(inList).toBe(decision.allowed);
        expect(decision.allowed).toBe(expected);
        if (decision.allowed)
          expect(decision.basis).toBe(s.registeredBy === 'own' ? 'own_organisation' : 'break_glass');
      }),
      { numRuns: 40 },
    );
  });

  describe('a consent', () => {
    let clientId: string;
    let consentId: string;
    beforeAll(async () => {
      clientId = (await makeClient(ctx().db, orgA.id, creatorA.id)).id;
      consentId = await insertConsent(
        clientId,
        { controller: orgA.id, recipient: orgB.id, createdBy: creatorA.id },
        CONSENT_DATES.active,
        ['health', 'social'],
      );
    });
    const recordOfA = (category: string): ClientSubject => ({
      kind: 'client',
      clientId,
      record: { controllerOrganisationId: orgA.id, category },
    });

    it('covers each of its categories from the controller to the recipient', async () => {
      const now = ctx().clock.now();
      expect((await facts(nurseB, recordOfA('health'), now))?.consentId).toBe(consentId);
      expect((await facts(nurseB, recordOfA('social'), now))?.consentId).toBe(consentId);
    });

    it('covers no other category', async () => {
      const now = ctx().clock.now();
      expect((await facts(nurseB, recordOfA('employment'), now))?.consentId).toBeNull();
      expect((await facts(nurseB, recordOfA('basic'), now))?.consentId).toBeNull();
    });

    it('does not cover the opposite direction (recipient → controller)', async () => {
      const now = ctx().clock.now();
      const recordOfB = {
        kind: 'client',
        clientId,
        record: { controllerOrganisationId: orgB.id, category: 'health' },
      } as const;
      expect((await facts(actors.nurse, recordOfB, now))?.consentId).toBeNull();
    });

    it('does not cover a third organisation', async () => {
      expect((await facts(nurseC, recordOfA('health'), ctx().clock.now()))?.consentId).toBeNull();
    });

    it('is not needed for the controller’s own record', async () => {
      const own = await facts(actors.nurse, recordOfA('health'), ctx().clock.now());
      expect(own).toMatchObject({
        controllerOrganisationId: orgA.id,
        consentId: null,
        relationships: ['registered'],
      });
      expect(decide(actors.nurse, 'client.read', own!)).toEqual({ allowed: true, basis: 'own_organisation' });
    });

    it('a withdrawn consent does not hide another active one for the same data', async () => {
      const other = (await makeClient(ctx().db, orgA.id, creatorA.id)).id;
      const parties = { controller: orgA.id, recipient: orgB.id, createdBy: creatorA.id };
      const active = await insertConsent(other, parties, CONSENT_DATES.active, ['health']);
      await insertConsent(other, parties, CONSENT_DATES.withdrawn, ['health']);
      const subject = {
        kind: 'client',
        clientId: other,
        record: { controllerOrganisationId: orgA.id, category: 'health' },
      } as const;
      expect((await facts(nurseB, subject, ctx().clock.now()))?.consentId).toBe(active);
    });

    // Validity is counted in Finnish calendar days: 22:00 UTC on 2 March is midnight in Helsinki (UTC+2).
    it('is valid until the end of its last day in Finland, and from the start of its first day', async () => {
      const c = (await makeClient(ctx().db, orgA.id, creatorA.id)).id;
      const parties = { controller: orgA.id, recipient: orgB.id, createdBy: creatorA.id };
      const ending = await insertConsent(
        c,
        parties,
        { from: '2026-02-01', until: '2026-03-02', withdrawn: false },
        ['health'],
      );
      const starting = await insertConsent(
        c,
        parties,
        { from: '2026-03-03', until: '2026-12-31', withdrawn: false },
        ['social'],
      );
      const subject = (category: string) =>
        ({ kind: 'client', clientId: c, record: { controllerOrganisationId: orgA.id, category } }) as const;
      const lastMoment = new Date('2026-03-02T21:59:59Z');
      const nextDay = new Date('2026-03-02T22:00:00Z');
      expect(new Date(TEST_START) < lastMoment).toBe(true);
      expect((await facts(nurseB, subject('health'), lastMoment))?.consentId).toBe(ending);
      expect((await facts(nurseB, subject('health'), nextDay))?.consentId).toBeNull();
      expect((await facts(nurseB, subject('social'), lastMoment))?.consentId).toBeNull();
      expect((await facts(nurseB, subject('social'), nextDay))?.consentId).toBe(starting);
    });
  });
});
