import type { z } from 'zod';
import { personName } from '../cases/calendar.ts';
import type { ReviewWithNames } from './fidelity.repository.ts';
import type { FidelityItemDto, ReviewDto, ReviewSummaryDto } from './fidelity.schema.ts';
import type { FidelityItemRow, FidelityItemScoreRow } from './fidelity.table.ts';
import { disagreements, groupTotals } from './fidelity-scoring.ts';

export function presentItem(i: FidelityItemRow): z.infer<typeof FidelityItemDto> {
  return {
    code: i.code,
    number: i.number,
    group: i.item_group,
    nameFi: i.name_fi,
    nameSv: i.name_sv,
    nameEn: i.name_en,
    textChecked: i.text_checked,
  };
}

export function presentReviewSummary(r: ReviewWithNames): z.infer<typeof ReviewSummaryDto> {
  return {
    id: r.id,
    team: { id: r.team_id, name: r.team_name },
    reviewDate: r.review_date,
    status: r.status,
    total: r.total_score,
    band: r.band,
    nextReviewDue: r.next_review_due,
  };
}

export function presentReview(
  r: ReviewWithNames,
  items: FidelityItemRow[],
  scores: FidelityItemScoreRow[],
  suggestedCaseloadScore: number,
): ReviewDto {
  const byCode = new Map(scores.map((s) => [s.item_code, s]));
  const rows = items.map((i) => {
    const s = byCode.get(i.code);
    return {
      ...presentItem(i),
      reviewer1: s?.reviewer_1_score ?? null,
      reviewer2: s?.reviewer_2_score ?? null,
      agreed: s?.agreed_score ?? null,
      note: s?.note ?? '',
    };
  });
  return {
    ...presentReviewSummary(r),
    organisation: { id: r.organisation_id, name: r.organisation_name },
    reviewer1Name: r.reviewer_1_name,
    reviewer2Name: r.reviewer_2_name,
    items: rows,
    groupTotals: groupTotals(rows.map((i) => ({ group: i.group, score: i.agreed }))),
    agreedCount: rows.filter((i) => i.agreed !== null).length,
    disagreements: disagreements(rows),
    suggestedCaseloadScore,
    actionPlan: r.action_plan,
    finalisedAt: r.finalised_at?.toISOString() ?? null,
    finalisedBy: personName(r.finaliser_first_name, r.finaliser_last_name),
    version: r.version,
  };
}
