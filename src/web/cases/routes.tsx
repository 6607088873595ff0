import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAction } from '../shared/page.tsx';

/** A page of the client path, loaded when first opened, shown to roles that may take its action. */
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

const screening = () => import('../screenings/screening-page.tsx');
const referralForm = () => import('../referrals/referral-form-page.tsx');
const referrals = () => import('../referrals/referrals-page.tsx');
const referral = () => import('../referrals/referral-page.tsx');
const casePage = () => import('./case-page.tsx');
const pathways = () => import('../pathways/pathways-page.tsx');
const criteria = () => import('../pathways/criteria-page.tsx');
const codes = () => import('../pathways/codes-page.tsx');

/** The client's path (issue 3): screening, referral, decision, case; and its administration. */
export const clientPathRoutes: RouteObject[] = [
  page('screenings/new', 'screening.create', async () => (await screening()).ScreeningPage),
  page('clients/:id/screenings/new', 'screening.create', async () => (await screening()).ScreeningPage),
  page('clients/:id/referrals/new', 'referral.create', async () => (await referralForm()).ReferralFormPage),
  page('referrals', 'referral.list', async () => (await referrals()).ReferralsPage),
  page('referrals/:id', 'referral.read', async () => (await referral()).ReferralPage),
  page('cases/:id', 'case.read', async () => (await casePage()).CasePage),
  page('admin/pathways', 'pathway.create', async () => (await pathways()).PathwaysPage),
  page('admin/pathways/new', 'pathway.create', async () => (await pathways()).PathwayFormPage),
  page('admin/pathways/:id/edit', 'pathway.update', async () => (await pathways()).PathwayFormPage),
  page(
    'admin/eligibility-criteria',
    'eligibilityCriterion.update',
    async () => (await criteria()).CriteriaPage,
  ),
  page('admin/client-path-codes', 'codeList.update', async () => (await codes()).CodesPage),
];
