import type { Browser, Page } from 'playwright-core';
import { launchChromium, PHONE_WIDTH, seriousViolations, signedIn as signedInWith } from './support/desk-browser';
import { startApiEngine, type ApiEngine } from '../api/support/api-engine';
import { VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';

const MEMBER_PASSWORD = 'copper meadow lantern twelve';

/** Issue 14: an administrator runs the staff directory, tokens and feeds in the browser, in Russian, and sees no case. */
describe('the administrator’s staff and token pages, in headless Chromium', () => {
  let engine: ApiEngine;
  let browser: Browser;
  let admin: Page;

  const signedIn = (staffId: string, options: { width?: number } = {}) => signedInWith(engine, browser, staffId, options);

  beforeAll(async () => {
    engine = await startApiEngine('desk-staff-admin-test');
    await engine.access.staff.upsert({ id: 'adm-1', displayName: 'Admin One', role: 'admin', office: 'hq', language: 'ru' });
    await engine.access.staff.upsert({ id: 'cw-ru', displayName: 'Nadia Caseworker', role: 'caseworker', office: 'msk-1', language: 'ru' });
    browser = await launchChromium();
    admin = (await signedIn('adm-1')).page;
    await admin.waitForURL(/\/desk\/admin$/);
  });

  afterAll(async () => {
    await browser?.close();
    await engine?.stop();
  });

  it('adds a member, naming a wrong field in Russian and adding nothing until it is right', async () => {
    await admin.click('nav a[href="/desk/staff"]');
    expect(await admin.locator('h1').textContent()).toBe('Сотрудники');
    expect(await admin.locator('table.cards tbody').textContent()).toMatch(/Admin One.*Nadia Caseworker/s);
    expect(await seriousViolations(admin)).toEqual([]);

    await admin.fill('#add-staff-id', 'Sv-Tver');
    await admin.fill('#add-staff-displayName', 'Irina Supervisor');
    await admin.selectOption('#add-staff-role', 'supervisor');
    await admin.fill('#add-staff-office', 'tver-1');
    await admin.selectOption('#add-staff-language', 'ru');
    await admin.fill('#add-staff-email', 'irina at office');
    await admin.fill('#add-staff-webhookUrl', 'https://hooks.office.test/tver');
    await admin.click('form[action="/desk/staff"][method=post] button[type=submit]');
    expect(await admin.locator('#add-staff-email-error').textContent()).toBe('Эл. почта (необязательно): укажите адрес вида name@office.org');
    expect(await admin.locator('#add-staff-webhookSecretRef-error').textContent()).toContain('укажите и адрес вебхука, и переменную с секретом');
    expect(await admin.getAttribute('#add-staff-email', 'aria-invalid')).toBe('true');
    expect(await admin.inputValue('#add-staff-displayName')).toBe('Irina Supervisor');
    expect(await engine.access.staff.get('sv-tver')).toBeUndefined();

    await admin.fill('#add-staff-email', 'sv-tver@office.test');
    await admin.fill('#add-staff-webhookUrl', '');
    await admin.click('form[action="/desk/staff"][method=post] button[type=submit]');
    await admin.waitForURL(/\/desk\/staff\/sv-tver\?done=added$/);
    expect(await admin.locator('h1').textContent()).toBe('Irina Supervisor');
    expect(await admin.locator('[role=status]').textContent()).toContain('Добавлен');
    expect(await engine.access.staff.get('sv-tver')).toMatchObject({ role: 'supervisor', office: 'tver-1', email: 'sv-tver@office.test', active: true });
    expect(await seriousViolations(admin)).toEqual([]);
  });

  it('sets the webhook and language, and refuses a secret written in place of its variable', async () => {
    await admin.fill('#change-staff-webhookUrl', 'https://hooks.office.test/tver');
    await admin.fill('#change-staff-webhookSecretRef', 'the-secret-itself');
    await admin.click('form[action="/desk/staff/sv-tver"] button[type=submit]');
    expect(await admin.locator('#change-staff-webhookSecretRef-error').textContent()).toContain('имя переменной окружения');
    expect((await engine.access.staff.get('sv-tver'))?.webhook).toBeUndefined();

    await admin.fill('#change-staff-webhookSecretRef', 'TVER_HOOK_SECRET');
    await admin.selectOption('#change-staff-language', 'en');
    await admin.click('form[action="/desk/staff/sv-tver"] button[type=submit]');
    await admin.waitForURL(/\?done=changed$/);
    expect(await engine.access.staff.get('sv-tver')).toMatchObject({ language: 'en', webhook: { url: 'https://hooks.office.test/tver', secretRef: 'TVER_HOOK_SECRET' } });
    const audited = (await engine.access.audit.list({ target: 'sv-tver' })).find((entry) => entry.action === 'staff.change');
    expect(audited).toMatchObject({ actor: 'adm-1', via: 'api', outcome: 'ok', detail: { fields: ['webhook', 'language'] } });

    await admin.click('form[action="/desk/staff/sv-tver"] button[type=submit]');
    await admin.waitForURL(/\?done=unchanged$/);
  });

  it('invites the member, who signs in; deactivating them ends their open session', async () => {
    await admin.click('form[action="/desk/staff/sv-tver/invitation"] button[type=submit]');
    expect(await admin.locator('h1').textContent()).toBe('Ссылка для входа: Irina Supervisor');
    expect(await admin.locator('main').textContent()).toContain('SMTP не настроен');
    const link = await admin.inputValue('#secret-once');
    // Built on the engine's public address; the test's browser reaches the same server on loopback.
    expect(link).toMatch(/^http:\/\/docket\.test\/desk\/welcome\/dkw_\S+$/);
    expect(await seriousViolations(admin)).toEqual([]);

    // The member, in a browser of their own.
    const memberContext = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const member = await memberContext.newPage();
    await member.goto(`${engine.baseUrl}${new URL(link).pathname}`);
    await member.fill('#newPassword', MEMBER_PASSWORD);
    await member.fill('#repeatPassword', MEMBER_PASSWORD);
    await member.click('button[type=submit]');
    await member.waitForURL(/\/desk\/signin\?/);
    await member.fill('#staffId', 'sv-tver');
    await member.fill('#password', MEMBER_PASSWORD);
    await member.click('button[type=submit]');
    await member.waitForURL(/\/desk\/work$/);
    expect(await member.locator('#who').textContent()).toContain('Irina Supervisor');

    await admin.goto(`${engine.baseUrl}/desk/staff/sv-tver`);
    expect(await admin.locator('main').textContent()).toContain('пароль задан');
    // Unconfirmed, nothing happens.
    await admin.click('form[action="/desk/staff/sv-tver/deactivation"] button[type=submit]');
    expect(await admin.locator('#deactivate-confirm-error').textContent()).toContain('отметьте, чтобы подтвердить');
    expect((await engine.access.staff.get('sv-tver'))?.active).toBe(true);
    await member.reload();
    expect(member.url()).toMatch(/\/desk\/work$/);

    await admin.check('#deactivate-confirm');
    await admin.click('form[action="/desk/staff/sv-tver/deactivation"] button[type=submit]');
    await admin.waitForURL(/\?done=deactivated$/);
    expect(await admin.locator('main').textContent()).toContain('Отключён: не может войти');
    expect(await admin.locator('form[action="/desk/staff/sv-tver"]').count()).toBe(0);

    // Their open page, reloaded, is the sign-in page: the session ended with the deactivation.
    await member.reload();
    expect(member.url()).toMatch(/\/desk\/signin$/);
    await memberContext.close();

    await admin.goto(`${engine.baseUrl}/desk/staff`);
    expect(await admin.locator('main').textContent()).not.toContain('Irina Supervisor');
    await admin.check('#show-inactive');
    await admin.click('form[action="/desk/staff"][method=get] button[type=submit]');
    expect(await admin.locator('main').textContent()).toContain('Irina Supervisor');
  });

  it('refuses to deactivate a caseworker who still holds a case, saying why', async () => {
    await engine.cases.open({ caseNumber: 'RU-TA-2016-0042', jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-ru', actor: 'sv-msk', applicant: { pseudonym: 'Applicant-7F3A' } });
    await waitFor(async () => (await engine.cases.listing.count({ caseworker: 'cw-ru' })) === 1, { timeoutMs: VISIBILITY_MS, what: 'the case to be listed' });
    await admin.goto(`${engine.baseUrl}/desk/staff/cw-ru`);
    await admin.check('#deactivate-confirm');
    await admin.click('form[action="/desk/staff/cw-ru/deactivation"] button[type=submit]');
    expect(await admin.locator('.error[role=alert]').textContent()).toContain('still holds 1 open case');
    expect((await engine.access.staff.get('cw-ru'))?.active).toBe(true);
    // The admin saw the count, never the case: no case number or pseudonym on any page they reached.
    expect(await admin.content()).not.toMatch(/RU-TA-2016-0042|Applicant-7F3A/);
  });

  it('issues a token shown once, revokes it, and revokes a calendar feed', async () => {
    await admin.goto(`${engine.baseUrl}/desk/tokens`);
    expect(await admin.locator('h1').textContent()).toBe('Токены API и календари');
    await admin.click('form[action="/desk/tokens"] button[type=submit]');
    expect(await admin.locator('#issue-token-staffId-error').textContent()).toBe('Кому: выберите значение');
    await admin.selectOption('#issue-token-staffId', 'cw-ru');
    await admin.fill('#issue-token-label', 'nightly export');
    await admin.fill('#issue-token-expiresInDays', '400');
    await admin.click('form[action="/desk/tokens"] button[type=submit]');
    expect(await admin.locator('#issue-token-expiresInDays-error').textContent()).toContain('от 1 до 366');
    expect((await engine.access.tokens.list({ staffId: 'cw-ru' })).length).toBe(0);

    await admin.fill('#issue-token-expiresInDays', '30');
    const issuedAt = Date.now();
    await admin.click('form[action="/desk/tokens"] button[type=submit]');
    expect(await admin.locator('h1').textContent()).toBe('Токен для: Nadia Caseworker');
    const token = await admin.inputValue('#secret-once');
    expect(await engine.access.tokens.authenticate(token)).toMatchObject({ ok: true, principal: { staffId: 'cw-ru', role: 'caseworker' } });
    const [record] = await engine.access.tokens.list({ staffId: 'cw-ru' });
    // Thirty days from the moment it was issued, to within the few seconds the click took.
    expect(Math.abs(Date.parse(record!.expiresAt) - (issuedAt + 30 * 86_400_000))).toBeLessThan(60_000);

    const feed = await engine.access.feeds.create({ scope: 'office', subject: 'msk-1' }, 'sv-msk');
    await admin.click('main a[href="/desk/tokens"]');
    const row = admin.locator('table.cards tbody tr', { hasText: 'nightly export' });
    expect(await row.textContent()).toContain('Nadia Caseworker');
    expect(await row.textContent()).toContain('действует');
    expect(await seriousViolations(admin)).toEqual([]);
    await row.locator(`button[aria-label="Отозвать ${record!.id}"]`).click();
    await admin.waitForURL(/\/desk\/tokens\?done=tokenRevoked$/);
    expect(await engine.access.tokens.authenticate(token)).toEqual({ ok: false, reason: 'revoked' });
    expect(await admin.locator('table.cards tbody tr', { hasText: 'nightly export' }).textContent()).toContain('отозван');

    await admin.locator(`button[aria-label="Отозвать ${feed.record.id}"]`).click();
    await admin.waitForURL(/\?done=feedRevoked$/);
    expect((await engine.access.feeds.get(feed.record.id)).revokedAt).not.toBeNull();
    // The feed's secret URL was never on the page.
    expect(await admin.content()).not.toContain(feed.secretPath);
  });

  it('keeps every administration page within a phone’s width, and in English on request', async () => {
    await admin.setViewportSize({ width: PHONE_WIDTH, height: 900 });
    for (const address of ['/desk/staff', '/desk/staff/cw-ru', '/desk/tokens', '/desk/admin']) {
      await admin.goto(`${engine.baseUrl}${address}`);
      const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect([address, overflow]).toEqual([address, 0]);
      expect(await seriousViolations(admin)).toEqual([]);
    }
    await admin.goto(`${engine.baseUrl}/desk/tokens?lang=en`);
    expect(await admin.locator('h1').textContent()).toBe('API tokens and calendar feeds');
  });
});
