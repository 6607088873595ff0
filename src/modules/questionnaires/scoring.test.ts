import { describe, expect, it } from 'vitest';
import { shippedDefinition, shippedDefinitionsRaw } from '../../../test/support/instruments.ts';
import { type Answers, InstrumentDefinition } from './instrument.schema.ts';
import { bandOf, scoreAnswers, scoreGroup, showsIndividualScores, validateAnswers } from './scoring.ts';

// Every expected figure below is worked out by hand from the answers written next to it.

const codes = (issues: { field: string; code: string }[]) => issues.map((i) => `${i.field}:${i.code}`);

describe('shipped instruments', () => {
  it('are all valid definitions, one version of each', () => {
    const raw = shippedDefinitionsRaw();
    const parsed = raw.map((d) => InstrumentDefinition.parse(d));
    expect(parsed.map((d) => `${d.code}@${d.version}`).sort()).toEqual([
      'avain@1',
      'd3x10@1',
      'kykyviisari@1',
      'prem@1',
      'stakeholder_survey@1',
      'thl_participation@1',
      'was@1',
    ]);
  });

  it('ship no official item text: official instruments are result entries only', () => {
    for (const code of ['was', 'd3x10', 'kykyviisari', 'thl_participation', 'avain']) {
      const def = shippedDefinition(code);
      expect(def.kind).toBe('result_only');
      expect(def.source.officialText).toBe(false);
    }
  });
});

describe('WAS — work ability score (result entry)', () => {
  const was = shippedDefinition('was');

  it('scores the single item as it is', () => {
    expect(scoreAnswers(was, { was: 7 })).toEqual({ was: 7 });
    expect(scoreAnswers(was, { was: 0 })).toEqual({ was: 0 });
    expect(showsIndividualScores(was)).toBe(true);
  });

  it('refuses values outside 0–10 and fractions, and requires the value', () => {
    expect(codes(validateAnswers(was, { was: 11 }, 'complete'))).toEqual(['answers.was:out_of_range']);
    expect(codes(validateAnswers(was, { was: 6.5 }, 'complete'))).toEqual(['answers.was:not_a_whole_number']);
    expect(codes(validateAnswers(was, {}, 'complete'))).toEqual(['answers.was:required']);
    expect(validateAnswers(was, {}, 'partial')).toEqual([]);
  });

  it('averages a group: 3, 5 and 7 → 5 (n 3)', () => {
    expect(scoreGroup(was, [{ was: 3 }, { was: 5 }, { was: 7 }]).was).toEqual({ n: 3, value: 5 });
  });
});

describe('PREM — client experience survey', () => {
  const prem = shippedDefinition('prem');
  const answer = (
    coping: number,
    useful: number,
    together: number,
    info: number,
    knows: number,
    recommend: number,
  ) => ({
    coping,
    useful,
    decided_together: together,
    information_understandable: info,
    knows_continuation: knows,
    recommend,
    comments: '',
  });
  // 0 is "cannot say": an answer, left out of the percentages.
  const five: Answers[] = [
    answer(5, 5, 4, 5, 1, 10),
    answer(4, 5, 3, 5, 2, 9),
    answer(3, 4, 3, 5, 0, 8),
    answer(0, 2, 3, 5, 0, 6),
    answer(1, 0, 5, 5, 4, 3),
  ];

  it('is reported for groups only', () => {
    expect(showsIndividualScores(prem)).toBe(false);
    expect(scoreAnswers(prem, five[0]!)).toEqual({});
  });

  it('computes NPS as % 9–10 minus % 0–6: (10, 9, 8, 6, 3) → 40 % − 40 % = 0', () => {
    expect(scoreGroup(prem, five).nps).toEqual({ n: 5, value: 0 });
  });

  it('computes NPS 40 for (10, 10, 9, 7, 0), 100 for all 9–10 and −100 for all 0–6', () => {
    const with_ = (values: number[]) => values.map((r) => answer(5, 5, 5, 5, 5, r));
    expect(scoreGroup(prem, with_([10, 10, 9, 7, 0])).nps).toEqual({ n: 5, value: 40 });
    expect(scoreGroup(prem, with_([9, 10])).nps).toEqual({ n: 2, value: 100 });
    expect(scoreGroup(prem, with_([0, 6, 3])).nps).toEqual({ n: 3, value: -100 });
  });

  it('computes the pilot’s percentages, leaving "cannot say" out', () => {
    const group = scoreGroup(prem, five);
    // coping 5, 4, 3, (cannot say), 1 → 2 of 4 better
    expect(group.coping_better).toEqual({ n: 4, value: 50 });
    // useful 5, 5, 4, 2, (cannot say) → 3 of 4 agree
    expect(group.useful_agree).toEqual({ n: 4, value: 75 });
    // together 4, 3, 3, 3, 5 → 2 of 5
    expect(group.decided_together_agree).toEqual({ n: 5, value: 40 });
    expect(group.information_understandable_agree).toEqual({ n: 5, value: 100 });
    // knows 1, 2, (cannot say) × 2, 4 → 1 of 3
    expect(group.knows_continuation_agree!.n).toBe(3);
    expect(group.knows_continuation_agree!.value).toBeCloseTo(33.333, 3);
  });

  it('validates options, required items and the free text', () => {
    const ok = answer(5, 5, 5, 5, 5, 10);
    expect(validateAnswers(prem, ok, 'complete')).toEqual([]);
    expect(codes(validateAnswers(prem, { ...ok, coping: 6 }, 'complete'))).toEqual([
      'answers.coping:not_an_option',
    ]);
    expect(codes(validateAnswers(prem, { ...ok, comments: 'x'.repeat(2001) }, 'complete'))).toEqual([
      'answers.comments:too_long',
    ]);
    expect(codes(validateAnswers(prem, { ...ok, recommend: 'ten' }, 'complete'))).toEqual([
      'answers.recommend:not_a_number',
    ]);
    expect(codes(validateAnswers(prem, { ...ok, extra: 1 }, 'complete'))).toEqual([
      'answers.extra:unknown_item',
    ]);
    const { useful: _useful, ...withoutUseful } = ok;
    expect(codes(validateAnswers(prem, withoutUseful, 'complete'))).toEqual(['answers.useful:required']);
    expect(validateAnswers(prem, { coping: 4 }, 'partial')).toEqual([]);
  });
});

describe('stakeholder survey', () => {
  const survey = shippedDefinition('stakeholder_survey');
  const a = (recommend: number, effective: number, cooperation: number): Answers => ({
    recommend_continuing: recommend,
    effective_for_clients: effective,
    improved_cooperation: cooperation,
  });

  it('gives the share agreeing fully or somewhat, without "cannot say"', () => {
    const group = scoreGroup(survey, [a(5, 3, 2), a(4, 0, 2), a(4, 4, 5), a(1, 5, 0)]);
    // 5, 4, 4, 1 → 3 of 4
    expect(group.recommend_continuing_agree).toEqual({ n: 4, value: 75 });
    // 3, (cannot say), 4, 5 → 2 of 3
    expect(group.effective_for_clients_agree!.n).toBe(3);
    expect(group.effective_for_clients_agree!.value).toBeCloseTo(66.667, 3);
    // 2, 2, 5, (cannot say) → 1 of 3
    expect(group.improved_cooperation_agree!.value).toBeCloseTo(33.333, 3);
    expect(showsIndividualScores(survey)).toBe(false);
  });
});

describe('3X10D (result entry)', () => {
  const d3x10 = shippedDefinition('d3x10');
  const answers: Answers = {
    health: 4,
    resilience: 6,
    housing: 8,
    daily_coping: 5,
    family: 7,
    friends: 10,
    finances: 0,
    strengths: 6,
    self_esteem: 9,
    life_as_whole: 5,
  };

  it('keeps ten area scores and deliberately no total', () => {
    const scores = scoreAnswers(d3x10, answers);
    expect(scores).toEqual(answers);
    expect(Object.keys(scores)).toHaveLength(10);
  });

  it('bands each area 0–5, 6–7, 8–10, inclusive at both ends', () => {
    const bandFor = (key: string, value: number) =>
      bandOf(d3x10.scores.find((r) => r.key === key)!, value)?.en;
    expect(bandFor('health', 4)).toBe('0–5');
    expect(bandFor('daily_coping', 5)).toBe('0–5');
    expect(bandFor('resilience', 6)).toBe('6–7');
    expect(bandFor('family', 7)).toBe('6–7');
    expect(bandFor('housing', 8)).toBe('8–10');
    expect(bandFor('friends', 10)).toBe('8–10');
    expect(bandFor('finances', 0)).toBe('0–5');
  });

  it('needs all ten areas', () => {
    const { finances: _f, ...nine } = answers;
    expect(codes(validateAnswers(d3x10, nine, 'complete'))).toEqual(['answers.finances:required']);
  });
});

describe('Kykyviisari (result entry)', () => {
  const kv = shippedDefinition('kykyviisari');

  it('records the overall value and five areas with one decimal, no total', () => {
    const answers = {
      overall: 6.5,
      mental_wellbeing: 7.2,
      social_inclusion: 8,
      physical_functioning: 5.1,
      competence: 6,
      everyday_coping: 7.9,
    };
    expect(validateAnswers(kv, answers, 'complete')).toEqual([]);
    expect(scoreAnswers(kv, answers)).toEqual(answers);
  });

  it('needs only the overall value and refuses a second decimal', () => {
    expect(validateAnswers(kv, { overall: 4 }, 'complete')).toEqual([]);
    expect(codes(validateAnswers(kv, { overall: 6.55 }, 'complete'))).toEqual([
      'answers.overall:too_many_decimals',
    ]);
    expect(scoreAnswers(kv, { overall: 4 })).toMatchObject({ overall: 4, competence: null });
  });
});

describe('THL participation indicator (result entry, group level only)', () => {
  const thl = shippedDefinition('thl_participation');
  const statements = (values: number[]): Answers =>
    Object.fromEntries(values.map((v, i) => [`statement_${i + 1}`, v]));

  it('is never shown as one client’s score', () => {
    expect(thl.scoringLevel).toBe('group');
    expect(showsIndividualScores(thl)).toBe(false);
  });

  it('gives the group mean of the ten statements; an incomplete form does not count', () => {
    const a = statements([4, 4, 3, 5, 4, 3, 4, 4, 5, 4]); // 40 / 10 = 4.0
    const b = statements([2, 3, 3, 2, 3, 2, 3, 3, 2, 3]); // 26 / 10 = 2.6
    const c = statements([5, 5, 5, 5, 5, 5, 5, 5, 5]); // nine answered
    const group = scoreGroup(thl, [a, b, c]).mean!;
    expect(group.n).toBe(2);
    expect(group.value).toBeCloseTo(3.3, 10);
  });

  it('refuses answers outside 1–5', () => {
    expect(codes(validateAnswers(thl, { statement_1: 0 }, 'partial'))).toEqual([
      'answers.statement_1:out_of_range',
    ]);
  });
});

describe('AVAIN (result entry)', () => {
  const avain = shippedDefinition('avain');

  it('keeps the four parts as recorded; missing parts stay empty', () => {
    expect(validateAnswers(avain, { goals: 3.5 }, 'complete')).toEqual([]);
    expect(scoreAnswers(avain, { goals: 3.5, methods: 2 })).toEqual({
      goals: 3.5,
      situational_factors: null,
      services: null,
      methods: 2,
    });
  });
});

describe('definition validation (an admin’s import file)', () => {
  const base = {
    code: 'test_scale',
    version: 1,
    kind: 'questionnaire',
    scoringLevel: 'individual',
    languages: ['fi', 'en'],
    name: { fi: 'Testi', en: 'Test' },
    source: { owner: 'Test', officialText: false },
    items: [
      { id: 'a', type: 'scale', min: 0, max: 10, text: { fi: 'A', en: 'A' } },
      { id: 'b', type: 'scale', min: 1, max: 5, text: { fi: 'B', en: 'B' } },
    ],
    scores: [{ key: 'total', type: 'sum', items: ['a', 'b'], label: { fi: 'Summa', en: 'Sum' } }],
  };
  const problems = (def: unknown) =>
    InstrumentDefinition.safeParse(def).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('accepts a well-formed definition and sums its items (7 + 3 = 10; mean 5)', () => {
    const def = InstrumentDefinition.parse(base);
    expect(scoreAnswers(def, { a: 7, b: 3 })).toEqual({ total: 10 });
    const mean = InstrumentDefinition.parse({ ...base, scores: [{ ...base.scores[0], type: 'mean' }] });
    expect(scoreAnswers(mean, { a: 7, b: 3 })).toEqual({ total: 5 });
    expect(scoreAnswers(mean, { a: 7 })).toEqual({ total: null });
  });

  it('counts a sum with minAnswered from the answered items', () => {
    const def = InstrumentDefinition.parse({ ...base, scores: [{ ...base.scores[0], minAnswered: 1 }] });
    expect(scoreAnswers(def, { a: 7 })).toEqual({ total: 7 });
  });

  it('names each problem: a missing language text, a duplicate item, an unknown item, NPS on a 1–5 item', () => {
    const bad = {
      ...base,
      items: [...base.items, { id: 'a', type: 'scale', min: 0, max: 10, text: { fi: 'A' } }],
      scores: [
        { key: 'total', type: 'sum', items: ['a', 'zz'], label: { fi: 'S', en: 'S' } },
        { key: 'nps', type: 'nps', item: 'b', label: { fi: 'N', en: 'N' } },
      ],
    };
    expect(problems(bad)).toEqual([
      'items.2.id: Item a appears twice',
      'items.2.text.en: Missing the en text',
      'scores.0: No item zz',
      'scores.1: The net promoter score needs a 0–10 scale item',
    ]);
  });

  it('refuses overlapping bands and a scale that ends before it starts', () => {
    const bad = {
      ...base,
      items: [{ id: 'a', type: 'scale', min: 5, max: 5, text: { fi: 'A', en: 'A' } }],
      scores: [
        {
          key: 'a',
          type: 'item',
          item: 'a',
          label: { fi: 'A', en: 'A' },
          bands: [
            { min: 0, max: 5, label: { fi: 'x', en: 'x' } },
            { min: 5, max: 10, label: { fi: 'y', en: 'y' } },
          ],
        },
      ],
    };
    expect(problems(bad)).toEqual([
      'items.0.max: max must be greater than min',
      'scores.0.bands: Bands overlap',
    ]);
  });
});
