import type { Trx } from '../../server/db/database.ts';
import type { RecordAccess } from '../../server/policy/client-access.ts';
import type { TimelineEntryDto } from '../timeline/timeline.schema.ts';

/**
 * The supervisor's work-trial feedback on the client's timeline: the client's functional assessment ('assessment'
 * data of the coaching organisation), shown exactly when the feedback itself may be read.
 */
export async function workTrialFeedbackEntries(
  trx: Trx,
  access: RecordAccess,
  clientId: string,
): Promise<TimelineEntryDto[]> {
  const rows = await trx
    .selectFrom('work_trial_feedback as f')
    .innerJoin('work_trial as w', 'w.id', 'f.work_trial_id')
    .innerJoin('coaching as k', 'k.id', 'w.coaching_id')
    .innerJoin('employer as e', 'e.id', 'w.employer_id')
    .innerJoin('organisation as o', 'o.id', 'f.organisation_id')
    .select([
      'f.id',
      'f.work_trial_id',
      'f.kind',
      'f.organisation_id',
      'f.respondent_name',
      'f.answered_on',
      'f.answered_at',
      'k.case_id',
      'e.name as employer_name',
      'o.name as organisation_name',
    ])
    .where('f.client_id', '=', clientId)
    .execute();
  const allowed = await access.filter('functionalAssessment.read', rows, (f) => ({
    clientId,
    controllerOrganisationId: f.organisation_id,
    category: 'assessment',
  }));
  return allowed.map((f) => ({
    type: 'work_trial_feedback' as const,
    key: `work_trial_feedback:${f.id}`,
    date: f.answered_on,
    at: f.answered_at.toISOString(),
    organisationId: f.organisation_id,
    organisationName: f.organisation_name,
    by: f.respondent_name,
    caseId: f.case_id,
    workTrialId: f.work_trial_id,
    feedbackKind: f.kind,
    employerName: f.employer_name,
  }));
}
