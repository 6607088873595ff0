import { Heading, VisuallyHidden } from 'suomifi-ui-components';
import type { Messages } from '../i18n/fi.ts';
import { type Language, useI18n } from '../i18n/language.tsx';
import { type CellDisplay, cellDisplay } from './format.ts';
import { chartOf, isKeyFigureTable } from './presentation.ts';
import type { ReportCell, ReportColumn, ReportFigure, ReportRow, ReportTable } from './queries.ts';
import { ReportChart } from './report-chart.tsx';

/** A cell's value; the marks "<5" and ".." as the API gives them, each said in words to a screen reader. */
function CellValue({ display, t }: { display: CellDisplay; t: Messages }) {
  if (display.kind === 'value' || display.kind === 'small') return display.text;
  return (
    <>
      <span aria-hidden="true">{display.text}</span>
      <VisuallyHidden>{display.kind === 'hidden' ? t.reports.hiddenValue : t.reports.noValue}</VisuallyHidden>
    </>
  );
}

function Cell({
  cell,
  column,
  lang,
  t,
}: {
  cell: ReportCell | undefined;
  column: ReportColumn;
  lang: Language;
  t: Messages;
}) {
  const display = cellDisplay(cell, column, lang);
  return (
    <td className="report-table__num" data-qa="report-cell" data-column={column.key} data-mark={display.kind}>
      <CellValue display={display} t={t} />
    </td>
  );
}

function RowLabel({ row, lang }: { row: ReportRow; lang: Language }) {
  const detail = row.detail?.[lang];
  return (
    <>
      {row.label[lang]}
      {detail && <span className="report-table__detail">{detail}</span>}
    </>
  );
}

/** A table of one row as key figures: each value large, under its label. */
function KeyFigures({ table, lang, t }: { table: ReportTable; lang: Language; t: Messages }) {
  const row = table.rows[0]!;
  const detail = row.detail?.[lang];
  return (
    <div className="key-figures" data-qa="report-key-figures" data-table-key={table.key}>
      <p className="key-figures__caption">
        {table.title ? `${table.title[lang]}: ` : ''}
        {row.label[lang]}
        {detail ? ` – ${detail}` : ''}
      </p>
      <dl className="key-figures__list">
        {table.columns.map((column) => (
          <div className="key-figure" key={column.key}>
            <dt>{column.label[lang]}</dt>
            <dd
              data-qa="report-cell"
              data-column={column.key}
              data-mark={cellDisplay(row.cells[column.key], column, lang).kind}
            >
              <CellValue display={cellDisplay(row.cells[column.key], column, lang)} t={t} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function DataTable({
  table,
  caption,
  lang,
  t,
}: {
  table: ReportTable;
  caption: string;
  lang: Language;
  t: Messages;
}) {
  return (
    <div className="table-wrapper">
      <table className="report-table" data-qa="report-table" data-table-key={table.key}>
        {/* The table's title is the heading above it, or the figure's: said again here for screen readers. */}
        <caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.reports.rowHeader}</th>
            {table.columns.map((c) => (
              <th scope="col" key={c.key} className="report-table__num">
                {c.label[lang]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className={row.total ? 'report-table__total' : undefined}>
              <th scope="row">
                <RowLabel row={row} lang={lang} />
              </th>
              {table.columns.map((c) => (
                <Cell key={c.key} cell={row.cells[c.key]} column={c} lang={lang} t={t} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One figure of the report: its title, its definition as help text (the words of docs/metrics.md, from the
 * API), and its values. A distribution also shows as a chart, with the table right below it. In the print
 * view the definition is always open.
 */
export function ReportFigureView({ figure, print }: { figure: ReportFigure; print: boolean }) {
  const { t, lang } = useI18n();
  const headingId = `figure-${figure.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const title = figure.title[lang];
  const definition = figure.definition[lang];
  return (
    <article
      className="report-figure"
      aria-labelledby={headingId}
      data-qa="report-figure"
      data-figure-id={figure.id}
    >
      <Heading variant="h3" id={headingId} className="report-figure__title" data-qa="report-figure-title">
        {title}
      </Heading>
      {print ? (
        <div className="report-definition report-definition--open" data-qa="report-definition">
          <p className="report-definition__label">{t.reports.definition}</p>
          <p data-qa="report-definition-text">{definition}</p>
        </div>
      ) : (
        <details className="report-definition" data-qa="report-definition">
          <summary>
            {t.reports.definition}
            <VisuallyHidden>{`: ${title}`}</VisuallyHidden>
          </summary>
          <p data-qa="report-definition-text">{definition}</p>
          <p className="report-definition__id">
            {t.reports.figureId}: <span className="mono">{figure.id}</span>
          </p>
        </details>
      )}
      {figure.tables.map((table) => {
        const tableTitle = table.title?.[lang];
        const chart = chartOf(figure, table);
        return (
          <div className="report-figure__table" key={table.key}>
            {tableTitle && !isKeyFigureTable(table) && (
              <Heading variant="h4" className="report-figure__table-title">
                {tableTitle}
              </Heading>
            )}
            {chart && <ReportChart table={table} spec={chart} />}
            {table.rows.length === 0 ? (
              <p className="report-figure__no-rows" data-qa="report-no-rows">
                {t.reports.noRows}
              </p>
            ) : isKeyFigureTable(table) && !chart ? (
              <KeyFigures table={table} lang={lang} t={t} />
            ) : (
              <DataTable table={table} caption={tableTitle ?? title} lang={lang} t={t} />
            )}
          </div>
        );
      })}
    </article>
  );
}
