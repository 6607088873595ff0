import { Bar, BarChart, CartesianGrid, LabelList, Text, XAxis, YAxis } from 'recharts';
import { VisuallyHidden } from 'suomifi-ui-components';
import type { Messages } from '../i18n/fi.ts';
import { useI18n } from '../i18n/language.tsx';
import { type CellDisplay, cellDisplay, formatNumber, withUnit } from './format.ts';
import type { ChartSpec } from './presentation.ts';
import type { ReportColumn, ReportTable } from './queries.ts';

/** Suomi.fi highlight blue: 5.1:1 against white, so the bars stand out for low vision too. */
const BAR = 'hsl(212, 63%, 45%)';
const TEXT = 'hsl(0, 0%, 13%)';
const GRID = 'hsl(202, 7%, 80%)';
const AXIS_WIDTH = 280;
const FONT = 14;

interface Datum {
  label: string;
  value: number;
  text: string;
}

function TickLabel(props: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  return (
    <Text
      x={Number(props.x ?? 0)}
      y={Number(props.y ?? 0)}
      width={AXIS_WIDTH - 12}
      textAnchor="end"
      verticalAnchor="middle"
      fontSize={FONT}
      fill={TEXT}
    >
      {String(props.payload?.value ?? '')}
    </Text>
  );
}

type Coordinate = number | string | undefined;

/** The value at the end of its bar; drawn for an empty bar too ("0,0 %", "<5"). */
function BarLabel(props: {
  x?: Coordinate;
  y?: Coordinate;
  width?: Coordinate;
  height?: Coordinate;
  value?: unknown;
}) {
  const x = Number(props.x ?? 0) + Number(props.width ?? 0) + 6;
  const y = Number(props.y ?? 0) + Number(props.height ?? 0) / 2;
  return (
    <text x={x} y={y} dominantBaseline="central" fontSize={FONT} fill={TEXT}>
      {String(props.value ?? '')}
    </text>
  );
}

/** A plain bar. A shape of its own keeps empty bars in the chart, so that their labels are drawn too. */
function BarShape(props: { x?: Coordinate; y?: Coordinate; width?: Coordinate; height?: Coordinate }) {
  const width = Number(props.width ?? 0);
  if (!(width > 0)) return <g />;
  return (
    <rect
      x={Number(props.x ?? 0)}
      y={Number(props.y ?? 0)}
      width={width}
      height={Number(props.height ?? 0)}
      fill={BAR}
    />
  );
}

/**
 * A bar's label: the value with its unit and the count beside it ("47,1 % (8)", "14,0 vrk (n = 12)"). A
 * share hidden because its count is small says "<5", as the count's cell does; otherwise the mark itself.
 */
function barText(
  shown: CellDisplay,
  count: CellDisplay | null,
  column: ReportColumn,
  spec: ChartSpec,
  t: Messages,
): string {
  if (shown.kind !== 'value') return count?.kind === 'small' ? count.text : shown.text;
  const text = withUnit(shown.text, column, t);
  if (!count) return text;
  return spec.count === 'n' && count.kind === 'value'
    ? `${text} (n = ${count.text})`
    : `${text} (${count.text})`;
}

/**
 * A distribution as horizontal bars, one colour, each bar labelled with its value: nothing is told by
 * colour alone. The chart is hidden from assistive technology; the same figures are in the table right
 * below it. A hidden count ("<5", "..") draws no bar and keeps its mark as the label.
 */
export function ReportChart({ table, spec }: { table: ReportTable; spec: ChartSpec }) {
  const { t, lang } = useI18n();
  const valueColumn = table.columns.find((c) => c.key === spec.value);
  const countColumn = spec.count ? table.columns.find((c) => c.key === spec.count) : undefined;
  if (!valueColumn) return null;
  const rows = table.rows.filter((r) => !r.total);
  const details = new Set(rows.map((r) => r.detail?.[lang] ?? ''));
  const data: Datum[] = rows.map((row) => {
    const shown = cellDisplay(row.cells[valueColumn.key], valueColumn, lang);
    const count = countColumn ? cellDisplay(row.cells[countColumn.key], countColumn, lang) : null;
    const value = shown.kind === 'value' ? shown.value : 0;
    const text = barText(shown, count, valueColumn, spec, t);
    const detail = row.detail?.[lang];
    return {
      label: details.size > 1 && detail ? `${row.label[lang]} – ${detail}` : row.label[lang],
      value,
      text,
    };
  });
  // Nothing to draw (no answers in the period): the table below says so with its zeros and n.
  if (data.length === 0 || data.every((d) => d.value === 0)) return null;
  const percent = valueColumn.unit === 'percent';
  const longest = Math.max(...data.map((d) => d.label.length));
  // About 7 px a character at 14 px: a label wraps onto as many lines as it needs within the axis.
  const lines = Math.min(4, Math.max(1, Math.ceil((longest * 7) / (AXIS_WIDTH - 12))));
  const rowHeight = Math.max(34, lines * 18 + 12);
  const height = data.length * rowHeight + 40;
  return (
    <figure className="report-chart" data-qa="report-chart">
      <div className="report-chart__canvas" aria-hidden="true">
        <BarChart
          layout="vertical"
          data={data}
          responsive
          style={{ width: '100%', height }}
          height={height}
          margin={{ top: 4, right: 120, bottom: 4, left: 4 }}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} stroke={GRID} />
          <XAxis
            type="number"
            domain={percent ? [0, 100] : [0, 'auto']}
            ticks={percent ? [0, 25, 50, 75, 100] : undefined}
            tickFormatter={(v: number) => formatNumber(v, 0, lang)}
            tick={{ fill: TEXT, fontSize: FONT }}
            stroke={TEXT}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={AXIS_WIDTH}
            tick={<TickLabel />}
            interval={0}
            stroke={TEXT}
          />
          <Bar
            dataKey="value"
            fill={BAR}
            shape={<BarShape />}
            isAnimationActive={false}
            barSize={Math.min(24, rowHeight - 10)}
          >
            <LabelList dataKey="text" content={<BarLabel />} />
          </Bar>
        </BarChart>
      </div>
      <figcaption>
        <VisuallyHidden>{t.reports.chartNote}</VisuallyHidden>
      </figcaption>
    </figure>
  );
}
