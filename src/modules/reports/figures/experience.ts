import { type RawBuilder, sql } from 'kysely';
import type { InstrumentDefinition } from '../../questionnaires/instrument.schema.ts';
import { andCaseInScope, dateInPeriod, type ReportScope } from '../report-scope.ts';
import { localised, type ReportTable, same } from '../report-table.ts';
import { breakdownTable, type FigureGroup, N } from './figure-group.ts';
import { latestDefinitions } from './instruments.ts';

export const PREM_CODE = 'prem';
export const STAKEHOLDER_CODE = 'stakeholder_survey';

type Question = Extract<InstrumentDefinition['items'][number], { type: 'choice' | 'scale' }>;

/** The questions reported: choices and scales. Free text and number entries never are. */
function questionsOf(def: InstrumentDefinition | undefined): Question[] {
  return (def?.items ?? []).filter((i): i is Question => i.type === 'choice' || i.type === 'scale');
}

/**
 * One statement per survey: the answers of the period grouped by the combination of answers to all questions
 * (a few thousand groups at most), so the table is read once and each question's distribution is summed here.
 */
async function answerCounts(
  run: <R>(q: RawBuilder<R>) => Promise<R[]>,
  questions: Question[],
  from: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
): Promise<Map<string, number>[]> {
  if (questions.length === 0) return [];
  const rows = await run<Record<string, string | number | null>>(sql`
    select ${sql.join(questions.map((q, i) => sql`r.answers ->> ${q.id} as ${sql.ref(`a${i}`)}`))}, count(*) as n
    from ${from}
    where ${where}
    group by ${sql.join(questions.map((_, i) => sql.raw(String(i + 1))))}
  `);
  return questions.map((_, i) => {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const value = row[`a${i}`];
      if (value === null || value === undefined) continue;
      const key = String(Number(value));
      counts.set(key, (counts.get(key) ?? 0) + Number(row.n));
    }
    return counts;
  });
}

/** One table per question: each answer's count and share of those who answered it; n is the total row. */
function questionTables(questions: Question[], counts: Map<string, number>[]): ReportTable[] {
  return questions.map((q, i) => {
    const seen = counts[i] ?? new Map<string, number>();
    const options =
      q.type === 'choice'
        ? q.options.map((o) => ({ value: String(o.value), label: localised(o.label, String(o.value)) }))
        : Array.from({ length: q.max - q.min + 1 }, (_, k) => {
            const value = q.min + k;
            const end = value === q.min ? q.minLabel : value === q.max ? q.maxLabel : undefined;
            return { value: String(value), label: end ? localised(end) : same(String(value)) };
          });
    // An answer given under an older version's options still counts, under its value.
    for (const value of seen.keys()) {
      if (!options.some((o) => o.value === value)) options.push({ value, label: same(value) });
    }
    const table = breakdownTable(
      q.id,
      localised(q.text, q.id),
      options.map((o) => ({ key: o.value, label: o.label, count: seen.get(o.value) ?? 0 })),
    );
    return { ...table, rows: table.rows.map((r) => (r.key === 'total' ? { ...r, label: N } : r)) };
  });
}

function stakeholderWhere(scope: ReportScope): RawBuilder<unknown> {
  const conditions = [
    sql`r.instrument_id in (select i.id from instrument i where i.code = ${STAKEHOLDER_CODE})`,
    dateInPeriod(sql.ref('r.answered_on'), scope),
    ...(scope.organisationId ? [sql`r.organisation_id = ${scope.organisationId}`] : []),
    ...(scope.teamId ? [sql`r.team_id = ${scope.teamId}`] : []),
  ];
  return sql.join(conditions, sql` and `);
}

/** The client experience survey (PREM) on the cases in scope, and the stakeholder survey on the teams in scope. */
export const experienceFigures: FigureGroup = {
  id: 'experience',
  metrics: ['experience.prem', 'experience.stakeholder'],
  async compute(ctx) {
    const { scope, run } = ctx;
    const instruments = await latestDefinitions(ctx);
    const prem = questionsOf(instruments.get(PREM_CODE)?.definition);
    const premCounts = await answerCounts(
      run,
      prem,
      sql`measurement_response r`,
      sql`r.instrument_id in (select i.id from instrument i where i.code = ${PREM_CODE})
        and ${dateInPeriod(sql.ref('r.answered_on'), scope)}
        ${andCaseInScope(scope, sql.ref('r.case_id'))}`,
    );
    const stakeholder = questionsOf(instruments.get(STAKEHOLDER_CODE)?.definition);
    const stakeholderCounts = await answerCounts(
      run,
      stakeholder,
      sql`stakeholder_response r`,
      stakeholderWhere(scope),
    );
    return [
      { id: 'experience.prem', tables: questionTables(prem, premCounts) },
      { id: 'experience.stakeholder', tables: questionTables(stakeholder, stakeholderCounts) },
    ];
  },
};
