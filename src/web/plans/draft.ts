import { ASSESSMENT_KEYS, GAS_SCALE_KEYS, MAX_WEIGHT } from '../../modules/plans/plan.schema.ts';
import type { Messages } from '../i18n/fi.ts';
import { finnishToIso, isoToFinnish } from '../shared/dates.ts';
import type { Plan, PlanInput } from './queries.ts';

export { ASSESSMENT_KEYS, GAS_SCALE_KEYS };
export type ScaleKey = (typeof GAS_SCALE_KEYS)[number];
export type AssessmentKey = (typeof ASSESSMENT_KEYS)[number];
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** The GAS level of each scale key, −2…+2. */
export const LEVEL_OF: Record<ScaleKey, number> = { minus2: -2, minus1: -1, zero: 0, plus1: 1, plus2: 2 };
export const NO_PERSON = 'none';

/** A random version 4 UUID: a new goal has its id from the start, so that actions can name it before saving. */
export function newId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface GoalDraft {
  id: string;
  text: string;
  scale: Record<ScaleKey, string>;
  weight: string;
  /** As typed, 2.3.2026. */
  targetDate: string;
  baseline: '-1' | '-2';
}

export interface ActionDraft {
  id: string;
  description: string;
  goalIds: string[];
  responsibleOrganisationId: string;
  responsibleUserId: string;
  dueDate: string;
  status: ActionStatus;
}

export interface PlanDraft {
  goals: GoalDraft[];
  actions: ActionDraft[];
  assessment: Record<AssessmentKey, string>;
  reviewDates: { key: string; value: string }[];
}

const emptyScale = (): Record<ScaleKey, string> => ({
  minus2: '',
  minus1: '',
  zero: '',
  plus1: '',
  plus2: '',
});

export function emptyGoal(): GoalDraft {
  return { id: newId(), text: '', scale: emptyScale(), weight: '1', targetDate: '', baseline: '-1' };
}

export function emptyAction(organisationId: string): ActionDraft {
  return {
    id: newId(),
    description: '',
    goalIds: [],
    responsibleOrganisationId: organisationId,
    responsibleUserId: NO_PERSON,
    dueDate: '',
    status: 'planned',
  };
}

export function emptyDraft(organisationId: string): PlanDraft {
  return {
    goals: [emptyGoal()],
    actions: [emptyAction(organisationId)],
    assessment: {
      ownGoalsAndSkills: '',
      workAbilityInUse: '',
      treatmentAndRehabilitationNeed: '',
      specialSupportNeed: '',
    },
    reviewDates: [{ key: newId(), value: '' }],
  };
}

export function draftOf(plan: Plan): PlanDraft {
  return {
    goals: plan.goals.map((g) => ({
      id: g.id,
      text: g.text,
      scale: { ...g.scale },
      weight: String(g.weight),
      targetDate: isoToFinnish(g.targetDate),
      baseline: g.baseline === -2 ? '-2' : '-1',
    })),
    actions: plan.actions.map((a) => ({
      id: a.id,
      description: a.description,
      goalIds: [...a.goalIds],
      responsibleOrganisationId: a.responsibleOrganisationId,
      responsibleUserId: a.responsibleUserId ?? NO_PERSON,
      dueDate: isoToFinnish(a.dueDate),
      status: a.status,
    })),
    assessment: { ...plan.assessment },
    reviewDates: plan.reviewDates.map((d) => ({ key: newId(), value: isoToFinnish(d) })),
  };
}

/**
 * The draft as the API takes it, or the fields to fix first (named as the API names them, goals.0.text), so
 * that the user hears of empty and malformed fields at once and the server's answer lands in the same places.
 */
export function inputOf(
  t: Messages,
  draft: PlanDraft,
): { input: PlanInput; fields: null } | { input: null; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const required = (path: string, value: string) => {
    if (value.trim() === '') fields[path] = t.errors.issues.required;
  };
  const date = (path: string, value: string): string => {
    if (value.trim() === '') {
      fields[path] = t.errors.issues.required;
      return '';
    }
    const iso = finnishToIso(value);
    if (!iso) fields[path] = t.errors.issues.invalid_date;
    return iso ?? '';
  };
  const goals = draft.goals.map((g, i) => {
    required(`goals.${i}.text`, g.text);
    // In the order of the form: +2 first.
    for (const k of [...GAS_SCALE_KEYS].reverse()) required(`goals.${i}.scale.${k}`, g.scale[k]);
    const weight = Number(g.weight);
    if (!Number.isInteger(weight) || weight < 1 || weight > MAX_WEIGHT)
      fields[`goals.${i}.weight`] = t.plans.plan.weightRule(MAX_WEIGHT);
    return {
      id: g.id,
      text: g.text.trim(),
      scale: Object.fromEntries(GAS_SCALE_KEYS.map((k) => [k, g.scale[k].trim()])) as Record<
        ScaleKey,
        string
      >,
      weight,
      targetDate: date(`goals.${i}.targetDate`, g.targetDate),
      baseline: g.baseline === '-2' ? (-2 as const) : (-1 as const),
    };
  });
  const goalIds = new Set(goals.map((g) => g.id));
  const actions = draft.actions.map((a, i) => {
    required(`actions.${i}.description`, a.description);
    required(`actions.${i}.responsibleOrganisationId`, a.responsibleOrganisationId);
    return {
      id: a.id,
      description: a.description.trim(),
      goalIds: a.goalIds.filter((id) => goalIds.has(id)),
      responsibleOrganisationId: a.responsibleOrganisationId,
      responsibleUserId: a.responsibleUserId === NO_PERSON ? null : a.responsibleUserId,
      dueDate: date(`actions.${i}.dueDate`, a.dueDate),
      status: a.status,
    };
  });
  const reviewDates = draft.reviewDates
    .map((d, i) => (d.value.trim() === '' ? null : date(`reviewDates.${i}`, d.value)))
    .filter((d): d is string => d !== null);
  if (Object.keys(fields).length > 0) return { input: null, fields };
  return { input: { goals, actions, assessment: draft.assessment, reviewDates }, fields: null };
}
