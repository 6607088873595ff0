import { z } from 'zod';
import { LANGUAGES } from '../clients/client.schema.ts';
import {
  Answers,
  INSTRUMENT_KINDS,
  InstrumentDefinition,
  RESPONDENTS,
  SCORING_LEVELS,
} from './instrument.schema.ts';

/**
 * Any string: a token of the wrong shape is answered like any other dead link (404), never with a 400 that
 * would tell a guessed token from an unknown one.
 */
export const TokenParams = z.object({ token: z.string().max(100) });
export const FormQuery = z.object({ lang: z.enum(LANGUAGES).optional() });
export const AnswersBody = z.object({ answers: Answers });

const FormItem = z.object({
  id: z.string(),
  type: z.enum(['scale', 'number', 'choice', 'text']),
  text: z.string(),
  required: z.boolean(),
  min: z.number().optional(),
  max: z.number().optional(),
  minLabel: z.string().optional(),
  maxLabel: z.string().optional(),
  decimals: z.number().optional(),
  maxLength: z.number().optional(),
  options: z.array(z.object({ value: z.number(), label: z.string() })).optional(),
});

/** Everything the client's form needs, in one language (the client's, unless another is asked for). */
export const QuestionnaireFormDto = z
  .object({
    language: z.enum(LANGUAGES),
    languages: z.array(z.enum(LANGUAGES)),
    instrument: z.object({
      code: z.string(),
      version: z.number().int(),
      name: z.string(),
      intro: z.string().nullable(),
      items: z.array(FormItem),
    }),
    answers: Answers,
    savedAt: z.string().nullable(),
    expiresAt: z.string(),
  })
  .meta({ id: 'QuestionnaireForm' });
export type QuestionnaireFormDto = z.infer<typeof QuestionnaireFormDto>;

export const SavedDto = z.object({ savedAt: z.string() });
export const SubmittedDto = z.object({ submitted: z.literal(true) });

const LocalTextDto = z.object({
  fi: z.string().optional(),
  sv: z.string().optional(),
  en: z.string().optional(),
});

export const InstrumentSummaryDto = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.number().int(),
  kind: z.enum(INSTRUMENT_KINDS),
  respondent: z.enum(RESPONDENTS),
  scoringLevel: z.enum(SCORING_LEVELS),
  name: LocalTextDto,
  languages: z.array(z.enum(LANGUAGES)),
  officialText: z.boolean(),
  active: z.boolean(),
  latest: z.boolean(),
  importedAt: z.string(),
});
export const InstrumentDto = InstrumentSummaryDto.extend({ definition: InstrumentDefinition });
export const InstrumentImportBody = z.unknown();
