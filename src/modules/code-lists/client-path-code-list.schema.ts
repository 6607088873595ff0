import { z } from 'zod';
import { Text } from '../../server/http/schemas.ts';
import { REFERRAL_STATUSES } from '../referrals/referral.table.ts';
import { SCREENING_OUTCOMES } from '../screenings/screening.table.ts';
import { VISIT_MODES } from '../visits/visit.table.ts';

export const CodeEntryDto = z.object({
  code: z.string(),
  nameFi: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
  /** Inactive entries are kept for old records and hidden from new ones. */
  active: z.boolean(),
});
export type CodeEntryDto = z.infer<typeof CodeEntryDto>;

export const ClientPathCodeListsDto = z.object({
  screeningSituations: z.array(CodeEntryDto),
  caseOutcomes: z.array(CodeEntryDto),
  /** Fixed codes the logic depends on; the UI names them in its own translations. */
  screeningOutcomes: z.array(z.enum(SCREENING_OUTCOMES)),
  referralStatuses: z.array(z.enum(REFERRAL_STATUSES)),
  visitModes: z.array(z.enum(VISIT_MODES)),
});

export const CodeParams = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/, {
    message: 'Lower-case letters, digits and underscores, e.g. work_trial',
  }),
});

export const CodeEntryBody = z.object({
  nameFi: Text(200),
  nameSv: Text(200),
  nameEn: Text(200),
  sortOrder: z.number().int().min(0).max(100_000),
  active: z.boolean(),
});
export type CodeEntryInput = z.infer<typeof CodeEntryBody>;
