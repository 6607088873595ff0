import type { Generated, Insertable, Selectable } from 'kysely';
import type { CalendarDate, Tracked } from '../../server/db/columns.ts';

export type ConsentMethod = 'written' | 'verbal' | 'electronic';

export interface DataCategoryTable {
  code: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  sort_order: Generated<number>;
}

export interface ConsentTable extends Tracked {
  id: Generated<string>;
  client_id: string;
  controller_organisation_id: string;
  recipient_organisation_id: string;
  categories: string[];
  valid_from: CalendarDate;
  valid_until: CalendarDate;
  method: ConsentMethod;
  note: Generated<string>;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawal_note: string | null;
}
export type ConsentRow = Selectable<ConsentTable>;
export type NewConsentRow = Insertable<ConsentTable>;
