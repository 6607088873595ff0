import { z } from 'zod';
import { LANGUAGES } from '../clients/client.schema.ts';

export type Language = (typeof LANGUAGES)[number];
export const INSTRUMENT_KINDS = ['questionnaire', 'result_only'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];
/** THL's participation indicator may be reported for a group only, never as one person's score. */
export const SCORING_LEVELS = ['individual', 'group'] as const;
export type ScoringLevel = (typeof SCORING_LEVELS)[number];
/** Who answers a questionnaire: the client through a personal link, or the network's stakeholders. */
export const RESPONDENTS = ['client', 'stakeholder'] as const;

const Code = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'Lower-case letters, digits and _, 2–40 characters' });
const ItemId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'Lower-case letters, digits and _, 1–40 characters' });

/** Text in some of the three languages; the instrument's `languages` say which must be present. */
export const LocalText = z
  .object({
    fi: z.string().trim().min(1).max(2000),
    sv: z.string().trim().min(1).max(2000),
    en: z.string().trim().min(1).max(2000),
  })
  .partial();
export type LocalText = z.infer<typeof LocalText>;

const Band = z.object({ min: z.number(), max: z.number(), label: LocalText });

const ItemBase = { id: ItemId, text: LocalText, required: z.boolean().default(true) };

const ScaleItem = z.object({
  ...ItemBase,
  type: z.literal('scale'),
  min: z.number().int(),
  max: z.number().int(),
  minLabel: LocalText.optional(),
  maxLabel: LocalText.optional(),
});
/** A result value a professional copies from an official form (one decimal is common). */
const NumberItem = z.object({
  ...ItemBase,
  type: z.literal('number'),
  min: z.number(),
  max: z.number(),
  decimals: z.number().int().min(0).max(2).default(0),
});
const ChoiceOption = z.object({
  value: z.number().int(),
  label: LocalText,
  /** "Cannot say": an answer, but left out of every score and percentage. */
  excludeFromScore: z.boolean().default(false),
});
const ChoiceItem = z.object({
  ...ItemBase,
  type: z.literal('choice'),
  options: z.array(ChoiceOption).min(2).max(20),
});
const TextItem = z.object({
  ...ItemBase,
  type: z.literal('text'),
  required: z.boolean().default(false),
  maxLength: z.number().int().min(1).max(4000).default(2000),
});
export const Item = z.discriminatedUnion('type', [ScaleItem, NumberItem, ChoiceItem, TextItem]);
export type Item = z.infer<typeof Item>;

const RuleBase = { key: ItemId, label: LocalText };
/**
 * Scoring rules. item/sum/mean give one person's score (shown per client unless the instrument is
 * group-level); nps and share exist only for a group of answers.
 */
export const ScoreRule = z.discriminatedUnion('type', [
  z.object({ ...RuleBase, type: z.literal('item'), item: ItemId, bands: z.array(Band).optional() }),
  z.object({
    ...RuleBase,
    type: z.enum(['sum', 'mean']),
    items: z.array(ItemId).min(1),
    /** Fewer answered items than this leaves the score empty; by default every listed item is needed. */
    minAnswered: z.number().int().min(1).optional(),
    bands: z.array(Band).optional(),
  }),
  // Net promoter score: % answering 9–10 minus % answering 0–6 (a 0–10 item).
  z.object({ ...RuleBase, type: z.literal('nps'), item: ItemId }),
  // Share of answers among the listed values, e.g. "much or somewhat better" (options excluded from scores do not count).
  z.object({ ...RuleBase, type: z.literal('share'), item: ItemId, values: z.array(z.number().int()).min(1) }),
]);
export type ScoreRule = z.infer<typeof ScoreRule>;

export const InstrumentDefinition = z
  .object({
    code: Code,
    version: z.number().int().min(1).max(10_000),
    kind: z.enum(INSTRUMENT_KINDS),
    respondent: z.enum(RESPONDENTS).default('client'),
    scoringLevel: z.enum(SCORING_LEVELS),
    languages: z.array(z.enum(LANGUAGES)).min(1),
    name: LocalText,
    description: LocalText.optional(),
    /** Shown above the items of a questionnaire (instructions to the one answering). */
    intro: LocalText.optional(),
    /** Whose instrument this is and on what terms its text is used. */
    source: z.object({
      owner: z.string().trim().min(1).max(200),
      /** True when the item texts are the owner's official wording; false for field labels of a result-only entry. */
      officialText: z.boolean(),
      note: z.string().trim().max(2000).optional(),
    }),
    items: z.array(Item).min(1).max(200),
    scores: z.array(ScoreRule).max(200),
  })
  .superRefine((def, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const langs = new Set(def.languages);
    if (langs.size !== def.languages.length) issue(['languages'], 'A language is listed twice');
    const checkText = (text: LocalText | undefined, path: (string | number)[]) => {
      if (!text) return;
      for (const lang of langs) if (!text[lang]) issue([...path, lang], `Missing the ${lang} text`);
    };
    checkText(def.name, ['name']);
    checkText(def.description, ['description']);
    checkText(def.intro, ['intro']);

    const items = new Map<string, Item>();
    def.items.forEach((item, i) => {
      if (items.has(item.id)) issue(['items', i, 'id'], `Item ${item.id} appears twice`);
      items.set(item.id, item);
      checkText(item.text, ['items', i, 'text']);
      if (item.type === 'scale' || item.type === 'number') {
        if (item.min >= item.max) issue(['items', i, 'max'], 'max must be greater than min');
        if (item.type === 'scale' && item.max - item.min > 100)
          issue(['items', i, 'max'], 'A scale has at most 101 steps');
      }
      if (item.type === 'scale') {
        checkText(item.minLabel, ['items', i, 'minLabel']);
        checkText(item.maxLabel, ['items', i, 'maxLabel']);
      }
      if (item.type === 'choice') {
        const values = item.options.map((o) => o.value);
        if (new Set(values).size !== values.length)
          issue(['items', i, 'options'], 'Option values must be unique');
        item.options.forEach((o, j) => {
          checkText(o.label, ['items', i, 'options', j, 'label']);
        });
      }
    });
    if (def.kind === 'result_only' && def.respondent !== 'client') {
      issue(['respondent'], 'Result-only entries are recorded for a client');
    }

    const keys = new Set<string>();
    def.scores.forEach((rule, i) => {
      if (keys.has(rule.key)) issue(['scores', i, 'key'], `Score ${rule.key} appears twice`);
      keys.add(rule.key);
      checkText(rule.label, ['scores', i, 'label']);
      const referenced = 'items' in rule ? rule.items : [rule.item];
      referenced.forEach((id) => {
        const item = items.get(id);
        if (!item) issue(['scores', i], `No item ${id}`);
        else if (item.type === 'text') issue(['scores', i], `Item ${id} is free text and cannot be scored`);
      });
      if (rule.type === 'nps') {
        const item = items.get(rule.item);
        if (item && !(item.type === 'scale' && item.min === 0 && item.max === 10)) {
          issue(['scores', i], 'The net promoter score needs a 0–10 scale item');
        }
      }
      if (
        (rule.type === 'sum' || rule.type === 'mean') &&
        rule.minAnswered &&
        rule.minAnswered > rule.items.length
      ) {
        issue(['scores', i, 'minAnswered'], 'minAnswered is more than the number of items');
      }
      if ((rule.type === 'item' || rule.type === 'sum' || rule.type === 'mean') && rule.bands) {
        const sorted = [...rule.bands].sort((a, b) => a.min - b.min);
        sorted.forEach((band, j) => {
          if (band.min > band.max) issue(['scores', i, 'bands'], 'A band ends before it starts');
          const prev = sorted[j - 1];
          if (prev && band.min <= prev.max) issue(['scores', i, 'bands'], 'Bands overlap');
        });
        rule.bands.forEach((band, j) => {
          checkText(band.label, ['scores', i, 'bands', j, 'label']);
        });
      }
    });
  });
export type InstrumentDefinition = z.infer<typeof InstrumentDefinition>;
/** What an import file may leave out (defaults are filled in). */
export type InstrumentDefinitionInput = z.input<typeof InstrumentDefinition>;

/** The answer to each item: a number for scale, number and choice items, a string for text items. */
export const Answers = z.record(ItemId, z.union([z.number(), z.string().max(4000), z.null()]));
export type Answers = z.infer<typeof Answers>;

/** The client's language when the instrument has it; Finnish, then the first listed language otherwise. */
export function formLanguage(def: Pick<InstrumentDefinition, 'languages'>, preferred: Language): Language {
  if (def.languages.includes(preferred)) return preferred;
  return def.languages.includes('fi') ? 'fi' : def.languages[0]!;
}

export function localise(text: LocalText | undefined, lang: Language): string | undefined {
  return text?.[lang] ?? text?.fi ?? text?.en ?? text?.sv;
}
