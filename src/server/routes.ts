import { clientRoutes } from '../modules/clients/client.routes.ts';
import { codeListRoutes } from '../modules/code-lists/code-list.routes.ts';
import { consentRoutes } from '../modules/consents/consent.routes.ts';
import { healthRoutes } from '../modules/health/health.routes.ts';
import { organisationRoutes } from '../modules/organisations/organisation.routes.ts';
import { userRoutes } from '../modules/users/user.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import type { Route } from './http/route.ts';

/** Every module's routes. A capability is added here and nowhere else. */
export const allRoutes: readonly Route[] = [
  ...healthRoutes,
  ...authRoutes,
  ...codeListRoutes,
  ...organisationRoutes,
  ...userRoutes,
  ...clientRoutes,
  ...consentRoutes,
  ...auditRoutes,
];
