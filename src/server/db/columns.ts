import type { ColumnType, Generated } from 'kysely';

/** A column the database fills in on insert (default or trigger). */
export type DbDefault<T> = ColumnType<T, T | undefined, T>;
/** created_at/updated_at: set by the database, never by an insert. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CalendarDate = ColumnType<string, string, string>;

/** The bookkeeping every record that holds client data carries (who, when, which version). */
export interface Tracked {
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
  updated_by: string;
  version: Generated<number>;
}

/** The same for records created before a user exists (bootstrap and admin data). */
export interface TrackedOptionalActor {
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
  version: Generated<number>;
}
