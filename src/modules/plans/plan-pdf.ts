import type { Language } from '../clients/client.table.ts';
import { TaggedPdf } from './pdf-layout.ts';
import { ASSESSMENT_KEYS, GAS_SCALE_KEYS, type PlanContent } from './plan.schema.ts';
import { PLAN_PDF_STRINGS, type PlanPdfStrings } from './plan-pdf.strings.ts';

/** Everything the client's copy of the plan shows; names are resolved before rendering. */
export interface PlanPdfData {
  language: Language;
  clientName: string;
  teamName: string;
  organisationName: string;
  caseManagerName: string | null;
  version: number;
  savedAt: Date;
  content: PlanContent;
  organisationNames: ReadonlyMap<string, string>;
  userNames: ReadonlyMap<string, string>;
  /** When the client acknowledged the version shown; null when not (yet). */
  acknowledgedAt: Date | null;
  baselineTScore: number | null;
  reviews: { reviewDate: string; tScore: number; change: number }[];
  printedAt: Date;
}

const SCALE_LEVELS: Record<(typeof GAS_SCALE_KEYS)[number], string> = {
  minus2: '-2',
  minus1: '-1',
  zero: '0',
  plus1: '1',
  plus2: '2',
};

/** A GAS level as printed: a true minus sign and an explicit plus, so that "+1" is not read as "1". */
export function signed(n: number, decimals = 0): string {
  const text = Math.abs(n).toLocaleString('en', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
}

function formatters(s: PlanPdfStrings) {
  const day = new Intl.DateTimeFormat(s.locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const moment = new Intl.DateTimeFormat(s.locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Helsinki',
  });
  const decimal = new Intl.NumberFormat(s.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return {
    /** A calendar date (ISO string) in the reader's language. */
    date: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
    /** The Finnish calendar day of a moment. */
    dayOf: (at: Date) => moment.format(at),
    score: (t: number) => decimal.format(t),
    change: (d: number) => (d > 0 ? '+' : d < 0 ? '−' : '') + decimal.format(Math.abs(d)),
  };
}

/** The client's own copy of the plan, in the client's language, tagged for screen readers. */
export async function renderPlanPdf(data: PlanPdfData): Promise<Buffer> {
  const s = PLAN_PDF_STRINGS[data.language];
  const f = formatters(s);
  const pdf = new TaggedPdf({ title: s.title, lang: s.locale, creationDate: data.printedAt });
  const root = pdf.root;
  const { content } = data;

  pdf.heading(root, 1, s.title);
  pdf.paragraph(root, `${s.client}: ${data.clientName}`);
  pdf.paragraph(root, `${s.team}: ${data.teamName}, ${data.organisationName}`);
  if (data.caseManagerName) pdf.paragraph(root, `${s.caseManager}: ${data.caseManagerName}`);
  pdf.paragraph(root, s.version(data.version, f.dayOf(data.savedAt)));
  pdf.paragraph(root, data.acknowledgedAt ? s.acknowledged(f.dayOf(data.acknowledgedAt)) : s.notAcknowledged);
  pdf.paragraph(root, s.intro);

  const goals = pdf.section(root);
  pdf.heading(goals, 2, s.goals);
  if (content.goals.length === 0) pdf.paragraph(goals, s.noGoals);
  const scaleColumns = [
    { header: s.level, width: 38 },
    { header: s.description, width: 100 },
  ];
  content.goals.forEach((goal, i) => {
    const heading = `${s.goal(i + 1)}: ${goal.text}`;
    const scaleRows = [...GAS_SCALE_KEYS].reverse().map((key) => {
      const level = SCALE_LEVELS[key];
      return [`${signed(Number(level))} ${s.levels[level]}`, goal.scale[key]];
    });
    // A goal and its scale are read together: keep them on one page when they fit on one.
    pdf.ensureSpace(
      pdf.measure(heading, pdf.contentWidth, { weight: 'bold', size: 12.5 }) +
        70 +
        pdf.tableHeight(scaleColumns, scaleRows),
    );
    const section = pdf.section(goals);
    pdf.heading(section, 3, heading);
    pdf.paragraph(
      section,
      `${s.targetDate}: ${f.date(goal.targetDate)}. ${s.baseline}: ${signed(goal.baseline)}. ${s.weight}: ${goal.weight}.`,
    );
    pdf.paragraph(section, s.scale, { weight: 'bold', size: 10 });
    pdf.table(section, scaleColumns, scaleRows);
    section.end();
  });
  goals.end();

  const actions = pdf.section(root);
  pdf.heading(actions, 2, s.actions);
  if (content.actions.length === 0) pdf.paragraph(actions, s.noActions);
  else {
    pdf.table(
      actions,
      [
        { header: s.action, width: 40 },
        { header: s.responsible, width: 27 },
        { header: s.dueDate, width: 20 },
        { header: s.status, width: 13 },
      ],
      content.actions.map((a) => {
        const organisation = data.organisationNames.get(a.responsibleOrganisationId) ?? '';
        const person = a.responsibleUserId ? data.userNames.get(a.responsibleUserId) : undefined;
        return [
          a.description,
          person ? `${person}, ${organisation}` : organisation,
          f.date(a.dueDate),
          s.statuses[a.status],
        ];
      }),
    );
  }
  actions.end();

  const assessment = pdf.section(root);
  pdf.heading(assessment, 2, s.assessment);
  for (const key of ASSESSMENT_KEYS) {
    pdf.heading(assessment, 3, s.areas[key]);
    const text = content.assessment[key].trim();
    for (const paragraph of text ? text.split(/\n\s*\n/) : [s.notRecorded])
      pdf.paragraph(assessment, paragraph.trim());
  }
  assessment.end();

  const reviewDates = pdf.section(root);
  pdf.heading(reviewDates, 2, s.reviewDates);
  if (content.reviewDates.length === 0) pdf.paragraph(reviewDates, s.noReviewDates);
  else pdf.list(reviewDates, content.reviewDates.map(f.date));
  reviewDates.end();

  const attainment = pdf.section(root);
  pdf.heading(attainment, 2, s.attainment);
  pdf.paragraph(attainment, s.tScoreExplained);
  if (data.baselineTScore !== null) pdf.paragraph(attainment, s.baselineTScore(f.score(data.baselineTScore)));
  if (data.reviews.length === 0) pdf.paragraph(attainment, s.noReviews);
  else {
    pdf.table(
      attainment,
      [
        { header: s.reviewDate, width: 40 },
        { header: s.tScore, width: 25 },
        { header: s.change, width: 35 },
      ],
      data.reviews.map((r) => [f.date(r.reviewDate), f.score(r.tScore), f.change(r.change)]),
    );
  }
  attainment.end();

  pdf.paragraph(root, s.printed(f.dayOf(data.printedAt)), { size: 9, color: '#444444' });
  return pdf.finish();
}
