import { describe, expect, it } from 'vitest';
import type { PlanContent } from './plan.schema.ts';
import { comparePlanContents } from './plan-diff.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const goal = (n: number, text = `Tavoite ${n}`) => ({
  id: id(n),
  text,
  scale: { minus2: 'a', minus1: 'b', zero: 'c', plus1: 'd', plus2: 'e' },
  weight: 1,
  targetDate: '2026-06-30',
  baseline: -1 as const,
});
const action = (n: number) => ({
  id: id(100 + n),
  description: `Toimenpide ${n}`,
  goalIds: [id(1)],
  responsibleOrganisationId: id(900),
  responsibleUserId: null,
  dueDate: '2026-04-30',
  status: 'planned' as const,
});
const content = (over: Partial<PlanContent> = {}): PlanContent => ({
  goals: [goal(1), goal(2)],
  actions: [action(1)],
  assessment: {
    ownGoalsAndSkills: 'x',
    workAbilityInUse: '',
    treatmentAndRehabilitationNeed: '',
    specialSupportNeed: '',
  },
  reviewDates: ['2026-04-01'],
  ...over,
});
const compare = (a: PlanContent, b: PlanContent) =>
  comparePlanContents(id(0), { version: 1, content: a }, { version: 2, content: b });

describe('comparing plan versions', () => {
  it('finds nothing between equal versions', () => {
    expect(compare(content(), content())).toMatchObject({
      same: true,
      assessment: [],
      goalsReordered: false,
    });
  });

  it('matches goals by id and lists changed fields, GAS levels included', () => {
    const edited = { ...goal(2, 'Uusi sanamuoto'), weight: 3, scale: { ...goal(2).scale, plus2: 'f' } };
    const diff = compare(content(), content({ goals: [goal(1), edited, goal(3)] }));
    expect(diff.goals.added.map((g) => g.id)).toEqual([id(3)]);
    expect(diff.goals.removed).toEqual([]);
    expect(diff.goals.changed).toEqual([
      {
        id: id(2),
        changes: [
          { field: 'text', from: 'Tavoite 2', to: 'Uusi sanamuoto' },
          { field: 'scale.plus2', from: 'e', to: 'f' },
          { field: 'weight', from: 1, to: 3 },
        ],
      },
    ]);
    expect(diff.same).toBe(false);
  });

  it('lists removed actions, changed assessment areas and review dates', () => {
    const diff = compare(
      content(),
      content({
        actions: [],
        assessment: { ...content().assessment, specialSupportNeed: 'Tulkki' },
        reviewDates: ['2026-06-01'],
      }),
    );
    expect(diff.actions.removed.map((a) => a.id)).toEqual([id(101)]);
    expect(diff.assessment).toEqual([{ field: 'specialSupportNeed', from: '', to: 'Tulkki' }]);
    expect(diff.reviewDates).toEqual({ added: ['2026-06-01'], removed: ['2026-04-01'] });
  });

  it('notices goals put in another order', () => {
    const diff = compare(content(), content({ goals: [goal(2), goal(1)] }));
    expect(diff).toMatchObject({ goalsReordered: true, same: false });
    expect(diff.goals.changed).toEqual([]);
  });

  it('ignores the order of an action’s goal ids', () => {
    const a = { ...action(1), goalIds: [id(1), id(2)] };
    const b = { ...action(1), goalIds: [id(2), id(1)] };
    expect(compare(content({ actions: [a] }), content({ actions: [b] })).same).toBe(true);
  });
});
