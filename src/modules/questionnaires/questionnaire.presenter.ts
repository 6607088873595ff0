import type { Instrument } from './instrument.repository.ts';
import { type InstrumentDefinition, type Item, type Language, localise } from './instrument.schema.ts';
import type { QuestionnaireFormDto } from './questionnaire.schema.ts';

function presentItem(item: Item, lang: Language): QuestionnaireFormDto['instrument']['items'][number] {
  const base = {
    id: item.id,
    type: item.type,
    text: localise(item.text, lang) ?? '',
    required: item.required,
  };
  switch (item.type) {
    case 'scale':
      return {
        ...base,
        min: item.min,
        max: item.max,
        ...(item.minLabel ? { minLabel: localise(item.minLabel, lang) } : {}),
        ...(item.maxLabel ? { maxLabel: localise(item.maxLabel, lang) } : {}),
      };
    case 'number':
      return { ...base, min: item.min, max: item.max, decimals: item.decimals };
    case 'choice':
      return {
        ...base,
        options: item.options.map((o) => ({ value: o.value, label: localise(o.label, lang) ?? '' })),
      };
    case 'text':
      return { ...base, maxLength: item.maxLength };
  }
}

/** The form in one language: item texts only, never scoring rules or anything about other people. */
export function presentForm(
  def: InstrumentDefinition,
  lang: Language,
  link: { partial_answers: Record<string, unknown>; partial_saved_at: Date | null; expires_at: Date },
): QuestionnaireFormDto {
  return {
    language: lang,
    languages: def.languages,
    instrument: {
      code: def.code,
      version: def.version,
      name: localise(def.name, lang) ?? def.code,
      intro: localise(def.intro, lang) ?? null,
      items: def.items.map((i) => presentItem(i, lang)),
    },
    answers: link.partial_answers as QuestionnaireFormDto['answers'],
    savedAt: link.partial_saved_at?.toISOString() ?? null,
    expiresAt: link.expires_at.toISOString(),
  };
}

export function presentInstrumentSummary(i: Instrument, latestVersion: number) {
  return {
    id: i.row.id,
    code: i.row.code,
    version: i.row.version,
    kind: i.row.kind,
    respondent: i.row.respondent,
    scoringLevel: i.row.scoring_level,
    name: i.definition.name,
    languages: i.definition.languages,
    officialText: i.definition.source.officialText,
    active: i.row.active,
    latest: i.row.version === latestVersion,
    importedAt: i.row.created_at.toISOString(),
  };
}
