import { z } from 'zod';
import { IsoDate } from '../../server/http/schemas.ts';
import { Answers, INSTRUMENT_KINDS, SCORING_LEVELS } from '../questionnaires/instrument.schema.ts';
import { MEASUREMENT_STATUSES } from './measurement.table.ts';

const LocalTextDto = z.object({
  fi: z.string().optional(),
  sv: z.string().optional(),
  en: z.string().optional(),
});
const Status = z.enum(MEASUREMENT_STATUSES);
const Round = z.string().meta({ description: '"baseline", or months after the case opened: "3m", "6m"' });

export const SendBody = z.object({
  /** By default the client's contact preference decides (e-mail or SMS), falling back to the one that exists. */
  channel: z.enum(['email', 'sms']).optional(),
});
export const RecordBody = z.object({ answers: Answers, answeredOn: IsoDate.optional() });
export const WorklistQuery = z.object({ mine: z.enum(['true', 'false']).optional() });

export const LinkStateDto = z.object({
  channel: z.enum(['email', 'sms']),
  sentAt: z.string(),
  expiresAt: z.string(),
  remindersSent: z.number().int(),
  draftSavedAt: z.string().nullable(),
  state: z.enum(['open', 'answered', 'expired', 'replaced']),
});

export const MeasurementDto = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    clientId: z.uuid(),
    instrumentCode: z.string(),
    instrumentName: LocalTextDto,
    kind: z.enum(INSTRUMENT_KINDS),
    round: Round,
    offsetMonths: z.number().int(),
    dueOn: z.string(),
    status: Status,
    link: LinkStateDto.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Measurement' });
export type MeasurementDto = z.infer<typeof MeasurementDto>;

export const WorklistMeasurementDto = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  instrumentCode: z.string(),
  instrumentName: LocalTextDto,
  /** What the professional does: send a link (questionnaire) or record the result (result entry). */
  kind: z.enum(INSTRUMENT_KINDS),
  round: Round,
  dueOn: z.string(),
  status: Status,
  overdueDays: z.number().int(),
});

const ScoreDto = z.object({
  key: z.string(),
  label: LocalTextDto,
  value: z.number().nullable(),
  band: LocalTextDto.nullable(),
  change: z.number().nullable(),
});
export const ClientMeasuresDto = z.object({
  cases: z.array(
    z.object({
      caseId: z.uuid(),
      openedOn: z.string(),
      closedOn: z.string().nullable(),
      instruments: z.array(
        z.object({
          code: z.string(),
          name: LocalTextDto,
          kind: z.enum(INSTRUMENT_KINDS),
          individualScores: z.boolean(),
          rounds: z.array(
            z.object({
              measurementId: z.uuid(),
              round: Round,
              offsetMonths: z.number().int(),
              dueOn: z.string(),
              status: Status,
              answeredOn: z.string().nullable(),
              source: z.enum(['client_link', 'professional']).nullable(),
              scores: z.array(ScoreDto).nullable(),
            }),
          ),
        }),
      ),
    }),
  ),
});

export const SummaryQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  pathwayId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
});

const Rate = z.object({ sent: z.number().int(), answered: z.number().int(), rate: z.number().nullable() });
const Figure = z.object({
  key: z.string(),
  label: LocalTextDto,
  n: z.number().int(),
  suppressed: z.boolean(),
});
export const MeasureSummaryDto = z.object({
  from: z.string(),
  to: z.string(),
  minGroupSize: z.number().int(),
  instruments: z.array(
    z.object({
      code: z.string(),
      name: LocalTextDto,
      kind: z.enum(INSTRUMENT_KINDS),
      scoringLevel: z.enum(SCORING_LEVELS),
      change: z.array(
        z.object({
          round: Round,
          offsetMonths: z.number().int(),
          scores: z.array(
            Figure.extend({
              baselineMean: z.number().nullable(),
              followUpMean: z.number().nullable(),
              meanChange: z.number().nullable(),
            }),
          ),
        }),
      ),
      groupScores: z.array(
        z.object({
          round: Round,
          offsetMonths: z.number().int(),
          scores: z.array(Figure.extend({ value: z.number().nullable() })),
        }),
      ),
      responseRate: z
        .object({
          total: Rate,
          byRound: z.array(Rate.extend({ round: Round, offsetMonths: z.number().int() })),
          byMonth: z.array(Rate.extend({ month: z.string() })),
        })
        .nullable(),
    }),
  ),
});

export const ScheduleQuery = z.object({ pathwayId: z.uuid().optional() });
const ScheduleEntry = z.object({
  instrumentCode: z.string().min(1).max(40),
  offsetMonths: z.number().int().min(0).max(60),
});
export const ScheduleBody = z.object({
  /** Null or absent: the network's default, used by every pathway without a schedule of its own. */
  pathwayId: z.uuid().nullable().optional(),
  entries: z.array(ScheduleEntry).max(50),
});
export const ScheduleDto = z.object({
  pathwayId: z.uuid().nullable(),
  /** False when the pathway follows the network's default. */
  ownSchedule: z.boolean(),
  entries: z.array(ScheduleEntry.extend({ round: Round, kind: z.enum(INSTRUMENT_KINDS).nullable() })),
});
