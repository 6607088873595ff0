import { daysBetween } from '../cases/calendar.ts';

/** IPS practice numbers (shared/domain.md). */
export const JOB_START_MIN_HOURS = 4;
export const RAPID_SEARCH_DAYS = 30;
export const CASELOAD_LIMIT = 20;

/** A job start counts from 4 hours of paid work a week; fewer hours are kept but do not count. */
export function countsAsJobStart(hoursPerWeek: number): boolean {
  return hoursPerWeek >= JOB_START_MIN_HOURS;
}

/** Above 20 active clients a coach's caseload is over the IPS limit. */
export function caseloadOverLimit(activeClients: number): boolean {
  return activeClients > CASELOAD_LIMIT;
}

/** Days from the start of coaching to the earliest date on or after it; null when there is none yet. */
export function daysToFirst(coachingStartedOn: string, dates: readonly string[]): number | null {
  const first = dates.filter((d) => d >= coachingStartedOn).sort()[0];
  return first === undefined ? null : daysBetween(coachingStartedOn, first);
}

/** Rapid job search: the first employer contact for this client (a contact naming the client's coaching). */
export function daysToFirstEmployerContact(
  coachingStartedOn: string,
  contactDates: readonly string[],
): number | null {
  return daysToFirst(coachingStartedOn, contactDates);
}

/** The first job start that counts (4 hours a week or more). */
export function daysToFirstJobStart(
  coachingStartedOn: string,
  placements: readonly { startedOn: string; hoursPerWeek: number }[],
): number | null {
  return daysToFirst(
    coachingStartedOn,
    placements.filter((p) => countsAsJobStart(p.hoursPerWeek)).map((p) => p.startedOn),
  );
}

/** Days in the job: to its end, or to today while it lasts; 0 before it starts. */
export function jobTenureDays(startedOn: string, endedOn: string | null, today: string): number {
  const end = endedOn ?? today;
  return Math.max(0, daysBetween(startedOn, end < startedOn ? startedOn : end));
}

/** The median of a list (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
