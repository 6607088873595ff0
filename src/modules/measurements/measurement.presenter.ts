import type { Instrument } from '../questionnaires/instrument.repository.ts';
import type { LinkState } from './measurement.repository.ts';
import type { MeasurementDto } from './measurement.schema.ts';
import type { MeasurementStatus } from './measurement.table.ts';
import { roundName } from './rounds.ts';

function linkState(link: LinkState, now: Date): MeasurementDto['link'] {
  const state = link.used_at
    ? 'answered'
    : link.revoked_at
      ? 'replaced'
      : link.expires_at <= now
        ? 'expired'
        : 'open';
  return {
    channel: link.channel,
    sentAt: link.sent_at.toISOString(),
    expiresAt: link.expires_at.toISOString(),
    remindersSent: link.reminders_sent,
    draftSavedAt: link.partial_saved_at?.toISOString() ?? null,
    state,
  };
}

export interface MeasurementForDto {
  id: string;
  case_id: string;
  client_id: string;
  instrument_code: string;
  instrument_id: string | null;
  offset_months: number;
  due_on: string;
  status: MeasurementStatus;
  version: number;
}

/** The answers themselves are never part of this: the change view shows scores where they may be shown. */
export function presentMeasurement(
  m: MeasurementForDto,
  instrument: Instrument | undefined,
  link: LinkState | undefined,
  now: Date,
): MeasurementDto {
  return {
    id: m.id,
    caseId: m.case_id,
    clientId: m.client_id,
    instrumentCode: m.instrument_code,
    instrumentName: instrument?.definition.name ?? { fi: m.instrument_code },
    kind: instrument?.row.kind ?? 'result_only',
    round: roundName(m.offset_months),
    offsetMonths: m.offset_months,
    dueOn: m.due_on,
    status: m.status,
    link: link ? linkState(link, now) : null,
    version: m.version,
  };
}
