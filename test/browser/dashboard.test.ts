import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/desk-browser';
import { VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { seedOfficeStaff } from '../support/office-staff';
import { daysAgo, startApiEngine, type ApiEngine } from '../api/support/api-engine';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'data', 'screenshots');

describe('supervisor dashboard in headless Chromium', () => {
  let engine: ApiEngine;
  let browser: Browser;
  let page: Page;
  let supervisor: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    engine = await startApiEngine('dashboard-test');
    supervisor = await engine.tokenFor('supervisor', 'sv-msk', 'msk-1');
    await seedOfficeStaff(engine.runtime.staff, 'msk-1', { 'cw-msk': 'caseworker', 'cw-msk-2': 'caseworker' });
    const open = (caseNumber: string, caseworker: string, pseudonym: string) =>
      engine.cases.open({ caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker, actor: 'sv-msk', applicant: { pseudonym } });
    // The pseudonym carries markup: the page must show it as text, never run it.
    await open('RU-TA-2016-0042', 'cw-msk', 'Applicant-7F3A <img src=x onerror="alert(1)">');
    await open('RU-TA-2016-0043', 'cw-msk-2', 'Applicant-91C2');
    await engine.cases.command('RU-TA-2016-0042', 'recordEvent', { actor: 'sv-msk', event: 'application-lodged', on: daysAgo(30) });
    await engine.cases.command('RU-TA-2016-0042', 'recordEvent', { actor: 'sv-msk', event: 'refusal-notice-received', on: daysAgo(3) });
    await engine.cases.command('RU-TA-2016-0043', 'recordEvent', { actor: 'sv-msk', event: 'application-lodged', on: daysAgo(70) });
    await waitFor(async () => (await engine.cases.listing.count({ nextDeadlineFrom: new Date().toISOString() })) === 2, {
      timeoutMs: VISIBILITY_MS,
      what: 'both cases to be listed with a next deadline',
    });
    await engine.runtime.store.outbox.put({
      idempotencyKey: 'browser-test/reminder-1',
      messageId: '<browser-test-reminder-1@docket.test>',
      recipientId: 'sv-msk',
      language: 'en',
      subject: 'Reminder: RU-TA-2016-0042 complaint due in 30 days',
      body: 'The complaint against the refusal is due. <script>alert(2)</script>',
      caseNumber: 'RU-TA-2016-0042',
    });

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await engine?.stop();
  });

  it('refuses a wrong token with the reason and keeps the sign-in form', async () => {
    await page.goto(`${engine.baseUrl}/dashboard`);
    await page.fill('#token', 'dkt_000000000000_not-a-real-token');
    await page.click('#sign-in-form button[type=submit]');
    await page.waitForSelector('#sign-in-error:has-text("malformed")');
    expect(await page.isVisible('#sign-in')).toBe(true);
  });

  it('shows cases by stage, upcoming deadlines, workload and the timeline chart', async () => {
    await page.fill('#token', supervisor);
    await page.click('#sign-in-form button[type=submit]');
    await page.waitForSelector('text=Workload per caseworker');
    expect(await page.textContent('#who')).toBe('sv-msk · supervisor · msk-1');
    // The refusal's complaint period ends in about four weeks, the decision on the other case in about three.
    const figures = await page.locator('.figure').allTextContents();
    expect(figures).toEqual(['2open cases', '0deadlines in 7 days', '2deadlines in 30 days', '0missed (last 90 days)']);
    const within30 = page.locator('section.panel', { hasText: 'Due in the next 30 days' });
    expect(await within30.locator('tbody tr').count()).toBe(2);
    await expect(page.locator('.chart circle').count()).resolves.toBe(2);
    const workload = await page.locator('section.panel', { hasText: 'Workload per caseworker' }).locator('tbody tr').allTextContents();
    expect(workload.sort()).toEqual(['cw-msk-2msk-1110', 'cw-mskmsk-1110']);
    expect(await page.locator('.bars .row').allTextContents()).toEqual(['lodged1', 'refused1']);
    const messages = page.locator('section.panel', { hasText: 'Your messages (outbox)' });
    await messages.locator('summary', { hasText: 'Reminder: RU-TA-2016-0042 complaint due in 30 days' }).click();
    expect(await messages.locator('pre').textContent()).toBe('The complaint against the refusal is due. <script>alert(2)</script>');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-overview.png'), fullPage: true });
  });

  it('opens a case page with its history and deadline explanations, escaping what it shows', async () => {
    await page.click('.chart a[href="#/cases/RU-TA-2016-0042"]');
    await page.waitForSelector('text=Deadlines and how they were computed');
    expect(await page.textContent('main')).toContain('Case RU-TA-2016-0042');
    const applicant = await page.locator('dl.facts dd').nth(7).textContent();
    expect(applicant).toBe('Applicant-7F3A <img src=x onerror="alert(1)">');
    expect(await page.locator('main img').count()).toBe(0);
    const complaint = page.locator('tr', { hasText: 'complaint' }).first();
    await complaint.locator('summary').click();
    expect(await complaint.locator('pre[lang=en]').textContent()).toMatch(/Law|art\./);
    expect(await complaint.locator('pre[lang=ru]').textContent()).toMatch(/[а-я]/);
    const history = await page.locator('section.panel', { hasText: 'History' }).locator('tbody tr').allTextContents();
    expect(history.some((row) => row.includes('Written refusal notice received') && row.includes('sv-msk'))).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-case.png'), fullPage: true });
    expect(dialogs).toEqual([]);
  });

  it('forgets the token on sign-out', async () => {
    await page.click('#sign-out');
    expect(await page.isVisible('#sign-in')).toBe(true);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });
});
