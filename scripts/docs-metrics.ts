/**
 * `npm run docs:metrics`: writes docs/metrics.md from the report's metric definitions
 * (src/modules/reports/metrics.ts). A unit test fails when the committed file is out of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderMetricsDoc } from '../src/modules/reports/metrics-doc.ts';

const file = path.resolve(import.meta.dirname, '../docs/metrics.md');
const text = renderMetricsDoc();
const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
if (before === text) console.log('docs/metrics.md is up to date.');
else {
  fs.writeFileSync(file, text);
  console.log('Wrote docs/metrics.md.');
}
