import { createBrowserRouter, RouterProvider } from 'react-router';
import { adminRoutes } from './admin/routes.tsx';
import { auditRoutes } from './audit/routes.tsx';
import { clientPathRoutes } from './cases/routes.tsx';
import { ClientPage } from './clients/client-page.tsx';
import { ClientSearchPage } from './clients/client-search-page.tsx';
import { EditClientPage } from './clients/edit-client-page.tsx';
import { RegisterClientPage } from './clients/register-client-page.tsx';
import { supportedEmploymentRoutes, workTrialFeedbackRoute } from './coaching/routes.tsx';
import { AddConsentPage } from './consents/add-consent-page.tsx';
import { FrontPage } from './home/front-page.tsx';
import { Layout } from './layout/layout.tsx';
import { planRoutes, questionnaireRoute } from './plans/routes.tsx';
import { reportRoutes } from './reports/routes.tsx';
import { Loading, NotFoundPage, RequireAction, RouteError } from './shared/page.tsx';

const router = createBrowserRouter([
  {
    element: <Layout />,
    // Shown while a page that is loaded on demand (administration, logs) arrives on a fresh page load.
    hydrateFallbackElement: <Loading />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <FrontPage /> },
      {
        path: 'clients',
        element: (
          <RequireAction action="client.search">
            <ClientSearchPage />
          </RequireAction>
        ),
      },
      {
        path: 'clients/new',
        element: (
          <RequireAction action="client.create">
            <RegisterClientPage />
          </RequireAction>
        ),
      },
      {
        path: 'clients/:id',
        element: (
          <RequireAction action="client.read">
            <ClientPage />
          </RequireAction>
        ),
      },
      {
        path: 'clients/:id/edit',
        element: (
          <RequireAction action="client.update">
            <EditClientPage />
          </RequireAction>
        ),
      },
      {
        path: 'clients/:id/consents/new',
        element: (
          <RequireAction action="consent.create">
            <AddConsentPage />
          </RequireAction>
        ),
      },
      ...adminRoutes,
      ...auditRoutes,
      ...clientPathRoutes,
      ...planRoutes,
      ...reportRoutes,
      ...supportedEmploymentRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  questionnaireRoute,
  workTrialFeedbackRoute,
]);

export function App() {
  return <RouterProvider router={router} />;
}
