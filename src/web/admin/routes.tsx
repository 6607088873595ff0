import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAction } from '../shared/page.tsx';

/** A page loaded when first opened: administration is a small part of the users' day. */
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

const organisations = () => import('./organisations-page.tsx');
const teams = () => import('./teams-page.tsx');
const users = () => import('./users-page.tsx');

/** Administration: organisations, teams and users (admins). */
export const adminRoutes: RouteObject[] = [
  page('admin/organisations', 'organisation.create', async () => (await organisations()).OrganisationsPage),
  page(
    'admin/organisations/new',
    'organisation.create',
    async () => (await organisations()).OrganisationFormPage,
  ),
  page(
    'admin/organisations/:id/edit',
    'organisation.update',
    async () => (await organisations()).OrganisationFormPage,
  ),
  page('admin/teams', 'team.create', async () => (await teams()).TeamsPage),
  page('admin/teams/new', 'team.create', async () => (await teams()).TeamFormPage),
  page('admin/teams/:id/edit', 'team.update', async () => (await teams()).TeamFormPage),
  page('admin/users', 'user.list', async () => (await users()).UsersPage),
  page('admin/users/new', 'user.create', async () => (await users()).NewUserPage),
  page('admin/users/:id/edit', 'user.update', async () => (await users()).EditUserPage),
];
