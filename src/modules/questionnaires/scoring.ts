import type { FieldIssue } from '../../server/http/errors.ts';
import type { Answers, InstrumentDefinition, Item, LocalText, ScoreRule } from './instrument.schema.ts';

/**
 * One generic scorer driven by the instrument definition (never code per instrument), so that an
 * organisation can import an official instrument as data and have it scored.
 */

export type Scores = Record<string, number | null>;
export interface GroupScore {
  /** Answers that counted (for nps and share: numeric answers not marked "cannot say"). */
  n: number;
  value: number | null;
}

type IndividualRule = Extract<ScoreRule, { type: 'item' | 'sum' | 'mean' }>;

export function isIndividualRule(rule: ScoreRule): rule is IndividualRule {
  return rule.type === 'item' || rule.type === 'sum' || rule.type === 'mean';
}

/** Whether a person's own score may be shown: THL's participation indicator, for one, is group-level only. */
export function showsIndividualScores(def: Pick<InstrumentDefinition, 'scoringLevel'>): boolean {
  return def.scoringLevel === 'individual';
}

function itemMap(def: InstrumentDefinition): Map<string, Item> {
  return new Map(def.items.map((i) => [i.id, i]));
}

function isBlank(value: Answers[string] | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Checks answers against the definition. `partial` accepts missing required items (a saved draft);
 * `complete` requires them (a submission). Returns every problem, each named by its item.
 */
export function validateAnswers(
  def: InstrumentDefinition,
  answers: Answers,
  mode: 'partial' | 'complete',
): FieldIssue[] {
  const items = itemMap(def);
  const issues: FieldIssue[] = [];
  const add = (id: string, code: string, message: string) =>
    issues.push({ field: `answers.${id}`, code, message });
  for (const [id, value] of Object.entries(answers)) {
    const item = items.get(id);
    if (!item) {
      add(id, 'unknown_item', `The questionnaire has no item ${id}.`);
      continue;
    }
    if (isBlank(value)) continue;
    if (item.type === 'text') {
      if (typeof value !== 'string') add(id, 'not_text', 'The answer must be text.');
      else if (value.length > item.maxLength) add(id, 'too_long', `At most ${item.maxLength} characters.`);
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      add(id, 'not_a_number', 'The answer must be a number.');
      continue;
    }
    if (item.type === 'choice') {
      if (!item.options.some((o) => o.value === value))
        add(id, 'not_an_option', 'Choose one of the options.');
    } else if (value < item.min || value > item.max) {
      add(id, 'out_of_range', `The answer must be between ${item.min} and ${item.max}.`);
    } else if (item.type === 'scale' && !Number.isInteger(value)) {
      add(id, 'not_a_whole_number', 'The answer must be a whole number.');
    } else if (item.type === 'number' && !hasDecimals(value, item.decimals)) {
      add(id, 'too_many_decimals', `At most ${item.decimals} decimals.`);
    }
  }
  if (mode === 'complete') {
    for (const item of def.items) {
      if (item.required && isBlank(answers[item.id])) add(item.id, 'required', 'This item needs an answer.');
    }
  }
  return issues;
}

function hasDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-9;
}

/** The numeric value an item contributes to scores: null when unanswered or answered "cannot say". */
function numericValue(item: Item | undefined, value: Answers[string] | undefined): number | null {
  if (!item || item.type === 'text' || typeof value !== 'number') return null;
  if (item.type === 'choice' && item.options.find((o) => o.value === value)?.excludeFromScore) return null;
  return value;
}

function scoreRule(rule: IndividualRule, items: Map<string, Item>, answers: Answers): number | null {
  if (rule.type === 'item') return numericValue(items.get(rule.item), answers[rule.item]);
  const values = rule.items
    .map((id) => numericValue(items.get(id), answers[id]))
    .filter((v): v is number => v !== null);
  if (values.length < (rule.minAnswered ?? rule.items.length) || values.length === 0) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  return rule.type === 'sum' ? sum : sum / values.length;
}

/**
 * A person's scores by rule key (item, sum and mean rules). Computed for group-level instruments as well,
 * because a group's mean is made of them; whether they may be shown is `showsIndividualScores`.
 */
export function scoreAnswers(def: InstrumentDefinition, answers: Answers): Scores {
  const items = itemMap(def);
  const scores: Scores = {};
  for (const rule of def.scores)
    if (isIndividualRule(rule)) scores[rule.key] = scoreRule(rule, items, answers);
  return scores;
}

/** The band a score falls in (bands are inclusive at both ends), or null. */
export function bandOf(rule: ScoreRule, value: number | null): LocalText | null {
  if (value === null || !isIndividualRule(rule) || !rule.bands) return null;
  return rule.bands.find((b) => value >= b.min && value <= b.max)?.label ?? null;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/**
 * Scores of a group of answer sets: the mean of each person's score for item/sum/mean rules; for nps the
 * share of 9–10 minus the share of 0–6 (in percentage points); for share the % of answers in the values.
 */
export function scoreGroup(
  def: InstrumentDefinition,
  answerSets: readonly Answers[],
): Record<string, GroupScore> {
  const items = itemMap(def);
  const result: Record<string, GroupScore> = {};
  for (const rule of def.scores) {
    if (isIndividualRule(rule)) {
      const values = answerSets.map((a) => scoreRule(rule, items, a)).filter((v): v is number => v !== null);
      result[rule.key] = { n: values.length, value: mean(values) };
      continue;
    }
    const values = answerSets
      .map((a) => numericValue(items.get(rule.item), a[rule.item]))
      .filter((v): v is number => v !== null);
    if (values.length === 0) {
      result[rule.key] = { n: 0, value: null };
    } else if (rule.type === 'nps') {
      const promoters = values.filter((v) => v >= 9).length;
      const detractors = values.filter((v) => v <= 6).length;
      result[rule.key] = { n: values.length, value: ((promoters - detractors) / values.length) * 100 };
    } else {
      const hits = values.filter((v) => rule.values.includes(v)).length;
      result[rule.key] = { n: values.length, value: (hits / values.length) * 100 };
    }
  }
  return result;
}

/** Figures are stored and compared unrounded; people read them to two decimals. */
export function round2(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
