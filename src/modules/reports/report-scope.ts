import { type RawBuilder, sql } from 'kysely';

/** What the report covers: a period (both days included) and the case filters, null meaning "all". */
export interface ReportScope {
  from: string;
  to: string;
  organisationId: string | null;
  teamId: string | null;
  municipality: string | null;
  pathwayId: string | null;
}

const ZONE = 'Europe/Helsinki';

/** The first instant of a Finnish calendar day. */
export const dayStart = (date: string) => sql`(${date}::date)::timestamp at time zone ${sql.lit(ZONE)}`;
/** The first instant after a Finnish calendar day (an exclusive upper bound). */
export const dayAfter = (date: string) => sql`(${date}::date + 1)::timestamp at time zone ${sql.lit(ZONE)}`;
/** A timestamptz column's Finnish calendar day. */
export const finnishDay = (column: RawBuilder<unknown>) =>
  sql`(${column} at time zone ${sql.lit(ZONE)})::date`;

/** A timestamptz column within the period (Finnish days). */
export function timeInPeriod(column: RawBuilder<unknown>, scope: ReportScope) {
  return sql`${column} >= ${dayStart(scope.from)} and ${column} < ${dayAfter(scope.to)}`;
}

/** A date column within the period. */
export function dateInPeriod(column: RawBuilder<unknown>, scope: ReportScope) {
  return sql`${column} between ${scope.from}::date and ${scope.to}::date`;
}

export function hasCaseFilters(scope: ReportScope): boolean {
  return Boolean(scope.organisationId || scope.teamId || scope.municipality || scope.pathwayId);
}

/** The filters as conditions on a client_case row; none when nothing is chosen. */
export function caseConditions(scope: ReportScope, alias: string): RawBuilder<unknown>[] {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const conditions: RawBuilder<unknown>[] = [];
  if (scope.organisationId) conditions.push(sql`${col('organisation_id')} = ${scope.organisationId}`);
  if (scope.teamId) conditions.push(sql`${col('team_id')} = ${scope.teamId}`);
  if (scope.pathwayId) conditions.push(sql`${col('pathway_id')} = ${scope.pathwayId}`);
  if (scope.municipality) {
    conditions.push(
      sql`${col('client_id')} in (select scl.id from client scl where scl.municipality = ${scope.municipality})`,
    );
  }
  return conditions;
}

/** `and <conditions>` on a client_case row, or nothing. */
export function andCaseConditions(scope: ReportScope, alias: string) {
  const conditions = caseConditions(scope, alias);
  return conditions.length ? sql`and ${sql.join(conditions, sql` and `)}` : sql``;
}

/**
 * `and <case id> in (the cases in scope)` for an event row that names its case, or nothing when no filter is
 * chosen (every case is in scope, so the event table is read without joining the cases).
 */
export function andCaseInScope(scope: ReportScope, caseId: RawBuilder<unknown>) {
  const conditions = caseConditions(scope, 'sc');
  return conditions.length
    ? sql`and ${caseId} in (select sc.id from client_case sc where ${sql.join(conditions, sql` and `)})`
    : sql``;
}

/** A client_case row `alias` open on at least one day of the period. */
export function caseOpenInPeriod(alias: string, scope: ReportScope) {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql`${col('opened_on')} <= ${scope.to}::date and (${col('closed_on')} is null or ${col('closed_on')} >= ${scope.from}::date)`;
}
