import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { Loading, RequireAction, RouteError } from '../shared/page.tsx';

/** A page loaded when first opened, shown to roles that may take its action (the server checks each request). */
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

const plan = () => import('./plan-page.tsx');
const outbox = () => import('../outbox/outbox-page.tsx');
const instruments = () => import('../measures/instruments-page.tsx');
const schedule = () => import('../measures/schedule-page.tsx');

/** The joint plan of a case, and the administration of instruments, the schedule and the outbox. */
export const planRoutes: RouteObject[] = [
  page('cases/:caseId/plan', 'plan.read', async () => (await plan()).PlanPage),
  page('admin/instruments', 'instrument.list', async () => (await instruments()).InstrumentsPage),
  page('admin/measurement-schedule', 'measurementSchedule.read', async () => (await schedule()).SchedulePage),
  page('admin/outbox', 'outbox.list', async () => (await outbox()).OutboxPage),
];

/**
 * The client's questionnaire behind a personal link: outside the signed-in frame, no session needed. Every
 * dead link shows the same neutral page.
 */
export const questionnaireRoute: RouteObject = {
  path: 'q/:token',
  hydrateFallbackElement: <Loading />,
  errorElement: <RouteError />,
  lazy: async () => {
    const { QuestionnairePage } = await import('../questionnaire/questionnaire-page.tsx');
    return { element: <QuestionnairePage /> };
  },
};
