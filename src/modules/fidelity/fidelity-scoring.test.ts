import { describe, expect, it } from 'vitest';
import {
  addMonths,
  caseloadItemScore,
  disagreements,
  fidelityBand,
  fidelityTotal,
  GROUP_SIZES,
  groupTotals,
  nextReviewDue,
} from './fidelity-scoring.ts';

/** 25 scores adding up to `total` (as even as possible). */
function scoresFor(total: number): number[] {
  const base = Math.floor(total / 25);
  const extra = total - base * 25;
  return Array.from({ length: 25 }, (_, i) => base + (i < extra ? 1 : 0));
}

describe('fidelity total', () => {
  it('adds 25 item scores from 25 to 125', () => {
    expect(fidelityTotal(Array(25).fill(1))).toBe(25);
    expect(fidelityTotal(Array(25).fill(5))).toBe(125);
    expect(fidelityTotal(scoresFor(99))).toBe(99);
  });
  it('refuses a missing, out-of-range or fractional score, and a wrong item count', () => {
    const s = Array(25).fill(3);
    expect(() => fidelityTotal(s.slice(1))).toThrow(/25 items/);
    expect(() => fidelityTotal([...s.slice(1), null])).toThrow(/Item 25/);
    expect(() => fidelityTotal([0, ...s.slice(1)])).toThrow(/Item 1/);
    expect(() => fidelityTotal([6, ...s.slice(1)])).toThrow(/Item 1/);
    expect(() => fidelityTotal([2.5, ...s.slice(1)])).toThrow(/Item 1/);
  });
  it('has 3 staffing, 8 organisation and 14 services items', () => {
    expect(GROUP_SIZES.staffing + GROUP_SIZES.organisation + GROUP_SIZES.services).toBe(25);
    expect(
      groupTotals([
        { group: 'staffing', score: 4 },
        { group: 'services', score: 2 },
        { group: 'services', score: null },
      ]),
    ).toEqual({
      staffing: 4,
      organisation: 0,
      services: 2,
    });
  });
});

describe('fidelity band', () => {
  it.each([
    [25, 'not_supported_employment'],
    [73, 'not_supported_employment'],
    [74, 'fair'],
    [99, 'fair'],
    [100, 'good'],
    [114, 'good'],
    [115, 'exemplary'],
    [125, 'exemplary'],
  ] as const)('%i is %s', (total, band) => {
    expect(fidelityBand(total)).toBe(band);
    expect(fidelityBand(fidelityTotal(scoresFor(total)))).toBe(band);
  });
  it('refuses totals outside 25–125', () => {
    expect(() => fidelityBand(24)).toThrow(RangeError);
    expect(() => fidelityBand(126)).toThrow(RangeError);
    expect(() => fidelityBand(99.5)).toThrow(RangeError);
  });
});

describe('next review', () => {
  it('is in 6 months below 100 and in 12 months from 100', () => {
    expect(nextReviewDue('2026-03-02', 99)).toBe('2026-09-02');
    expect(nextReviewDue('2026-03-02', 100)).toBe('2027-03-02');
    expect(nextReviewDue('2026-03-02', 73)).toBe('2026-09-02');
  });
  it('keeps the end of a month inside the month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});

describe('caseload item', () => {
  it.each([
    [0, 5],
    [20, 5],
    [21, 4],
    [25, 4],
    [26, 3],
    [30, 3],
    [31, 2],
    [40, 2],
    [41, 1],
    [80, 1],
  ])('%i clients per coach scores %i', (clients, score) => {
    expect(caseloadItemScore(clients)).toBe(score);
  });
  it('scores a ratio between the steps by its value', () => {
    expect(caseloadItemScore(20.5)).toBe(4);
    expect(caseloadItemScore(40.5)).toBe(1);
  });
});

describe('reviewer disagreement', () => {
  it('names items where the reviewers are 2 or more apart', () => {
    expect(
      disagreements([
        { code: 'a', reviewer1: 5, reviewer2: 3 },
        { code: 'b', reviewer1: 4, reviewer2: 3 },
        { code: 'c', reviewer1: null, reviewer2: 1 },
      ]),
    ).toEqual(['a']);
  });
});
