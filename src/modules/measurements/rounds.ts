/** A round's name: the baseline at the start, then months after the case opened ("3m", "6m"). */
export function roundName(offsetMonths: number): string {
  return offsetMonths === 0 ? 'baseline' : `${offsetMonths}m`;
}

/**
 * A calendar date (YYYY-MM-DD) plus whole months; the day is clamped to the month's last day
 * (31 January + 1 month = 28 or 29 February), as people count "in three months".
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** A calendar date plus whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
