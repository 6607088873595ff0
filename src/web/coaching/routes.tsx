import './employment.css';
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { Loading, RequireAction, RouteError } from '../shared/page.tsx';

/** A page loaded when first opened, shown to the roles that may take its action. */
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

const coaching = () => import('./coaching-page.tsx');
const caseload = () => import('./caseload-page.tsx');
const start = () => import('./start-coaching-page.tsx');
const workTrials = () => import('../work-trials/work-trial-page.tsx');
const newWorkTrial = () => import('../work-trials/work-trial-form-page.tsx');
const employers = () => import('../employers/employers-page.tsx');
const employer = () => import('../employers/employer-page.tsx');
const contacts = () => import('../employers/employer-contacts-page.tsx');
const fidelity = () => import('../fidelity/fidelity-page.tsx');
const review = () => import('../fidelity/review-page.tsx');

/** Supported employment for signed-in users: coaching, employers, work trials and fidelity reviews. */
export const supportedEmploymentRoutes: RouteObject[] = [
  page('coaching', 'coaching.caseload', async () => (await caseload()).CaseloadPage),
  page('coaching/:id', 'coaching.read', async () => (await coaching()).CoachingPage),
  page('cases/:caseId/coaching/new', 'coaching.create', async () => (await start()).StartCoachingPage),
  page(
    'coaching/:id/work-trials/new',
    'workTrial.create',
    async () => (await newWorkTrial()).NewWorkTrialPage,
  ),
  page('work-trials/:id', 'workTrial.read', async () => (await workTrials()).WorkTrialPage),
  page('employers', 'employer.list', async () => (await employers()).EmployersPage),
  page('employers/new', 'employer.create', async () => (await employers()).NewEmployerPage),
  page('employers/:id', 'employer.read', async () => (await employer()).EmployerPage),
  page('employer-contacts', 'employerContact.list', async () => (await contacts()).EmployerContactsPage),
  page('employer-contacts/new', 'employerContact.create', async () => (await contacts()).LogContactPage),
  page('fidelity', 'fidelity.read', async () => (await fidelity()).FidelityPage),
  page('fidelity/teams/:id', 'fidelity.read', async () => (await fidelity()).TeamFidelityPage),
  page('fidelity/reviews/:id', 'fidelity.read', async () => (await review()).ReviewPage),
];

/**
 * The work-trial supervisor's feedback form (/f/<token> in the e-mail): outside the signed-in frame, no login.
 */
export const workTrialFeedbackRoute: RouteObject = {
  path: 'f/:token',
  hydrateFallbackElement: <Loading />,
  errorElement: <RouteError />,
  lazy: async () => {
    const { FeedbackPage } = await import('../work-trials/feedback-page.tsx');
    return { element: <FeedbackPage /> };
  },
};
