import { z } from 'zod';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { presentOrganisation, presentTeam } from './organisation.presenter.ts';
import { listOrganisations, listTeams } from './organisation.repository.ts';
import {
  OrganisationBody,
  OrganisationDto,
  OrganisationUpdateBody,
  TeamBody,
  TeamDto,
  TeamQuery,
  TeamUpdateBody,
} from './organisation.schema.ts';
import { changeOrganisation, changeTeam, createOrganisation, createTeam } from './organisation.service.ts';

const tags = ['organisations'];

const list = defineRoute({
  method: 'GET',
  url: '/api/organisations',
  summary: 'Organisations of the network',
  tags,
  action: 'organisation.list',
  audit: 'OrganisationList',
  response: z.array(OrganisationDto),
  async handler({ trx, audit }) {
    const rows = await listOrganisations(trx);
    audit.metadata.count = rows.length;
    return rows.map(presentOrganisation);
  },
});

const create = defineRoute({
  method: 'POST',
  url: '/api/organisations',
  summary: 'Add an organisation to the network',
  tags,
  action: 'organisation.create',
  audit: 'OrganisationCreate',
  body: OrganisationBody,
  response: OrganisationDto,
  status: 201,
  async handler({ trx, actor, body, audit }) {
    const row = await createOrganisation(trx, actor, body);
    audit.targetId = row.id;
    return presentOrganisation(row);
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/organisations/:id',
  summary: 'Change or deactivate an organisation',
  tags,
  action: 'organisation.update',
  audit: 'OrganisationUpdate',
  params: IdParams,
  body: OrganisationUpdateBody,
  response: OrganisationDto,
  async handler({ trx, actor, params, body, audit }) {
    audit.targetId = params.id;
    return presentOrganisation(await changeOrganisation(trx, actor, params.id, body));
  },
});

const teams = defineRoute({
  method: 'GET',
  url: '/api/teams',
  summary: 'Teams, optionally of one organisation',
  tags,
  action: 'team.list',
  audit: 'TeamList',
  querystring: TeamQuery,
  response: z.array(TeamDto),
  async handler({ trx, query, audit }) {
    const rows = await listTeams(trx, query.organisationId);
    audit.metadata.count = rows.length;
    return rows.map(presentTeam);
  },
});

const teamCreate = defineRoute({
  method: 'POST',
  url: '/api/teams',
  summary: 'Add a team to an organisation',
  tags,
  action: 'team.create',
  audit: 'TeamCreate',
  body: TeamBody,
  response: TeamDto,
  status: 201,
  async handler({ trx, actor, body, audit }) {
    const team = await createTeam(trx, actor, body);
    audit.targetId = team.id;
    return presentTeam(team);
  },
});

const teamUpdate = defineRoute({
  method: 'PUT',
  url: '/api/teams/:id',
  summary: 'Change a team and its members',
  tags,
  action: 'team.update',
  audit: 'TeamUpdate',
  params: IdParams,
  body: TeamUpdateBody,
  response: TeamDto,
  async handler({ trx, actor, params, body, audit }) {
    audit.targetId = params.id;
    return presentTeam(await changeTeam(trx, actor, params.id, body));
  },
});

export const organisationRoutes = [list, create, update, teams, teamCreate, teamUpdate];
