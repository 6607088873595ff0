import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURE_GROUPS } from './figures/index.ts';
import { METRICS } from './metrics.ts';
import { renderMetricsDoc } from './metrics-doc.ts';

describe('metric definitions', () => {
  it('docs/metrics.md is generated from metrics.ts (run `npm run docs:metrics` if this fails)', () => {
    const file = path.resolve(import.meta.dirname, '../../../docs/metrics.md');
    expect(fs.existsSync(file), 'docs/metrics.md is missing').toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(renderMetricsDoc());
  });

  it('every metric has a title and a definition in Finnish, Swedish and English, and one group computes it', () => {
    const computed = FIGURE_GROUPS.flatMap((g) => g.metrics.map((id) => [id, g.id] as const));
    for (const m of METRICS) {
      for (const lang of ['fi', 'sv', 'en'] as const) {
        expect(m.title[lang].length, `${m.id} title ${lang}`).toBeGreaterThan(3);
        expect(m.definition[lang].length, `${m.id} definition ${lang}`).toBeGreaterThan(40);
      }
      expect(
        computed.filter(([id]) => id === m.id).map(([, g]) => g),
        m.id,
      ).toEqual([m.group]);
    }
    expect(new Set(METRICS.map((m) => m.id)).size).toBe(METRICS.length);
    expect(computed.length).toBe(METRICS.length);
  });
});
