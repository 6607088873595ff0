import { describe, expect, it } from 'vitest';
import { contactsPerCoachPerWeek, weekStart } from './contact-rate.ts';

describe('employer contacts per coach per week', () => {
  const contacts = [
    ...Array.from({ length: 12 }, (_, i) => ({
      coachUserId: 'a',
      contactedOn: i < 6 ? '2026-03-03' : '2026-03-10',
    })),
    { coachUserId: 'b', contactedOn: '2026-03-04' },
    { coachUserId: 'b', contactedOn: '2026-02-27' },
  ];

  it('divides the contacts in the period by its weeks', () => {
    const [a, b, c] = contactsPerCoachPerWeek(contacts, ['a', 'b', 'c'], '2026-03-02', '2026-03-15');
    expect(a).toMatchObject({ coachUserId: 'a', contacts: 12, perWeek: 6, meetsTarget: true });
    expect(b).toMatchObject({ coachUserId: 'b', contacts: 1, perWeek: 0.5, meetsTarget: false });
    expect(c).toMatchObject({ coachUserId: 'c', contacts: 0, perWeek: 0 });
  });

  it('lists each calendar week from Monday', () => {
    const [a] = contactsPerCoachPerWeek(contacts, ['a'], '2026-03-02', '2026-03-15');
    expect(a!.weeks).toEqual([
      { weekStart: '2026-03-02', contacts: 6 },
      { weekStart: '2026-03-09', contacts: 6 },
    ]);
  });

  it('finds the Monday of any day', () => {
    expect(weekStart('2026-03-08')).toBe('2026-03-02');
    expect(weekStart('2026-03-02')).toBe('2026-03-02');
    expect(weekStart('2026-01-01')).toBe('2025-12-29');
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => contactsPerCoachPerWeek([], [], '2026-03-02', '2026-03-01')).toThrow(RangeError);
  });
});
