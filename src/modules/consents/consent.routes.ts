import { z } from 'zod';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { presentConsent } from './consent.presenter.ts';
import { findConsent, listClientConsents } from './consent.repository.ts';
import { ConsentBody, ConsentDto, WithdrawBody } from './consent.schema.ts';
import { recordConsent, withdrawConsent } from './consent.service.ts';

const tags = ['consents'];

const list = defineRoute({
  method: 'GET',
  url: '/api/clients/:id/consents',
  summary: 'A client’s consents to disclose data, withdrawn and expired ones included',
  tags,
  action: 'consent.list',
  audit: 'ConsentList',
  params: IdParams,
  response: z.array(ConsentDto),
  subject: async ({ params }) => ({ kind: 'client', clientId: params.id }),
  async handler({ trx, params, now, audit }) {
    const rows = await listClientConsents(trx, params.id);
    audit.metadata.count = rows.length;
    return rows.map((c) => presentConsent(c, now));
  },
});

const create = defineRoute({
  method: 'POST',
  url: '/api/clients/:id/consents',
  summary: 'Record a client’s consent to disclose data from one organisation to another',
  tags,
  action: 'consent.create',
  audit: 'ConsentCreate',
  params: IdParams,
  body: ConsentBody,
  response: ConsentDto,
  status: 201,
  subject: async ({ params }) => ({ kind: 'client', clientId: params.id }),
  async handler({ trx, actor, params, body, now, audit }) {
    const id = await recordConsent(trx, actor, params.id, body, now);
    audit.targetId = id;
    return presentConsent((await findConsent(trx, id))!, now);
  },
});

const withdraw = defineRoute({
  method: 'POST',
  url: '/api/consents/:id/withdraw',
  summary: 'Withdraw a consent; effective immediately',
  tags,
  action: 'consent.withdraw',
  audit: 'ConsentWithdraw',
  params: IdParams,
  body: WithdrawBody,
  response: ConsentDto,
  subject: async ({ trx, params }) => {
    const consent = await findConsent(trx, params.id);
    return consent ? { kind: 'client', clientId: consent.client_id } : null;
  },
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    await withdrawConsent(trx, actor, params.id, body, now);
    return presentConsent((await findConsent(trx, params.id))!, now);
  },
});

export const consentRoutes = [list, create, withdraw];
