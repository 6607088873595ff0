import type { RouteObject } from 'react-router';
import { RequireAction } from '../shared/page.tsx';

/** The team report (managers, coordinators); loaded when first opened, with its charts. */
export const reportRoutes: RouteObject[] = [
  {
    path: 'reports',
    lazy: async () => {
      const { ReportPage } = await import('./report-page.tsx');
      return {
        element: (
          <RequireAction action="report.read">
            <ReportPage />
          </RequireAction>
        ),
      };
    },
  },
];
