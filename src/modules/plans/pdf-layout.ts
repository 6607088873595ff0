import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * A small layout layer over pdfkit for tagged (screen-reader readable) PDFs: every piece of text is written
 * inside a structure element (H1, P, TD …), drawn lines are artifacts, and text is set in Source Sans 3.
 * Fontsource ships the font split by script; each character is written with the first subset that covers it.
 */

const require = createRequire(import.meta.url);
const SUBSETS = [
  'latin',
  'latin-ext',
  'vietnamese',
  'cyrillic',
  'cyrillic-ext',
  'greek',
  'greek-ext',
] as const;
type Subset = (typeof SUBSETS)[number];
export type Weight = 'regular' | 'bold';
const WEIGHTS: Record<Weight, number> = { regular: 400, bold: 700 };

interface FontFiles {
  ranges: { subset: Subset; ranges: [number, number][] }[];
  files: Map<string, Buffer>;
}
let fonts: FontFiles | undefined;

function parseRanges(spec: string): [number, number][] {
  return spec.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(from!, 16), Number.parseInt(to ?? from!, 16)];
  });
}

/** Read once per process: the font files are embedded (subset to the glyphs used) in every PDF. */
function loadFonts(): FontFiles {
  if (fonts) return fonts;
  const unicode = JSON.parse(
    fs.readFileSync(require.resolve('@fontsource/source-sans-3/unicode.json'), 'utf8'),
  ) as Record<string, string>;
  const files = new Map<string, Buffer>();
  for (const subset of SUBSETS) {
    for (const [weight, n] of Object.entries(WEIGHTS)) {
      const file = require.resolve(
        `@fontsource/source-sans-3/files/source-sans-3-${subset}-${n}-normal.woff`,
      );
      files.set(`${weight}-${subset}`, fs.readFileSync(file));
    }
  }
  fonts = {
    ranges: SUBSETS.map((subset) => ({ subset, ranges: parseRanges(unicode[subset] ?? '') })),
    files,
  };
  return fonts;
}

function subsetOf(codePoint: number): Subset {
  for (const { subset, ranges } of loadFonts().ranges) {
    if (ranges.some(([a, b]) => codePoint >= a && codePoint <= b)) return subset;
  }
  return 'latin';
}

/** The text cut into runs that one font subset can set; whitespace stays with the run it is in. */
export function fontRuns(text: string): { subset: Subset; text: string }[] {
  const runs: { subset: Subset; text: string }[] = [];
  for (const char of text.normalize('NFC')) {
    const cp = char.codePointAt(0)!;
    const last = runs[runs.length - 1];
    const subset = /\s/.test(char) && last ? last.subset : subsetOf(cp);
    if (last && last.subset === subset) last.text += char;
    else runs.push({ subset, text: char });
  }
  return runs;
}

export interface TextStyle {
  weight?: Weight;
  size?: number;
  color?: string;
}

interface Column {
  header: string;
  width: number;
}

const PAD = 4;
const BORDER = '#8a8a8a';
const HEADER_STYLE: TextStyle = { weight: 'bold', size: 10 };
const CELL_STYLE: TextStyle = { size: 10 };

export class TaggedPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly root: PDFKit.PDFStructureElement;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(options: { title: string; lang: string; author?: string; creationDate: Date }) {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 56, left: 60, right: 60 },
      pdfVersion: '1.7',
      tagged: true,
      lang: options.lang,
      displayTitle: true,
      autoFirstPage: true,
      info: {
        Title: options.title,
        Creator: 'Työkykypolku',
        Producer: 'Työkykypolku',
        CreationDate: options.creationDate,
        ...(options.author ? { Author: options.author } : {}),
      },
    });
    this.doc = doc;
    for (const [name, file] of loadFonts().files) doc.registerFont(name, file);
    doc.font('regular-latin').fontSize(11).fillColor('#000000');
    this.done = new Promise((resolve, reject) => {
      doc.on('data', (c: Buffer) => this.chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      doc.on('error', reject);
    });
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  get contentWidth(): number {
    const { page } = this.doc;
    return page.width - page.margins.left - page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Height the text needs at this width (measured with the Latin subset, which sets almost all of it). */
  measure(text: string, width: number, style: TextStyle = {}): number {
    this.doc.font(`${style.weight ?? 'regular'}-latin`).fontSize(style.size ?? 11);
    return this.doc.heightOfString(text || ' ', { width });
  }

  /** Writes the text at (x, y) or at the cursor, switching font subsets run by run. */
  private write(text: string, style: TextStyle, at?: { x: number; y: number; width: number }) {
    const doc = this.doc;
    const runs = fontRuns(text.length > 0 ? text : ' ');
    const weight = style.weight ?? 'regular';
    doc.fontSize(style.size ?? 11).fillColor(style.color ?? '#000000');
    runs.forEach((run, i) => {
      doc.font(`${weight}-${run.subset}`);
      const continued = i < runs.length - 1;
      if (i === 0) {
        if (at) doc.text(run.text, at.x, at.y, { width: at.width, continued, lineGap: 2 });
        else doc.text(run.text, { width: this.contentWidth, continued, lineGap: 2 });
      } else {
        doc.text(run.text, { continued });
      }
    });
    doc.fillColor('#000000');
  }

  /** A block-level element (H1…H6, P) with its text, kept with the next line when near the page end. */
  block(
    parent: PDFKit.PDFStructureElement,
    type: string,
    text: string,
    style: TextStyle = {},
    spaceAfter = 6,
  ) {
    const doc = this.doc;
    doc.x = doc.page.margins.left;
    // A heading stays with the first lines that follow it.
    this.ensureSpace(type.startsWith('H') ? this.measure(text, this.contentWidth, style) + 60 : 30);
    const element = doc.struct(type);
    parent.add(element);
    element.add(() => this.write(text, style));
    element.end();
    doc.y += spaceAfter;
  }

  /** Starts a new page unless `height` still fits on this one (or would not fit on any page anyway). */
  ensureSpace(height: number) {
    const doc = this.doc;
    const pageRoom = this.bottom - doc.page.margins.top;
    if (doc.y + height > this.bottom && height <= pageRoom) doc.addPage();
  }

  private columnWidths(columns: Column[]): number[] {
    const total = columns.reduce((s, c) => s + c.width, 0);
    return columns.map((c) => (c.width / total) * this.contentWidth);
  }

  private rowHeight(cells: string[], widths: number[], style: TextStyle): number {
    return Math.max(...cells.map((text, i) => this.measure(text, widths[i]! - 2 * PAD, style) + 2)) + 2 * PAD;
  }

  /** The height a table will take, to keep a short table together with its heading. */
  tableHeight(columns: Column[], rows: string[][]): number {
    const widths = this.columnWidths(columns);
    const header = this.rowHeight(
      columns.map((c) => c.header),
      widths,
      HEADER_STYLE,
    );
    return rows.reduce((sum, row) => sum + this.rowHeight(row, widths, CELL_STYLE), header) + 8;
  }

  heading(parent: PDFKit.PDFStructureElement, level: 1 | 2 | 3, text: string) {
    const size = level === 1 ? 20 : level === 2 ? 15 : 12.5;
    if (level > 1) this.doc.y += level === 2 ? 10 : 4;
    this.block(parent, `H${level}`, text, { weight: 'bold', size }, level === 1 ? 10 : 4);
  }

  paragraph(parent: PDFKit.PDFStructureElement, text: string, style: TextStyle = {}) {
    this.block(parent, 'P', text, style);
  }

  /** A section (Sect) grouping a heading and its content for navigation. */
  section(parent: PDFKit.PDFStructureElement): PDFKit.PDFStructureElement {
    const sect = this.doc.struct('Sect');
    parent.add(sect);
    return sect;
  }

  /** A list (L → LI → LBody) of short items. */
  list(parent: PDFKit.PDFStructureElement, items: string[]) {
    const doc = this.doc;
    const list = doc.struct('L');
    parent.add(list);
    for (const item of items) {
      if (doc.y + 20 > this.bottom) doc.addPage();
      const li = doc.struct('LI');
      list.add(li);
      const y = doc.y;
      const lbl = doc.struct('Lbl');
      li.add(lbl);
      lbl.add(() => this.write('•', {}, { x: doc.page.margins.left + 6, y, width: 10 }));
      lbl.end();
      const body = doc.struct('LBody');
      li.add(body);
      body.add(() =>
        this.write(item, {}, { x: doc.page.margins.left + 20, y, width: this.contentWidth - 20 }),
      );
      body.end();
      li.end();
      doc.y += 2;
    }
    list.end();
    doc.x = doc.page.margins.left;
    doc.y += 6;
  }

  /**
   * A table: a header row of TH cells (scope Column) and rows of TD cells. A row is not split across pages;
   * the rules between cells are drawn as artifacts so that screen readers skip them.
   */
  table(parent: PDFKit.PDFStructureElement, columns: Column[], rows: string[][]) {
    const doc = this.doc;
    const table = doc.struct('Table');
    parent.add(table);
    const left = doc.page.margins.left;
    const widths = this.columnWidths(columns);
    const drawRow = (cells: string[], header: boolean) => {
      const style = header ? HEADER_STYLE : CELL_STYLE;
      const height = this.rowHeight(cells, widths, style);
      if (doc.y + height > this.bottom) doc.addPage();
      const top = doc.y;
      if (header) {
        doc.markContent('Artifact', { type: 'Layout' });
        doc.rect(left, top, this.contentWidth, height).fill('#eeeeee');
        doc.endMarkedContent();
      }
      const tr = doc.struct('TR');
      table.add(tr);
      let x = left;
      cells.forEach((text, i) => {
        const width = widths[i]!;
        const cell = header
          ? doc.struct('TH', { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions)
          : doc.struct('TD');
        tr.add(cell);
        const cellX = x;
        cell.add(() => this.write(text, style, { x: cellX + PAD, y: top + PAD, width: width - 2 * PAD }));
        cell.end();
        x += width;
      });
      tr.end();
      doc.markContent('Artifact', { type: 'Layout' });
      doc.lineWidth(0.5).strokeColor(BORDER);
      doc.rect(left, top, this.contentWidth, height).stroke();
      let edge = left;
      for (const width of widths.slice(0, -1)) {
        edge += width;
        doc
          .moveTo(edge, top)
          .lineTo(edge, top + height)
          .stroke();
      }
      doc.endMarkedContent();
      doc.x = left;
      doc.y = top + height;
    };
    drawRow(
      columns.map((c) => c.header),
      true,
    );
    for (const row of rows) drawRow(row, false);
    table.end();
    doc.x = left;
    doc.y += 8;
  }

  finish(): Promise<Buffer> {
    this.root.end();
    this.doc.end();
    return this.done;
  }
}
