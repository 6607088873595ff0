import {
  ASSESSMENT_KEYS,
  type FieldChange,
  GAS_SCALE_KEYS,
  type PlanAction,
  type PlanComparisonDto,
  type PlanContent,
  type PlanGoal,
} from './plan.schema.ts';

type Value = FieldChange['from'];

function same(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const x = [...a].sort();
    const y = [...b].sort();
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return a === b;
}

function changesOf(fields: [string, Value, Value][]): FieldChange[] {
  return fields.filter(([, from, to]) => !same(from, to)).map(([field, from, to]) => ({ field, from, to }));
}

function goalFields(a: PlanGoal, b: PlanGoal): FieldChange[] {
  return changesOf([
    ['text', a.text, b.text],
    ...GAS_SCALE_KEYS.map((k): [string, Value, Value] => [`scale.${k}`, a.scale[k], b.scale[k]]),
    ['weight', a.weight, b.weight],
    ['targetDate', a.targetDate, b.targetDate],
    ['baseline', a.baseline, b.baseline],
  ]);
}

function actionFields(a: PlanAction, b: PlanAction): FieldChange[] {
  return changesOf([
    ['description', a.description, b.description],
    ['goalIds', a.goalIds, b.goalIds],
    ['responsibleOrganisationId', a.responsibleOrganisationId, b.responsibleOrganisationId],
    ['responsibleUserId', a.responsibleUserId, b.responsibleUserId],
    ['dueDate', a.dueDate, b.dueDate],
    ['status', a.status, b.status],
  ]);
}

function diffItems<T extends { id: string }>(from: T[], to: T[], fields: (a: T, b: T) => FieldChange[]) {
  const before = new Map(from.map((i) => [i.id, i]));
  const after = new Map(to.map((i) => [i.id, i]));
  return {
    added: to.filter((i) => !before.has(i.id)),
    removed: from.filter((i) => !after.has(i.id)),
    changed: to.flatMap((i) => {
      const old = before.get(i.id);
      if (!old) return [];
      const changes = fields(old, i);
      return changes.length > 0 ? [{ id: i.id, changes }] : [];
    }),
  };
}

/** The items both versions have are in another order (the client's order of goals matters to the client). */
function reordered(from: { id: string }[], to: { id: string }[]): boolean {
  const kept = new Set(to.map((i) => i.id));
  const before = from.map((i) => i.id).filter((id) => kept.has(id));
  const common = new Set(before);
  const after = to.map((i) => i.id).filter((id) => common.has(id));
  return before.some((id, i) => id !== after[i]);
}

/**
 * What changed between two saved versions of a plan: goals and actions are matched by their ids (kept from
 * version to version), so an edited goal shows field by field and not as one removed and one added.
 */
export function comparePlanContents(
  planId: string,
  from: { version: number; content: PlanContent },
  to: { version: number; content: PlanContent },
): PlanComparisonDto {
  const goals = diffItems(from.content.goals, to.content.goals, goalFields);
  const actions = diffItems(from.content.actions, to.content.actions, actionFields);
  const assessment = changesOf(
    ASSESSMENT_KEYS.map((k): [string, Value, Value] => [
      k,
      from.content.assessment[k],
      to.content.assessment[k],
    ]),
  );
  const beforeDates = new Set(from.content.reviewDates);
  const afterDates = new Set(to.content.reviewDates);
  const reviewDates = {
    added: to.content.reviewDates.filter((d) => !beforeDates.has(d)),
    removed: from.content.reviewDates.filter((d) => !afterDates.has(d)),
  };
  const counts = [goals, actions].flatMap((d) => [d.added.length, d.removed.length, d.changed.length]);
  const goalsReordered = reordered(from.content.goals, to.content.goals);
  const actionsReordered = reordered(from.content.actions, to.content.actions);
  return {
    planId,
    from: from.version,
    to: to.version,
    goals,
    actions,
    assessment,
    reviewDates,
    goalsReordered,
    actionsReordered,
    same:
      counts.every((n) => n === 0) &&
      !goalsReordered &&
      !actionsReordered &&
      assessment.length === 0 &&
      reviewDates.added.length === 0 &&
      reviewDates.removed.length === 0,
  };
}
