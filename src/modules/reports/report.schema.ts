import { z } from 'zod';
import { IsoDate } from '../../server/http/schemas.ts';

export const ReportQuery = z.object({
  /** First day of the period (default: a year before `to`, plus a day). */
  from: IsoDate.optional(),
  /** Last day of the period (default: today, Finnish time). */
  to: IsoDate.optional(),
  /** The organisation running the cases; default: the team's, else your own; `all` for every organisation. */
  organisationId: z.union([z.uuid(), z.literal('all')]).optional(),
  teamId: z.uuid().optional(),
  /** The client's home municipality, as in the basic data. */
  municipality: z.string().trim().min(1).max(100).optional(),
  pathwayId: z.uuid().optional(),
  /**
   * internal: exact figures, for your own organisation. external: for outside the organisation, small counts
   * hidden. A report on another organisation's cases is always external.
   */
  audience: z.enum(['internal', 'external']).default('internal'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ExportQuery = ReportQuery.extend({
  /** Language of the titles, labels and definitions. */
  lang: z.enum(['fi', 'sv', 'en']).default('fi'),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

const LocalisedDto = z.object({ fi: z.string(), sv: z.string(), en: z.string() });

export const ReportColumnDto = z.object({
  key: z.string(),
  label: LocalisedDto,
  /** persons: people counted; events: visits or contacts; share: per cent; statistic: mean, median, percentile. */
  kind: z.enum(['persons', 'events', 'share', 'statistic']),
  unit: z.enum(['count', 'percent', 'years', 'days', 'score']),
  decimals: z.number().int(),
});

export const ReportCellDto = z.object({
  /** Null when hidden or when there is nothing to compute (a mean of no one). */
  value: z.number().nullable(),
  /** Why a cell is hidden: small shows "<5", complementary and derived show "..". */
  suppressed: z.enum(['small', 'complementary', 'derived']).nullable(),
});

export const ReportRowDto = z.object({
  key: z.string(),
  label: LocalisedDto,
  detail: LocalisedDto.nullable(),
  total: z.boolean(),
  cells: z.record(z.string(), ReportCellDto),
});

export const ReportTableDto = z.object({
  key: z.string(),
  title: LocalisedDto.nullable(),
  columns: z.array(ReportColumnDto),
  rows: z.array(ReportRowDto),
});

export const ReportFigureDto = z.object({
  /** The metric's id in docs/metrics.md. */
  id: z.string(),
  title: LocalisedDto,
  /** What counts, from which records, by which dates: show it as the figure's help text. */
  definition: LocalisedDto,
  tables: z.array(ReportTableDto),
});

export const ReportDto = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  filters: z.object({
    organisationId: z.string().nullable(),
    teamId: z.string().nullable(),
    municipality: z.string().nullable(),
    pathwayId: z.string().nullable(),
  }),
  audience: z.enum(['internal', 'external']),
  suppression: z.object({ applied: z.boolean(), threshold: z.number().int() }),
  generatedAt: z.string(),
  figures: z.array(ReportFigureDto),
});
export type ReportDto = z.infer<typeof ReportDto>;
