import { z } from 'zod';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { recordAccess } from '../../server/policy/client-access.ts';
import { presentScreening } from './screening.presenter.ts';
import { findScreening, listClientScreenings } from './screening.repository.ts';
import { ScreeningBody, ScreeningCreatedDto, ScreeningDto } from './screening.schema.ts';
import { recordScreening } from './screening.service.ts';

const tags = ['screenings'];

const create = defineRoute({
  method: 'POST',
  url: '/api/screenings',
  summary:
    'Record that work ability was brought up with a client (check-list, notes, outcome); may register the client',
  tags,
  action: 'screening.create',
  audit: 'ScreeningCreate',
  body: ScreeningBody,
  response: ScreeningCreatedDto,
  status: 201,
  async handler({ trx, actor, body, now, audit }) {
    const result = await recordScreening(trx, actor, body, now);
    audit.targetId = result.id;
    audit.clientIds.push(result.clientId);
    audit.metadata.clientRegistered = result.registered;
    // A screening of a person registered by another organisation opens access: flagged for review.
    audit.metadata.registeredElsewhere = result.registeredElsewhere;
    const row = (await findScreening(trx, result.id))!;
    return { ...presentScreening(row), clientRegistered: result.registered };
  },
});

const read = defineRoute({
  method: 'GET',
  url: '/api/screenings/:id',
  summary: 'One screening',
  tags,
  action: 'screening.read',
  audit: 'ScreeningRead',
  params: IdParams,
  response: ScreeningDto,
  subject: async ({ trx, params }) => {
    const s = await findScreening(trx, params.id);
    return s
      ? {
          kind: 'client',
          clientId: s.client_id,
          record: { controllerOrganisationId: s.organisation_id, category: 'assessment' },
        }
      : null;
  },
  async handler({ trx, params, audit }) {
    audit.targetId = params.id;
    return presentScreening((await findScreening(trx, params.id))!);
  },
});

const list = defineRoute({
  method: 'GET',
  url: '/api/clients/:id/screenings',
  summary: 'A client’s screenings that you may see, newest first',
  tags,
  action: 'screening.list',
  audit: 'ScreeningList',
  params: IdParams,
  response: z.array(ScreeningDto),
  subject: async ({ params }) => ({ kind: 'client', clientId: params.id }),
  async handler({ trx, actor, params, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const rows = await access.filter('screening.read', await listClientScreenings(trx, params.id), (s) => ({
      clientId: s.client_id,
      controllerOrganisationId: s.organisation_id,
      category: 'assessment',
    }));
    audit.metadata.count = rows.length;
    audit.disclosures.push(...access.disclosures());
    return rows.map(presentScreening);
  },
});

export const screeningRoutes = [create, read, list];
