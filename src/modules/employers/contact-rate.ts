import { daysBetween } from '../cases/calendar.ts';

/** IPS job development: about 6 employer contacts per coach per week. */
export const WEEKLY_CONTACT_TARGET = 6;

export interface ContactFact {
  coachUserId: string;
  contactedOn: string;
}

export interface CoachContactRate {
  coachUserId: string;
  contacts: number;
  /** Contacts divided by the weeks of the period (days / 7), to one decimal. */
  perWeek: number;
  meetsTarget: boolean;
  /** Contacts in each calendar week (Monday first) that overlaps the period, in order. */
  weeks: { weekStart: string; contacts: number }[];
}

/** The Monday of a date's week (YYYY-MM-DD). */
export function weekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const offset = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
}

function mondays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = weekStart(from); m <= to; ) {
    out.push(m);
    m = new Date(Date.parse(`${m}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  }
  return out;
}

/**
 * Employer contacts per coach per week over a period (from and to inclusive). Every coach named in `coaches` is
 * listed, with zero when the coach made no contacts; contacts outside the period are not counted.
 */
export function contactsPerCoachPerWeek(
  contacts: readonly ContactFact[],
  coaches: readonly string[],
  from: string,
  to: string,
): CoachContactRate[] {
  if (to < from) throw new RangeError('The period ends before it starts.');
  const weeksInPeriod = (daysBetween(from, to) + 1) / 7;
  const weekList = mondays(from, to);
  const ids = [...new Set([...coaches, ...contacts.map((c) => c.coachUserId)])];
  return ids.map((coachUserId) => {
    const own = contacts.filter(
      (c) => c.coachUserId === coachUserId && c.contactedOn >= from && c.contactedOn <= to,
    );
    const byWeek = new Map<string, number>();
    for (const c of own)
      byWeek.set(weekStart(c.contactedOn), (byWeek.get(weekStart(c.contactedOn)) ?? 0) + 1);
    const perWeek = Math.round((own.length / weeksInPeriod) * 10) / 10;
    return {
      coachUserId,
      contacts: own.length,
      perWeek,
      meetsTarget: perWeek >= WEEKLY_CONTACT_TARGET,
      weeks: weekList.map((w) => ({ weekStart: w, contacts: byWeek.get(w) ?? 0 })),
    };
  });
}
