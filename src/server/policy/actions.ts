import { CLIENT_WORKER_ROLES, type Role } from './roles.ts';

/**
 * How an action is decided:
 * - public: anyone, no session (logging in, a personal questionnaire link);
 * - authenticated: any signed-in user;
 * - role: the user's role in the active organisation is enough (admin work, own-organisation work);
 * - client: one client's data; needs a care relationship, or break-glass, and — when the record is
 *   controlled by another organisation and `consent` is set — a consent that covers the record.
 */
export type ActionRule =
  | { scope: 'public' }
  | { scope: 'authenticated' }
  | { scope: 'role'; roles: readonly Role[] }
  | { scope: 'client'; roles: readonly Role[]; consent: boolean; breakGlass: boolean };

const workers = CLIENT_WORKER_ROLES;
const admin = ['admin'] as const;

const clientData = (consent: boolean) => ({ scope: 'client', roles: workers, consent, breakGlass: true }) as const;

/** The one catalogue of actions. A route names one of these; the policy decides from this entry. */
export const ACTIONS = {
  'system.health': { scope: 'public' },
  'system.apiDocs': { scope: 'public' },
  'session.create': { scope: 'public' },
  'session.read': { scope: 'public' },
  'session.delete': { scope: 'authenticated' },
  'session.switchMembership': { scope: 'authenticated' },

  'organisation.list': { scope: 'authenticated' },
  'organisation.create': { scope: 'role', roles: admin },
  'organisation.update': { scope: 'role', roles: admin },
  'team.list': { scope: 'authenticated' },
  'team.create': { scope: 'role', roles: admin },
  'team.update': { scope: 'role', roles: admin },
  'user.list': { scope: 'role', roles: admin },
  'user.read': { scope: 'role', roles: admin },
  'user.create': { scope: 'role', roles: admin },
  'user.update': { scope: 'role', roles: admin },
  'codeList.read': { scope: 'authenticated' },

  'client.search': { scope: 'role', roles: workers },
  'client.create': { scope: 'role', roles: workers },
  // Basic data travels with the care relationship itself (a referral or a team needs to know who the client is).
  'client.read': clientData(false),
  'client.update': clientData(false),
  'client.history': clientData(false),
  'client.breakGlass': { scope: 'role', roles: ['physician', 'coordinator'] },
  'consent.list': clientData(false),
  'consent.create': clientData(false),
  'consent.withdraw': clientData(false),

  'audit.list': { scope: 'role', roles: admin },
  'audit.clientAccessLog': { scope: 'role', roles: admin },
  'breakGlass.list': { scope: 'role', roles: admin },
  'breakGlass.review': { scope: 'role', roles: admin },
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof ACTIONS;

export function ruleOf(action: Action): ActionRule {
  return ACTIONS[action];
}
