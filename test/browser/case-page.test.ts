import type { Browser } from 'playwright-core';
import { startApiEngine, type ApiEngine } from '../api/support/api-engine';
import { seedOfficeStaff } from '../support/office-staff';
import { launchChromium, PHONE_WIDTH, seriousViolations, signedIn } from './support/desk-browser';
import { foundingCaseUntil } from '../support/founding-case';

const FOUNDING_CASE = 'RU-TA-2016-0042';

describe('the desk: the case page, in headless Chromium', () => {
  let engine: ApiEngine;
  let browser: Browser;

  beforeAll(async () => {
    engine = await startApiEngine('desk-case-page-test');
    await engine.access.staff.upsert({ id: 'cw-ru', displayName: 'Staff cw-ru', role: 'caseworker', office: 'msk-1', language: 'ru' });
    await seedOfficeStaff(engine.access.staff, 'spb-1', { 'cw-spb': 'caseworker' });
    await seedOfficeStaff(engine.access.staff, 'hq', { 'adm-1': 'admin' });
    await engine.cases.open({ caseNumber: FOUNDING_CASE, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-ru', actor: 'sv-msk', applicant: { pseudonym: 'Applicant-7F3A' } });
    // The founding case up to its third refusal: each refusal answered by a new application.
    for (const [event, on] of foundingCaseUntil('refusal-notice-received', 3)) {
      await engine.cases.command(FOUNDING_CASE, 'recordEvent', { actor: 'cw-ru', event, on });
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await engine?.stop();
  });

  it('shows a Russian caseworker the third refusal’s complaint deadline with its weekday and its explanation as numbered Russian sentences, and records the read', async () => {
    const { context, page } = await signedIn(engine, browser, 'cw-ru');
    await page.waitForURL(/\/desk\/work$/);
    const response = await page.goto(`${engine.baseUrl}/desk/cases/${FOUNDING_CASE}`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.textContent('h1')).toBe(FOUNDING_CASE);
    const header = (await page.textContent('#case-facts + dl')) ?? '';
    expect(header).toContain('Временное убежище');
    expect(header).toContain('отказ');
    expect(header).toContain('Попытка3');
    // The caseworker by the name the directory holds, the id beside it.
    expect(header).toContain('СотрудникStaff cw-ru (cw-ru)');

    // One month after Tuesday 26 January 2016 is Friday 26 February 2016, a working day: it stays.
    const complaints = page.locator('li.deadline[data-kind="complaint"]');
    const third = complaints.filter({ hasText: '26.02.2016' });
    expect(await third.count()).toBe(1);
    expect(await third.locator('dd').allTextContents()).toEqual(['пропущен', 'заявитель', '26.02.2016, пятница']);
    const steps = await third.locator('ol.explanation > li').allTextContents();
    expect(steps.length).toBeGreaterThan(1);
    for (const step of steps) expect(step).toMatch(/[а-яё]/i);
    expect(steps).toContain('1 месяц с вт, 26.01.2016 истекает пт, 26.02.2016.');
    expect(await third.textContent()).toContain('Правовое основание:');
    expect(await third.locator('pre').count()).toBe(0);
    expect(await page.textContent('#history ~ table')).toContain('отказ');
    expect(await seriousViolations(page)).toEqual([]);

    const reads = await engine.access.reads.list({ caseNumber: FOUNDING_CASE, actor: 'cw-ru' });
    expect(reads).toEqual([expect.objectContaining({ via: 'dashboard', route: 'GET /desk/cases/{caseNumber}' })]);
    await context.close();
  });

  it('fits a 390 px wide phone, and prints without the desk’s navigation', async () => {
    const { context, page } = await signedIn(engine, browser, 'cw-ru', { width: PHONE_WIDTH });
    await page.waitForURL(/\/desk\/work$/);
    await page.goto(`${engine.baseUrl}/desk/cases/${FOUNDING_CASE}`);
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(await seriousViolations(page)).toEqual([]);
    // Printing the page itself hides the menu.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.desk-bar').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await page.click(`a[href="/desk/cases/${FOUNDING_CASE}?print=1"]`);
    await page.waitForURL(/\?print=1$/);
    expect(await page.locator('nav, .desk-bar, #case-search').count()).toBe(0);
    expect(await page.locator('li.deadline[data-kind="complaint"]').filter({ hasText: '26.02.2016, пятница' }).count()).toBe(1);
    expect(await page.textContent('main')).toContain('Напечатано');
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('answers another office’s caseworker with the very page of a case that does not exist, and records no read', async () => {
    const { context, page } = await signedIn(engine, browser, 'cw-spb');
    await page.waitForURL(/\/desk\/work$/);
    const elsewhere = await page.goto(`${engine.baseUrl}/desk/cases/${FOUNDING_CASE}`);
    const elsewhereMain = await page.innerHTML('main');
    const missing = await page.goto(`${engine.baseUrl}/desk/cases/RU-TA-2016-9999`);
    expect([elsewhere?.status(), missing?.status()]).toEqual([404, 404]);
    expect(elsewhereMain).toBe(await page.innerHTML('main'));
    expect(elsewhereMain).not.toMatch(/RU-TA-|Applicant-/);
    expect(await page.textContent('h1')).toBe('Page not found');
    expect(await engine.access.reads.list({ actor: 'cw-spb' })).toEqual([]);
    await context.close();
  });

  it('refuses an admin with 403 and no case data', async () => {
    const { context, page } = await signedIn(engine, browser, 'adm-1');
    await page.waitForURL(/\/desk\/admin$/);
    const response = await page.goto(`${engine.baseUrl}/desk/cases/${FOUNDING_CASE}`);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('h1')).toBe('Not for your role');
    expect(await page.textContent('body')).not.toMatch(/Applicant-|26\.02\.2016|26 February 2016/);
    expect(await engine.access.reads.list({ actor: 'adm-1' })).toEqual([]);
    await context.close();
  });
});
