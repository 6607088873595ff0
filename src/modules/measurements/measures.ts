import type { Answers, InstrumentDefinition, LocalText } from '../questionnaires/instrument.schema.ts';
import { bandOf, isIndividualRule, scoreGroup, showsIndividualScores } from '../questionnaires/scoring.ts';
import type { MeasurementStatus } from './measurement.table.ts';
import { roundName } from './rounds.ts';

/**
 * Change and response rate, computed from measurement rows. Pure: the routes load the rows (filtered by
 * access), these functions do the arithmetic that the tests check by hand.
 */

/** Aggregates over fewer people than this are not shown: a small group's mean is a person's score. */
export const MIN_GROUP_SIZE = 5;

export interface MeasurementFact {
  measurementId: string;
  caseId: string;
  code: string;
  offsetMonths: number;
  dueOn: string;
  status: MeasurementStatus;
  /** A link was sent for it at some point. */
  hadLink: boolean;
  source: 'client_link' | 'professional' | null;
  answeredOn: string | null;
  answers: Answers | null;
  scores: Record<string, number | null> | null;
  /** The definition answered under (its scores' labels and bands). */
  instrumentId: string | null;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const rate = (answered: number, sent: number) => (sent ? (answered / sent) * 100 : null);

// ---- One client ----------------------------------------------------------------------------------------

export interface ClientScore {
  key: string;
  label: LocalText;
  value: number | null;
  band: LocalText | null;
  /** This round's value minus the baseline's, when both exist. */
  change: number | null;
}

export interface ClientRound {
  measurementId: string;
  round: string;
  offsetMonths: number;
  dueOn: string;
  status: MeasurementStatus;
  answeredOn: string | null;
  source: 'client_link' | 'professional' | null;
  /** Null when the instrument is reported for groups only (its answers are not shown per person). */
  scores: ClientScore[] | null;
}

export interface ClientInstrumentMeasures {
  code: string;
  name: LocalText;
  kind: InstrumentDefinition['kind'];
  individualScores: boolean;
  rounds: ClientRound[];
}

/** A client's measurements of one case, grouped by instrument, each round with its change from baseline. */
export function clientMeasures(
  facts: readonly MeasurementFact[],
  latestByCode: ReadonlyMap<string, InstrumentDefinition>,
  definitionsById: ReadonlyMap<string, InstrumentDefinition>,
): ClientInstrumentMeasures[] {
  const codes = [...new Set(facts.map((f) => f.code))];
  return codes.flatMap((code) => {
    const latest = latestByCode.get(code);
    if (!latest) return [];
    const individual = showsIndividualScores(latest);
    const rows = facts.filter((f) => f.code === code).sort((a, b) => a.offsetMonths - b.offsetMonths);
    const baseline = rows.find((r) => r.offsetMonths === 0)?.scores ?? null;
    return [
      {
        code,
        name: latest.name,
        kind: latest.kind,
        individualScores: individual,
        rounds: rows.map((r) => {
          const def = (r.instrumentId && definitionsById.get(r.instrumentId)) || latest;
          const scores =
            !individual || !r.scores
              ? null
              : def.scores.filter(isIndividualRule).map((rule) => {
                  const value = r.scores?.[rule.key] ?? null;
                  const base = baseline?.[rule.key] ?? null;
                  return {
                    key: rule.key,
                    label: rule.label,
                    value,
                    band: bandOf(rule, value),
                    change: r.offsetMonths > 0 && value !== null && base !== null ? value - base : null,
                  };
                });
          return {
            measurementId: r.measurementId,
            round: roundName(r.offsetMonths),
            offsetMonths: r.offsetMonths,
            dueOn: r.dueOn,
            status: r.status,
            answeredOn: r.answeredOn,
            source: r.source,
            scores,
          };
        }),
      },
    ];
  });
}

// ---- A group (the summary) ----------------------------------------------------------------------------

export interface ChangeFigure {
  key: string;
  label: LocalText;
  /** People with both a baseline and this follow-up. */
  n: number;
  baselineMean: number | null;
  followUpMean: number | null;
  meanChange: number | null;
  suppressed: boolean;
}
export interface GroupFigure {
  key: string;
  label: LocalText;
  n: number;
  value: number | null;
  suppressed: boolean;
}
export interface ResponseRate {
  sent: number;
  answered: number;
  /** answered / sent, in per cent. */
  rate: number | null;
}

export interface InstrumentSummary {
  code: string;
  name: LocalText;
  kind: InstrumentDefinition['kind'];
  scoringLevel: InstrumentDefinition['scoringLevel'];
  change: { round: string; offsetMonths: number; scores: ChangeFigure[] }[];
  groupScores: { round: string; offsetMonths: number; scores: GroupFigure[] }[];
  /** Null for instruments never sent by link (result entries). */
  responseRate: {
    total: ResponseRate;
    byRound: (ResponseRate & { round: string; offsetMonths: number })[];
    byMonth: (ResponseRate & { month: string })[];
  } | null;
}

export interface Period {
  from: string;
  to: string;
}

const inPeriod = (date: string, p: Period) => date >= p.from && date <= p.to;

/** Of the measurements sent by link, how many have an answer (by the link, or on paper entered afterwards). */
function responseRate(facts: readonly MeasurementFact[]): ResponseRate {
  const sent = facts.filter((f) => f.hadLink);
  const answered = sent.filter((f) => f.source !== null).length;
  return { sent: sent.length, answered, rate: rate(answered, sent.length) };
}

/**
 * Per instrument, for measurements due in the period: the mean baseline, mean follow-up and mean change
 * over people with both (the follow-up due in the period, its baseline whenever it was); group scores
 * (NPS, shares, group means) per round; and the response rate of links (answered / sent) in total, per
 * round and per month of the due date. Means over fewer than MIN_GROUP_SIZE people are suppressed.
 */
export function summariseMeasures(
  facts: readonly MeasurementFact[],
  latestByCode: ReadonlyMap<string, InstrumentDefinition>,
  period: Period,
): InstrumentSummary[] {
  const codes = [...new Set(facts.map((f) => f.code))].sort();
  return codes.flatMap((code) => {
    const def = latestByCode.get(code);
    if (!def) return [];
    const all = facts.filter((f) => f.code === code);
    const due = all.filter((f) => inPeriod(f.dueOn, period));
    const offsets = [...new Set(due.map((f) => f.offsetMonths))].sort((a, b) => a - b);
    const baselineByCase = new Map(
      all.filter((f) => f.offsetMonths === 0 && f.scores).map((f) => [f.caseId, f.scores!]),
    );
    const individualRules = def.scores.filter(isIndividualRule);

    const change = offsets
      .filter((o) => o > 0)
      .map((offset) => {
        const followUps = due.filter((f) => f.offsetMonths === offset && f.scores);
        return {
          round: roundName(offset),
          offsetMonths: offset,
          scores: individualRules.map((rule): ChangeFigure => {
            const pairs = followUps.flatMap((f) => {
              const base = baselineByCase.get(f.caseId)?.[rule.key] ?? null;
              const value = f.scores?.[rule.key] ?? null;
              return base !== null && value !== null ? [[base, value] as const] : [];
            });
            const suppressed = pairs.length < MIN_GROUP_SIZE;
            const baselineMean = mean(pairs.map(([b]) => b));
            const followUpMean = mean(pairs.map(([, v]) => v));
            return {
              key: rule.key,
              label: rule.label,
              n: pairs.length,
              baselineMean: suppressed ? null : baselineMean,
              followUpMean: suppressed ? null : followUpMean,
              meanChange: suppressed ? null : mean(pairs.map(([b, v]) => v - b)),
              suppressed,
            };
          }),
        };
      });

    const groupScores = offsets.map((offset) => {
      const answerSets = due.filter((f) => f.offsetMonths === offset && f.answers).map((f) => f.answers!);
      const group = scoreGroup(def, answerSets);
      return {
        round: roundName(offset),
        offsetMonths: offset,
        scores: def.scores.map((rule): GroupFigure => {
          const g = group[rule.key] ?? { n: 0, value: null };
          const suppressed = g.n < MIN_GROUP_SIZE;
          return { key: rule.key, label: rule.label, n: g.n, value: suppressed ? null : g.value, suppressed };
        }),
      };
    });

    const linked = due.filter((f) => f.hadLink);
    const months = [...new Set(linked.map((f) => f.dueOn.slice(0, 7)))].sort();
    return [
      {
        code,
        name: def.name,
        kind: def.kind,
        scoringLevel: def.scoringLevel,
        change,
        groupScores,
        responseRate: linked.length
          ? {
              total: responseRate(linked),
              byRound: [...new Set(linked.map((f) => f.offsetMonths))]
                .sort((a, b) => a - b)
                .map((offset) => ({
                  round: roundName(offset),
                  offsetMonths: offset,
                  ...responseRate(linked.filter((f) => f.offsetMonths === offset)),
                })),
              byMonth: months.map((month) => ({
                month,
                ...responseRate(linked.filter((f) => f.dueOn.startsWith(month))),
              })),
            }
          : null,
      },
    ];
  });
}
