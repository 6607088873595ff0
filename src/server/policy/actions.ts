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

const clientData = (consent: boolean) =>
  ({ scope: 'client', roles: workers, consent, breakGlass: true }) as const;
const planWrite = { scope: 'client', roles: workers, consent: true, breakGlass: false } as const;
// Supported employment: the job coach writes the coaching; not emergency work, so no break-glass.
const coachingWrite = { scope: 'client', roles: ['job_coach'], consent: true, breakGlass: false } as const;
const employerWork = { scope: 'role', roles: ['job_coach', 'employment_advisor'] } as const;
const fidelityWrite = { scope: 'role', roles: ['job_coach', 'coordinator'] } as const;

/** The one catalogue of actions. A route names one of these; the policy decides from this entry. */
export const ACTIONS = {
  'system.health': { scope: 'public' },
  'system.apiDocs': { scope: 'public' },
  'session.create': { scope: 'public' },
  // Sends the browser to the OpenID Connect provider; the callback is 'session.create'.
  'session.oidcStart': { scope: 'public' },
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

  // The client's path. Records are controlled by the organisation that wrote them; another organisation
  // reads them with a consent covering their category: screening, referral, visit and consultation are
  // 'assessment'; the case, its phases, case manager and team, and network meetings are 'plan'.
  // A screening is recorded for the person in front of the professional and itself creates the relationship.
  'screening.create': { scope: 'role', roles: workers },
  'screening.read': clientData(true),
  'screening.list': clientData(false),
  'referral.create': clientData(false),
  'referral.read': clientData(true),
  'referral.list': { scope: 'role', roles: workers },
  'referral.clientList': clientData(false),
  'referral.receive': clientData(true),
  'referral.accept': clientData(true),
  'referral.return': clientData(true),
  'referral.redirect': clientData(true),
  'referral.attach': clientData(true),
  'referral.attachmentRead': clientData(true),
  'case.list': clientData(false),
  'case.read': clientData(true),
  'case.changePhase': clientData(true),
  'case.close': clientData(true),
  'case.assignManager': clientData(true),
  'case.addTeamMember': clientData(true),
  'case.removeTeamMember': clientData(true),
  'visit.create': clientData(true),
  'visit.read': clientData(true),
  'visit.list': clientData(true),
  'visit.update': clientData(true),
  'visit.correct': clientData(true),
  'consultation.create': clientData(true),
  'consultation.read': clientData(true),
  'consultation.list': clientData(true),
  'consultation.update': clientData(true),
  'consultation.correct': clientData(true),
  'consultation.answer': clientData(true),
  'meeting.create': clientData(true),
  'meeting.read': clientData(true),
  'meeting.list': clientData(true),
  'meeting.update': clientData(true),
  'meeting.correct': clientData(true),
  'meeting.sign': clientData(true),
  'client.timeline': clientData(false),
  'worklist.read': { scope: 'role', roles: workers },
  'pathway.list': { scope: 'authenticated' },
  'pathway.create': { scope: 'role', roles: admin },
  'pathway.update': { scope: 'role', roles: admin },
  'eligibilityCriterion.list': { scope: 'authenticated' },
  'eligibilityCriterion.update': { scope: 'role', roles: admin },
  'codeList.update': { scope: 'role', roles: admin },

  // The joint client plan with GAS (controller: the case's organisation; data category 'plan'). Another
  // organisation on the case team reads and edits it with the client's consent. Break-glass reads it but does
  // not write it: the plan is an agreement with the client, not emergency information.
  'plan.read': clientData(true),
  'plan.history': clientData(true),
  'plan.pdf': clientData(true),
  'plan.create': planWrite,
  'plan.update': planWrite,
  'plan.review': planWrite,
  'plan.acknowledge': planWrite,

  // Outcome measures and questionnaires. Measurements are recorded on a case: the case's organisation controls
  // them ('plan' data, like the case). Sending a link or recording a result is not emergency work: no break-glass.
  'instrument.list': { scope: 'authenticated' },
  'instrument.read': { scope: 'authenticated' },
  'instrument.import': { scope: 'role', roles: admin },
  'measurementSchedule.read': { scope: 'authenticated' },
  'measurementSchedule.update': { scope: 'role', roles: admin },
  'measurement.list': clientData(true),
  'measurement.send': { scope: 'client', roles: workers, consent: true, breakGlass: false },
  'measurement.record': { scope: 'client', roles: workers, consent: true, breakGlass: false },
  'measure.read': clientData(true),
  // The client answers through a personal link with no account: the token is the authorisation.
  'questionnaire.open': { scope: 'public' },
  'questionnaire.save': { scope: 'public' },
  'questionnaire.submit': { scope: 'public' },
  'outbox.list': { scope: 'role', roles: admin },
  // Aggregates only (no client-level data): managers lead with them, coordinators follow their team's figures.
  'report.read': { scope: 'role', roles: ['manager', 'coordinator'] },
  // Exports of the same aggregates (CSV, XLSX); small counts are hidden in those meant for outside the organisation.
  'report.export': { scope: 'role', roles: ['manager', 'coordinator'] },

  // Supported employment (0005). Coaching records are the coaching organisation's 'employment_support' data:
  // job coaches write them; other workers with a care relationship read them with the client's consent. The work
  // trial supervisor's feedback is the client's functional assessment ('assessment'). The employer register and
  // the contact measures are the coaching organisation's own work (role scope, filtered by organisation in SQL).
  // Fidelity reviews concern a coaching team, not clients.
  'coaching.list': { scope: 'role', roles: workers },
  'coaching.caseload': { scope: 'role', roles: ['job_coach', 'coordinator', 'manager'] },
  'coaching.clientList': clientData(false),
  'coaching.read': clientData(true),
  'coaching.create': coachingWrite,
  'coaching.update': coachingWrite,
  'coaching.end': coachingWrite,
  'vocationalProfile.update': coachingWrite,
  'jobSearch.create': coachingWrite,
  'coachingModule.create': coachingWrite,
  'coachingModule.review': coachingWrite,
  'placement.create': coachingWrite,
  'placement.end': coachingWrite,
  'placement.addSupport': coachingWrite,
  'workTrial.create': coachingWrite,
  'workTrial.read': clientData(true),
  'workTrial.update': coachingWrite,
  'workTrial.sendFeedbackLink': coachingWrite,
  // The list is gated like other client lists; each answer is then decided on as 'assessment' data.
  'functionalAssessment.list': clientData(false),
  'functionalAssessment.read': clientData(true),
  // The employer's supervisor answers through a personal link with no account: the token is the authorisation.
  'workTrialFeedback.open': { scope: 'public' },
  'workTrialFeedback.submit': { scope: 'public' },
  'employer.list': employerWork,
  'employer.read': employerWork,
  'employer.create': employerWork,
  'employer.update': employerWork,
  'employerContact.list': employerWork,
  'employerContact.create': employerWork,
  'employerContact.rate': { scope: 'role', roles: ['job_coach', 'employment_advisor', 'manager'] },
  'jobOpening.list': employerWork,
  'jobOpening.create': employerWork,
  'jobOpening.update': employerWork,
  'employerSupport.create': employerWork,
  'fidelity.read': { scope: 'role', roles: ['job_coach', 'coordinator', 'manager'] },
  'fidelity.create': fidelityWrite,
  'fidelity.update': fidelityWrite,
  'fidelity.finalise': fidelityWrite,

  'audit.list': { scope: 'role', roles: admin },
  'audit.clientAccessLog': { scope: 'role', roles: admin },
  'breakGlass.list': { scope: 'role', roles: admin },
  'breakGlass.review': { scope: 'role', roles: admin },
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof ACTIONS;

export function ruleOf(action: Action): ActionRule {
  return ACTIONS[action];
}
