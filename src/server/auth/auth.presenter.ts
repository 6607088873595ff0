import type { Trx } from '../db/database.ts';
import type { Actor } from '../policy/actor.ts';
import type { SessionDto } from './auth.schema.ts';
import { activeMemberships, permittedActions } from './auth.service.ts';

export async function presentSession(
  trx: Trx,
  actor: Actor,
  csrfToken: string,
  oidcEnabled: boolean,
): Promise<SessionDto> {
  const user = await trx
    .selectFrom('app_user')
    .where('id', '=', actor.userId)
    .select(['id', 'email', 'first_name', 'last_name'])
    .executeTakeFirstOrThrow();
  const memberships = (await activeMemberships(trx, actor.userId)).map((m) => ({
    id: m.id,
    organisationId: m.organisation_id,
    organisationName: m.organisation_name,
    role: m.role,
  }));
  const membership = memberships.find((m) => m.id === actor.membershipId);
  if (!membership) throw new Error('session membership is not active');
  return {
    authenticated: true,
    csrfToken,
    user: { id: user.id, email: user.email, firstName: user.first_name, lastName: user.last_name },
    membership,
    memberships,
    permittedActions: permittedActions(actor),
    oidcEnabled,
  };
}
