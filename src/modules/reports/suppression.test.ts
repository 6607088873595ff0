import { describe, expect, it } from 'vitest';
import { organisationTables } from './figures/by-organisation.ts';
import { breakdownTable } from './figures/figure-group.ts';
import { columnGroup, type ReportTable, same } from './report-table.ts';
import { presentFigure, presentTable, type Suppression, suppressTable, withShares } from './suppression.ts';

const L = same('x');

/** A breakdown with counts only: rows a, b, c… and a total row. */
function breakdown(counts: Record<string, number>): ReportTable {
  return breakdownTable(
    't',
    null,
    Object.entries(counts).map(([key, count]) => ({ key, label: same(key), count })),
  );
}

/** Row key → the state of its count and share cells in the external version. */
function states(table: ReportTable) {
  const presented = presentTable(table, true);
  return Object.fromEntries(
    presented.rows.map((r) => [
      r.key,
      Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.suppressed])),
    ]),
  ) as Record<string, Record<string, Suppression | null>>;
}

function values(table: ReportTable) {
  const presented = presentTable(table, true);
  return Object.fromEntries(
    presented.rows.map((r) => [
      r.key,
      Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value])),
    ]),
  );
}

describe('small-count suppression', () => {
  it('shows every count of five or more, and their shares', () => {
    const t = breakdown({ men: 10, women: 8 });
    expect(states(t)).toEqual({
      men: { count: null, share: null },
      women: { count: null, share: null },
      total: { count: null, share: null },
    });
    expect(values(t)).toEqual({
      men: { count: 10, share: 55.6 },
      women: { count: 8, share: 44.4 },
      total: { count: 18, share: 100 },
    });
  });

  it('hides a small count and, the total being shown, the next smallest: 130 men and 4 women', () => {
    const t = breakdown({ men: 130, women: 4 });
    expect(states(t)).toEqual({
      men: { count: 'complementary', share: 'derived' },
      women: { count: 'small', share: 'derived' },
      total: { count: null, share: null },
    });
    expect(values(t).total).toEqual({ count: 134, share: 100 });
    expect(values(t).men).toEqual({ count: null, share: null });
  });

  it('hides a third cell when two small ones together are still fewer than five (1 + 2)', () => {
    const t = breakdown({ a: 1, b: 2, c: 50, d: 70 });
    expect(states(t)).toMatchObject({
      a: { count: 'small' },
      b: { count: 'small' },
      c: { count: 'complementary' },
      d: { count: null },
      total: { count: null },
    });
  });

  it('needs no complement when two small cells together are at least five (3 + 4)', () => {
    const t = breakdown({ a: 3, b: 4, c: 50 });
    expect(states(t)).toMatchObject({ a: { count: 'small' }, b: { count: 'small' }, c: { count: null } });
  });

  it('shows zero, and never hides a zero as the complement', () => {
    const t = breakdown({ a: 0, b: 3, c: 20, d: 9 });
    expect(states(t)).toMatchObject({
      a: { count: null, share: null },
      b: { count: 'small' },
      c: { count: null },
      d: { count: 'complementary' },
    });
    expect(values(t).a).toEqual({ count: 0, share: 0 });
  });

  it('hides everything when the total itself is small, and the shares of a small denominator', () => {
    const t = breakdown({ a: 2, b: 1 });
    expect(states(t)).toEqual({
      a: { count: 'small', share: 'derived' },
      b: { count: 'small', share: 'derived' },
      total: { count: 'small', share: 'derived' },
    });
  });

  it('protects a cell that is in two groups: a partition and a subtotal (unemployment)', () => {
    const t: ReportTable = {
      key: 'duration',
      title: null,
      columns: [
        { key: 'count', label: L, kind: 'persons' },
        {
          key: 'share',
          label: L,
          kind: 'share',
          numerator: 'count',
          denominator: { column: 'count', row: 'total' },
        },
      ],
      rows: [
        { key: 'long_term', label: L, cells: { count: 53 } },
        { key: 'over_3', label: L, cells: { count: 50 } },
        { key: '12_to_36', label: L, cells: { count: 3 } },
        { key: 'under_12', label: L, cells: { count: 10 } },
        { key: 'unknown', label: L, cells: { count: 7 } },
        { key: 'total', label: L, total: true, cells: { count: 70 } },
      ],
      groups: [
        columnGroup('count', ['under_12', '12_to_36', 'over_3', 'unknown'], 'total'),
        columnGroup('count', ['12_to_36', 'over_3'], 'long_term'),
      ],
    };
    const s = states(t);
    expect(s['12_to_36']!.count).toBe('small');
    // The partition: the next smallest non-zero member is "unknown" (7); the subtotal: "over 3 years" (50).
    expect(s.unknown!.count).toBe('complementary');
    expect(s.over_3!.count).toBe('complementary');
    expect(s.long_term!.count).toBeNull();
    expect(s.under_12!.count).toBeNull();
    expect(s.total!.count).toBeNull();
    // 53 − (over 3 years) is the small cell: with "over 3 years" hidden it stays anywhere from 1 to 4.
    expect(values(t).long_term!.count).toBe(53);
  });

  it('hides the events of a small number of people, and statistics over fewer than five', () => {
    const t: ReportTable = {
      key: 'visits',
      title: null,
      columns: [
        { key: 'clients', label: L, kind: 'persons' },
        { key: 'visits', label: L, kind: 'events', persons: 'clients' },
        { key: 'median', label: L, kind: 'statistic', unit: 'days', basis: 'clients' },
      ],
      rows: [
        { key: 'few', label: L, cells: { clients: 3, visits: 11, median: 12 } },
        { key: 'enough', label: L, cells: { clients: 5, visits: 4, median: 9.5 } },
        { key: 'none', label: L, cells: { clients: 0, visits: 0, median: null } },
      ],
      groups: [],
    };
    expect(states(t)).toEqual({
      few: { clients: 'small', visits: 'derived', median: 'derived' },
      enough: { clients: null, visits: null, median: null },
      none: { clients: null, visits: null, median: null },
    });
  });

  it('protects events counted without people by the threshold, with complements (consultation contacts)', () => {
    const t = breakdownTable(
      'by_organisation',
      null,
      [
        { key: 'employment', label: L, count: 40 },
        { key: 'social', label: L, count: 12 },
        { key: 'kela', label: L, count: 3 },
      ],
      L,
      'events',
    );
    expect(states(t)).toEqual({
      employment: { count: null, share: null },
      social: { count: 'complementary', share: 'derived' },
      kela: { count: 'small', share: 'derived' },
      total: { count: null, share: null },
    });
  });

  it('hides a share whose denominator row is small even when the numerator is zero or hidden', () => {
    const t: ReportTable = {
      key: 'types',
      title: null,
      columns: [
        { key: 'clients', label: L, kind: 'persons' },
        {
          key: 'share',
          label: L,
          kind: 'share',
          numerator: 'clients',
          denominator: { column: 'clients', row: 'all' },
        },
      ],
      rows: [
        { key: 'kela', label: L, cells: { clients: 0 } },
        { key: 'ngo', label: L, cells: { clients: 2 } },
        { key: 'all', label: L, total: true, cells: { clients: 3 } },
      ],
      groups: [],
    };
    expect(states(t)).toEqual({
      kela: { clients: null, share: 'derived' },
      ngo: { clients: 'small', share: 'derived' },
      all: { clients: 'small', share: 'derived' },
    });
  });

  it('changes nothing in the internal version, and computes shares from their counts', () => {
    const t = breakdown({ men: 130, women: 4 });
    const internal = presentTable(t, false);
    expect(internal.rows.map((r) => [r.key, r.cells.count, r.cells.share])).toEqual([
      ['men', { value: 130, suppressed: null }, { value: 97, suppressed: null }],
      ['women', { value: 4, suppressed: null }, { value: 3, suppressed: null }],
      ['total', { value: 134, suppressed: null }, { value: 100, suppressed: null }],
    ]);
    expect(withShares(t).rows[1]!.cells.share).toBeCloseTo((4 / 134) * 100, 10);
  });

  it('protects across two tables of a figure: organisations and their types', () => {
    // A (type x) 3, B (x) 40, C (y) 10, D (y) 50. Alone, the organisation table would hide A and C and show B;
    // the type table shows x = 43, so A = 43 − 40 would be out. The figure's groups hide B as well.
    const org = (id: string, type: string, count: number) => ({
      organisation_id: id,
      name: id,
      type,
      type_fi: type,
      type_sv: type,
      type_en: type,
      type_order: 0,
      count,
    });
    const { tables, groups } = organisationTables(
      [org('a', 'x', 3), org('b', 'x', 40), org('c', 'y', 10), org('d', 'y', 50)],
      L,
      'persons',
    );
    const alone = presentTable(tables[0]!, true);
    expect(alone.rows.map((r) => [r.key, r.cells.count!.suppressed])).toEqual([
      ['d', null],
      ['b', null],
      ['c', 'complementary'],
      ['a', 'small'],
      ['total', null],
    ]);
    const [byOrganisation, byType] = presentFigure({ id: 'f', tables, groups }, true);
    expect(byOrganisation!.rows.map((r) => [r.key, r.cells.count!.suppressed])).toEqual([
      ['d', 'complementary'],
      ['b', 'complementary'],
      ['c', 'complementary'],
      ['a', 'small'],
      ['total', null],
    ]);
    expect(byType!.rows.map((r) => [r.key, r.cells.count!.value])).toEqual([
      ['y', 60],
      ['x', 43],
      ['total', 103],
    ]);
  });

  it('keeps the rule for every group: hidden members are none, or at least two summing to five or more', () => {
    // Exhaustive over small three-way splits: the rule holds in every suppressed result.
    for (let a = 0; a <= 8; a++) {
      for (let b = 0; b <= 8; b++) {
        for (let c = 0; c <= 8; c++) {
          const t = breakdown({ a, b, c });
          const hidden = suppressTable(withShares(t));
          if (hidden.has('total\u0000count')) continue;
          const members = ['a', 'b', 'c'].filter((k) => hidden.has(`${k}\u0000count`));
          const sum = members.reduce((s, k) => s + ({ a, b, c } as Record<string, number>)[k]!, 0);
          expect(members.length === 0 || (members.length >= 2 && sum >= 5), `${a},${b},${c}`).toBe(true);
        }
      }
    }
  });
});
