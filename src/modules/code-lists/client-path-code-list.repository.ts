import type { Trx } from '../../server/db/database.ts';
import type { CodeEntryDto, CodeEntryInput } from './client-path-code-list.schema.ts';

export type EditableCodeList = 'screening_situation' | 'case_outcome';

export async function listCodeEntries(trx: Trx, table: EditableCodeList): Promise<CodeEntryDto[]> {
  const rows = await trx.selectFrom(table).selectAll().orderBy('sort_order').orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code,
    nameFi: r.name_fi,
    nameSv: r.name_sv,
    nameEn: r.name_en,
    sortOrder: r.sort_order,
    active: r.active,
  }));
}

/** Codes stay once used (records point to them): an entry is renamed or deactivated, never deleted. */
export async function saveCodeEntry(trx: Trx, table: EditableCodeList, code: string, input: CodeEntryInput) {
  const values = {
    name_fi: input.nameFi,
    name_sv: input.nameSv,
    name_en: input.nameEn,
    sort_order: input.sortOrder,
    active: input.active,
  };
  const row = await trx
    .insertInto(table)
    .values({ code, ...values })
    .onConflict((oc) => oc.column('code').doUpdateSet(values))
    .returning(['code', 'name_fi', 'name_sv', 'name_en', 'sort_order', 'active'])
    .executeTakeFirstOrThrow();
  return {
    code: row.code,
    nameFi: row.name_fi,
    nameSv: row.name_sv,
    nameEn: row.name_en,
    sortOrder: row.sort_order,
    active: row.active,
  };
}

export async function activeCodes(trx: Trx, table: EditableCodeList): Promise<Set<string>> {
  const rows = await trx.selectFrom(table).select('code').where('active', '=', true).execute();
  return new Set(rows.map((r) => r.code));
}
