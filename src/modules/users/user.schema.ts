import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../../server/auth/password.ts';
import { Text } from '../../server/http/schemas.ts';
import { ROLES } from '../../server/policy/roles.ts';

export const MembershipInput = z.object({ organisationId: z.uuid(), role: z.enum(ROLES) });

const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `At least ${PASSWORD_MIN_LENGTH} characters` })
  .max(256);

export const UserBody = z.object({
  email: z.email().trim().max(254),
  firstName: Text(100),
  lastName: Text(100),
  password: Password.optional(),
  oidcSubject: z.string().trim().max(255).optional(),
  memberships: z.array(MembershipInput).min(1).max(20),
});

export const UserUpdateBody = UserBody.extend({
  active: z.boolean(),
  version: z.number().int().positive(),
});

export const UserQuery = z.object({ organisationId: z.uuid().optional() });

export const UserDto = z.object({
  id: z.uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  active: z.boolean(),
  hasPassword: z.boolean(),
  oidcSubject: z.string().nullable(),
  memberships: z.array(
    z.object({ id: z.uuid(), organisationId: z.uuid(), role: z.enum(ROLES), active: z.boolean() }),
  ),
  version: z.number().int(),
});
export type UserDto = z.infer<typeof UserDto>;
