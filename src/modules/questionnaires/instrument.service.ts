import type { Trx } from '../../server/db/database.ts';
import { isUniqueViolation } from '../../server/db/versioned.ts';
import { conflict } from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import type { InstrumentDefinition } from './instrument.schema.ts';

/**
 * Stores an imported definition as a new version. Earlier versions stay as they were, so answers given under
 * them keep their meaning; links and entries made from now on use the highest version.
 */
export async function importInstrument(
  trx: Trx,
  actor: Actor,
  def: InstrumentDefinition,
  now: Date,
): Promise<string> {
  const latest = await trx
    .selectFrom('instrument')
    .select(['version', 'kind', 'respondent'])
    .where('code', '=', def.code)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (latest && def.version <= latest.version) {
    throw conflict(
      'version_not_newer',
      `Version ${def.version} is not newer than the stored version ${latest.version}.`,
      {
        latestVersion: latest.version,
      },
    );
  }
  // A schedule names a code: a stakeholder survey must not turn into something sent to clients, or back.
  if (latest && latest.respondent !== def.respondent) {
    throw conflict(
      'respondent_changed',
      'A new version must be answered by the same respondents as the earlier ones.',
    );
  }
  try {
    const { id } = await trx
      .insertInto('instrument')
      .values({
        code: def.code,
        version: def.version,
        kind: def.kind,
        scoring_level: def.scoringLevel,
        respondent: def.respondent,
        definition: JSON.stringify(def),
        created_at: now,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (err) {
    if (isUniqueViolation(err, 'instrument_code_version')) {
      throw conflict('version_exists', `Version ${def.version} of ${def.code} already exists.`);
    }
    throw err;
  }
}
