import { caseRoutes } from '../modules/cases/case.routes.ts';
import { clientRoutes } from '../modules/clients/client.routes.ts';
import { coachingRoutes } from '../modules/coaching/coaching.routes.ts';
import { coachingRecordRoutes } from '../modules/coaching/coaching-record.routes.ts';
import { clientPathCodeListRoutes } from '../modules/code-lists/client-path-code-list.routes.ts';
import { codeListRoutes } from '../modules/code-lists/code-list.routes.ts';
import { consentRoutes } from '../modules/consents/consent.routes.ts';
import { consultationRoutes } from '../modules/consultations/consultation.routes.ts';
import { employerRoutes } from '../modules/employers/employer.routes.ts';
import { fidelityRoutes } from '../modules/fidelity/fidelity.routes.ts';
import { healthRoutes } from '../modules/health/health.routes.ts';
import { measurementRoutes } from '../modules/measurements/measurement.routes.ts';
import { measuresRoutes } from '../modules/measurements/measures.routes.ts';
import { scheduleRoutes } from '../modules/measurements/schedule.routes.ts';
import { meetingRoutes } from '../modules/meetings/meeting.routes.ts';
import { organisationRoutes } from '../modules/organisations/organisation.routes.ts';
import { outboxRoutes } from '../modules/outbox/outbox.routes.ts';
import { pathwayRoutes } from '../modules/pathways/pathway.routes.ts';
import { planRoutes } from '../modules/plans/plan.routes.ts';
import { instrumentRoutes } from '../modules/questionnaires/instrument.routes.ts';
import { questionnaireRoutes } from '../modules/questionnaires/questionnaire.routes.ts';
import { eligibilityCriterionRoutes } from '../modules/referrals/eligibility-criterion.routes.ts';
import { referralRoutes } from '../modules/referrals/referral.routes.ts';
import { reportRoutes } from '../modules/reports/report.routes.ts';
import { screeningRoutes } from '../modules/screenings/screening.routes.ts';
import { timelineRoutes } from '../modules/timeline/timeline.routes.ts';
import { userRoutes } from '../modules/users/user.routes.ts';
import { visitRoutes } from '../modules/visits/visit.routes.ts';
import { workTrialRoutes } from '../modules/work-trials/work-trial.routes.ts';
import { workTrialFeedbackRoutes } from '../modules/work-trials/work-trial-feedback.routes.ts';
import { worklistRoutes } from '../modules/worklist/worklist.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { oidcRoutes } from './auth/oidc.routes.ts';
import type { Route } from './http/route.ts';

/** Every module's routes. A capability is added here and nowhere else. */
export const allRoutes: readonly Route[] = [
  ...healthRoutes,
  ...authRoutes,
  ...oidcRoutes,
  ...codeListRoutes,
  ...organisationRoutes,
  ...userRoutes,
  ...clientRoutes,
  ...consentRoutes,
  // The client's path
  ...clientPathCodeListRoutes,
  ...pathwayRoutes,
  ...eligibilityCriterionRoutes,
  ...screeningRoutes,
  ...referralRoutes,
  ...caseRoutes,
  ...visitRoutes,
  ...consultationRoutes,
  ...meetingRoutes,
  ...timelineRoutes,
  ...worklistRoutes,
  ...planRoutes,
  ...instrumentRoutes,
  ...scheduleRoutes,
  ...measurementRoutes,
  ...measuresRoutes,
  ...questionnaireRoutes,
  ...outboxRoutes,
  ...reportRoutes,
  // Supported employment
  ...coachingRoutes,
  ...coachingRecordRoutes,
  ...employerRoutes,
  ...workTrialRoutes,
  ...workTrialFeedbackRoutes,
  ...fidelityRoutes,
  ...auditRoutes,
];
