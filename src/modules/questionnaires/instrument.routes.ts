import { z } from 'zod';
import { badRequest, notFound } from '../../server/http/errors.ts';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { findInstrument, listInstrumentRows, toInstrument } from './instrument.repository.ts';
import { InstrumentDefinition } from './instrument.schema.ts';
import { importInstrument } from './instrument.service.ts';
import { presentInstrumentSummary } from './questionnaire.presenter.ts';
import { InstrumentDto, InstrumentImportBody, InstrumentSummaryDto } from './questionnaire.schema.ts';

const tags = ['instruments'];

const list = defineRoute({
  method: 'GET',
  url: '/api/instruments',
  summary: 'Instrument definitions, every version (the highest active one is marked latest)',
  tags,
  action: 'instrument.list',
  audit: 'InstrumentList',
  response: z.array(InstrumentSummaryDto),
  async handler({ trx, audit }) {
    const instruments = (await listInstrumentRows(trx)).map(toInstrument);
    const latest = new Map<string, number>();
    for (const i of instruments) {
      if (i.row.active && (latest.get(i.row.code) ?? 0) < i.row.version)
        latest.set(i.row.code, i.row.version);
    }
    audit.metadata.count = instruments.length;
    return instruments.map((i) => presentInstrumentSummary(i, latest.get(i.row.code) ?? -1));
  },
});

const read = defineRoute({
  method: 'GET',
  url: '/api/instruments/:id',
  summary: 'One instrument version with its whole definition (items, options, scoring rules, bands)',
  tags,
  action: 'instrument.read',
  audit: 'InstrumentRead',
  params: IdParams,
  response: InstrumentDto,
  async handler({ trx, params, audit }) {
    const instrument = await findInstrument(trx, params.id);
    if (!instrument) throw notFound('instrument');
    audit.targetId = params.id;
    const latest = await trx
      .selectFrom('instrument')
      .select('version')
      .where('code', '=', instrument.row.code)
      .where('active', '=', true)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    return {
      ...presentInstrumentSummary(instrument, latest?.version ?? -1),
      definition: instrument.definition,
    };
  },
});

const importDefinition = defineRoute({
  method: 'POST',
  url: '/api/instruments',
  summary:
    'Import an instrument definition file (JSON) as a new version (admin). Load official item texts only ' +
    'when your organisation has them and the right to use them.',
  tags,
  action: 'instrument.import',
  audit: 'InstrumentImport',
  body: InstrumentImportBody,
  response: InstrumentDto,
  status: 201,
  async handler({ trx, actor, body, now, audit }) {
    const parsed = InstrumentDefinition.safeParse(body);
    if (!parsed.success) {
      throw badRequest(
        parsed.error.issues.map((i) => ({
          field: ['body', ...i.path].join('.'),
          code: i.code,
          message: i.message,
        })),
        'The definition file has problems.',
      );
    }
    const id = await importInstrument(trx, actor, parsed.data, now);
    audit.targetId = id;
    audit.metadata.code = parsed.data.code;
    audit.metadata.version = parsed.data.version;
    const instrument = (await findInstrument(trx, id))!;
    return {
      ...presentInstrumentSummary(instrument, instrument.row.version),
      definition: instrument.definition,
    };
  },
});

export const instrumentRoutes = [list, read, importDefinition];
