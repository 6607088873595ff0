import { z } from 'zod';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { recordAccess } from '../../server/policy/client-access.ts';
import { TimelineEntryDto } from './timeline.schema.ts';
import { clientTimeline } from './timeline.service.ts';

const timeline = defineRoute({
  method: 'GET',
  url: '/api/clients/:id/timeline',
  summary:
    'Everything about the client that you may see, newest first, each entry with its organisation of origin',
  tags: ['timeline'],
  action: 'client.timeline',
  audit: 'ClientTimelineRead',
  params: IdParams,
  response: z.array(TimelineEntryDto),
  subject: async ({ params }) => ({ kind: 'client', clientId: params.id }),
  async handler({ trx, actor, params, now, audit }) {
    const access = recordAccess(trx, actor, now);
    const entries = await clientTimeline(trx, access, params.id, now);
    audit.metadata.count = entries.length;
    audit.disclosures.push(...access.disclosures());
    return entries;
  },
});

export const timelineRoutes = [timeline];
