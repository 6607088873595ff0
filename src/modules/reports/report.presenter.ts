import { type MetricId, metric } from './metrics.ts';
import type { ReportDto } from './report.schema.ts';
import type { ReportScope } from './report-scope.ts';
import { type Column, decimalsOf, type Figure } from './report-table.ts';
import { presentFigure, SUPPRESSION_THRESHOLD } from './suppression.ts';

function unitOf(column: Column): ReportDto['figures'][number]['tables'][number]['columns'][number]['unit'] {
  if (column.kind === 'share') return 'percent';
  if (column.kind === 'statistic') return column.unit;
  return 'count';
}

/** The report as the API sends it: each figure with its definition, each table presented for its audience. */
export function presentReport(
  figures: Figure[],
  scope: ReportScope,
  external: boolean,
  now: Date,
): ReportDto {
  return {
    period: { from: scope.from, to: scope.to },
    filters: {
      organisationId: scope.organisationId,
      teamId: scope.teamId,
      municipality: scope.municipality,
      pathwayId: scope.pathwayId,
    },
    audience: external ? 'external' : 'internal',
    suppression: { applied: external, threshold: SUPPRESSION_THRESHOLD },
    generatedAt: now.toISOString(),
    figures: figures.map((f) => {
      const m = metric(f.id as MetricId);
      return {
        id: f.id,
        title: m.title,
        definition: m.definition,
        tables: presentFigure(f, external).map((presented) => {
          return {
            key: presented.key,
            title: presented.title,
            columns: presented.columns.map((c) => ({
              key: c.key,
              label: c.label,
              kind: c.kind,
              unit: unitOf(c),
              decimals: decimalsOf(c),
            })),
            rows: presented.rows.map((r) => ({
              key: r.key,
              label: r.label,
              detail: r.detail ?? null,
              total: r.total === true,
              cells: r.cells,
            })),
          };
        }),
      };
    }),
  };
}
