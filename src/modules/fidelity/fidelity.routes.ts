import { z } from 'zod';
import type { Trx } from '../../server/db/database.ts';
import { defineRoute } from '../../server/http/route.ts';
import { IdParams } from '../../server/http/schemas.ts';
import { finnishDate } from '../../server/policy/client-access.ts';
import { presentItem, presentReview, presentReviewSummary } from './fidelity.presenter.ts';
import {
  largestTeamCaseload,
  listItems,
  listOrganisationTeams,
  listReviewScores,
  listTeamReviews,
  requireOwnReview,
  requireOwnTeam,
} from './fidelity.repository.ts';
import {
  CreateReviewBody,
  FidelityItemDto,
  FinaliseReviewBody,
  ReviewDto,
  TeamFidelityDto,
  UpdateReviewBody,
} from './fidelity.schema.ts';
import { createReview, finaliseReview, updateReview } from './fidelity.service.ts';
import { caseloadItemScore } from './fidelity-scoring.ts';

// Fidelity reviews are about a coaching team, not about clients: role-scoped, filtered to the actor's organisation
// (another organisation's team or review answers 404).
const tags = ['fidelity'];

async function reviewDto(trx: Trx, organisationId: string, id: string) {
  const r = await requireOwnReview(trx, organisationId, id);
  return presentReview(
    r,
    await listItems(trx),
    await listReviewScores(trx, id),
    caseloadItemScore(await largestTeamCaseload(trx, r.team_id)),
  );
}

async function teamFidelity(trx: Trx, team: { id: string; name: string }, today: string) {
  const reviews = await listTeamReviews(trx, team.id);
  const latest = reviews.find((r) => r.status === 'final') ?? null;
  const draft = reviews.find((r) => r.status === 'draft') ?? null;
  const nextReviewDue = latest?.next_review_due ?? null;
  return {
    team: { id: team.id, name: team.name },
    latest: latest ? presentReviewSummary(latest) : null,
    draft: draft ? presentReviewSummary(draft) : null,
    nextReviewDue,
    overdue: nextReviewDue !== null && nextReviewDue < today,
    history: reviews.map(presentReviewSummary),
  };
}

const items = defineRoute({
  method: 'GET',
  url: '/api/fidelity/items',
  summary:
    'The 25 items of the IPS fidelity scale in their groups (names to be checked against the official manual)',
  tags,
  action: 'fidelity.read',
  audit: 'FidelityItemList',
  response: z.array(FidelityItemDto),
  async handler({ trx }) {
    return (await listItems(trx)).map(presentItem);
  },
});

const teams = defineRoute({
  method: 'GET',
  url: '/api/fidelity/teams',
  summary: 'Your organisation’s teams with their latest fidelity band, review history and next review date',
  tags,
  action: 'fidelity.read',
  audit: 'FidelityTeamList',
  response: z.array(TeamFidelityDto),
  async handler({ trx, actor, now, audit }) {
    const rows = await listOrganisationTeams(trx, actor.organisationId);
    audit.metadata.count = rows.length;
    const today = finnishDate(now);
    const out = [];
    for (const t of rows) out.push(await teamFidelity(trx, t, today));
    return out;
  },
});

const history = defineRoute({
  method: 'GET',
  url: '/api/teams/:id/fidelity-reviews',
  summary: 'A team’s fidelity reviews, newest first, with the next review date',
  tags,
  action: 'fidelity.read',
  audit: 'FidelityReviewList',
  params: IdParams,
  response: TeamFidelityDto,
  async handler({ trx, actor, params, now, audit }) {
    audit.targetId = params.id;
    const team = await requireOwnTeam(trx, actor.organisationId, params.id);
    return teamFidelity(trx, team, finnishDate(now));
  },
});

const create = defineRoute({
  method: 'POST',
  url: '/api/teams/:id/fidelity-reviews',
  summary: 'Start a fidelity review of a coaching team (two reviewers)',
  tags,
  action: 'fidelity.create',
  audit: 'FidelityReviewCreate',
  params: IdParams,
  body: CreateReviewBody,
  response: ReviewDto,
  status: 201,
  async handler({ trx, actor, params, body, now, audit }) {
    const id = await createReview(trx, actor, params.id, body, now);
    audit.targetId = id;
    audit.metadata.teamId = params.id;
    return reviewDto(trx, actor.organisationId, id);
  },
});

const read = defineRoute({
  method: 'GET',
  url: '/api/fidelity-reviews/:id',
  summary: 'A fidelity review: both reviewers’ item scores, the agreed scores, totals, band and action plan',
  tags,
  action: 'fidelity.read',
  audit: 'FidelityReviewRead',
  params: IdParams,
  response: ReviewDto,
  async handler({ trx, actor, params, audit }) {
    audit.targetId = params.id;
    return reviewDto(trx, actor.organisationId, params.id);
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/fidelity-reviews/:id',
  summary: 'Save item scores, reviewers and the action plan of a draft review',
  tags,
  action: 'fidelity.update',
  audit: 'FidelityReviewUpdate',
  params: IdParams,
  body: UpdateReviewBody,
  response: ReviewDto,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    audit.metadata.items = body.items.length;
    await updateReview(trx, actor, params.id, body, now);
    return reviewDto(trx, actor.organisationId, params.id);
  },
});

const finalise = defineRoute({
  method: 'POST',
  url: '/api/fidelity-reviews/:id/finalise',
  summary:
    'Finalise: total (25–125), band and next review date are computed; 409 scores_missing or action_plan_missing',
  tags,
  action: 'fidelity.finalise',
  audit: 'FidelityReviewFinalise',
  params: IdParams,
  body: FinaliseReviewBody,
  response: ReviewDto,
  async handler({ trx, actor, params, body, now, audit }) {
    audit.targetId = params.id;
    const { total, band } = await finaliseReview(trx, actor, params.id, body.version, now);
    audit.metadata.total = total;
    audit.metadata.band = band;
    return reviewDto(trx, actor.organisationId, params.id);
  },
});

export const fidelityRoutes = [items, teams, history, create, read, update, finalise];
