/**
 * Goal attainment scaling (GAS). Each goal is scored on five levels: −2 much less than expected, −1 somewhat
 * less, 0 the expected outcome, +1 somewhat more, +2 much more.
 */
export const GAS_LEVELS = [-2, -1, 0, 1, 2] as const;
export type GasLevel = (typeof GAS_LEVELS)[number];

/** The baseline is usually −1, or −2 when the situation is as bad as it could be. */
export const GAS_BASELINE_LEVELS = [-2, -1] as const;
export type GasBaselineLevel = (typeof GAS_BASELINE_LEVELS)[number];

/** The conventional correlation between goal scores in the Kiresuk–Sherman formula. */
export const GAS_RHO = 0.3;

export interface GasScore {
  /** Attained (or baseline) level, −2…+2. */
  level: number;
  /** Positive weight; unweighted GAS uses 1 for every goal. */
  weight: number;
}

/**
 * Kiresuk–Sherman T-score: T = 50 + 10·Σwᵢxᵢ / √((1−ρ)·Σwᵢ² + ρ·(Σwᵢ)²). 50 means that on the whole the goals
 * were reached as expected; each 10 points is one standard deviation. Null when there are no goals.
 */
export function gasTScore(scores: readonly GasScore[], rho = GAS_RHO): number | null {
  if (scores.length === 0) return null;
  let weighted = 0;
  let squares = 0;
  let sum = 0;
  for (const { level, weight } of scores) {
    if (!Number.isInteger(level) || level < -2 || level > 2)
      throw new RangeError(`GAS level ${level} is not −2…+2`);
    if (!(weight > 0)) throw new RangeError(`GAS weight ${weight} is not positive`);
    weighted += weight * level;
    squares += weight * weight;
    sum += weight;
  }
  return 50 + (10 * weighted) / Math.sqrt((1 - rho) * squares + rho * sum * sum);
}

/** The T-score as stored and shown: two decimals. */
export function roundTScore(t: number): number {
  return Math.round(t * 100) / 100;
}

/** The T-score of the baseline levels: the starting point that a review's T-score is compared with. */
export function baselineTScore(goals: readonly { baseline: number; weight: number }[]): number | null {
  return gasTScore(goals.map((g) => ({ level: g.baseline, weight: g.weight })));
}
