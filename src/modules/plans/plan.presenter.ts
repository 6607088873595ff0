import { finnishDate } from '../../server/policy/client-access.ts';
import { baselineTScore, roundTScore } from './gas.ts';
import type { AcknowledgementWithNames, PlanVersionWithNames, ReviewWithNames } from './plan.repository.ts';
import type { AcknowledgementDto, PlanContent, PlanDto, ReviewDto } from './plan.schema.ts';
import type { PlanView } from './plan.service.ts';

const name = (first: string | null, last: string | null) => (first ? `${first} ${last ?? ''}`.trim() : null);

export function presentAcknowledgement(a: AcknowledgementWithNames): AcknowledgementDto {
  return {
    version: a.plan_version,
    method: a.method,
    acknowledgedAt: a.acknowledged_at.toISOString(),
    recordedBy: name(a.recorder_first_name, a.recorder_last_name),
  };
}

export function presentReview(r: ReviewWithNames): ReviewDto {
  return {
    id: r.id,
    planVersion: r.plan_version,
    reviewDate: r.review_date,
    attainments: r.attainments,
    tScore: r.t_score,
    baselineTScore: r.baseline_t_score,
    change: roundTScore(r.t_score - r.baseline_t_score),
    note: r.note,
    recordedAt: r.created_at.toISOString(),
    recordedBy: `${r.recorder_first_name} ${r.recorder_last_name}`,
  };
}

export function presentPlan(view: PlanView, now: Date): PlanDto {
  const { plan, content } = view;
  const today = finnishDate(now);
  const baseline = baselineTScore(content.goals);
  return {
    id: plan.id,
    caseId: plan.case_id,
    clientId: plan.client_id,
    organisationId: plan.organisation_id,
    version: plan.version,
    goals: content.goals,
    actions: content.actions.map((a) => ({
      ...a,
      responsibleOrganisationName: view.organisationNames.get(a.responsibleOrganisationId) ?? null,
      responsibleUserName: a.responsibleUserId ? (view.userNames.get(a.responsibleUserId) ?? null) : null,
    })),
    assessment: content.assessment,
    reviewDates: content.reviewDates,
    nextReviewDate: content.reviewDates.find((d) => d >= today) ?? null,
    baselineTScore: baseline === null ? null : roundTScore(baseline),
    reviews: view.reviews.map(presentReview),
    acknowledgements: view.acknowledgements.map(presentAcknowledgement),
    currentVersionAcknowledged: view.acknowledgements.some((a) => a.plan_version === plan.version),
    createdAt: plan.created_at.toISOString(),
    createdBy: `${plan.creator_first_name} ${plan.creator_last_name}`,
    updatedAt: plan.updated_at.toISOString(),
    updatedBy: `${plan.saver_first_name} ${plan.saver_last_name}`,
  };
}

export function presentVersionSummary(v: PlanVersionWithNames, acknowledged: ReadonlySet<number>) {
  const content = v.content as PlanContent;
  return {
    version: v.version,
    savedAt: v.saved_at.toISOString(),
    savedBy: `${v.saver_first_name} ${v.saver_last_name}`,
    goals: content.goals.length,
    actions: content.actions.length,
    acknowledged: acknowledged.has(v.version),
  };
}

export function presentVersion(planId: string, v: PlanVersionWithNames, content: PlanContent) {
  return {
    planId,
    version: v.version,
    savedAt: v.saved_at.toISOString(),
    savedBy: `${v.saver_first_name} ${v.saver_last_name}`,
    content,
  };
}
