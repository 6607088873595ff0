import { z } from 'zod';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { presentClient, presentClientSummary } from './client.presenter.ts';
import { clientVersions, searchVisibleClients } from './client.repository.ts';
import {
  BreakGlassBody,
  BreakGlassDto,
  ClientBody,
  ClientDto,
  ClientHistoryDto,
  ClientSearchQuery,
  ClientSummaryDto,
  ClientUpdateBody,
} from './client.schema.ts';
import { breakGlass, changeClient, loadClient, registerClient } from './client.service.ts';
import { parseIdentityCode } from './identity-code.ts';

const tags = ['clients'];
const clientOfParams = async ({ params }: { params: { id: string } }) => ({
  kind: 'client' as const,
  clientId: params.id,
});

const search = defineRoute({
  method: 'GET',
  url: '/api/clients',
  summary: 'Search clients by name or identity code, among those you may see',
  tags,
  action: 'client.search',
  audit: 'ClientSearch',
  querystring: ClientSearchQuery,
  response: z.array(ClientSummaryDto),
  async handler({ trx, actor, query, now, audit }) {
    const parsed = parseIdentityCode(query.q);
    const rows = await searchVisibleClients(
      trx,
      actor,
      now,
      parsed.valid ? { identityCode: parsed.code } : { words: query.q.split(/\s+/).filter(Boolean) },
    );
    audit.metadata.count = rows.length;
    audit.metadata.byIdentityCode = parsed.valid;
    for (const row of rows) {
      audit.clientIds.push(row.id);
      audit.disclosures.push({
        clientId: row.id,
        fromOrganisationId: row.registering_organisation_id,
        categories: ['basic'],
        basis: 'care_relationship',
        consentId: null,
      });
    }
    return rows.map((r) => presentClientSummary(r, now));
  },
});

const create = defineRoute({
  method: 'POST',
  url: '/api/clients',
  summary: 'Register a client with a Finnish personal identity code',
  tags,
  action: 'client.create',
  audit: 'ClientCreate',
  body: ClientBody,
  response: ClientDto,
  status: 201,
  async handler({ trx, actor, body, now, audit }) {
    const id = await registerClient(trx, actor, body, now);
    audit.targetId = id;
    audit.clientIds.push(id);
    return presentClient(await loadClient(trx, id), now, 'own_organisation');
  },
});

const read = defineRoute({
  method: 'GET',
  url: '/api/clients/:id',
  summary: 'A client’s basic data',
  tags,
  action: 'client.read',
  audit: 'ClientRead',
  params: IdParams,
  response: ClientDto,
  subject: clientOfParams,
  async handler({ trx, params, now, decision }) {
    return presentClient(await loadClient(trx, params.id), now, decision.basis);
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/clients/:id',
  summary: 'Change a client’s basic data (carries the version it started from)',
  tags,
  action: 'client.update',
  audit: 'ClientUpdate',
  params: IdParams,
  body: ClientUpdateBody,
  response: ClientDto,
  subject: clientOfParams,
  async handler({ trx, actor, params, body, now, decision }) {
    await changeClient(trx, actor, params.id, body, now);
    return presentClient(await loadClient(trx, params.id), now, decision.basis);
  },
});

const history = defineRoute({
  method: 'GET',
  url: '/api/clients/:id/history',
  summary: 'Earlier versions of a client’s basic data: who changed what and when',
  tags,
  action: 'client.history',
  audit: 'ClientHistoryRead',
  params: IdParams,
  response: ClientHistoryDto,
  subject: clientOfParams,
  async handler({ trx, params }) {
    const versions = await clientVersions(trx, params.id);
    const current = await loadClient(trx, params.id);
    const snapshots = [...versions.map((v) => v.data), current as unknown as Record<string, unknown>];
    const ignored = new Set(['version', 'updated_at', 'updated_by', 'registering_organisation_name']);
    return versions.map((v, i) => {
      const before = snapshots[i]!;
      const after = snapshots[i + 1]!;
      return {
        version: v.version + 1,
        changedAt: new Date(v.changed_at).toISOString(),
        changedBy: v.first_name ? `${v.first_name} ${v.last_name}` : null,
        changedFields: Object.keys(before).filter(
          (k) => !ignored.has(k) && JSON.stringify(before[k]) !== JSON.stringify(normalise(after[k])),
        ),
      };
    });
  },
});

function normalise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

const breakGlassRoute = defineRoute({
  method: 'POST',
  url: '/api/clients/break-glass',
  summary: 'Emergency access to a client without a care relationship; needs a reason and is reviewed',
  tags,
  action: 'client.breakGlass',
  audit: 'ClientBreakGlass',
  body: BreakGlassBody,
  response: BreakGlassDto,
  status: 201,
  purpose: 'break_glass',
  async handler({ trx, actor, body, now, audit }) {
    const access = await breakGlass(trx, actor, body.identityCode, body.reason, now);
    audit.clientIds.push(access.clientId);
    audit.targetId = access.clientId;
    audit.breakGlass = true;
    return { clientId: access.clientId, expiresAt: access.expiresAt.toISOString() };
  },
});

export const clientRoutes = [search, create, breakGlassRoute, read, update, history];
