import { METRICS, REPORT_PRINCIPLES } from './metrics.ts';
import { REPORT_LANGUAGES } from './report-table.ts';

const LANGUAGE_NAMES = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' } as const;

/** docs/metrics.md, generated from metrics.ts: edit the definitions there and run `npm run docs:metrics`. */
export function renderMetricsDoc(): string {
  const out: string[] = [
    '# Report metrics',
    '',
    '<!-- Generated from src/modules/reports/metrics.ts by `npm run docs:metrics`. Do not edit by hand. -->',
    '',
    'Every figure of the team report (`GET /api/reports/team`, `.csv`, `.xlsx`), defined once. The API sends each',
    'figure with its id, title and definition, and the report page shows the definition as the figure’s help text.',
    '',
    '## General rules',
    '',
  ];
  for (const p of REPORT_PRINCIPLES) {
    out.push(`### ${p.heading.en} — ${p.heading.fi} — ${p.heading.sv}`, '');
    for (const lang of REPORT_LANGUAGES) out.push(`- **${lang}**: ${p.text[lang]}`);
    out.push('');
  }
  out.push('## Figures', '', '| id | group | title |', '|---|---|---|');
  for (const m of METRICS)
    out.push(`| [\`${m.id}\`](#${m.id.replace(/[._]/g, '')}) | ${m.group} | ${m.title.en} |`);
  out.push('');
  for (const m of METRICS) {
    out.push(`### ${m.id}`, '', `Group: \`${m.group}\` (src/modules/reports/figures/${m.group}.ts)`, '');
    for (const lang of REPORT_LANGUAGES) {
      out.push(`**${LANGUAGE_NAMES[lang]} — ${m.title[lang]}.** ${m.definition[lang]}`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
