import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/desk-browser';
import { inviteStaff } from '../../src/access/invite-staff';
import { VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { daysAgo, startApiEngine, type ApiEngine } from '../api/support/api-engine';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'data', 'screenshots');
const PASSWORD = 'river lamp october quietly';

describe('a caseworker signs in as a person, in headless Chromium', () => {
  let engine: ApiEngine;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    engine = await startApiEngine('desk-sign-in-test');
    await engine.access.staff.upsert({ id: 'adm-1', displayName: 'Admin One', role: 'admin', office: 'hq', language: 'en' });
    await engine.access.staff.upsert({ id: 'cw-ru', displayName: 'Caseworker Ru', role: 'caseworker', office: 'msk-1', language: 'ru' });
    await engine.cases.open({ caseNumber: 'RU-TA-2016-0042', jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-ru', actor: 'sv-msk', applicant: { pseudonym: 'Applicant-7F3A' } });
    await engine.cases.command('RU-TA-2016-0042', 'recordEvent', { actor: 'cw-ru', event: 'application-lodged', on: daysAgo(30) });
    await waitFor(async () => (await engine.cases.listing.count({ office: 'msk-1' })) === 1, { timeoutMs: VISIBILITY_MS, what: 'the case to be listed' });

    browser = await launchChromium();
    // A Russian-speaking office: the browser asks for Russian, and its clock is Moscow's.
    context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
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

  it('follows the invitation link, sets a password, signs in and lands on My work with the session cookie', async () => {
    const { link } = await inviteStaff(engine.access, 'cw-ru', { id: 'adm-1', via: 'cli' }, engine.baseUrl);
    await page.goto(link);
    expect(await page.locator('h1').textContent()).toBe('Задайте пароль');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'desk-welcome-ru.png'), fullPage: true });

    // A password that breaks a rule is refused naming the field, in Russian.
    await page.fill('#newPassword', 'cw-ru');
    await page.fill('#repeatPassword', 'cw-ru');
    await page.click('button[type=submit]');
    expect(await page.locator('#newPassword-error').textContent()).toBe('Новый пароль: должен быть не короче 12 символов, а в этом — 5');
    expect(await page.getAttribute('#newPassword', 'aria-invalid')).toBe('true');

    await page.fill('#newPassword', PASSWORD);
    await page.fill('#repeatPassword', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/desk\/signin\?/);
    expect(await page.locator('[role=status]').textContent()).toBe('Пароль задан. Войдите с ним.');
    expect(await page.inputValue('#staffId')).toBe('cw-ru');

    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    // Sign-in lands on the desk's My work, in the member's language; the old dashboard's address leads there too.
    await page.waitForURL(/\/desk\/work$/);
    expect(await page.textContent('#who')).toContain('Caseworker Ru (cw-ru');
    await page.goto(`${engine.baseUrl}/dashboard`);
    await page.waitForURL(/\/desk\/work$/);

    // No script can read the session: the cookie is HttpOnly and SameSite=Strict, and no token is kept in the page.
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'docket_session', httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'desk-my-work-signed-in.png'), fullPage: true });
  });

  it('signs out on the server, after which the desk asks to sign in again', async () => {
    await page.click('.desk-tools form[action^="/desk/signout"] button');
    await page.waitForURL(/\/desk\/signin\?/);
    expect(await page.locator('[role=status]').textContent()).toBe('Вы вышли из системы.');
    expect(await context.cookies()).toEqual([]);
    await page.goto(`${engine.baseUrl}/desk/work`);
    await page.waitForURL(/\/desk\/signin$/);
  });

  it('shows a failed sign-in in Russian, keeping the staff id and setting no cookie', async () => {
    await page.goto(`${engine.baseUrl}/desk/signin`);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await page.fill('#staffId', 'cw-ru');
    await page.fill('#password', 'not the password at all');
    await page.click('button[type=submit]');
    expect(await page.locator('[role=alert]').textContent()).toBe('Неверный идентификатор сотрудника или пароль.');
    expect(await page.inputValue('#staffId')).toBe('cw-ru');
    expect(await page.inputValue('#password')).toBe('');
    expect(await context.cookies()).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'desk-signin-failed-ru.png'), fullPage: true });
    expect(dialogs).toEqual([]);
  });
});
