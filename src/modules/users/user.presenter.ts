import type { UserWithMemberships } from './user.repository.ts';
import type { UserDto } from './user.schema.ts';

export function presentUser(u: UserWithMemberships): UserDto {
  return {
    id: u.id,
    email: u.email,
    firstName: u.first_name,
    lastName: u.last_name,
    active: u.active,
    hasPassword: Boolean(u.has_password),
    oidcSubject: u.oidc_subject,
    memberships: u.memberships.map((m) => ({
      id: m.id,
      organisationId: m.organisation_id,
      role: m.role,
      active: m.active,
    })),
    version: u.version,
  };
}
