import { invalidField } from '../../server/http/errors.ts';
import { finnishDate } from '../../server/policy/client-access.ts';

/** Calendar dates of what has happened: today (in Finland) by default, never in the future. */
export function pastOrToday(field: string, date: string | undefined, now: Date): string {
  const today = finnishDate(now);
  if (!date) return today;
  if (date > today) throw invalidField(field, 'future_date', 'The date cannot be in the future.');
  return date;
}

/** Whole days from one calendar date to another (YYYY-MM-DD), independent of time zones. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function personName(first: string | null | undefined, last: string | null | undefined): string | null {
  return first ? `${first} ${last ?? ''}`.trim() : null;
}
