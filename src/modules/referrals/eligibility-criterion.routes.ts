import { defineRoute } from '../../server/http/route.ts';
import { CriteriaBody, CriteriaListDto, CriteriaQuery } from './eligibility-criterion.schema.ts';
import { changeCriteria, loadCriteriaList } from './eligibility-criterion.service.ts';

const tags = ['eligibility'];

const list = defineRoute({
  method: 'GET',
  url: '/api/eligibility-criteria',
  summary:
    'Eligibility criteria of a team (?teamId=: its own list or the network default), or the network default',
  tags,
  action: 'eligibilityCriterion.list',
  audit: 'EligibilityCriterionList',
  querystring: CriteriaQuery,
  response: CriteriaListDto,
  async handler({ trx, query, audit }) {
    if (query.teamId) audit.targetId = query.teamId;
    return loadCriteriaList(trx, query.teamId ?? null);
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/eligibility-criteria',
  summary:
    'Replace a team’s own criteria (?teamId=; an empty list returns to the default) or the network default (admin)',
  tags,
  action: 'eligibilityCriterion.update',
  audit: 'EligibilityCriterionUpdate',
  querystring: CriteriaQuery,
  body: CriteriaBody,
  response: CriteriaListDto,
  async handler({ trx, actor, query, body, now, audit }) {
    audit.targetId = query.teamId ?? 'network';
    audit.metadata.count = body.criteria.length;
    await changeCriteria(trx, actor, query.teamId ?? null, body, now);
    return loadCriteriaList(trx, query.teamId ?? null);
  },
});

export const eligibilityCriterionRoutes = [list, update];
