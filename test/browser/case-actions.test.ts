import type { Browser, Page } from 'playwright-core';
import { startApiEngine, type ApiEngine } from '../api/support/api-engine';
import { seedOfficeStaff } from '../support/office-staff';
import { launchChromium, PHONE_WIDTH, seriousViolations, signedIn } from './support/desk-browser';
import { foundingCaseUntil } from '../support/founding-case';

const FOUNDING_CASE = 'RU-TA-2016-0042';
const OTHER_CASE = 'RU-TA-2016-0043';

describe('the desk: acting on a case through its forms, in headless Chromium', () => {
  let engine: ApiEngine;
  let browser: Browser;

  beforeAll(async () => {
    engine = await startApiEngine('desk-case-actions-test');
    await engine.access.staff.upsert({ id: 'cw-ru', displayName: 'Анна Кравец', role: 'caseworker', office: 'msk-1', language: 'ru' });
    await engine.access.staff.upsert({ id: 'cw-2', displayName: 'Олег Ветров', role: 'caseworker', office: 'msk-1', language: 'ru' });
    await seedOfficeStaff(engine.access.staff, 'hq', { 'adm-1': 'admin' });
    await engine.cases.open({ caseNumber: OTHER_CASE, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-ru', actor: 'sv-msk' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await engine?.stop();
  });

  const history = async (caseNumber: string) => (await engine.cases.get(caseNumber)).events.map((event) => event.type);

  /** Opens the folded form of `summary` on the case page. */
  async function openForm(page: Page, summary: string): Promise<void> {
    await page.locator('details.act > summary', { hasText: summary }).first().click();
  }

  it('lets a Russian caseworker open the founding case, record its third refusal and read the complaint deadline 26.02.2016 with its explanation', async () => {
    const { context, page } = await signedIn(engine, browser, 'cw-ru');
    await page.waitForURL(/\/desk\/work$/);
    await page.goto(`${engine.baseUrl}/desk/cases`);
    await page.click('a[href="/desk/cases/new"]');
    await page.waitForURL(/\/desk\/cases\/new$/);
    expect(await page.textContent('h1')).toBe('Открыть дело');
    expect(await seriousViolations(page)).toEqual([]);

    // A number that is no case number is named by its label, and nothing opens.
    await page.fill('#open-caseNumber', 'дело 42');
    await page.selectOption('#open-procedure', 'RU/temporary-asylum');
    await page.click('button[type=submit]:has-text("Открыть дело")');
    expect(await page.textContent('div.error')).toContain('Номер дела: запишите его как RU-TA-2016-0042');
    expect(await page.textContent('div.error')).toContain('Сотрудник: выберите значение');

    await page.fill('#open-caseNumber', FOUNDING_CASE);
    await page.selectOption('#open-caseworker', 'cw-ru');
    await page.fill('#open-pseudonym', 'Applicant-7F3A');
    await page.click('button[type=submit]:has-text("Открыть дело")');
    await page.waitForURL(new RegExp(`/desk/cases/${FOUNDING_CASE}\\?done=openCase$`));
    expect(await page.textContent('p.status')).toContain('Дело открыто.');
    expect((await engine.cases.get(FOUNDING_CASE)).applicant?.pseudonym).toBe('Applicant-7F3A');

    // The first two refusals and the third application, each answered by a new application.
    for (const [event, on] of foundingCaseUntil('application-lodged', 3)) {
      await engine.cases.command(FOUNDING_CASE, 'recordEvent', { actor: 'cw-ru', event, on });
    }
    await page.goto(`${engine.baseUrl}/desk/cases/${FOUNDING_CASE}`);
    const before = await history(FOUNDING_CASE);

    // Sent without its date, the form comes back open with the field named, and nothing is recorded.
    await openForm(page, 'получено письменное уведомление об отказе');
    const refusalForm = page.locator('details.act[open] form');
    await refusalForm.locator('button[type=submit]').click();
    expect(response(await page.textContent('div.error'))).toContain('Дата события (для уведомления — день получения): укажите дату');
    expect(await page.getAttribute('details.act[open] input[type=date]', 'aria-invalid')).toBe('true');
    expect(await history(FOUNDING_CASE)).toEqual(before);
    expect(await seriousViolations(page)).toEqual([]);

    await page.fill('details.act[open] input[name=on]', '2016-01-26');
    await page.click('details.act[open] button[type=submit]');
    await page.waitForURL(/\?done=recordEvent$/);
    expect(await page.textContent('p.status')).toBe('Записано. Сроки ниже рассчитаны заново.');
    expect(await history(FOUNDING_CASE)).toEqual([...before, 'refusal-notice-received']);

    // One month after Tuesday 26 January 2016 is Friday 26 February 2016, a working day: it stays.
    const complaint = page.locator('li.deadline[data-kind="complaint"]').filter({ hasText: '26.02.2016' });
    expect(await complaint.count()).toBe(1);
    expect(await complaint.locator('dd').nth(2).textContent()).toBe('26.02.2016, пятница');
    expect(await complaint.locator('ol.explanation > li').allTextContents()).toContain('1 месяц с вт, 26.01.2016 истекает пт, 26.02.2016.');
    await context.close();
  });

  it('refuses an event the stage does not allow, and a form without the page’s token, changing nothing', async () => {
    const { context, page } = await signedIn(engine, browser, 'cw-ru');
    await page.waitForURL(/\/desk\/work$/);
    await page.goto(`${engine.baseUrl}/desk/cases/${OTHER_CASE}`);
    const csrfToken = (await page.getAttribute('details.act form input[name=csrfToken]', 'value')) ?? '';
    const before = await history(OTHER_CASE);

    // A case just opened has no refusal to complain about: the form for it is not offered, and a crafted one is refused.
    expect(await page.locator('details.act > summary', { hasText: 'жалоба' }).count()).toBe(0);
    const stage = await page.request.post(`${engine.baseUrl}/desk/cases/${OTHER_CASE}/record`, { form: { csrfToken, event: 'complaint-lodged', on: '2016-02-01' } });
    expect(stage.status()).toBe(422);
    expect(await stage.text()).toContain('нельзя записать, пока дело на стадии «открыто»');

    const forged = await page.request.post(`${engine.baseUrl}/desk/cases/${OTHER_CASE}/record`, { form: { csrfToken: 'not-the-token', event: 'application-lodged', on: '2016-02-01' } });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('Ничего не изменено: ваша роль не позволяет этого в этом деле.');
    expect(await history(OTHER_CASE)).toEqual(before);

    // A caseworker has no reassign form, and a reassignment posted anyway is refused.
    expect(await page.locator('details.act > summary', { hasText: 'Передать дело' }).count()).toBe(0);
    const reassign = await page.request.post(`${engine.baseUrl}/desk/cases/${OTHER_CASE}/reassign`, { form: { csrfToken, caseworker: 'cw-2' } });
    expect(reassign.status()).toBe(403);
    expect((await engine.cases.get(OTHER_CASE)).caseworker).toBe('cw-ru');
    await context.close();
  });

  it('lets a supervisor reassign a case to a caseworker chosen by name, at 390 px', async () => {
    const { context, page } = await signedIn(engine, browser, 'sv-msk', { width: PHONE_WIDTH });
    await page.waitForURL(/\/desk\/work$/);
    await page.goto(`${engine.baseUrl}/desk/cases/${OTHER_CASE}?lang=en`);
    await openForm(page, 'Reassign the case');
    expect(await page.locator('details.act[open] select[name=caseworker] option').allTextContents()).toEqual(['Олег Ветров (cw-2)']);
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(await seriousViolations(page)).toEqual([]);
    await page.selectOption('details.act[open] select[name=caseworker]', 'cw-2');
    await page.fill('details.act[open] input[name=reason]', 'Workload');
    await page.click('details.act[open] button[type=submit]');
    await page.waitForURL(/\?done=reassign$/);
    expect(await page.textContent('p.status')).toBe('The case is reassigned.');
    expect((await engine.cases.get(OTHER_CASE)).caseworker).toBe('cw-2');
    await context.close();
  });

  it('shows an admin no forms and no case', async () => {
    const { context, page } = await signedIn(engine, browser, 'adm-1');
    await page.waitForURL(/\/desk\/admin$/);
    expect((await page.goto(`${engine.baseUrl}/desk/cases/new`))?.status()).toBe(403);
    expect((await page.goto(`${engine.baseUrl}/desk/cases/${FOUNDING_CASE}`))?.status()).toBe(403);
    await context.close();
  });
});

/** The text of an element that must be there. */
function response(text: string | null): string {
  if (text === null) throw new Error('the element is not on the page');
  return text;
}
