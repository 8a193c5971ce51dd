import type { Browser } from 'playwright-core';
import { PAGE_CONTENT_SECURITY_POLICY } from '../../src/http/page-security-policy';
import { VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { daysAgo, startApiEngine, type ApiEngine } from '../api/support/api-engine';
import { launchChromium, PHONE_WIDTH, seriousViolations, signedIn as signedInWith } from './support/desk-browser';

/** The Russian form for a count of days, by the rule written out: 1, 21, 101 день; 2-4, 22-24 дня; else дней. */
function russianDays(count: number): string {
  const lastTwo = count % 100;
  const last = count % 10;
  if (last === 1 && lastTwo !== 11) return 'день';
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return 'дня';
  return 'дней';
}

describe('the desk after sign-in: My work, in headless Chromium', () => {
  let engine: ApiEngine;
  let browser: Browser;

  const signedIn = (staffId: string, options: { width?: number } = {}) => signedInWith(engine, browser, staffId, options);

  beforeAll(async () => {
    engine = await startApiEngine('desk-my-work-test');
    await engine.access.staff.upsert({ id: 'adm-1', displayName: 'Admin One', role: 'admin', office: 'hq', language: 'ru' });
    await engine.access.staff.upsert({ id: 'cw-ru', displayName: 'Caseworker Ru', role: 'caseworker', office: 'msk-1', language: 'ru' });
    const open = (caseNumber: string, pseudonym: string) =>
      engine.cases.open({ caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-ru', actor: 'sv-msk', applicant: { pseudonym } });
    // The founding case: refused on a notice received 26 January 2016, so the month to complain ended on
    // Friday 26 February 2016 and was missed.
    await open('RU-TA-2016-0042', 'Applicant-7F3A');
    await engine.cases.command('RU-TA-2016-0042', 'recordEvent', { actor: 'cw-ru', event: 'application-lodged', on: '2015-12-01' });
    await engine.cases.command('RU-TA-2016-0042', 'recordEvent', { actor: 'cw-ru', event: 'refusal-notice-received', on: '2016-01-26' });
    await open('RU-TA-2016-0043', 'Applicant-2B9C');
    await engine.cases.command('RU-TA-2016-0043', 'recordEvent', { actor: 'cw-ru', event: 'application-lodged', on: daysAgo(30) });
    await waitFor(async () => (await engine.cases.listing.count({ office: 'msk-1', caseworker: 'cw-ru' })) === 2, { timeoutMs: VISIBILITY_MS, what: 'both cases to be listed' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await engine?.stop();
  });

  it('lands a Russian-speaking caseworker on My work in Russian, with Russian dates and plural forms, and switches to English', async () => {
    const { context, page } = await signedIn('cw-ru');
    await page.waitForURL(/\/desk\/work$/);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.locator('h1').textContent()).toBe('Моя работа');
    // Two cases: the "few" form (2-4).
    expect(await page.locator('#my-cases ~ p').first().textContent()).toBe('У вас 2 открытых дела.');

    const overdue = page.locator('#overdue ~ table tbody tr');
    const complaint = overdue.filter({ hasText: '26.02.2016' });
    expect(await complaint.count()).toBe(1);
    expect(await complaint.locator('a').textContent()).toBe('RU-TA-2016-0042');
    expect(await complaint.locator('a').getAttribute('href')).toBe('/desk/cases/RU-TA-2016-0042');
    const late = (await complaint.locator('td').last().textContent()) ?? '';
    // Thousands are grouped with a (narrow) no-break space in Russian: 3 932.
    const [, days = '', word] = /^просрочен на ([\d\u00a0\u202f]+) (\S+)$/.exec(late) ?? [];
    expect(word).toBe(russianDays(Number(days.replace(/\D/g, ''))));
    expect(await page.locator('#my-cases ~ table').textContent()).toContain('отказ');
    // No applicant's pseudonym on the page: My work shows case numbers, stages and dates.
    expect(await page.locator('body').textContent()).not.toContain('Applicant-');
    expect(await seriousViolations(page)).toEqual([]);

    await page.click('a[hreflang=en]');
    await page.waitForURL(/\/desk\/work\?lang=en$/);
    expect(await page.locator('h1').textContent()).toBe('My work');
    expect(await page.locator('#my-cases ~ p').first().textContent()).toBe('You have 2 open cases.');
    expect(await page.locator('#overdue ~ table').textContent()).toContain('26 February 2016');
    // The choice is remembered over the staff record's Russian.
    await page.goto(`${engine.baseUrl}/desk/work`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('fits a 390 px wide phone (tables become cards, nothing scrolls sideways) and starts with a visible skip link for the keyboard', async () => {
    const { context, page } = await signedIn('cw-ru', { width: PHONE_WIDTH });
    await page.waitForURL(/\/desk\/work$/);
    // The desk's pages send the sign-in pages' policy: their own styles only, no script but their own, no framing.
    const headers = (await page.goto(`${engine.baseUrl}/desk/work`))?.headers() ?? {};
    expect(headers['content-security-policy']).toBe(PAGE_CONTENT_SECURITY_POLICY);

    // Keyboard first: the first Tab shows the skip link, outlined, and Enter takes focus to the content.
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement;
      return { text: focused.textContent, top: focused.getBoundingClientRect().top, outline: getComputedStyle(focused).outlineStyle };
    });
    expect(skip).toEqual({ text: 'Перейти к содержанию', top: expect.any(Number), outline: 'solid' });
    expect(skip.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(await page.locator('#overdue ~ table thead').evaluate((head) => getComputedStyle(head).position)).toBe('absolute');
    expect(await page.locator('#overdue ~ table td').first().evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Дело: "');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows an admin no case data on any desk page, and no case search', async () => {
    const { context, page } = await signedIn('adm-1');
    await page.waitForURL(/\/desk\/admin$/);
    for (const address of ['/desk/admin', '/desk/work', '/desk', '/desk/no-such-page']) {
      await page.goto(`${engine.baseUrl}${address}`);
      const text = (await page.locator('body').textContent()) ?? '';
      expect(text).not.toMatch(/RU-TA-|Applicant-/);
      expect(await page.locator('#case-search').count()).toBe(0);
      expect(await page.locator('nav a').allTextContents()).toEqual(['Сотрудники', 'Токены']);
      expect(await seriousViolations(page)).toEqual([]);
    }
    const response = await page.goto(`${engine.baseUrl}/desk/work`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('Недоступно для вашей роли');
    expect(await page.locator('main a').getAttribute('href')).toBe('/desk/admin');
    await context.close();
  });

  it('sends a browser without a session to sign in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${engine.baseUrl}/desk/work`);
    expect(new URL(page.url()).pathname).toBe('/desk/signin');
    expect(await page.locator('#case-search').count()).toBe(0);
    await context.close();
  });
});
