import { z } from 'zod';
import { ROLES } from '../policy/roles.ts';

export const LoginBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export const SwitchMembershipBody = z.object({ membershipId: z.uuid() });

export const MembershipDto = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  role: z.enum(ROLES),
});

export const SessionDto = z.discriminatedUnion('authenticated', [
  z.object({
    authenticated: z.literal(true),
    csrfToken: z.string(),
    user: z.object({ id: z.uuid(), email: z.string(), firstName: z.string(), lastName: z.string() }),
    membership: MembershipDto,
    memberships: z.array(MembershipDto),
    /** The actions the user's role may take at all; the UI hides what is never allowed. */
    permittedActions: z.array(z.string()),
    oidcEnabled: z.boolean(),
  }),
  z.object({ authenticated: z.literal(false), csrfToken: z.string(), oidcEnabled: z.boolean() }),
]);
export type SessionDto = z.infer<typeof SessionDto>;
