import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import pino from 'pino';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { loadDemoRegion } from '../../src/modules/demo/demo-region.ts';
import { type DueWorkResult, runDueWork } from '../../src/modules/measurements/due-work.ts';
import { buildApp } from '../../src/server/app.ts';
import { ManualClock } from '../../src/server/clock.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Db } from '../../src/server/db/database.ts';
import { TEST_START } from '../support/app.ts';
import { createTestDatabase } from '../support/databases.ts';

export const CHROMIUM = '/usr/bin/chromium';
const WEB_INDEX = path.resolve(import.meta.dirname, '../../dist/web/index.html');

/**
 * A browser suite. Without Debian's Chromium it is skipped and says why; in CI (CI=true) a missing
 * browser is a failure, never a silent skip.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  if (fs.existsSync(CHROMIUM)) {
    describe(name, suite);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Chromium in CI', () => {
        throw new Error(`${CHROMIUM} is missing: browser tests must run in CI (apt-get install chromium)`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: ${CHROMIUM} is missing; install it with apt-get install chromium)`, () => {
      it('runs in Chromium', () => {});
    });
  }
}

export interface RunningApp {
  url: string;
  clock: ManualClock;
  /** The app's database: what a client would receive (the outbox) is read from here. */
  db: Db;
  /** What the job queue does every minute, run once at the clock's time; links point to `url`. */
  runDueWork(): Promise<DueWorkResult>;
  close(): Promise<void>;
}

/**
 * The real app on a fresh PGlite database with the demo region, on a free port, serving dist/web. `env`
 * adds to the configuration (DEMO_DATA=true shows the outbox's contents as in the demo).
 */
export async function startApp(options: { env?: Record<string, string> } = {}): Promise<RunningApp> {
  if (!fs.existsSync(WEB_INDEX)) {
    throw new Error(
      `${WEB_INDEX} is missing: build the web app first (vite build; npm test does it before vitest)`,
    );
  }
  const handle = await createTestDatabase('pglite');
  try {
    await loadDemoRegion(handle.db);
    const clock = new ManualClock(TEST_START);
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      DATA_DIR: '/nonexistent',
      DEMO_DATA: 'false',
      ...options.env,
    });
    const app = await buildApp({
      db: handle.db,
      engine: 'pglite',
      config,
      clock,
      log: pino({ level: 'silent' }),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    return {
      url,
      clock,
      db: handle.db,
      runDueWork: () => runDueWork(handle.db, clock.now(), { publicUrl: url }),
      async close() {
        await app.close();
        await handle.close();
      },
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

export interface RunningBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A phone: 390×844 CSS pixels, touch, the mobile viewport meta honoured. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

/** Debian's Chromium, headless, in a profile of its own that is removed afterwards; desktop unless told. */
export async function launchBrowser(
  device: {
    viewport?: { width: number; height: number };
    isMobile?: boolean;
    hasTouch?: boolean;
    deviceScaleFactor?: number;
  } = {},
): Promise<RunningBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tkp-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ...device,
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface A11yProblem {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * WCAG 2.1 A and AA checks by axe; returns the violations of impact serious or critical. Legacy mode runs
 * axe in the page itself (the app has no frames), about twice as fast as opening a helper page each time.
 */
export async function seriousA11yViolations(page: Page, include?: string): Promise<A11yProblem[]> {
  const builder = new AxeBuilder({ page });
  // A section of a page that others own and check (e.g. the measures on the client page).
  if (include) builder.include(include);
  const results = await builder
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}
