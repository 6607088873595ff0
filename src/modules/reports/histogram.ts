/**
 * Statistics of whole-day durations from their histogram (value → how many), so that the database only
 * counts (a parallel aggregate) and the ordering happens here over a few hundred distinct values.
 */
export type Histogram = ReadonlyMap<number, number>;

export function histogramOf(rows: readonly { value: number; count: number }[]): Map<number, number> {
  const h = new Map<number, number>();
  for (const r of rows) h.set(Number(r.value), (h.get(Number(r.value)) ?? 0) + Number(r.count));
  return h;
}

export function countOf(h: Histogram): number {
  let n = 0;
  for (const c of h.values()) n += c;
  return n;
}

export function meanOf(h: Histogram): number | null {
  const n = countOf(h);
  if (n === 0) return null;
  let sum = 0;
  for (const [v, c] of h) sum += v * c;
  return sum / n;
}

/**
 * The continuous percentile, as PostgreSQL's percentile_cont: the value at position p × (n − 1) of the
 * sorted values, interpolated between the two nearest.
 */
export function percentileOf(h: Histogram, p: number): number | null {
  const n = countOf(h);
  if (n === 0) return null;
  const position = p * (n - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const sorted = [...h.entries()].sort(([a], [b]) => a - b);
  const at = (rank: number) => {
    let seen = 0;
    for (const [v, c] of sorted) {
      seen += c;
      if (rank < seen) return v;
    }
    return sorted[sorted.length - 1]![0];
  };
  const lo = at(lower);
  const hi = at(upper);
  return lo + (position - lower) * (hi - lo);
}
