import type { Messages } from '../i18n/fi.ts';

/**
 * Dates are shown the Finnish way (2.3.2026) in every language, as the Suomi.fi date input does, and
 * times in Finnish time whatever the browser's zone.
 */
const ZONE = 'Europe/Helsinki';

function parts(date: Date): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

/** Today in Finland as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const p = parts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-');
  return `${Number(y) + years}-${m}-${d}`;
}

/** YYYY-MM-DD (or a full ISO time) → 2.3.2026. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return isoToFinnish(iso);
  const p = parts(new Date(iso));
  return `${Number(p.day)}.${Number(p.month)}.${p.year}`;
}

/** An ISO instant → 2.3.2026 klo 12.05 (the words and separators come from the dictionary). */
export function formatDateTime(iso: string | null | undefined, t: Messages): string {
  if (!iso) return '';
  const p = parts(new Date(iso));
  return t.common.dateTime(`${Number(p.day)}.${Number(p.month)}.${p.year}`, p.hour ?? '', p.minute ?? '');
}

export function isoToFinnish(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
}

/** 2.3.2026 (as typed into a date field) → 2026-03-02, or null when it is not a real date. */
export function finnishToIso(text: string): string | null {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
