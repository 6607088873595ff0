import { z } from 'zod';
import { defineRoute } from './route.ts';

const openapi = defineRoute({
  method: 'GET',
  url: '/api/openapi.json',
  summary: 'This API as OpenAPI 3.1',
  tags: ['system'],
  action: 'system.apiDocs',
  audit: 'ApiDocsRead',
  response: z.record(z.string(), z.unknown()),
  async handler({ request }) {
    return request.server.swagger() as unknown as Record<string, unknown>;
  },
});

export const apiDocsRoutes = [openapi];
