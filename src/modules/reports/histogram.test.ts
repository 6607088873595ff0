import { describe, expect, it } from 'vitest';
import { countOf, histogramOf, meanOf, percentileOf } from './histogram.ts';

const of = (values: number[]) => histogramOf(values.map((value) => ({ value, count: 1 })));

describe('statistics from a histogram', () => {
  it('matches percentile_cont on worked examples', () => {
    // 15, 18, 36: median 18; p90 at position 1.8 = 18 + 0.8 × 18 = 32.4.
    expect(percentileOf(of([36, 15, 18]), 0.5)).toBe(18);
    expect(percentileOf(of([36, 15, 18]), 0.9)).toBeCloseTo(32.4, 10);
    // Even count: the mean of the middle two.
    expect(percentileOf(of([50, 75]), 0.5)).toBe(62.5);
    expect(percentileOf(of([7]), 0.9)).toBe(7);
  });

  it('counts repeated values by their count', () => {
    const h = histogramOf([
      { value: 10, count: 3 },
      { value: 20, count: 1 },
      { value: 10, count: 1 },
    ]);
    expect(countOf(h)).toBe(5);
    expect(meanOf(h)).toBe(12);
    expect(percentileOf(h, 0.5)).toBe(10);
    expect(percentileOf(h, 0.9)).toBeCloseTo(16, 10);
  });

  it('gives nothing for no values', () => {
    expect(percentileOf(new Map(), 0.5)).toBeNull();
    expect(meanOf(new Map())).toBeNull();
  });
});
