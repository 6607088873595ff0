import type { Db, Trx } from '../../server/db/database.ts';
import { defineRoute } from '../../server/http/route.ts';
import { latestInstruments } from '../questionnaires/instrument.repository.ts';
import { ScheduleBody, ScheduleDto, ScheduleQuery } from './measurement.schema.ts';
import { roundName } from './rounds.ts';
import { effectiveSchedule, replaceSchedule } from './schedule.service.ts';

const tags = ['measurements'];

async function loadSchedule(trx: Db | Trx, pathwayId: string | null) {
  const schedule = await effectiveSchedule(trx, pathwayId);
  const instruments = await latestInstruments(
    trx,
    schedule.entries.map((e) => e.instrumentCode),
  );
  return {
    pathwayId,
    ownSchedule: schedule.ownSchedule,
    entries: schedule.entries.map((e) => ({
      ...e,
      round: roundName(e.offsetMonths),
      kind: instruments.get(e.instrumentCode)?.row.kind ?? null,
    })),
  };
}

const read = defineRoute({
  method: 'GET',
  url: '/api/measurement-schedule',
  summary: 'The measures a case gets and when: a pathway’s own schedule or the network’s default',
  tags,
  action: 'measurementSchedule.read',
  audit: 'MeasurementScheduleRead',
  querystring: ScheduleQuery,
  response: ScheduleDto,
  async handler({ trx, query }) {
    return loadSchedule(trx, query.pathwayId ?? null);
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/measurement-schedule',
  summary: 'Replace a pathway’s schedule (an empty list: follow the default) or the default (admin)',
  tags,
  action: 'measurementSchedule.update',
  audit: 'MeasurementScheduleUpdate',
  body: ScheduleBody,
  response: ScheduleDto,
  async handler({ trx, actor, body, now, audit }) {
    const pathwayId = body.pathwayId ?? null;
    await replaceSchedule(trx, actor, pathwayId, body.entries, now);
    audit.targetId = pathwayId ?? 'default';
    audit.metadata.entries = body.entries.length;
    return loadSchedule(trx, pathwayId);
  },
});

export const scheduleRoutes = [read, update];
