import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baselineTScore, GAS_LEVELS, gasTScore, roundTScore } from './gas.ts';

const unweighted = (...levels: number[]) => levels.map((level) => ({ level, weight: 1 }));
const weighted = (weights: number[], levels: number[]) =>
  weights.map((weight, i) => ({ level: levels[i]!, weight }));
const t = (scores: { level: number; weight: number }[]) => roundTScore(gasTScore(scores)!);

// The worked examples of shared/domain.md ("GAS — goal attainment scaling"), ρ = 0.3.
describe('Kiresuk–Sherman T-score', () => {
  it('is 50.00 when every goal is reached as expected', () => {
    expect(t(unweighted(0))).toBe(50);
    expect(t(unweighted(0, 0, 0))).toBe(50);
    expect(t(weighted([3, 5, 1], [0, 0, 0]))).toBe(50);
  });

  it('is 50 + 10x for one goal, whatever its weight', () => {
    for (const x of GAS_LEVELS) {
      expect(t(unweighted(x))).toBe(50 + 10 * x);
      expect(t(weighted([4], [x]))).toBe(50 + 10 * x);
    }
  });

  it('matches the unweighted worked examples', () => {
    expect(t(unweighted(1, 1, 0))).toBe(59.13);
    expect(t(unweighted(-1, -1, -1))).toBe(36.31);
    expect(t(unweighted(2, 2, 2))).toBe(77.39);
  });

  it('matches the weighted worked examples', () => {
    expect(t(weighted([3, 2, 1], [1, 0, -1]))).toBe(54.41);
    expect(t(weighted([3, 5, 1, 4, 2, 6], [-2, 0, -1, 2, 0, 1]))).toBe(55);
  });

  it('is symmetric: T(−x) = 100 − T(x)', () => {
    const goal = fc.record({
      level: fc.constantFrom(...GAS_LEVELS),
      weight: fc.integer({ min: 1, max: 10 }),
    });
    fc.assert(
      fc.property(fc.array(goal, { minLength: 1, maxLength: 12 }), (goals) => {
        const mirrored = goals.map((g) => ({ level: -g.level, weight: g.weight }));
        expect(gasTScore(mirrored)!).toBeCloseTo(100 - gasTScore(goals)!, 9);
      }),
    );
  });

  it('stays between the all −2 and all +2 scores of the same goals', () => {
    const goal = fc.record({
      level: fc.constantFrom(...GAS_LEVELS),
      weight: fc.integer({ min: 1, max: 10 }),
    });
    fc.assert(
      fc.property(fc.array(goal, { minLength: 1, maxLength: 12 }), (goals) => {
        const low = gasTScore(goals.map((g) => ({ ...g, level: -2 })))!;
        const high = gasTScore(goals.map((g) => ({ ...g, level: 2 })))!;
        const score = gasTScore(goals)!;
        expect(score).toBeGreaterThanOrEqual(low - 1e-9);
        expect(score).toBeLessThanOrEqual(high + 1e-9);
      }),
    );
  });

  it('has no score without goals and refuses levels outside −2…+2 and weights that are not positive', () => {
    expect(gasTScore([])).toBeNull();
    expect(() => gasTScore(unweighted(3))).toThrow(RangeError);
    expect(() => gasTScore(weighted([0], [1]))).toThrow(RangeError);
  });

  it('scores the baseline from the baseline levels', () => {
    expect(roundTScore(baselineTScore([{ baseline: -1, weight: 1 }])!)).toBe(40);
    expect(roundTScore(baselineTScore([-1, -1, -1].map((baseline) => ({ baseline, weight: 1 })))!)).toBe(
      36.31,
    );
    expect(baselineTScore([])).toBeNull();
  });
});
