import { type Action, type ActionRule, ruleOf } from './actions.ts';
import type { Actor } from './actor.ts';
import { BREAK_GLASS_ROLES, type Role } from './roles.ts';

/** What the database knows about the actor's organisation and one client (see client-access.ts). */
export interface ClientFacts {
  clientId: string;
  /** Bases of the actor organisation's care relationship to the client; empty when there is none. */
  relationships: readonly string[];
  /** The organisation that controls the record being read (for basic data: the registering one). */
  controllerOrganisationId: string;
  /** An active consent covers disclosure of this record from its controller to the actor's organisation. */
  consentId: string | null;
  /** The actor has an unexpired break-glass access to this client. */
  breakGlass: boolean;
}

export type Basis =
  | 'public'
  | 'session'
  | 'role'
  | 'own_organisation'
  | 'care_relationship'
  | 'consent'
  | 'break_glass';
export type DenialReason = 'unauthenticated' | 'role' | 'no_relationship' | 'no_consent';

export type Decision =
  | { allowed: true; basis: Basis; consentId?: string }
  | { allowed: false; reason: DenialReason };

const allow = (basis: Basis, consentId?: string): Decision =>
  consentId ? { allowed: true, basis, consentId } : { allowed: true, basis };
const deny = (reason: DenialReason): Decision => ({ allowed: false, reason });

function roleAllowed(rule: ActionRule, role: Role): boolean {
  return !('roles' in rule) || rule.roles.includes(role);
}

export function canBreakGlass(role: Role): boolean {
  return (BREAK_GLASS_ROLES as readonly Role[]).includes(role);
}

/**
 * The whole access rule: role, then care relationship (or break-glass), then consent when another
 * organisation controls the record. Pure, so that every combination is tested without a database.
 */
export function decide(actor: Actor | null, action: Action, facts?: ClientFacts): Decision {
  const rule = ruleOf(action);
  if (rule.scope === 'public') return allow('public');
  if (!actor) return deny('unauthenticated');
  if (rule.scope === 'authenticated') return allow('session');
  if (!roleAllowed(rule, actor.role)) return deny('role');
  if (rule.scope === 'role') return allow('role');
  if (!facts) throw new Error(`Action ${action} needs the client's facts`);

  const breakGlass = rule.breakGlass && facts.breakGlass && canBreakGlass(actor.role);
  if (facts.relationships.length === 0) return breakGlass ? allow('break_glass') : deny('no_relationship');
  if (facts.controllerOrganisationId === actor.organisationId) return allow('own_organisation');
  if (!rule.consent) return allow('care_relationship');
  if (facts.consentId) return allow('consent', facts.consentId);
  return breakGlass ? allow('break_glass') : deny('no_consent');
}
