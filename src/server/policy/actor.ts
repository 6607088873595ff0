import type { Role } from './roles.ts';

/** The signed-in professional acting in one organisation and role (the session's active membership). */
export interface Actor {
  userId: string;
  membershipId: string;
  organisationId: string;
  role: Role;
  sessionTokenHash: string;
}
