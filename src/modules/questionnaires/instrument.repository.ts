import type { Db, Trx } from '../../server/db/database.ts';
import { InstrumentDefinition } from './instrument.schema.ts';
import type { InstrumentRow } from './questionnaire.table.ts';

export interface Instrument {
  row: Omit<InstrumentRow, 'definition'>;
  definition: InstrumentDefinition;
}

/** Definitions were validated when stored; parsing again fills in defaults and gives the typed shape. */
export function toInstrument(row: InstrumentRow): Instrument {
  const { definition, ...rest } = row;
  return { row: rest, definition: InstrumentDefinition.parse(definition) };
}

export async function findInstrument(db: Db | Trx, id: string): Promise<Instrument | undefined> {
  const row = await db.selectFrom('instrument').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toInstrument(row) : undefined;
}

/** The version new links and entries use: the highest active one. */
export async function latestInstrument(db: Db | Trx, code: string): Promise<Instrument | undefined> {
  const row = await db
    .selectFrom('instrument')
    .selectAll()
    .where('code', '=', code)
    .where('active', '=', true)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toInstrument(row) : undefined;
}

export async function latestInstruments(
  db: Db | Trx,
  codes: readonly string[],
): Promise<Map<string, Instrument>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('instrument')
    .selectAll()
    .where('code', 'in', [...new Set(codes)])
    .where('active', '=', true)
    .orderBy('version', 'desc')
    .execute();
  const found = new Map<string, Instrument>();
  for (const row of rows) if (!found.has(row.code)) found.set(row.code, toInstrument(row));
  return found;
}

export function listInstrumentRows(db: Db | Trx) {
  return db.selectFrom('instrument').selectAll().orderBy('code').orderBy('version', 'desc').execute();
}

export async function instrumentsByIds(
  db: Db | Trx,
  ids: readonly string[],
): Promise<Map<string, Instrument>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('instrument')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, toInstrument(r)]));
}
