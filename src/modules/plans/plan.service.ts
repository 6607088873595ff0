import { randomUUID } from 'node:crypto';
import type { Trx } from '../../server/db/database.ts';
import { isUniqueViolation, requireUpdated } from '../../server/db/versioned.ts';
import {
  badRequest,
  conflict,
  type FieldIssue,
  invalidField,
  notFound,
  staleVersion,
} from '../../server/http/errors.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import { findCase } from '../cases/case.repository.ts';
import { caseClosed } from '../cases/case.service.ts';
import type { Language } from '../clients/client.table.ts';
import { baselineTScore, gasTScore, roundTScore } from './gas.ts';
import {
  activeMemberships,
  activeOrganisationIds,
  findPlan,
  findPlanOfCase,
  findPlanVersion,
  insertAcknowledgement,
  insertPlan,
  insertReview,
  listAcknowledgements,
  listReviews,
  organisationNames,
  type PlanWithNames,
  updatePlanContent,
  userNames,
} from './plan.repository.ts';
import {
  type AcknowledgementMethod,
  type PlanContent,
  PlanContent as PlanContentSchema,
  type PlanInput,
  type ReviewInput,
} from './plan.schema.ts';
import { comparePlanContents } from './plan-diff.ts';
import type { PlanPdfData } from './plan-pdf.ts';

/**
 * The stored form of what the client and the professionals wrote: new goals and actions get their ids
 * (kept from then on), review dates are in order and once each.
 */
export function normalisePlanContent(input: PlanInput): PlanContent {
  return PlanContentSchema.parse({
    goals: input.goals.map((g) => ({ ...g, id: g.id ?? randomUUID() })),
    actions: input.actions.map((a) => ({ ...a, id: a.id ?? randomUUID(), goalIds: [...new Set(a.goalIds)] })),
    assessment: input.assessment,
    reviewDates: [...new Set(input.reviewDates)].sort(),
  });
}

/** Content read back from jsonb, in the schema's shape and key order. */
export function storedContent(content: unknown): PlanContent {
  return PlanContentSchema.parse(content);
}

/** The responsible organisation exists and is active; a named person works there. */
async function checkResponsibles(trx: Trx, content: PlanContent): Promise<void> {
  const orgIds = [...new Set(content.actions.map((a) => a.responsibleOrganisationId))];
  const known = new Set(orgIds.length > 0 ? (await activeOrganisationIds(trx, orgIds)).map((r) => r.id) : []);
  const named = content.actions.filter((a) => a.responsibleUserId);
  const members =
    named.length > 0
      ? await activeMemberships(
          trx,
          named.map((a) => a.responsibleUserId!),
          named.map((a) => a.responsibleOrganisationId),
        )
      : [];
  const works = new Set(members.map((m) => `${m.user_id}|${m.organisation_id}`));
  const issues: FieldIssue[] = [];
  content.actions.forEach((a, i) => {
    if (!known.has(a.responsibleOrganisationId)) {
      issues.push({
        field: `body.actions.${i}.responsibleOrganisationId`,
        code: 'unknown_organisation',
        message: 'No such active organisation.',
      });
    } else if (a.responsibleUserId && !works.has(`${a.responsibleUserId}|${a.responsibleOrganisationId}`)) {
      issues.push({
        field: `body.actions.${i}.responsibleUserId`,
        code: 'not_in_organisation',
        message: 'The responsible person does not work in the responsible organisation.',
      });
    }
  });
  if (issues.length > 0) throw badRequest(issues);
}

async function requireOpenCaseOf(trx: Trx, caseId: string) {
  const kase = await findCase(trx, caseId);
  if (!kase) throw notFound('case');
  if (kase.closed_on) throw caseClosed();
  return kase;
}

/** The joint plan of a case: one per case, made with the client. */
export async function createPlan(
  trx: Trx,
  actor: Actor,
  caseId: string,
  input: PlanInput,
  now: Date,
): Promise<string> {
  const kase = await requireOpenCaseOf(trx, caseId);
  const existing = await findPlanOfCase(trx, caseId);
  const exists = () =>
    conflict('plan_exists', 'The case already has a plan. Open it and save your changes there.', {
      planId: existing?.id ?? null,
    });
  if (existing) throw exists();
  const content = normalisePlanContent(input);
  await checkResponsibles(trx, content);
  try {
    const { id } = await insertPlan(trx, {
      case_id: caseId,
      client_id: kase.client_id,
      organisation_id: kase.organisation_id,
      content: JSON.stringify(content),
      created_by: actor.userId,
      updated_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    return id;
  } catch (err) {
    if (isUniqueViolation(err, 'care_plan_case_unique')) throw exists();
    throw err;
  }
}

/**
 * Saves a new version. The save names the version it started from; when someone saved in between the answer is
 * 409 with the current version and nothing is written. A save that changes nothing makes no new version.
 */
export async function savePlan(
  trx: Trx,
  actor: Actor,
  planId: string,
  input: PlanInput & { version: number },
  now: Date,
): Promise<void> {
  const plan = await findPlan(trx, planId);
  if (!plan) throw notFound('plan');
  await requireOpenCaseOf(trx, plan.case_id);
  if (plan.version !== input.version) throw staleVersion(plan.version);
  const content = normalisePlanContent(input);
  await checkResponsibles(trx, content);
  const current = { version: plan.version, content: storedContent(plan.content) };
  if (comparePlanContents(planId, current, { version: plan.version, content }).same) return;
  const updated = await updatePlanContent(trx, planId, input.version, {
    content: JSON.stringify(content),
    updated_by: actor.userId,
    updated_at: now,
  });
  await requireUpdated(updated, async () => ({ version: plan.version }), 'plan');
}

/**
 * GAS at a review: every goal of the current plan version gets its attained level; the Kiresuk–Sherman T-score is
 * stored with the weights and baselines it was computed from.
 */
export async function recordReview(trx: Trx, actor: Actor, planId: string, input: ReviewInput, now: Date) {
  const plan = await findPlan(trx, planId);
  if (!plan) throw notFound('plan');
  await requireOpenCaseOf(trx, plan.case_id);
  if (input.planVersion !== plan.version) throw staleVersion(plan.version);
  if (input.reviewDate > finnishDate(now)) {
    throw invalidField(
      'body.reviewDate',
      'future_date',
      'Attainment is scored on or after the review, not before.',
    );
  }
  const { goals } = storedContent(plan.content);
  const byId = new Map(goals.map((g) => [g.id, g]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.attainments.forEach((a, i) => {
    if (!byId.has(a.goalId)) {
      issues.push({
        field: `body.attainments.${i}.goalId`,
        code: 'unknown_goal',
        message: 'No such goal in this plan.',
      });
    } else if (seen.has(a.goalId)) {
      issues.push({
        field: `body.attainments.${i}.goalId`,
        code: 'duplicate_goal',
        message: 'This goal is scored twice.',
      });
    }
    seen.add(a.goalId);
  });
  const missing = goals.filter((g) => !seen.has(g.id));
  if (missing.length > 0) {
    issues.push({
      field: 'body.attainments',
      code: 'goal_not_scored',
      message: `Score every goal of the plan: ${missing.length} without a level.`,
    });
  }
  if (issues.length > 0) throw badRequest(issues);
  const attainments = goals.map((g) => ({
    goalId: g.id,
    level: input.attainments.find((a) => a.goalId === g.id)!.level,
    weight: g.weight,
    baseline: g.baseline,
  }));
  const tScore = roundTScore(gasTScore(attainments)!);
  const baseline = roundTScore(baselineTScore(goals)!);
  const exists = () =>
    conflict('review_exists', 'Attainment has already been scored for this date.', {
      reviewDate: input.reviewDate,
    });
  const sameDay = (await listReviews(trx, planId)).some((r) => r.review_date === input.reviewDate);
  if (sameDay) throw exists();
  try {
    const { id } = await insertReview(trx, {
      plan_id: planId,
      plan_version: plan.version,
      review_date: input.reviewDate,
      attainments: JSON.stringify(attainments),
      t_score: tScore,
      baseline_t_score: baseline,
      note: input.note,
      created_by: actor.userId,
      updated_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    return { id, tScore, baselineTScore: baseline };
  } catch (err) {
    if (isUniqueViolation(err, 'gas_review_one_per_day')) throw exists();
    throw err;
  }
}

/**
 * The client's acknowledgement of one saved version: in person (recorded by the worker with the client) or through
 * the client's personal link (no worker: `actor` null). Once per version; acknowledging again changes nothing
 * and answers `created: false`.
 */
export async function acknowledgePlan(
  trx: Trx,
  planId: string,
  version: number,
  method: AcknowledgementMethod,
  actor: Actor | null,
  now: Date,
): Promise<{ id: string; created: boolean }> {
  if (method === 'in_person' && !actor)
    throw new Error('An in-person acknowledgement is recorded by a worker');
  if (!(await findPlanVersion(trx, planId, version))) {
    throw invalidField('body.version', 'unknown_version', 'The plan has no such version.');
  }
  const inserted = await insertAcknowledgement(trx, {
    plan_id: planId,
    plan_version: version,
    method,
    acknowledged_at: now,
    recorded_by: actor?.userId ?? null,
    created_at: now,
  });
  if (inserted) return { id: inserted.id, created: true };
  const existing = (await listAcknowledgements(trx, planId)).find((a) => a.plan_version === version)!;
  return { id: existing.id, created: false };
}

export interface PlanView {
  plan: PlanWithNames;
  content: PlanContent;
  acknowledgements: Awaited<ReturnType<typeof listAcknowledgements>>;
  reviews: Awaited<ReturnType<typeof listReviews>>;
  organisationNames: Map<string, string>;
  userNames: Map<string, string>;
}

/** A plan with everything its presenter and its PDF show. */
export async function loadPlanView(trx: Trx, plan: PlanWithNames): Promise<PlanView> {
  const content = storedContent(plan.content);
  const orgIds = [...new Set(content.actions.map((a) => a.responsibleOrganisationId))];
  const userIds = [
    ...new Set(content.actions.flatMap((a) => (a.responsibleUserId ? [a.responsibleUserId] : []))),
  ];
  return {
    plan,
    content,
    acknowledgements: await listAcknowledgements(trx, plan.id),
    reviews: await listReviews(trx, plan.id),
    organisationNames: await organisationNames(trx, orgIds),
    userNames: await userNames(trx, userIds),
  };
}

export async function loadPlanViewById(trx: Trx, planId: string): Promise<PlanView> {
  const plan = await findPlan(trx, planId);
  if (!plan) throw notFound('plan');
  return loadPlanView(trx, plan);
}

/** The client's copy: in the client's preferred language unless another is asked for. */
export async function planPdfData(
  trx: Trx,
  planId: string,
  now: Date,
  language?: Language,
): Promise<PlanPdfData> {
  const view = await loadPlanViewById(trx, planId);
  const kase = await findCase(trx, view.plan.case_id);
  if (!kase) throw notFound('case');
  const client = await trx
    .selectFrom('client')
    .where('id', '=', view.plan.client_id)
    .select(['first_name', 'last_name', 'preferred_language'])
    .executeTakeFirstOrThrow();
  const acknowledged = view.acknowledgements.find((a) => a.plan_version === view.plan.version);
  return {
    language: language ?? client.preferred_language,
    clientName: `${client.first_name} ${client.last_name}`,
    teamName: kase.team_name,
    organisationName: kase.organisation_name,
    caseManagerName: kase.manager_first_name
      ? `${kase.manager_first_name} ${kase.manager_last_name ?? ''}`.trim()
      : null,
    version: view.plan.version,
    savedAt: view.plan.updated_at,
    content: view.content,
    organisationNames: view.organisationNames,
    userNames: view.userNames,
    acknowledgedAt: acknowledged?.acknowledged_at ?? null,
    baselineTScore: view.content.goals.length > 0 ? roundTScore(baselineTScore(view.content.goals)!) : null,
    reviews: view.reviews.map((r) => ({
      reviewDate: r.review_date,
      tScore: r.t_score,
      change: roundTScore(r.t_score - r.baseline_t_score),
    })),
    printedAt: now,
  };
}
