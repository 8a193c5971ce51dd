import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { daysAgo, startApiEngine, type ApiEngine } from '../api/support/api-engine';
import { launchChromium, PHONE_WIDTH, seriousViolations, signedIn } from './support/desk-browser';

describe('the desk: the Cases page, in headless Chromium', () => {
  let engine: ApiEngine;
  let browser: Browser;

  beforeAll(async () => {
    engine = await startApiEngine('desk-cases-test');
    await engine.access.staff.upsert({ id: 'adm-1', displayName: 'Admin One', role: 'admin', office: 'hq', language: 'ru' });
    await engine.access.staff.upsert({ id: 'sv-ru', displayName: 'Supervisor Ru', role: 'supervisor', office: 'msk-1', language: 'ru' });
    await engine.access.staff.upsert({ id: 'cw-ru', displayName: 'Caseworker Ru', role: 'caseworker', office: 'msk-1', language: 'ru' });
    const open = (caseNumber: string, pseudonym: string) =>
      engine.cases.open({ caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-ru', actor: 'sv-ru', applicant: { pseudonym } });
    await open('RU-TA-2016-0601', 'Applicant-7F3A');
    await open('RU-TA-2016-0602', 'Applicant-2B9C');
    await engine.cases.command('RU-TA-2016-0601', 'recordEvent', { actor: 'cw-ru', event: 'application-lodged', on: daysAgo(30) });
    await waitFor(async () => (await engine.cases.listing.count({ office: 'msk-1', nextDeadlineFrom: new Date(0).toISOString() })) === 1, {
      timeoutMs: VISIBILITY_MS,
      what: 'the lodged case to be listed with its next deadline',
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await engine?.stop();
  });

  it('lets a supervisor find a case by pseudonym from the keyboard, in Russian, and download the list as CSV', async () => {
    const { context, page } = await signedIn(engine, browser, 'sv-ru');
    await page.waitForURL(/\/desk\/work$/);
    await page.click('nav a[href="/desk/cases"]');
    await page.waitForURL(/\/desk\/cases$/);
    expect(await page.textContent('h1')).toBe('Дела');
    await page.fill('#cases-applicant', '  applicant-7f3a ');
    await page.press('#cases-applicant', 'Enter');
    await page.waitForURL(/applicant=/);
    expect(await page.locator('table.cards tbody tr').count()).toBe(1);
    expect(await page.textContent('table.cards tbody')).toContain('RU-TA-2016-0601');
    expect(await page.textContent('main')).toContain('Показано 1 дело.');
    expect(await page.textContent('table.cards tbody')).toContain('Решение по заявлению о временном убежище');
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href^="/api/cases.csv"]')]);
    expect(download.suggestedFilename()).toBe('cases.csv');
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, columns: true }) as Array<Record<string, string>>;
    // The desk exports in the person's language: Russian headers and words.
    expect(rows.map((row) => row['Дело'])).toEqual(['RU-TA-2016-0601']);
    expect(Object.keys(rows[0] ?? {})).toEqual(['Дело', 'Стадия', 'Отделение', 'Сотрудник', 'Ближайший срок', 'Истекает', 'Защита до']);
    await context.close();
  });

  it('fits a 390 px wide screen for a caseworker, with every case of their office and no office filter', async () => {
    const { context, page } = await signedIn(engine, browser, 'cw-ru', { width: PHONE_WIDTH });
    await page.waitForURL(/\/desk\/work$/);
    await page.goto(`${engine.baseUrl}/desk/cases?sort=case-number`);
    expect(await page.locator('table.cards tbody tr').count()).toBe(2);
    expect(await page.locator('#cases-office').count()).toBe(0);
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
