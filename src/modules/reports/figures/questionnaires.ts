import { sql } from 'kysely';
import { isIndividualRule } from '../../questionnaires/scoring.ts';
import { andCaseInScope, dateInPeriod } from '../report-scope.ts';
import { type Localised, localised, type ReportTable } from '../report-table.ts';
import { type FigureGroup, N, num, numOrNull } from './figure-group.ts';
import { latestDefinitions } from './instruments.ts';

interface ResponseRow {
  code: string;
  offset_months: number;
  due: number;
  answered: number;
  expired: number;
  open: number;
}

interface ChangeRow {
  code: string;
  offset_months: number;
  key: string;
  n: number;
  baseline: number | null;
  follow_up: number | null;
  change: number | null;
}

export function roundLabel(offsetMonths: number): Localised {
  return offsetMonths === 0
    ? { fi: 'Alkutilanne', sv: 'Utgångsläge', en: 'Baseline' }
    : { fi: `${offsetMonths} kk`, sv: `${offsetMonths} mån.`, en: `${offsetMonths} months` };
}

const persons = (key: string, label: Localised) => ({ key, label, kind: 'persons' as const });
const score = (key: string, label: Localised) => ({
  key,
  label,
  kind: 'statistic' as const,
  unit: 'score' as const,
  basis: 'n',
});

/**
 * Measurements due in the period by instrument and round, and the change from baseline of every person-level
 * score: two statements. The second reads measurement_score_pair, where triggers keep each answered follow-up
 * score beside the same score at the case's baseline.
 */
export const questionnaireFigures: FigureGroup = {
  id: 'questionnaires',
  metrics: ['questionnaires.responses', 'questionnaires.change'],
  async compute(ctx) {
    const { scope, run } = ctx;
    const instruments = await latestDefinitions(ctx);
    const nameOf = (code: string) => localised(instruments.get(code)?.definition.name, code);

    const responses = await run<ResponseRow>(sql`
      select m.instrument_code as code, m.offset_months,
        count(*) as due,
        count(*) filter (where m.status = 'answered') as answered,
        count(*) filter (where m.status = 'expired') as expired,
        count(*) filter (where m.status in ('due', 'sent')) as open
      from measurement m
      where ${dateInPeriod(sql.ref('m.due_on'), scope)}
        ${andCaseInScope(scope, sql.ref('m.case_id'))}
      group by m.instrument_code, m.offset_months
    `);
    responses.sort(
      (a, b) => nameOf(a.code).fi.localeCompare(nameOf(b.code).fi, 'fi') || a.offset_months - b.offset_months,
    );
    const responseTable: ReportTable = {
      key: 'responses',
      title: null,
      columns: [
        persons('due', { fi: 'Määräaikaiset', sv: 'Förfallna', en: 'Due' }),
        persons('answered', { fi: 'Vastatut', sv: 'Besvarade', en: 'Answered' }),
        persons('expired', {
          fi: 'Vanhentuneet vastaamatta',
          sv: 'Utgångna utan svar',
          en: 'Expired unanswered',
        }),
        persons('open', { fi: 'Vielä avoinna', sv: 'Ännu öppna', en: 'Still open' }),
        {
          key: 'answered_share',
          label: { fi: 'Vastattu %', sv: 'Besvarade %', en: 'Answered %' },
          kind: 'share',
          numerator: 'answered',
          denominator: { column: 'due' },
        },
      ],
      rows: responses.map((r) => ({
        key: `${r.code}:${r.offset_months}`,
        label: nameOf(r.code),
        detail: roundLabel(r.offset_months),
        cells: { due: num(r.due), answered: num(r.answered), expired: num(r.expired), open: num(r.open) },
      })),
      groups: responses.map((r) => ({
        members: ['answered', 'expired', 'open'].map((column) => ({
          row: `${r.code}:${r.offset_months}`,
          column,
        })),
        total: { row: `${r.code}:${r.offset_months}`, column: 'due' },
      })),
    };

    // Person-level scores of the clients' instruments: item, sum and mean rules (not NPS or shares).
    const keys = [...instruments.values()]
      .filter((i) => i.respondent === 'client')
      .flatMap((i) =>
        i.definition.scores.filter(isIndividualRule).map((rule) => [i.code, rule.key] as const),
      );
    const changes = keys.length
      ? await run<ChangeRow>(sql`
          select p.instrument_code as code, p.offset_months, p.score_key as key, count(*) as n,
            avg(p.baseline) as baseline, avg(p.follow_up) as follow_up, avg(p.follow_up - p.baseline) as change
          from measurement_score_pair p
          where ${dateInPeriod(sql.ref('p.due_on'), scope)}
            and (p.instrument_code, p.score_key) in (${sql.join(keys.map(([code, key]) => sql`(${code}, ${key})`))})
            ${andCaseInScope(scope, sql.ref('p.case_id'))}
          group by p.instrument_code, p.offset_months, p.score_key
        `)
      : [];
    const order = new Map(keys.map(([code, key], i) => [`${code}:${key}`, i]));
    changes.sort(
      (a, b) =>
        nameOf(a.code).fi.localeCompare(nameOf(b.code).fi, 'fi') ||
        (order.get(`${a.code}:${a.key}`) ?? 0) - (order.get(`${b.code}:${b.key}`) ?? 0) ||
        a.offset_months - b.offset_months,
    );
    const changeTable: ReportTable = {
      key: 'change',
      title: null,
      columns: [
        { key: 'n', label: N, kind: 'persons' },
        score('baseline', { fi: 'Alussa, ka.', sv: 'I början, medelv.', en: 'Baseline mean' }),
        score('follow_up', { fi: 'Seurannassa, ka.', sv: 'Vid uppföljning, medelv.', en: 'Follow-up mean' }),
        score('change', { fi: 'Muutos, ka.', sv: 'Förändring, medelv.', en: 'Mean change' }),
      ],
      rows: changes.map((c) => {
        const name = nameOf(c.code);
        const rule = instruments.get(c.code)?.definition.scores.find((s) => s.key === c.key);
        const label = localised(rule?.label, c.key);
        const round = roundLabel(c.offset_months);
        return {
          key: `${c.code}:${c.key}:${c.offset_months}`,
          label: {
            fi: `${name.fi}: ${label.fi}`,
            sv: `${name.sv}: ${label.sv}`,
            en: `${name.en}: ${label.en}`,
          },
          detail: round,
          cells: {
            n: num(c.n),
            baseline: numOrNull(c.baseline),
            follow_up: numOrNull(c.follow_up),
            change: numOrNull(c.change),
          },
        };
      }),
      groups: [],
    };
    return [
      { id: 'questionnaires.responses', tables: [responseTable] },
      { id: 'questionnaires.change', tables: [changeTable] },
    ];
  },
};
