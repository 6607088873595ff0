import { describe, expect, it, vi } from 'vitest';
import { ACTIONS, type Action, type ActionRule } from './actions.ts';
import type { Actor } from './actor.ts';
import { ROLES, type Role } from './roles.ts';
import { type ClientFacts, type Decision, decide } from './rules.ts';

/**
 * The catalogue has no client action that needs consent yet (client basic data travels with the care
 * relationship). `decide` reads the rule from the catalogue, so the test adds two test-only actions
 * beside the real ones: a consent-requiring record, and one that break-glass never opens.
 */
const CONSENT_RECORD = 'test.consentRecord' as Action;
const NO_BREAK_GLASS = 'test.noBreakGlass' as Action;
vi.mock(import('./actions.ts'), async (importOriginal) => {
  const real = await importOriginal();
  const { CLIENT_WORKER_ROLES } = await import('./roles.ts');
  const extra: Record<string, ActionRule> = {
    'test.consentRecord': { scope: 'client', roles: CLIENT_WORKER_ROLES, consent: true, breakGlass: true },
    'test.noBreakGlass': { scope: 'client', roles: CLIENT_WORKER_ROLES, consent: true, breakGlass: false },
  };
  return { ...real, ruleOf: (action: Action) => extra[action] ?? real.ruleOf(action) };
});

// Role families, written out by hand: a new role must be placed in one of them.
const BREAK_GLASS_WORKERS: Role[] = ['physician', 'coordinator'];
const OTHER_WORKERS: Role[] = [
  'nurse',
  'social_worker',
  'employment_advisor',
  'kela_advisor',
  'job_coach',
  'ngo_worker',
];
const NO_CLIENT_DATA: Role[] = ['manager', 'admin'];
const WORKERS = [...BREAK_GLASS_WORKERS, ...OTHER_WORKERS];

const OWN_ORG = '00000000-0000-4000-8000-00000000000a';
const OTHER_ORG = '00000000-0000-4000-8000-00000000000b';
const CONSENT_ID = '00000000-0000-4000-8000-0000000000c1';

const actorAs = (role: Role): Actor => ({
  userId: '00000000-0000-4000-8000-000000000001',
  membershipId: '00000000-0000-4000-8000-000000000002',
  organisationId: OWN_ORG,
  role,
  sessionTokenHash: 'hash',
});

type Relationship = 'none' | 'registered' | 'referral' | 'team';
type Controller = 'own' | 'other';
type ConsentFact = 'none' | 'covering';

interface Case {
  role: Role;
  relationship: Relationship;
  controller: Controller;
  consent: ConsentFact;
  breakGlass: boolean;
}

function factsOf(c: Case): ClientFacts {
  return {
    clientId: '00000000-0000-4000-8000-0000000000d1',
    relationships: c.relationship === 'none' ? [] : [c.relationship],
    controllerOrganisationId: c.controller === 'own' ? OWN_ORG : OTHER_ORG,
    consentId: c.consent === 'covering' ? CONSENT_ID : null,
    breakGlass: c.breakGlass,
  };
}

const ALLOW = {
  ownOrganisation: { allowed: true, basis: 'own_organisation' },
  careRelationship: { allowed: true, basis: 'care_relationship' },
  consent: { allowed: true, basis: 'consent', consentId: CONSENT_ID },
  breakGlass: { allowed: true, basis: 'break_glass' },
} as const satisfies Record<string, Decision>;
const DENY = {
  role: { allowed: false, reason: 'role' },
  noRelationship: { allowed: false, reason: 'no_relationship' },
  noConsent: { allowed: false, reason: 'no_consent' },
} as const satisfies Record<string, Decision>;

/**
 * The policy, row by row ('*' = any value). `basicData` is a client action whose data travels with the
 * care relationship (client.read); `consentRecord` is one whose controller's consent is needed.
 * Exactly one row must match each combination.
 */
interface Row {
  roles: Role[];
  relationship: 'none' | 'any basis' | '*';
  controller: Controller | '*';
  consent: ConsentFact | '*';
  breakGlass: boolean | '*';
  basicData: Decision;
  consentRecord: Decision;
}

const POLICY: Row[] = [
  // Managers lead with reports and admins run the system: no client data whatever the facts.
  {
    roles: NO_CLIENT_DATA,
    relationship: '*',
    controller: '*',
    consent: '*',
    breakGlass: '*',
    basicData: DENY.role,
    consentRecord: DENY.role,
  },

  // Physicians and coordinators: a care relationship, or an emergency access without one.
  {
    roles: BREAK_GLASS_WORKERS,
    relationship: 'none',
    controller: '*',
    consent: '*',
    breakGlass: false,
    basicData: DENY.noRelationship,
    consentRecord: DENY.noRelationship,
  },
  {
    roles: BREAK_GLASS_WORKERS,
    relationship: 'none',
    controller: '*',
    consent: '*',
    breakGlass: true,
    basicData: ALLOW.breakGlass,
    consentRecord: ALLOW.breakGlass,
  },
  {
    roles: BREAK_GLASS_WORKERS,
    relationship: 'any basis',
    controller: 'own',
    consent: '*',
    breakGlass: '*',
    basicData: ALLOW.ownOrganisation,
    consentRecord: ALLOW.ownOrganisation,
  },
  {
    roles: BREAK_GLASS_WORKERS,
    relationship: 'any basis',
    controller: 'other',
    consent: 'covering',
    breakGlass: '*',
    basicData: ALLOW.careRelationship,
    consentRecord: ALLOW.consent,
  },
  {
    roles: BREAK_GLASS_WORKERS,
    relationship: 'any basis',
    controller: 'other',
    consent: 'none',
    breakGlass: false,
    basicData: ALLOW.careRelationship,
    consentRecord: DENY.noConsent,
  },
  {
    roles: BREAK_GLASS_WORKERS,
    relationship: 'any basis',
    controller: 'other',
    consent: 'none',
    breakGlass: true,
    basicData: ALLOW.careRelationship,
    consentRecord: ALLOW.breakGlass,
  },

  // Other workers: a care relationship is required; a break-glass fact never opens anything for them.
  {
    roles: OTHER_WORKERS,
    relationship: 'none',
    controller: '*',
    consent: '*',
    breakGlass: '*',
    basicData: DENY.noRelationship,
    consentRecord: DENY.noRelationship,
  },
  {
    roles: OTHER_WORKERS,
    relationship: 'any basis',
    controller: 'own',
    consent: '*',
    breakGlass: '*',
    basicData: ALLOW.ownOrganisation,
    consentRecord: ALLOW.ownOrganisation,
  },
  {
    roles: OTHER_WORKERS,
    relationship: 'any basis',
    controller: 'other',
    consent: 'covering',
    breakGlass: '*',
    basicData: ALLOW.careRelationship,
    consentRecord: ALLOW.consent,
  },
  {
    roles: OTHER_WORKERS,
    relationship: 'any basis',
    controller: 'other',
    consent: 'none',
    breakGlass: '*',
    basicData: ALLOW.careRelationship,
    consentRecord: DENY.noConsent,
  },
];

const matches = <T>(pattern: T | '*', value: T) => pattern === '*' || pattern === value;
function rowsFor(c: Case): Row[] {
  return POLICY.filter(
    (r) =>
      r.roles.includes(c.role) &&
      (r.relationship === '*' || (r.relationship === 'none') === (c.relationship === 'none')) &&
      matches(r.controller, c.controller) &&
      matches(r.consent, c.consent) &&
      matches(r.breakGlass, c.breakGlass),
  );
}

const CASES: Case[] = ROLES.flatMap((role) =>
  (['none', 'registered', 'referral', 'team'] as const).flatMap((relationship) =>
    (['own', 'other'] as const).flatMap((controller) =>
      (['none', 'covering'] as const).flatMap((consent) =>
        [false, true].map((breakGlass) => ({ role, relationship, controller, consent, breakGlass })),
      ),
    ),
  ),
);
const label = (c: Case) =>
  `${c.role}, relationship ${c.relationship}, ${c.controller} controller, consent ${c.consent}, break-glass ${c.breakGlass ? 'yes' : 'no'}`;

/** Every client-scoped action in the catalogue and which column of the policy table decides it. */
const clientActions = Object.entries(ACTIONS as Record<string, ActionRule>).filter(
  ([, r]) => r.scope === 'client',
);

describe('the policy table', () => {
  it('places every role in exactly one family', () => {
    expect([...WORKERS, ...NO_CLIENT_DATA].sort()).toEqual([...ROLES].sort());
  });

  it('has exactly one row for each of the 320 combinations', () => {
    expect(CASES).toHaveLength(320);
    for (const c of CASES) expect(rowsFor(c), label(c)).toHaveLength(1);
  });
});

describe.each(ROLES)('decide for a %s', (role) => {
  const cases = CASES.filter((c) => c.role === role).map((c) => [label(c), c] as const);

  it.each(cases)('client.read (basic data travels with the relationship): %s', (_, c) => {
    expect(decide(actorAs(c.role), 'client.read', factsOf(c))).toEqual(rowsFor(c)[0]!.basicData);
  });

  it.each(cases)('a record that needs the controller’s consent: %s', (_, c) => {
    expect(decide(actorAs(c.role), CONSENT_RECORD, factsOf(c))).toEqual(rowsFor(c)[0]!.consentRecord);
  });

  // An action break-glass does not open is decided as if there were no break-glass access.
  it('decides every client action of the catalogue by its consent and break-glass flags', () => {
    for (const [action, rule] of clientActions) {
      if (rule.scope !== 'client') continue;
      for (const c of CASES.filter((x) => x.role === role)) {
        const row = rowsFor(rule.breakGlass ? c : { ...c, breakGlass: false })[0]!;
        const roleMayAct = (CLIENT_DATA[action]?.roles ?? WORKERS).includes(role);
        expect(decide(actorAs(role), action as Action, factsOf(c)), `${action}: ${label(c)}`).toEqual(
          !roleMayAct ? DENY.role : rule.consent ? row.consentRecord : row.basicData,
        );
      }
    }
  });
});

describe('break-glass', () => {
  it('does not open a record whose action is not marked as opened by break-glass', () => {
    for (const role of BREAK_GLASS_WORKERS) {
      const base = {
        role,
        relationship: 'none',
        controller: 'other',
        consent: 'none',
        breakGlass: true,
      } as const;
      expect(decide(actorAs(role), NO_BREAK_GLASS, factsOf(base))).toEqual(DENY.noRelationship);
      expect(decide(actorAs(role), NO_BREAK_GLASS, factsOf({ ...base, relationship: 'referral' }))).toEqual(
        DENY.noConsent,
      );
    }
  });
});

/**
 * The catalogue itself, written by hand. A new action must be added here with its intended rule, so
 * that the policy of every endpoint has been read by a person.
 */
const ADMIN_ONLY: Action[] = [
  'organisation.create',
  'organisation.update',
  'team.create',
  'team.update',
  'user.list',
  'user.read',
  'user.create',
  'user.update',
  'audit.list',
  'audit.clientAccessLog',
  'breakGlass.list',
  'breakGlass.review',
  'pathway.create',
  'pathway.update',
  'eligibilityCriterion.update',
  'codeList.update',
  'instrument.import',
  'measurementSchedule.update',
  'outbox.list',
];
const WORKERS_ONLY: Action[] = [
  'client.search',
  'client.create',
  'screening.create',
  'referral.list',
  'worklist.read',
  'coaching.list',
];
const BREAK_GLASS_ONLY: Action[] = ['client.breakGlass'];
const PUBLIC: Action[] = [
  'system.health',
  'system.apiDocs',
  'session.create',
  'session.oidcStart',
  'session.read',
  'questionnaire.open',
  'questionnaire.save',
  'questionnaire.submit',
  'workTrialFeedback.open',
  'workTrialFeedback.submit',
];
/** Aggregated reports: no client-level data, so managers read them; coordinators follow their team's figures. */
const REPORTS: Action[] = ['report.read', 'report.export'];
const AUTHENTICATED: Action[] = [
  'session.delete',
  'session.switchMembership',
  'organisation.list',
  'team.list',
  'codeList.read',
  'pathway.list',
  'eligibilityCriterion.list',
  'instrument.list',
  'instrument.read',
  'measurementSchedule.read',
];
/**
 * Client actions: whether another organisation's record needs the controller's consent, and whether an
 * emergency (break-glass) access opens it. Lists and the client's basic data travel with the care
 * relationship; records of the path need consent; the plan is an agreement, so break-glass only reads it.
 */
const withRelationship = { consent: false, breakGlass: true };
const withConsent = { consent: true, breakGlass: true };
const notInEmergency = { consent: true, breakGlass: false };
/** Supported employment is recorded by job coaches only; the rest of the network reads it with consent. */
const coachWrites = { consent: true, breakGlass: false, roles: ['job_coach'] as Role[] };
const CLIENT_DATA: Record<string, { consent: boolean; breakGlass: boolean; roles?: Role[] }> = {
  'client.read': withRelationship,
  'client.update': withRelationship,
  'client.history': withRelationship,
  'client.timeline': withRelationship,
  'consent.list': withRelationship,
  'consent.create': withRelationship,
  'consent.withdraw': withRelationship,
  'screening.read': withConsent,
  'screening.list': withRelationship,
  'referral.create': withRelationship,
  'referral.read': withConsent,
  'referral.clientList': withRelationship,
  'referral.receive': withConsent,
  'referral.accept': withConsent,
  'referral.return': withConsent,
  'referral.redirect': withConsent,
  'referral.attach': withConsent,
  'referral.attachmentRead': withConsent,
  'case.list': withRelationship,
  'case.read': withConsent,
  'case.changePhase': withConsent,
  'case.close': withConsent,
  'case.assignManager': withConsent,
  'case.addTeamMember': withConsent,
  'case.removeTeamMember': withConsent,
  'visit.create': withConsent,
  'visit.read': withConsent,
  'visit.list': withConsent,
  'visit.update': withConsent,
  'visit.correct': withConsent,
  'consultation.create': withConsent,
  'consultation.read': withConsent,
  'consultation.list': withConsent,
  'consultation.update': withConsent,
  'consultation.correct': withConsent,
  'consultation.answer': withConsent,
  'meeting.create': withConsent,
  'meeting.read': withConsent,
  'meeting.list': withConsent,
  'meeting.update': withConsent,
  'meeting.correct': withConsent,
  'meeting.sign': withConsent,
  'plan.read': withConsent,
  'plan.history': withConsent,
  'plan.pdf': withConsent,
  'plan.create': notInEmergency,
  'plan.update': notInEmergency,
  'plan.review': notInEmergency,
  'plan.acknowledge': notInEmergency,
  'measurement.list': withConsent,
  'measurement.send': notInEmergency,
  'measurement.record': notInEmergency,
  'measure.read': withConsent,
  'coaching.clientList': withRelationship,
  'coaching.read': withConsent,
  'coaching.create': coachWrites,
  'coaching.update': coachWrites,
  'coaching.end': coachWrites,
  'vocationalProfile.update': coachWrites,
  'jobSearch.create': coachWrites,
  'coachingModule.create': coachWrites,
  'coachingModule.review': coachWrites,
  'placement.create': coachWrites,
  'placement.end': coachWrites,
  'placement.addSupport': coachWrites,
  'workTrial.create': coachWrites,
  'workTrial.read': withConsent,
  'workTrial.update': coachWrites,
  'workTrial.sendFeedbackLink': coachWrites,
  'functionalAssessment.list': withRelationship,
  'functionalAssessment.read': withConsent,
};

/** Role-scoped work of supported employment: the employer register, IPS practice figures, fidelity. */
const COACHING_ORGANISATION: Record<string, Role[]> = {
  'coaching.caseload': ['job_coach', 'coordinator', 'manager'],
  'employer.list': ['job_coach', 'employment_advisor'],
  'employer.read': ['job_coach', 'employment_advisor'],
  'employer.create': ['job_coach', 'employment_advisor'],
  'employer.update': ['job_coach', 'employment_advisor'],
  'employerContact.list': ['job_coach', 'employment_advisor'],
  'employerContact.create': ['job_coach', 'employment_advisor'],
  'employerContact.rate': ['job_coach', 'employment_advisor', 'manager'],
  'jobOpening.list': ['job_coach', 'employment_advisor'],
  'jobOpening.create': ['job_coach', 'employment_advisor'],
  'jobOpening.update': ['job_coach', 'employment_advisor'],
  'employerSupport.create': ['job_coach', 'employment_advisor'],
  'fidelity.read': ['job_coach', 'coordinator', 'manager'],
  'fidelity.create': ['job_coach', 'coordinator'],
  'fidelity.update': ['job_coach', 'coordinator'],
  'fidelity.finalise': ['job_coach', 'coordinator'],
};

describe('the action catalogue', () => {
  it('has a hand-written expectation for every action', () => {
    const listed = [
      ...ADMIN_ONLY,
      ...WORKERS_ONLY,
      ...BREAK_GLASS_ONLY,
      ...PUBLIC,
      ...REPORTS,
      ...AUTHENTICATED,
      ...Object.keys(CLIENT_DATA),
      ...Object.keys(COACHING_ORGANISATION),
    ].sort();
    expect(listed).toEqual(Object.keys(ACTIONS).sort());
  });

  it.each(Object.entries(CLIENT_DATA))(
    '%s is client data for the client-working roles: %o',
    (action, expected) => {
      const rule = ACTIONS[action as Action] as ActionRule;
      const roles = 'roles' in rule ? [...rule.roles].sort() : [];
      const { roles: expectedRoles = WORKERS, ...flags } = expected;
      expect({ ...rule, roles }).toEqual({ scope: 'client', roles: [...expectedRoles].sort(), ...flags });
    },
  );
});

describe('role-scoped actions', () => {
  it.each(ADMIN_ONLY)('%s is allowed to an admin and denied to every other role', (action) => {
    expect(decide(actorAs('admin'), action)).toEqual({ allowed: true, basis: 'role' });
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect(decide(actorAs(role), action), role).toEqual(DENY.role);
    }
    expect(decide(null, action)).toEqual({ allowed: false, reason: 'unauthenticated' });
  });

  it.each(WORKERS_ONLY)('%s is allowed to client workers and denied to managers and admins', (action) => {
    for (const role of WORKERS)
      expect(decide(actorAs(role), action), role).toEqual({ allowed: true, basis: 'role' });
    for (const role of NO_CLIENT_DATA) expect(decide(actorAs(role), action), role).toEqual(DENY.role);
  });

  it.each(Object.entries(COACHING_ORGANISATION))('%s is allowed to %o only', (action, allowed) => {
    for (const role of ROLES) {
      const expected = allowed.includes(role) ? { allowed: true, basis: 'role' } : DENY.role;
      expect(decide(actorAs(role), action as Action), role).toEqual(expected);
    }
  });

  it.each(REPORTS)('%s is allowed to managers and coordinators only', (action) => {
    for (const role of ROLES) {
      const expected =
        role === 'manager' || role === 'coordinator' ? { allowed: true, basis: 'role' } : DENY.role;
      expect(decide(actorAs(role), action), role).toEqual(expected);
    }
  });

  it('only physicians and coordinators may open a break-glass access', () => {
    for (const role of BREAK_GLASS_WORKERS) {
      expect(decide(actorAs(role), 'client.breakGlass'), role).toEqual({ allowed: true, basis: 'role' });
    }
    for (const role of [...OTHER_WORKERS, ...NO_CLIENT_DATA]) {
      expect(decide(actorAs(role), 'client.breakGlass'), role).toEqual(DENY.role);
    }
  });

  it('managers and admins are denied every client action of the catalogue, whatever the facts', () => {
    const generous = factsOf({
      role: 'manager',
      relationship: 'registered',
      controller: 'own',
      consent: 'covering',
      breakGlass: true,
    });
    for (const [action] of clientActions) {
      for (const role of NO_CLIENT_DATA)
        expect(decide(actorAs(role), action as Action, generous), `${role} ${action}`).toEqual(DENY.role);
    }
  });

  it('client actions without a session are refused as unauthenticated', () => {
    const facts = factsOf({
      role: 'coordinator',
      relationship: 'registered',
      controller: 'own',
      consent: 'none',
      breakGlass: false,
    });
    expect(decide(null, 'client.read', facts)).toEqual({ allowed: false, reason: 'unauthenticated' });
    expect(decide(null, CONSENT_RECORD, facts)).toEqual({ allowed: false, reason: 'unauthenticated' });
  });
});

describe('public and authenticated actions', () => {
  it.each(PUBLIC)('%s needs no session and is open to every role', (action) => {
    expect(decide(null, action)).toEqual({ allowed: true, basis: 'public' });
    for (const role of ROLES)
      expect(decide(actorAs(role), action), role).toEqual({ allowed: true, basis: 'public' });
  });

  it.each(AUTHENTICATED)('%s needs a session and is open to every role', (action) => {
    expect(decide(null, action)).toEqual({ allowed: false, reason: 'unauthenticated' });
    for (const role of ROLES)
      expect(decide(actorAs(role), action), role).toEqual({ allowed: true, basis: 'session' });
  });
});
