import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAction } from '../shared/page.tsx';

function page(path: string, action: string, load: () => Promise<() => ReactNode>): RouteObject {
  return {
    path,
    lazy: async () => {
      const Page = await load();
      return {
        element: (
          <RequireAction action={action}>
            <Page />
          </RequireAction>
        ),
      };
    },
  };
}

/** The access log, the client's own log and the review of break-glass accesses (admins); loaded when opened. */
export const auditRoutes: RouteObject[] = [
  page('audit', 'audit.list', async () => (await import('./audit-log-page.tsx')).AuditLogPage),
  page(
    'audit/client-access-log',
    'audit.clientAccessLog',
    async () => (await import('./client-access-log-page.tsx')).ClientAccessLogPage,
  ),
  page(
    'audit/break-glass',
    'breakGlass.list',
    async () => (await import('./break-glass-review-page.tsx')).BreakGlassReviewPage,
  ),
];
