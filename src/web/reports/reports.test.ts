import { describe, expect, it } from 'vitest';
import { audienceOf, filtersOf, isPrintView, searchOf } from './filters.ts';
import { cellDisplay, formatNumber, isEmptyReport } from './format.ts';
import { chartOf, sectionsOf } from './presentation.ts';
import type { ReportColumn, ReportFigure, ReportTable } from './queries.ts';

const same = (text: string) => ({ fi: text, sv: text, en: text });
const TEAM = '6f9619ff-8b86-4d11-b42d-00c04fc964ff';

const count: ReportColumn = { key: 'count', label: same('n'), kind: 'persons', unit: 'count', decimals: 0 };
const share: ReportColumn = { key: 'share', label: same('%'), kind: 'share', unit: 'percent', decimals: 1 };

function table(
  key: string,
  cells: { count: number | null; suppressed?: 'small' | 'complementary' }[],
): ReportTable {
  return {
    key,
    title: null,
    columns: [count, share],
    rows: cells.map((c, i) => ({
      key: `r${i}`,
      label: same(`row ${i}`),
      detail: null,
      total: false,
      cells: {
        count: { value: c.suppressed ? null : c.count, suppressed: c.suppressed ?? null },
        share: { value: null, suppressed: c.suppressed ? 'derived' : null },
      },
    })),
  };
}

const figure = (id: string, tables: ReportTable[]): ReportFigure => ({
  id,
  title: same(id),
  definition: same(`definition of ${id}`),
  tables,
});

describe('report filters in the address', () => {
  it('reads the filters it knows and leaves out the malformed', () => {
    const params = new URLSearchParams(
      `from=2026-01-01&to=2026-06-30&teamId=${TEAM}&pathwayId=nope&organisationId=all&municipality=Kuopio&x=1`,
    );
    expect(filtersOf(params)).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
      teamId: TEAM,
      organisationId: 'all',
      municipality: 'Kuopio',
    });
    expect(filtersOf(new URLSearchParams('from=1.1.2026&organisationId=x'))).toEqual({});
  });

  it('writes them back with the audience and view, defaults left out', () => {
    const filters = { from: '2026-01-01', teamId: TEAM };
    expect(searchOf(filters).toString()).toBe(`from=2026-01-01&teamId=${TEAM}`);
    const search = searchOf(filters, { audience: 'external', print: true });
    expect(filtersOf(search)).toEqual(filters);
    expect(audienceOf(search)).toBe('external');
    expect(isPrintView(search)).toBe(true);
    expect(searchOf(filters, { audience: 'internal' }).has('audience')).toBe(false);
    expect(audienceOf(new URLSearchParams('audience=other'))).toBe('internal');
  });
});

describe('report cells', () => {
  it('shows "<5" and ".." as the API marks them, numbers in the language’s way', () => {
    expect(cellDisplay({ value: null, suppressed: 'small' }, count, 'fi').text).toBe('<5');
    expect(cellDisplay({ value: null, suppressed: 'complementary' }, count, 'fi').text).toBe('..');
    expect(cellDisplay({ value: null, suppressed: 'derived' }, share, 'fi').text).toBe('..');
    expect(cellDisplay({ value: null, suppressed: null }, share, 'fi').kind).toBe('none');
    expect(cellDisplay({ value: 47.06, suppressed: null }, share, 'fi').text).toBe('47,1');
    expect(cellDisplay({ value: 47.06, suppressed: null }, share, 'en').text).toBe('47.1');
    expect(formatNumber(1234, 0, 'en')).toBe('1,234');
  });

  it('calls a report empty only when every count is zero and nothing is hidden', () => {
    expect(isEmptyReport([figure('a.b', [table('t', [{ count: 0 }, { count: null }])])])).toBe(true);
    expect(isEmptyReport([figure('a.b', [table('t', [{ count: 0 }, { count: 2 }])])])).toBe(false);
    expect(isEmptyReport([figure('a.b', [table('t', [{ count: null, suppressed: 'small' }])])])).toBe(false);
  });
});

describe('report layout', () => {
  it('groups figures into sections in the API’s order; an unknown group goes under "other"', () => {
    const sections = sectionsOf([
      figure('clients.period', []),
      figure('visits.coordinator', []),
      figure('consultations.asking_organisation', []),
      figure('clients.age', []),
      figure('future.figure', []),
    ]);
    expect(sections.map((s) => [s.key, s.figures.map((f) => f.id)])).toEqual([
      ['clients', ['clients.period', 'clients.age']],
      ['visits', ['visits.coordinator', 'consultations.asking_organisation']],
      ['other', ['future.figure']],
    ]);
  });

  it('draws the distributions as charts', () => {
    const outcomes = table('outcomes', [{ count: 1 }]);
    expect(chartOf(figure('cases.outcomes', [outcomes]), outcomes)).toEqual({
      value: 'share',
      count: 'count',
    });
    const question = table('any_question', [{ count: 1 }]);
    expect(chartOf(figure('experience.prem', [question]), question)?.value).toBe('share');
    expect(chartOf(figure('clients.period', [outcomes]), outcomes)).toBeNull();
  });
});
