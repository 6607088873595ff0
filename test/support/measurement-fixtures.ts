import { openCase } from '../../src/modules/cases/case.service.ts';
import type { Db } from '../../src/server/db/database.ts';
import type { Actor } from '../../src/server/policy/actor.ts';
import type { Role } from '../../src/server/policy/roles.ts';

interface TestUser {
  id: string;
  membershipId: string;
  organisationId: string;
  role: Role;
}

/** The actor a service sees for a test user (as a signed-in session would give it). */
export function actorOf(user: TestUser): Actor {
  return {
    userId: user.id,
    membershipId: user.membershipId,
    organisationId: user.organisationId,
    role: user.role,
    sessionTokenHash: 'test',
  };
}

let teams = 0;

/**
 * Opens a case through the case service (so its measurements are scheduled as in production), run by a team
 * of the user's organisation, with the user as case manager. Returns the case id.
 */
export async function openTestCase(
  db: Db,
  user: TestUser,
  clientId: string,
  openedOn: string,
  now: Date,
  pathwayCode = 'work_ability_team',
): Promise<string> {
  const pathway = await db
    .selectFrom('pathway')
    .select('id')
    .where('code', '=', pathwayCode)
    .executeTakeFirstOrThrow();
  const team = await db
    .insertInto('team')
    .values({
      organisation_id: user.organisationId,
      name: `Mittaustiimi ${++teams}`,
      created_by: null,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return db.transaction().execute((trx) =>
    openCase(
      trx,
      actorOf(user),
      {
        clientId,
        referralId: null,
        teamId: team.id,
        organisationId: user.organisationId,
        pathwayId: pathway.id,
        manager: { userId: user.id, organisationId: user.organisationId, role: user.role },
        openedOn,
      },
      now,
    ),
  );
}

export async function measurementOf(db: Db, caseId: string, code: string, offsetMonths: number) {
  return db
    .selectFrom('measurement')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('instrument_code', '=', code)
    .where('offset_months', '=', offsetMonths)
    .executeTakeFirstOrThrow();
}

/** The token in a queued message: the test reads the client's message as the client would. */
export async function tokenInMessage(db: Db, dedupeKey: string): Promise<string> {
  const message = await db
    .selectFrom('message_outbox')
    .select('body')
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirstOrThrow();
  const match = /\/q\/([A-Za-z0-9_-]+)/.exec(message.body);
  if (!match) throw new Error(`no link in message ${dedupeKey}`);
  return match[1]!;
}

/** The dedupe key of the newest link of a measurement ("link:<id>" or "followup:<measurement>"). */
export async function linkKeyOf(db: Db, measurementId: string): Promise<{ linkId: string; key: string }> {
  const link = await db
    .selectFrom('questionnaire_link')
    .select('id')
    .where('measurement_id', '=', measurementId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  const auto = await db
    .selectFrom('message_outbox')
    .select('dedupe_key')
    .where('dedupe_key', '=', `followup:${measurementId}`)
    .executeTakeFirst();
  return { linkId: link.id, key: auto?.dedupe_key ?? `link:${link.id}` };
}
