import { describe, expect, it } from 'vitest';
import { allowedPhaseIds, phaseChangeProblem } from './case-rules.ts';

const a = [1, 2, 3, 4].map((n) => ({ id: `a${n}`, pathway_id: 'A', ordinal: n }));
const b = [{ id: 'b1', pathway_id: 'B', ordinal: 1 }];
const phases = [...a, ...b];

describe('phase change rule', () => {
  it('allows the next phase and any earlier one', () => {
    expect(phaseChangeProblem(phases, 'a2', 'a3')).toBeNull();
    expect(phaseChangeProblem(phases, 'a3', 'a1')).toBeNull();
    expect(allowedPhaseIds(phases, 'a3')).toEqual(['a1', 'a2', 'a4']);
  });
  it('refuses skipping, the current phase and another pathway', () => {
    expect(phaseChangeProblem(phases, 'a1', 'a3')).toBe('skips_ahead');
    expect(phaseChangeProblem(phases, 'a2', 'a2')).toBe('current_phase');
    expect(phaseChangeProblem(phases, 'a2', 'b1')).toBe('other_pathway');
    expect(phaseChangeProblem(phases, 'a2', 'zz')).toBe('unknown_phase');
  });
  it('follows the order, not the numbers, when ordinals have gaps', () => {
    const gappy = [
      { id: 'x', pathway_id: 'A', ordinal: 1 },
      { id: 'y', pathway_id: 'A', ordinal: 5 },
    ];
    expect(phaseChangeProblem(gappy, 'x', 'y')).toBeNull();
    expect(allowedPhaseIds(gappy, 'y')).toEqual(['x']);
  });
});
