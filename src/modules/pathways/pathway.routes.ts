import { z } from 'zod';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { PathwayBody, PathwayDto, PathwayQuery, PathwayUpdateBody } from './pathway.schema.ts';
import { changePathway, createPathway, listPathways, loadPathway } from './pathway.service.ts';

const tags = ['pathways'];

const list = defineRoute({
  method: 'GET',
  url: '/api/pathways',
  summary: 'Pathways and their phases in order (active ones unless includeInactive=true)',
  tags,
  action: 'pathway.list',
  audit: 'PathwayList',
  querystring: PathwayQuery,
  response: z.array(PathwayDto),
  async handler({ trx, query, audit }) {
    const pathways = await listPathways(trx, query.includeInactive);
    audit.metadata.count = pathways.length;
    return pathways;
  },
});

const create = defineRoute({
  method: 'POST',
  url: '/api/pathways',
  summary: 'Add a pathway with its phases (admin)',
  tags,
  action: 'pathway.create',
  audit: 'PathwayCreate',
  body: PathwayBody,
  response: PathwayDto,
  status: 201,
  async handler({ trx, actor, body, now, audit }) {
    const id = await createPathway(trx, actor, body, now);
    audit.targetId = id;
    return loadPathway(trx, id);
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/pathways/:id',
  summary: 'Change a pathway: names, stale limit, active, and its phases in order (admin)',
  tags,
  action: 'pathway.update',
  audit: 'PathwayUpdate',
  params: IdParams,
  body: PathwayUpdateBody,
  response: PathwayDto,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    await changePathway(trx, actor, params.id, body, now);
    return loadPathway(trx, params.id);
  },
});

export const pathwayRoutes = [list, create, update];
