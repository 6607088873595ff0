import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { finnishDate, recordAccess } from '../../server/policy/client-access.ts';
import { instrumentsByIds, latestInstruments } from '../questionnaires/instrument.repository.ts';
import type { InstrumentDefinition } from '../questionnaires/instrument.schema.ts';
import { clientMeasurementRows, summaryRows, toFact } from './measurement.repository.ts';
import { MEASURE_CATEGORY } from './measurement.routes.ts';
import { ClientMeasuresDto, MeasureSummaryDto, SummaryQuery } from './measurement.schema.ts';
import { clientMeasures, MIN_GROUP_SIZE, summariseMeasures } from './measures.ts';

const tags = ['measures'];

async function definitions(trx: Parameters<typeof latestInstruments>[0], codes: string[], ids: string[]) {
  const latest = await latestInstruments(trx, codes);
  const byId = await instrumentsByIds(trx, ids);
  return {
    latestByCode: new Map<string, InstrumentDefinition>([...latest].map(([code, i]) => [code, i.definition])),
    byId: new Map<string, InstrumentDefinition>([...byId].map(([id, i]) => [id, i.definition])),
  };
}

const client = defineRoute({
  method: 'GET',
  url: '/api/clients/:id/measures',
  summary:
    'A client’s baseline and follow-ups per instrument with the change; scores only where the instrument allows',
  tags,
  action: 'measure.read',
  audit: 'ClientMeasuresRead',
  params: IdParams,
  response: ClientMeasuresDto,
  subject: async ({ params }) => ({ kind: 'client', clientId: params.id }),
  async handler({ trx, actor, params, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const rows = await access.filter('measure.read', await clientMeasurementRows(trx, params.id), (m) => ({
      clientId: m.client_id,
      controllerOrganisationId: m.organisation_id,
      category: MEASURE_CATEGORY,
    }));
    const defs = await definitions(
      trx,
      rows.map((r) => r.instrument_code),
      rows.flatMap((r) => (r.instrument_id ? [r.instrument_id] : [])),
    );
    const caseIds = [...new Set(rows.map((r) => r.case_id))];
    audit.metadata.count = rows.length;
    audit.disclosures.push(...access.disclosures());
    return {
      cases: caseIds.map((caseId) => {
        const ofCase = rows.filter((r) => r.case_id === caseId);
        const first = ofCase[0]!;
        return {
          caseId,
          openedOn: first.opened_on,
          closedOn: first.closed_on,
          instruments: clientMeasures(ofCase.map(toFact), defs.latestByCode, defs.byId),
        };
      }),
    };
  },
});

const summary = defineRoute({
  method: 'GET',
  url: '/api/measures/summary',
  summary:
    'Change (n with baseline and follow-up, means) and response rate per instrument, round and month, for ' +
    'measurements due in the period; aggregates only, means over fewer than 5 people suppressed',
  tags,
  action: 'report.read',
  audit: 'MeasureSummaryRead',
  querystring: SummaryQuery,
  response: MeasureSummaryDto,
  async handler({ trx, query, now, audit }) {
    const to = query.to ?? finnishDate(now);
    const from = query.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
    const rows = await summaryRows(trx, {
      from,
      to,
      pathwayId: query.pathwayId,
      organisationId: query.organisationId,
    });
    const defs = await definitions(
      trx,
      rows.map((r) => r.instrument_code),
      [],
    );
    const instruments = summariseMeasures(rows.map(toFact), defs.latestByCode, { from, to });
    audit.metadata.measurements = rows.length;
    if (query.pathwayId) audit.metadata.pathwayId = query.pathwayId;
    if (query.organisationId) audit.metadata.organisationId = query.organisationId;
    return { from, to, minGroupSize: MIN_GROUP_SIZE, instruments };
  },
});

export const measuresRoutes = [client, summary];
