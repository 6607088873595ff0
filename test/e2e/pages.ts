import type { Locator, Page } from 'playwright-core';

/** Page objects: what a user sees and does, found by data-qa. */
export const qa = (page: Page | Locator, name: string) => page.locator(`[data-qa="${name}"]`);

export class Header {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async switchLanguage(lang: 'fi' | 'sv' | 'en') {
    await qa(this.page, 'language-menu').click();
    await qa(this.page, `language-${lang}`).click();
    await this.page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
  async navigate(item: string) {
    await qa(this.page, item).click();
  }
  async logout() {
    await qa(this.page, 'logout').click();
    await qa(this.page, 'login-form').waitFor();
  }
  heading() {
    return this.page.locator('main h1');
  }
}

export class LoginPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async open(url: string) {
    await this.page.goto(url);
    await qa(this.page, 'login-form').waitFor();
  }
  /** Tab to a field from wherever the focus is, as a keyboard user does. */
  async tabTo(name: string) {
    for (let i = 0; i < 20; i++) {
      const here = await this.page.evaluate(() => document.activeElement?.getAttribute('data-qa') ?? null);
      if (here === name) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`${name} is not reachable with the Tab key`);
  }
  async loginByKeyboard(email: string, password: string) {
    await this.tabTo('login-email');
    await this.page.keyboard.type(email);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Enter');
    await qa(this.page, 'front-page').waitFor();
  }
  async login(email: string, password: string) {
    await qa(this.page, 'login-email').fill(email);
    await qa(this.page, 'login-password').fill(password);
    await qa(this.page, 'login-submit').click();
    await qa(this.page, 'front-page').waitFor();
  }
}

export class FrontPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  userName() {
    return qa(this.page, 'front-user-name');
  }
  organisation() {
    return qa(this.page, 'front-user-organisation');
  }
  role() {
    return qa(this.page, 'front-user-role');
  }
}

export class ClientSearchPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async search(text: string) {
    const input = qa(this.page, 'client-search-input');
    await input.focus();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await qa(this.page, 'client-search-results').waitFor();
  }
  results() {
    return qa(this.page, 'client-link');
  }
  async open(index: number) {
    await this.results().nth(index).click();
    await qa(this.page, 'client-page').waitFor();
  }
}

export class ClientPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  heading() {
    return qa(this.page, 'client-heading');
  }
  basicData() {
    return qa(this.page, 'client-basic-data');
  }
  identityCode() {
    return qa(this.page, 'client-identity-code');
  }
  consents() {
    return qa(this.page, 'client-consents');
  }
  consentStatuses() {
    return qa(this.page, 'consent-status');
  }
  sectionTitle(section: 'client-basic-data' | 'client-consents' | 'client-history') {
    return qa(this.page, section).locator('h2').first();
  }
}
