import ExcelJS from 'exceljs';
import { REPORT_PRINCIPLES } from './metrics.ts';
import type { ReportDto } from './report.schema.ts';
import type { Language } from './report-table.ts';
import { suppressionMark } from './suppression.ts';

type Cell = ReportDto['figures'][number]['tables'][number]['rows'][number]['cells'][string];
type ColumnDto = ReportDto['figures'][number]['tables'][number]['columns'][number];

const TEXT = {
  title: {
    fi: 'Työkykypolku – tiimin raportti',
    sv: 'Työkykypolku – teamets rapport',
    en: 'Työkykypolku – team report',
  },
  period: { fi: 'Jakso', sv: 'Period', en: 'Period' },
  organisation: { fi: 'Organisaatio', sv: 'Organisation', en: 'Organisation' },
  team: { fi: 'Tiimi', sv: 'Team', en: 'Team' },
  municipality: { fi: 'Kunta', sv: 'Kommun', en: 'Municipality' },
  pathway: { fi: 'Palvelupolku', sv: 'Servicestig', en: 'Pathway' },
  all: { fi: 'kaikki', sv: 'alla', en: 'all' },
  audience: { fi: 'Käyttö', sv: 'Användning', en: 'Audience' },
  internal: {
    fi: 'Organisaation sisäiseen käyttöön (tarkat luvut)',
    sv: 'För internt bruk i organisationen (exakta tal)',
    en: 'Internal to the organisation (exact figures)',
  },
  external: {
    fi: 'Organisaation ulkopuolelle (pienet luvut piilotettu)',
    sv: 'För mottagare utanför organisationen (små tal dolda)',
    en: 'For outside the organisation (small counts hidden)',
  },
  generated: { fi: 'Muodostettu', sv: 'Skapad', en: 'Generated' },
  legend: { fi: 'Merkinnät', sv: 'Tecken', en: 'Symbols' },
  small: {
    fi: 'alle viisi henkilöä (tai yhteydenottoa)',
    sv: 'färre än fem personer (eller kontakter)',
    en: 'fewer than five people (or contacts)',
  },
  hidden: {
    fi: 'piilotettu, jottei pientä lukua voi päätellä',
    sv: 'dold så att ett litet tal inte kan härledas',
    en: 'hidden so that a small count cannot be inferred',
  },
  id: { fi: 'Tunnus', sv: 'Beteckning', en: 'Id' },
  definition: { fi: 'Määritelmä', sv: 'Definition', en: 'Definition' },
} as const;

/** The value a cell shows: the number, "<5" or "..", or nothing. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.suppressed) return suppressionMark(cell.suppressed);
  return cell.value === null ? '' : String(cell.value);
}

/** One line per figure value: the long ("tidy") form of the report that CSV carries. */
export interface ReportRecord {
  figure: string;
  figureTitle: string;
  table: string;
  tableTitle: string;
  row: string;
  rowLabel: string;
  rowDetail: string;
  column: string;
  columnLabel: string;
  value: string;
}

export function reportRecords(report: ReportDto, lang: Language): ReportRecord[] {
  return report.figures.flatMap((f) =>
    f.tables.flatMap((t) =>
      t.rows.flatMap((r) =>
        t.columns.map((c) => ({
          figure: f.id,
          figureTitle: f.title[lang],
          table: t.key,
          tableTitle: t.title?.[lang] ?? '',
          row: r.key,
          rowLabel: r.label[lang],
          rowDetail: r.detail?.[lang] ?? '',
          column: c.key,
          columnLabel: c.label[lang],
          value: cellText(r.cells[c.key]),
        })),
      ),
    ),
  );
}

function csvCell(text: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet; a negative number is a number, not a formula.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const CSV_HEADER = [
  'figure',
  'figure_title',
  'table',
  'table_title',
  'row',
  'row_label',
  'row_detail',
  'column',
  'column_label',
  'value',
] as const;

function metaLines(report: ReportDto, lang: Language): [string, string][] {
  const f = report.filters;
  return [
    ['period_from', report.period.from],
    ['period_to', report.period.to],
    ['organisation_id', f.organisationId ?? TEXT.all[lang]],
    ['team_id', f.teamId ?? TEXT.all[lang]],
    ['municipality', f.municipality ?? TEXT.all[lang]],
    ['pathway_id', f.pathwayId ?? TEXT.all[lang]],
    ['audience', report.audience],
    ['generated_at', report.generatedAt],
  ];
}

/**
 * The report as CSV in long form: the report's own rows first (figure "report": period, filters, audience),
 * each figure's definition, then one line per value. UTF-8 with a byte order mark, as spreadsheets expect.
 */
export function reportCsv(report: ReportDto, lang: Language): string {
  const lines: string[] = [CSV_HEADER.join(',')];
  const line = (values: string[]) => lines.push(values.map(csvCell).join(','));
  for (const [key, value] of metaLines(report, lang))
    line(['report', TEXT.title[lang], 'meta', '', key, '', '', 'value', '', value]);
  for (const f of report.figures)
    line([f.id, f.title[lang], 'definition', '', '', '', '', 'text', '', f.definition[lang]]);
  for (const r of reportRecords(report, lang)) {
    line([
      r.figure,
      r.figureTitle,
      r.table,
      r.tableTitle,
      r.row,
      r.rowLabel,
      r.rowDetail,
      r.column,
      r.columnLabel,
      r.value,
    ]);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Sheet names: at most 31 characters, none of []:*?/\ and unique (the figure's number keeps them apart). */
export function sheetName(index: number, title: string): string {
  return `${index + 1} ${title.replace(/[[\]:*?/\\]/g, ' ')}`.slice(0, 31).trim();
}

function numberFormat(column: ColumnDto): string {
  return column.decimals === 0 ? '0' : `0.${'0'.repeat(column.decimals)}`;
}

/**
 * The report as an XLSX workbook: a first sheet with the period, filters, audience, symbols and the rules of
 * every figure, then one sheet per figure: its title, id and definition, and its tables. Numbers are numbers;
 * hidden cells hold "<5" or "..".
 */
export async function reportXlsx(report: ReportDto, lang: Language): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Työkykypolku';
  wb.created = new Date(report.generatedAt);
  const info = wb.addWorksheet(TEXT.title[lang].slice(0, 31).replace(/[[\]:*?/\\]/g, ' '));
  info.getColumn(1).width = 28;
  info.getColumn(2).width = 100;
  info.addRow([TEXT.title[lang]]).font = { bold: true, size: 14 };
  const f = report.filters;
  info.addRow([TEXT.period[lang], `${report.period.from} – ${report.period.to}`]);
  info.addRow([TEXT.organisation[lang], f.organisationId ?? TEXT.all[lang]]);
  info.addRow([TEXT.team[lang], f.teamId ?? TEXT.all[lang]]);
  info.addRow([TEXT.municipality[lang], f.municipality ?? TEXT.all[lang]]);
  info.addRow([TEXT.pathway[lang], f.pathwayId ?? TEXT.all[lang]]);
  info.addRow([
    TEXT.audience[lang],
    report.audience === 'external' ? TEXT.external[lang] : TEXT.internal[lang],
  ]);
  info.addRow([TEXT.generated[lang], report.generatedAt]);
  info.addRow([]);
  info.addRow([TEXT.legend[lang]]).font = { bold: true };
  info.addRow(['<5', TEXT.small[lang]]);
  info.addRow(['..', TEXT.hidden[lang]]);
  for (const p of REPORT_PRINCIPLES) {
    info.addRow([]);
    info.addRow([p.heading[lang]]).font = { bold: true };
    const row = info.addRow(['', p.text[lang]]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }

  report.figures.forEach((figure, index) => {
    const ws = wb.addWorksheet(sheetName(index, figure.title[lang]));
    ws.getColumn(1).width = 48;
    ws.getColumn(2).width = 30;
    for (let c = 3; c <= 12; c++) ws.getColumn(c).width = 16;
    ws.addRow([figure.title[lang]]).font = { bold: true, size: 14 };
    ws.addRow([TEXT.id[lang], figure.id]);
    const def = ws.addRow([TEXT.definition[lang], figure.definition[lang]]);
    def.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    for (const table of figure.tables) {
      ws.addRow([]);
      ws.addRow([table.title?.[lang] ?? '']).font = { bold: true };
      const header = ws.addRow(['', '', ...table.columns.map((c) => c.label[lang])]);
      header.font = { bold: true };
      for (const r of table.rows) {
        const values = table.columns.map((c) => {
          const cell = r.cells[c.key];
          if (!cell) return null;
          return cell.suppressed ? suppressionMark(cell.suppressed) : cell.value;
        });
        const row = ws.addRow([r.label[lang], r.detail?.[lang] ?? '', ...values]);
        if (r.total) row.font = { bold: true };
        table.columns.forEach((c, i) => {
          const cell = row.getCell(i + 3);
          if (typeof cell.value === 'number') cell.numFmt = numberFormat(c);
          else cell.alignment = { horizontal: 'right' };
        });
      }
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
