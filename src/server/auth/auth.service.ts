import type { Trx } from '../db/database.ts';
import { ACTIONS, type Action } from '../policy/actions.ts';
import type { Actor } from '../policy/actor.ts';
import { decide } from '../policy/rules.ts';

export async function findLoginUser(trx: Trx, email: string) {
  return trx
    .selectFrom('app_user')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .select(['id', 'password_hash', 'active'])
    .executeTakeFirst();
}

/** Active memberships in active organisations, the user's first (by organisation name) as default. */
export async function activeMemberships(trx: Trx, userId: string) {
  return trx
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .where('m.user_id', '=', userId)
    .where('m.active', '=', true)
    .where('o.active', '=', true)
    .select(['m.id', 'm.organisation_id', 'o.name as organisation_name', 'm.role'])
    .orderBy('o.name')
    .orderBy('m.role')
    .execute();
}

/** Actions the role could ever be allowed (relationship and consent still decide per client). */
export function permittedActions(actor: Actor): Action[] {
  return (Object.keys(ACTIONS) as Action[]).filter((action) => {
    const rule = ACTIONS[action];
    if (rule.scope === 'public') return false;
    if (rule.scope === 'client') return (rule.roles as readonly string[]).includes(actor.role);
    return decide(actor, action).allowed;
  });
}
