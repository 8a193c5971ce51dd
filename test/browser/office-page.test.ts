import type { Browser, Page } from 'playwright-core';
import { VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { daysAgo, ESCALATE_LATE_ENTRIES_AT_ONCE, startApiEngine, type ApiEngine } from '../api/support/api-engine';
import { launchChromium, PHONE_WIDTH, seriousViolations, signedIn as signedInWith } from './support/desk-browser';

/** 2016-02-26 as a Russian page writes it: 26.02.2016. */
const russianDate = (isoDate: string) => isoDate.split('-').reverse().join('.');

describe('the supervisor’s office page, in headless Chromium', () => {
  let engine: ApiEngine;
  let browser: Browser;
  // Granted 300 days ago for a period the decision writes down: the protection ends on the date it names.
  const protectedUntil = daysAgo(-40);

  const signedIn = (staffId: string, options: { width?: number } = {}) => signedInWith(engine, browser, staffId, options);
  /** The office page, reloaded until the workflows have escalated what they missed into the register the overview reads. */
  const officePage = async (page: Page, query = '') => {
    await waitFor(
      async () => {
        await page.goto(`${engine.baseUrl}/desk/office${query}`);
        return (await page.locator('#authority-overdue ~ table tbody tr').count()) === 1 && (await page.locator('#missed ~ table tbody tr').count()) === 1;
      },
      { timeoutMs: VISIBILITY_MS * 2, what: 'the missed complaint and the overdue decision on the office page' },
    );
  };

  beforeAll(async () => {
    engine = await startApiEngine('desk-office-test');
    await engine.access.staff.upsert({ id: 'adm-1', displayName: 'Admin One', role: 'admin', office: 'hq', language: 'en' });
    await engine.access.staff.upsert({ id: 'sv-msk', displayName: 'Vera Supervisor', role: 'supervisor', office: 'msk-1', language: 'en' });
    await engine.access.staff.upsert({ id: 'cw-ru', displayName: 'Nadia Caseworker', role: 'caseworker', office: 'msk-1', language: 'ru' });
    await engine.access.staff.upsert({ id: 'cw-spb', displayName: 'Oleg Caseworker', role: 'caseworker', office: 'spb-1', language: 'ru' });
    const open = (caseNumber: string, pseudonym: string, office = 'msk-1', caseworker = 'cw-ru') =>
      // Deadlines entered already past are escalated at once, so the missed ones show without waiting an hour.
      engine.cases.open({ caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office, caseworker, actor: 'sv-msk', applicant: { pseudonym }, reminderPolicy: ESCALATE_LATE_ENTRIES_AT_ONCE });
    // The founding case: the refusal notice was received on 26 January 2016, so the month to complain
    // ended on Friday 26 February 2016 and was missed.
    await open('RU-TA-2016-0042', 'Applicant-7F3A');
    await engine.cases.command('RU-TA-2016-0042', 'recordEvent', { actor: 'cw-ru', event: 'application-lodged', on: '2015-12-01' });
    await engine.cases.command('RU-TA-2016-0042', 'recordEvent', { actor: 'cw-ru', event: 'refusal-notice-received', on: '2016-01-26' });
    // Lodged on 28 January 2016 and never decided: the authority had at most three calendar months, to 28 April 2016.
    await open('RU-TA-2016-0050', 'Applicant-4D1E');
    await engine.cases.command('RU-TA-2016-0050', 'recordEvent', { actor: 'cw-ru', event: 'application-lodged', on: '2016-01-28' });
    await open('RU-TA-2016-0051', 'Applicant-9C2A');
    await engine.cases.command('RU-TA-2016-0051', 'recordEvent', { actor: 'cw-ru', event: 'application-lodged', on: daysAgo(330) });
    await engine.cases.command('RU-TA-2016-0051', 'recordEvent', { actor: 'cw-ru', event: 'protection-granted', on: daysAgo(300), facts: { validUntil: protectedUntil } });
    await open('RU-TA-2016-0060', 'Applicant-1B5F', 'spb-1', 'cw-spb');
    await waitFor(async () => (await engine.cases.listing.count({})) === 4, { timeoutMs: VISIBILITY_MS, what: 'every case to be listed' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await engine?.stop();
  });

  it('shows a supervisor the missed complaint (in the counts too), the overdue authority decision, the ending protection and the workload by name, with drill-down', async () => {
    const { context, page } = await signedIn('sv-msk');
    await page.waitForURL(/\/desk\/work$/);
    expect(await page.locator('nav a[href="/desk/office"]').count()).toBe(1);
    await officePage(page, '?office=msk-1');
    expect(await page.locator('h1').textContent()).toBe('Office msk-1');
    expect(await page.locator('#office option:checked').textContent()).toBe('msk-1');
    expect(await page.locator('#office option').allTextContents()).toEqual(['Every office', 'hq', 'msk-1', 'spb-1']);

    const counts = (await page.locator('#overview-counts').textContent()) ?? '';
    expect(counts).toContain('3 open cases');
    expect(counts).toContain('1 missed deadline');
    expect(counts).not.toContain('0 missed');
    expect(counts).toContain('1 overdue authority decision');

    const missed = page.locator('#missed ~ table tbody tr');
    expect(await missed.locator('a').textContent()).toBe('RU-TA-2016-0042');
    expect(await missed.locator('a').getAttribute('href')).toBe('/desk/cases/RU-TA-2016-0042');
    expect(await missed.textContent()).toContain('26 February 2016');
    expect(await missed.textContent()).toContain('Nadia Caseworker (cw-ru)');

    const authority = page.locator('#authority-overdue ~ table tbody tr');
    expect(await authority.locator('a').textContent()).toBe('RU-TA-2016-0050');
    expect(await authority.textContent()).toContain('28 April 2016');

    const protection = page.locator('#protection-ending ~ table tbody tr');
    expect(await protection.count()).toBe(1);
    expect(await protection.locator('a').textContent()).toBe('RU-TA-2016-0051');
    const [year, month, day] = protectedUntil.split('-').map(Number);
    expect(await protection.textContent()).toContain(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year!, month! - 1, day!)));

    const workload = page.locator('#workload ~ table').first().locator('tbody tr');
    expect(await workload.count()).toBe(1);
    expect(await workload.textContent()).toContain('Nadia Caseworker (cw-ru)');
    expect(await workload.locator('td').nth(2).textContent()).toBe('3');
    // The missed one is a link to the caseworker's own missed list on the page.
    await workload.locator('td').last().locator('a').click();
    expect(await page.locator('#missed-of-msk-1-cw-ru ~ table').first().textContent()).toContain('RU-TA-2016-0042');
    expect(await seriousViolations(page)).toEqual([]);

    await workload.locator('td').first().locator('a').click();
    await page.waitForURL(/\/desk\/cases\?office=msk-1&caseworker=cw-ru$/);
    expect(await page.locator('body').textContent()).toContain('RU-TA-2016-0050');
    expect(await page.locator('body').textContent()).not.toContain('RU-TA-2016-0060');
    expect(await page.locator('table.cards').textContent()).toContain('Nadia Caseworker (cw-ru)');
    // The cases page's office filter is the same list of the directory's offices, the chosen one selected.
    expect(await page.locator('#cases-office option:checked').textContent()).toBe('msk-1');
    expect(await page.locator('#cases-office option').allTextContents()).toEqual(['Every office', 'hq', 'msk-1', 'spb-1']);
    await context.close();
  });

  it('is in Russian with Russian dates and plural forms, and fits a 390 px phone', async () => {
    const { context, page } = await signedIn('sv-msk', { width: PHONE_WIDTH });
    await page.waitForURL(/\/desk\/work$/);
    await officePage(page, '?lang=ru');
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.locator('h1').textContent()).toBe('Отделение: все отделения');
    const counts = (await page.locator('#overview-counts').textContent()) ?? '';
    // 4 open cases in every office: the "few" form; 1 missed: the "one" form.
    expect(counts).toContain('4 открытых дела');
    expect(counts).toContain('1 пропущенный срок');
    expect(counts).toContain('1 просроченное решение органа');
    expect(await page.locator('#missed ~ table').textContent()).toContain('26.02.2016');
    expect(await page.locator('#authority-overdue ~ table').textContent()).toContain('28.04.2016');
    expect(await page.locator('#protection-ending ~ table').textContent()).toContain(russianDate(protectedUntil));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('refuses a caseworker (403 page, no Office section) and shows an admin no case data', async () => {
    const caseworker = await signedIn('cw-ru');
    await caseworker.page.waitForURL(/\/desk\/work$/);
    expect(await caseworker.page.locator('nav a[href="/desk/office"]').count()).toBe(0);
    const refused = await caseworker.page.goto(`${engine.baseUrl}/desk/office`);
    expect(refused?.status()).toBe(403);
    expect(await caseworker.page.locator('body').textContent()).not.toContain('RU-TA-2016');
    await caseworker.context.close();

    const admin = await signedIn('adm-1');
    await admin.page.waitForURL(/\/desk\/admin$/);
    const answer = await admin.page.goto(`${engine.baseUrl}/desk/office`);
    expect(answer?.status()).toBe(403);
    expect(await admin.page.locator('body').textContent()).not.toContain('RU-TA-2016');
    await admin.context.close();
  });
});
