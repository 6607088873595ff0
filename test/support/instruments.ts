import fs from 'node:fs';
import path from 'node:path';
import { InstrumentDefinition } from '../../src/modules/questionnaires/instrument.schema.ts';
import { migrationFiles } from '../../src/server/db/migrate.ts';

const MIGRATIONS = path.resolve(import.meta.dirname, '../../src/server/db/migrations');

/** The instrument definitions the migrations ship, as written there ($instrument$ … $instrument$ blocks). */
export function shippedDefinitionsRaw(): unknown[] {
  const found: unknown[] = [];
  for (const file of migrationFiles()) {
    const sql = fs.readFileSync(path.join(MIGRATIONS, file), 'utf8');
    for (const m of sql.matchAll(/\$instrument\$([\s\S]*?)\$instrument\$/g)) found.push(JSON.parse(m[1]!));
  }
  return found;
}

/** A shipped definition by code (the highest version), validated as an import would be. */
export function shippedDefinition(code: string): InstrumentDefinition {
  const matching = shippedDefinitionsRaw()
    .map((raw) => InstrumentDefinition.parse(raw))
    .filter((d) => d.code === code)
    .sort((a, b) => b.version - a.version);
  if (!matching[0]) throw new Error(`no shipped instrument ${code}`);
  return matching[0];
}
