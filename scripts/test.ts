/**
 * `npm test`: type check, lint, build the web app (the browser tests use it), then every test.
 * Database tests run on PGlite always and on PostgreSQL when TEST_DATABASE_URL is set; browser tests
 * run when Debian's Chromium is installed. Locally a missing one is skipped and said so; with CI=true
 * the tests themselves turn such a skip into a failure.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

interface Step {
  name: string;
  command: string;
  args: string[];
}

const steps: Step[] = [
  { name: 'type check', command: 'tsc', args: ['-p', 'tsconfig.json'] },
  { name: 'lint and format', command: 'biome', args: ['check', '--error-on-warnings', '.'] },
  { name: 'web build', command: 'vite', args: ['build', '--logLevel', 'warn'] },
  { name: 'tests', command: 'vitest', args: ['run', ...process.argv.slice(2)] },
];

const failed: string[] = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.command} ${step.args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(step.command, step.args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) console.log(`✔ ${step.name} (${seconds} s)`);
  else {
    console.log(`✖ ${step.name} failed (${seconds} s)`);
    failed.push(step.name);
  }
}

const skipped: string[] = [];
if (!process.env.TEST_DATABASE_URL) {
  skipped.push(
    'database tests on the PostgreSQL server (set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres)',
  );
}
if (!fs.existsSync('/usr/bin/chromium'))
  skipped.push('browser tests (install Debian chromium: apt-get install chromium)');

console.log('\n──────── summary');
if (skipped.length) {
  console.log(process.env.CI === 'true' ? 'Missing in CI (these fail the run):' : 'Skipped here:');
  for (const s of skipped) console.log(`  - ${s}`);
}
console.log(failed.length ? `Failed: ${failed.join(', ')}` : 'All steps passed.');
process.exit(failed.length ? 1 : 0);
