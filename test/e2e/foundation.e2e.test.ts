import { afterAll, beforeAll, expect, it } from 'vitest';
import { ClientPage, ClientSearchPage, FrontPage, Header, LoginPage, qa } from './pages.ts';
import {
  describeInBrowser,
  launchBrowser,
  type RunningApp,
  type RunningBrowser,
  seriousA11yViolations,
  startApp,
} from './support.ts';

const PASSWORD = 'demo-salasana-2026';

describeInBrowser('foundation in the browser', () => {
  let app: RunningApp;
  let browser: RunningBrowser;

  beforeAll(async () => {
    // Started side by side; whichever started is closed in afterAll even if the other failed.
    const [started, launched] = await Promise.allSettled([startApp(), launchBrowser()]);
    if (started.status === 'fulfilled') app = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function expectAccessible(what: string) {
    const problems = await seriousA11yViolations(browser.page);
    expect(problems, `${what}: ${JSON.stringify(problems, null, 2)}`).toEqual([]);
  }

  it('a coordinator logs in by keyboard and sees who and what they are', { timeout: 45_000 }, async () => {
    const { page } = browser;
    const login = new LoginPage(page);
    await login.open(app.url);
    expect(await page.getAttribute('html', 'lang')).toBe('fi');
    await expectAccessible('login page');

    await login.loginByKeyboard('koordinaattori@demo.test', PASSWORD);
    const front = new FrontPage(page);
    await expect.poll(() => front.userName().textContent()).toBe('Kaisa Koordinaattori');
    expect(await front.organisation().textContent()).toBe('Järvilaakson sote-keskus');
    expect(await front.role().textContent()).toBe('Työkykykoordinaattori');
    // The coordinator's tasks, and no administration.
    expect(await qa(page, 'task-search-clients').count()).toBe(1);
    expect(await qa(page, 'task-break-glass').count()).toBe(1);
    expect(await qa(page, 'nav-users').count()).toBe(0);
    // After a navigation the focus is on the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expectAccessible('front page');
  });

  it('finds a client by name and opens the basic data and consents', { timeout: 45_000 }, async () => {
    const { page } = browser;
    await new Header(page).navigate('nav-clients');
    await qa(page, 'client-search-page').waitFor();
    const search = new ClientSearchPage(page);
    await search.search('Aino');
    expect(await search.results().count()).toBeGreaterThan(0);
    await expectAccessible('client search with results');

    await search.open(0);
    const client = new ClientPage(page);
    await expect.poll(() => client.heading().textContent()).toMatch(/^Aino /);
    await expect.poll(() => client.identityCode().textContent()).toMatch(/^\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]$/);
    expect(await client.sectionTitle('client-basic-data').textContent()).toBe('Perustiedot');
    await client.consentStatuses().first().waitFor();
    expect(await client.consentStatuses().count()).toBeGreaterThan(0);
    expect(await client.sectionTitle('client-consents').textContent()).toBe('Suostumukset');
    await expectAccessible('client page');
  });

  it('switches the language to Swedish and English, and remembers it', { timeout: 45_000 }, async () => {
    const { page } = browser;
    const header = new Header(page);
    const client = new ClientPage(page);

    await header.switchLanguage('sv');
    expect(await client.sectionTitle('client-basic-data').textContent()).toBe('Grunduppgifter');
    expect(await client.sectionTitle('client-consents').textContent()).toBe('Samtycken');
    expect(await qa(page, 'nav-clients').textContent()).toBe('Klienter');

    await header.switchLanguage('en');
    expect(await client.sectionTitle('client-basic-data').textContent()).toBe('Basic data');
    expect(await client.sectionTitle('client-consents').textContent()).toBe('Consents');
    expect(await client.sectionTitle('client-history').textContent()).toBe('History of changes');

    await page.reload();
    await qa(page, 'client-page').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await client.sectionTitle('client-basic-data').textContent()).toBe('Basic data');
    await header.switchLanguage('fi');
  });

  it('an administrator sees the administration pages, and they pass the accessibility checks', {
    timeout: 60_000,
  }, async () => {
    const { page } = browser;
    const header = new Header(page);
    await header.logout();
    await new LoginPage(page).login('paakayttaja@demo.test', PASSWORD);
    expect(await qa(page, 'nav-clients').count()).toBe(0);
    expect(await qa(page, 'nav-audit').count()).toBe(1);
    await visitAll([
      ['nav-organisations', 'organisations-table'],
      ['nav-teams', 'teams-table'],
      ['nav-users', 'users-table'],
    ]);
  });

  it('an administrator’s log pages pass the accessibility checks', { timeout: 60_000 }, async () => {
    const { page } = browser;
    await new Header(page).navigate('nav-audit');
    await qa(page, 'audit-results').waitFor();
    // The logins of this test: a short table keeps the check quick, and every column is there.
    await page.goto(`${app.url}/audit?event=SessionCreate`);
    await qa(page, 'audit-results').waitFor();
    expect(await page.locator('[data-qa="audit-results"] tbody tr').count()).toBe(2);
    await expectAccessible('audit log');
    await visitAll([
      ['nav-client-access-log', 'client-access-log-form'],
      ['nav-break-glass', 'break-glass-review-page'],
    ]);
  });

  async function visitAll(pages: [nav: string, content: string][]) {
    const { page } = browser;
    for (const [nav, content] of pages) {
      await new Header(page).navigate(nav);
      await qa(page, content).waitFor();
      await expectAccessible(nav);
    }
  }
});
