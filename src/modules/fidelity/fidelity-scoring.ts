/**
 * IPS fidelity scale (IPS-25): 25 items scored 1–5, total 25–125. Bands: 115–125 exemplary, 100–114 good,
 * 74–99 fair, 73 or less not supported employment. In Finland a team is reviewed every 6 months until it scores
 * 100 or more, then yearly. (shared/domain.md; check against the official review manual.)
 */
export const FIDELITY_GROUPS = ['staffing', 'organisation', 'services'] as const;
export type FidelityGroup = (typeof FIDELITY_GROUPS)[number];
export const GROUP_SIZES: Record<FidelityGroup, number> = { staffing: 3, organisation: 8, services: 14 };
export const FIDELITY_ITEM_COUNT = 25;
export const MIN_TOTAL = 25;
export const MAX_TOTAL = 125;

export const FIDELITY_BANDS = ['exemplary', 'good', 'fair', 'not_supported_employment'] as const;
export type FidelityBand = (typeof FIDELITY_BANDS)[number];

/** The lowest total of each band, highest band first. */
const BAND_FLOORS: readonly [FidelityBand, number][] = [
  ['exemplary', 115],
  ['good', 100],
  ['fair', 74],
  ['not_supported_employment', MIN_TOTAL],
];

export function isItemScore(score: unknown): score is number {
  return Number.isInteger(score) && (score as number) >= 1 && (score as number) <= 5;
}

/** The total of the agreed item scores: exactly 25 whole scores of 1–5, else an error naming what is wrong. */
export function fidelityTotal(scores: readonly (number | null | undefined)[]): number {
  if (scores.length !== FIDELITY_ITEM_COUNT) {
    throw new RangeError(`A fidelity review has ${FIDELITY_ITEM_COUNT} items; got ${scores.length}.`);
  }
  let total = 0;
  for (const [i, s] of scores.entries()) {
    if (!isItemScore(s)) throw new RangeError(`Item ${i + 1} has no score of 1–5.`);
    total += s;
  }
  return total;
}

export function fidelityBand(total: number): FidelityBand {
  if (!Number.isInteger(total) || total < MIN_TOTAL || total > MAX_TOTAL) {
    throw new RangeError(
      `A fidelity total is a whole number from ${MIN_TOTAL} to ${MAX_TOTAL}; got ${total}.`,
    );
  }
  return BAND_FLOORS.find(([, floor]) => total >= floor)![0];
}

/** Group subtotals, for the review's summary. */
export function groupTotals(
  items: readonly { group: FidelityGroup; score: number | null }[],
): Record<FidelityGroup, number> {
  const totals: Record<FidelityGroup, number> = { staffing: 0, organisation: 0, services: 0 };
  for (const i of items) totals[i.group] += i.score ?? 0;
  return totals;
}

/** A calendar date (YYYY-MM-DD) plus whole months; the 31st becomes the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Every 6 months until the team scores 100 or more (good or exemplary), then yearly. */
export function nextReviewDue(reviewDate: string, total: number): string {
  return addMonths(reviewDate, total >= 100 ? 12 : 6);
}

/** Item 1, caseload size: the largest caseload of a coach. ≤20 → 5, 21–25 → 4, 26–30 → 3, 31–40 → 2, ≥41 → 1. */
export function caseloadItemScore(clientsPerCoach: number): 1 | 2 | 3 | 4 | 5 {
  if (!Number.isFinite(clientsPerCoach) || clientsPerCoach < 0)
    throw new RangeError('A caseload is 0 or more clients.');
  if (clientsPerCoach <= 20) return 5;
  if (clientsPerCoach <= 25) return 4;
  if (clientsPerCoach <= 30) return 3;
  if (clientsPerCoach <= 40) return 2;
  return 1;
}

/** Items on which the two reviewers' scores differ by 2 or more: to be discussed before agreeing. */
export function disagreements(
  items: readonly { code: string; reviewer1: number | null; reviewer2: number | null }[],
): string[] {
  return items
    .filter((i) => i.reviewer1 !== null && i.reviewer2 !== null && Math.abs(i.reviewer1 - i.reviewer2) >= 2)
    .map((i) => i.code);
}
