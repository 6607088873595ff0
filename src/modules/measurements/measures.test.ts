import { describe, expect, it } from 'vitest';
import { shippedDefinition } from '../../../test/support/instruments.ts';
import type { InstrumentDefinition } from '../questionnaires/instrument.schema.ts';
import { clientMeasures, type MeasurementFact, summariseMeasures } from './measures.ts';

const defs = new Map<string, InstrumentDefinition>([
  ['was', shippedDefinition('was')],
  ['thl_participation', shippedDefinition('thl_participation')],
]);
const period = { from: '2026-01-01', to: '2026-12-31' };

function fact(
  over: Partial<MeasurementFact> & Pick<MeasurementFact, 'caseId' | 'code' | 'offsetMonths'>,
): MeasurementFact {
  return {
    measurementId: `${over.caseId}-${over.code}-${over.offsetMonths}`,
    dueOn: over.offsetMonths === 0 ? '2026-01-10' : '2026-04-10',
    status: over.scores ? 'answered' : 'due',
    hadLink: false,
    source: over.scores ? 'professional' : null,
    answeredOn: null,
    answers: null,
    scores: null,
    instrumentId: null,
    ...over,
  };
}

describe('a client’s change', () => {
  it('is each follow-up minus the baseline, per score', () => {
    const [was] = clientMeasures(
      [
        fact({ caseId: 'a', code: 'was', offsetMonths: 6, scores: { was: 7 } }),
        fact({ caseId: 'a', code: 'was', offsetMonths: 0, scores: { was: 4 } }),
        fact({ caseId: 'a', code: 'was', offsetMonths: 3, scores: { was: 3 } }),
      ],
      defs,
      new Map(),
    );
    expect(was!.rounds.map((r) => [r.round, r.scores?.[0]?.value, r.scores?.[0]?.change])).toEqual([
      ['baseline', 4, null],
      ['3m', 3, -1],
      ['6m', 7, 3],
    ]);
  });

  it('hides a group-level instrument’s scores', () => {
    const [thl] = clientMeasures(
      [fact({ caseId: 'a', code: 'thl_participation', offsetMonths: 0, scores: { mean: 3.2 } })],
      defs,
      new Map(),
    );
    expect(thl!.individualScores).toBe(false);
    expect(thl!.rounds[0]!.scores).toBeNull();
  });
});

describe('a group’s change', () => {
  // Five pairs: (2→3), (4→4), (5→8), (3→2), (6→8) → baseline 4.0, follow-up 5.0, change 1.0; a sixth has no baseline.
  const pairs: [number | null, number][] = [
    [2, 3],
    [4, 4],
    [5, 8],
    [3, 2],
    [6, 8],
    [null, 9],
  ];
  const facts = pairs.flatMap(([b, f], i) => [
    ...(b === null ? [] : [fact({ caseId: `c${i}`, code: 'was', offsetMonths: 0, scores: { was: b } })]),
    fact({ caseId: `c${i}`, code: 'was', offsetMonths: 3, scores: { was: f } }),
  ]);

  it('pairs each follow-up with its own baseline', () => {
    const [was] = summariseMeasures(facts, defs, period);
    expect(was!.change[0]!.scores[0]).toEqual({
      key: 'was',
      label: defs.get('was')!.scores[0]!.label,
      n: 5,
      baselineMean: 4,
      followUpMean: 5,
      meanChange: 1,
      suppressed: false,
    });
  });

  it('suppresses means over fewer than five people', () => {
    const [was] = summariseMeasures(facts.slice(2), defs, period);
    expect(was!.change[0]!.scores[0]).toMatchObject({
      n: 4,
      baselineMean: null,
      meanChange: null,
      suppressed: true,
    });
  });

  it('counts a paper answer to a link as answered; result entries have no response rate', () => {
    const linked = [
      fact({
        caseId: 'x',
        code: 'was',
        offsetMonths: 3,
        hadLink: true,
        scores: { was: 5 },
        source: 'client_link',
      }),
      fact({
        caseId: 'y',
        code: 'was',
        offsetMonths: 3,
        hadLink: true,
        scores: { was: 5 },
        source: 'professional',
      }),
      fact({ caseId: 'z', code: 'was', offsetMonths: 3, hadLink: true }),
    ];
    expect(summariseMeasures(linked, defs, period)[0]!.responseRate!.total).toEqual({
      sent: 3,
      answered: 2,
      rate: (2 / 3) * 100,
    });
    expect(summariseMeasures(facts, defs, period)[0]!.responseRate).toBeNull();
  });
});
