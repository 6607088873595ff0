import type { Kysely, Transaction } from 'kysely';
import type {
  CaseManagerAssignmentTable,
  CaseOutcomeTable,
  CasePhaseChangeTable,
  CaseTeamMemberTable,
  ClientCaseTable,
} from '../../modules/cases/case.table.ts';
import type {
  BreakGlassAccessTable,
  CareRelationshipView,
  ClientTable,
} from '../../modules/clients/client.table.ts';
import type {
  CoachingModuleTable,
  CoachingSupportEntryTable,
  CoachingTable,
  JobPlacementTable,
  JobSearchEntryTable,
  VocationalProfileTable,
} from '../../modules/coaching/coaching.table.ts';
import type { ConsentTable, DataCategoryTable } from '../../modules/consents/consent.table.ts';
import type { ConsultationTable } from '../../modules/consultations/consultation.table.ts';
import type {
  EmployerContactPersonTable,
  EmployerContactTable,
  EmployerSupportUseTable,
  EmployerTable,
  EmploymentSupportTypeTable,
  JobOpeningTable,
} from '../../modules/employers/employer.table.ts';
import type {
  FidelityItemScoreTable,
  FidelityItemTable,
  FidelityReviewTable,
} from '../../modules/fidelity/fidelity.table.ts';
import type {
  MeasurementScheduleTable,
  MeasurementTable,
} from '../../modules/measurements/measurement.table.ts';
import type {
  NetworkMeetingOrganisationTable,
  NetworkMeetingTable,
} from '../../modules/meetings/meeting.table.ts';
import type {
  OrganisationTable,
  OrganisationTypeTable,
  TeamMemberTable,
  TeamTable,
} from '../../modules/organisations/organisation.table.ts';
import type { MessageOutboxTable } from '../../modules/outbox/outbox.table.ts';
import type { PathwayPhaseTable, PathwayTable } from '../../modules/pathways/pathway.table.ts';
import type {
  CarePlanAcknowledgementTable,
  CarePlanTable,
  CarePlanVersionTable,
  GasReviewTable,
} from '../../modules/plans/plan.table.ts';
import type {
  InstrumentTable,
  MeasurementResponseTable,
  QuestionnaireLinkTable,
  QuestionnaireTokenTable,
} from '../../modules/questionnaires/questionnaire.table.ts';
import type { EligibilityCriterionTable } from '../../modules/referrals/eligibility-criterion.table.ts';
import type {
  ReferralAttachmentTable,
  ReferralEligibilityTable,
  ReferralStatusChangeTable,
  ReferralTable,
} from '../../modules/referrals/referral.table.ts';
import type {
  CasePhaseStayTable,
  MeasurementScorePairTable,
  StakeholderResponseTable,
} from '../../modules/reports/report.table.ts';
import type { ScreeningSituationTable, ScreeningTable } from '../../modules/screenings/screening.table.ts';
import type { AppUserTable, MembershipTable } from '../../modules/users/user.table.ts';
import type { VisitTable } from '../../modules/visits/visit.table.ts';
import type {
  WorkTrialFeedbackLinkTable,
  WorkTrialFeedbackTable,
  WorkTrialTable,
} from '../../modules/work-trials/work-trial.table.ts';
import type { AuditEventTable, DisclosureLogTable } from '../audit/audit.table.ts';
import type { UserSessionTable } from '../auth/session.table.ts';

export interface RecordVersionTable {
  id: number;
  table_name: string;
  record_id: string;
  version: number;
  data: Record<string, unknown>;
  changed_at: Date;
  changed_by: string | null;
}

/** The whole schema, assembled from each capability's own table file. */
export interface Database {
  organisation_type: OrganisationTypeTable;
  organisation: OrganisationTable;
  team: TeamTable;
  team_member: TeamMemberTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  user_session: UserSessionTable;
  data_category: DataCategoryTable;
  client: ClientTable;
  care_relationship: CareRelationshipView;
  break_glass_access: BreakGlassAccessTable;
  consent: ConsentTable;
  record_version: RecordVersionTable;
  audit_event: AuditEventTable;
  disclosure_log: DisclosureLogTable;
  // The client's path (0002)
  screening_situation: ScreeningSituationTable;
  screening: ScreeningTable;
  eligibility_criterion: EligibilityCriterionTable;
  referral: ReferralTable;
  referral_status_change: ReferralStatusChangeTable;
  referral_attachment: ReferralAttachmentTable;
  referral_eligibility: ReferralEligibilityTable;
  pathway: PathwayTable;
  pathway_phase: PathwayPhaseTable;
  case_outcome: CaseOutcomeTable;
  client_case: ClientCaseTable;
  case_phase_change: CasePhaseChangeTable;
  case_manager_assignment: CaseManagerAssignmentTable;
  case_team_member: CaseTeamMemberTable;
  visit: VisitTable;
  consultation: ConsultationTable;
  network_meeting: NetworkMeetingTable;
  network_meeting_organisation: NetworkMeetingOrganisationTable;
  // The joint client plan and GAS (0003)
  care_plan: CarePlanTable;
  care_plan_version: CarePlanVersionTable;
  care_plan_acknowledgement: CarePlanAcknowledgementTable;
  gas_review: GasReviewTable;
  // Outcome measures, questionnaires and the outbox (0004)
  instrument: InstrumentTable;
  measurement_schedule: MeasurementScheduleTable;
  measurement: MeasurementTable;
  questionnaire_link: QuestionnaireLinkTable;
  questionnaire_token: QuestionnaireTokenTable;
  measurement_response: MeasurementResponseTable;
  message_outbox: MessageOutboxTable;
  // Reports (0006)
  stakeholder_response: StakeholderResponseTable;
  case_phase_stay: CasePhaseStayTable;
  measurement_score_pair: MeasurementScorePairTable;
  // Supported employment (0005)
  employment_support_type: EmploymentSupportTypeTable;
  employer: EmployerTable;
  employer_contact_person: EmployerContactPersonTable;
  employer_contact: EmployerContactTable;
  job_opening: JobOpeningTable;
  employer_support_use: EmployerSupportUseTable;
  coaching: CoachingTable;
  vocational_profile: VocationalProfileTable;
  coaching_module: CoachingModuleTable;
  job_search_entry: JobSearchEntryTable;
  job_placement: JobPlacementTable;
  coaching_support_entry: CoachingSupportEntryTable;
  work_trial: WorkTrialTable;
  work_trial_feedback_link: WorkTrialFeedbackLinkTable;
  work_trial_feedback: WorkTrialFeedbackTable;
  fidelity_item: FidelityItemTable;
  fidelity_review: FidelityReviewTable;
  fidelity_item_score: FidelityItemScoreTable;
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
