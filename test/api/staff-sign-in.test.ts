import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openAccessStore, type AccessStore } from '../../src/access';
import { deskRoutes } from '../../src/api/desk/desk-routes';
import { sessionCookie } from '../../src/api/http/session-cookie';
import { buildApiServer } from '../../src/api/server';
import { runDocket } from '../../src/cli/docket';
import { createBufferedIo } from '../../src/cli/io';
import { createStaffCommand } from '../../src/cli/commands/staff';
import type { CliServices } from '../../src/cli/commands/services';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging';
import { CaseComputations, openRegisterDatabase, RegisterEscalatedCases, type RegisterDatabaseHandle } from '../../src/store';
import { alertText, deskBrowser } from './support/desk-browser';
import { httpClient, listen } from './support/http';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const PUBLIC_URL = 'https://docket.example.org';
const PASSWORD = 'river lamp october quietly';

/**
 * A person's way in, end to end over HTTP: the link `docket staff invite` prints, the password set
 * through it, the session cookie the sign-in sets, and that session at work on the API beside tokens.
 */
describe('staff sign-in over HTTP', () => {
  let register: RegisterDatabaseHandle;
  let access: AccessStore;
  let app: FastifyInstance;
  let baseUrl: string;
  let adminToken: string;

  beforeAll(async () => {
    register = await openRegisterDatabase({ sqliteFile: ':memory:' });
    access = await openAccessStore(register);
    await access.staff.upsert({ id: 'adm-1', displayName: 'Admin One', role: 'admin', office: 'hq', language: 'en' });
    for (const id of ['cw-msk', 'cw-desk', 'cw-two', 'cw-leaving']) {
      await access.staff.upsert({ id, displayName: `Caseworker ${id}`, role: 'caseworker', office: 'msk-1', language: 'ru' });
    }
    for (const id of ['cw-lock', 'cw-locked']) {
      await access.staff.upsert({ id, displayName: `Caseworker ${id}`, role: 'caseworker', office: 'msk-1', language: 'en' });
    }
    adminToken = (await access.tokens.issue({ staffId: 'adm-1', label: 'test' }, 'setup')).token;
    app = await buildApiServer({
      access,
      logger: createLogger('error'),
      publicUrl: PUBLIC_URL,
      plugins: [deskRoutes({ access, publicUrl: PUBLIC_URL, projectRoot: PROJECT_ROOT })],
    });
    baseUrl = await listen(app);
    // A member already signed up, for the tests of a session at work.
    await setPassword('cw-desk');
  });
  afterAll(async () => {
    await app.close();
    await register.close();
  });

  /** The CLI on the same database, with no Temporal: inviting and deactivating need none. */
  async function docket(...argv: string[]) {
    const services: CliServices = {
      config: loadConfig({ API_PUBLIC_URL: PUBLIC_URL }),
      access,
      escalated: new RegisterEscalatedCases(register.db),
      staff: access.staff,
      computations: new CaseComputations(register.db, () => new Date()),
      rulebook: async () => {
        throw new Error('the staff commands need no rule data');
      },
      cases: async () => ({ listing: { count: async () => 0 } }) as unknown as Awaited<ReturnType<CliServices['cases']>>,
      close: async () => undefined,
    };
    const io = createBufferedIo();
    const code = await runDocket(argv, io, [createStaffCommand(async () => services)], {});
    return { code, out: io.stdout, err: io.stderr };
  }

  /** The path of the link the invitation printed, to open on this test's server. */
  async function invitationPath(staffId: string): Promise<string> {
    const invited = await docket('staff', 'invite', staffId, '--as', 'adm-1');
    expect(invited.code).toBe(0);
    const link = invited.out.split('\n').find((line) => line.startsWith(PUBLIC_URL)) as string;
    return link.slice(PUBLIC_URL.length);
  }

  async function signedIn(staffId: string, password = PASSWORD) {
    const browser = deskBrowser(baseUrl);
    const response = await browser.postForm('/desk/signin', { staffId, password, timeZone: 'Europe/Moscow' });
    expect(response).toMatchObject({ status: 303, location: '/desk' });
    return browser;
  }

  async function setPassword(staffId: string, password = PASSWORD) {
    const welcome = await invitationPath(staffId);
    const browser = deskBrowser(baseUrl);
    expect((await browser.postForm(welcome, { newPassword: password, repeatPassword: password })).status).toBe(303);
  }

  it('takes a caseworker from the printed invitation to a session that reads the API as they are', async () => {
    const invited = await docket('staff', 'invite', 'cw-msk', '--as', 'adm-1');
    expect(invited.out).toMatch(/^Invitation for cw-msk, valid once until \S+ \(a newer link replaces it\):\nhttps:\/\/docket\.example\.org\/desk\/welcome\/dkw_[0-9a-f]{12}_[\w-]{43}\nSMTP_URL is not set/);
    const welcome = (invited.out.split('\n')[1] as string).slice(PUBLIC_URL.length);
    const browser = deskBrowser(baseUrl);

    // The page is in the member's language (Russian), says whose link it is, and carries the page policy.
    const page = await browser.get(welcome);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="ru">');
    expect(page.text).toContain('Задайте пароль');
    expect(page.text).toContain('cw-msk');
    // The headers every page of ours sends: its own script and styles only, no framing, no copy kept, no Referer with the secret.
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');

    // A short password is refused naming the field, in Russian, and the link still works.
    const short = await browser.postForm(welcome, { newPassword: 'short', repeatPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('Новый пароль: должен быть не короче 12 символов, а в этом — 5');
    const mismatch = await browser.postForm(welcome, { newPassword: PASSWORD, repeatPassword: `${PASSWORD}!` });
    expect(mismatch.text).toContain('Новый пароль ещё раз: не совпадает с новым паролем');

    const set = await browser.postForm(welcome, { newPassword: PASSWORD, repeatPassword: PASSWORD });
    expect(set).toMatchObject({ status: 303, location: '/desk/signin?lang=ru&staff=cw-msk&notice=password-set' });
    expect((await browser.get(welcome)).status).toBe(404);
    expect((await browser.postForm(welcome, { newPassword: 'another long passphrase', repeatPassword: 'another long passphrase' })).status).toBe(404);

    const signIn = await browser.postForm('/desk/signin', { staffId: 'CW-MSK ', password: PASSWORD, timeZone: 'Europe/Moscow' });
    expect(signIn).toMatchObject({ status: 303, location: '/desk' });
    expect(signIn.setCookie).toHaveLength(1);
    expect(signIn.setCookie[0]).toMatch(/^docket_session=dks_[0-9a-f]{12}_[\w-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict; Secure$/);

    const me = await browser.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.json()).toEqual({ tokenId: expect.stringMatching(/^dks_/), staffId: 'cw-msk', role: 'caseworker', office: 'msk-1' });
    // The same permission checks as a token's: a caseworker manages no tokens.
    const tokens = await browser.get('/api/tokens');
    expect(tokens.status).toBe(403);
    expect(tokens.json().message).toBe('The caseworker role may not manage API tokens.');
    // Signed in, the sign-in page sends the person on to the desk.
    expect(await browser.get('/desk/signin')).toMatchObject({ status: 303, location: '/desk' });
  });

  it('refuses a signed-in browser’s write without the session’s CSRF token, and takes it with the token; tokens need none', async () => {
    const browser = await signedIn('cw-desk');
    const feed = { scope: 'caseworker', subject: 'cw-desk' };
    const before = (await access.feeds.list()).length;

    const refused = await browser.request('POST', '/api/calendar-feeds', { json: feed });
    expect(refused.status).toBe(403);
    expect(refused.json()).toEqual({ error: 'forbidden', message: expect.stringContaining('CSRF token in the X-CSRF-Token header') });
    const wrong = await browser.request('POST', '/api/calendar-feeds', { json: feed, headers: { 'x-csrf-token': 'not-the-token' } });
    expect(wrong.status).toBe(403);
    expect(await access.feeds.list()).toHaveLength(before);

    const session = (await browser.get('/desk/session')).json();
    expect(session).toEqual({ staffId: 'cw-desk', role: 'caseworker', office: 'msk-1', language: 'ru', csrfToken: expect.any(String), expiresAt: expect.any(String) });
    const accepted = await browser.request('POST', '/api/calendar-feeds', { json: feed, headers: { 'x-csrf-token': session.csrfToken } });
    expect(accepted.status).toBe(201);
    // Another session's token is not this one's.
    const other = await signedIn('cw-desk');
    const otherToken = (await other.get('/desk/session')).json().csrfToken;
    expect((await browser.request('POST', '/api/calendar-feeds', { json: feed, headers: { 'x-csrf-token': otherToken } })).status).toBe(403);

    const token = (await access.tokens.issue({ staffId: 'cw-desk', label: 'script' }, 'adm-1')).token;
    expect((await httpClient(baseUrl)('POST', '/api/calendar-feeds', { token, body: feed })).status).toBe(201);
    // Only the desk's forms are read urlencoded; the JSON API still takes JSON alone.
    const form = await fetch(`${baseUrl}/api/calendar-feeds`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new URLSearchParams(feed) });
    expect(form.status).toBe(415);
  });

  it('signs out only with the page’s token, and the session is then over', async () => {
    const browser = await signedIn('cw-desk');
    const cookie = browser.cookie;
    expect((await browser.postForm('/desk/signout', {})).status).toBe(403);
    expect((await browser.get('/api/me')).status).toBe(200);

    const { csrfToken } = (await browser.get('/desk/session')).json();
    const out = await browser.postForm('/desk/signout', { csrfToken });
    expect(out).toMatchObject({ status: 303, location: '/desk/signin?lang=ru&notice=signed-out' });
    expect(out.setCookie[0]).toMatch(/^docket_session=; Path=\/; Max-Age=0;/);
    browser.cookie = cookie;
    const after = await browser.get('/api/me');
    expect(after.status).toBe(401);
    expect(after.json().message).toBe('The session has ended (signed out, or the password was set anew): sign in again at /desk/signin.');
  });

  it('ends an open session when the member is deactivated', async () => {
    await setPassword('cw-leaving');
    const browser = await signedIn('cw-leaving');
    expect((await browser.get('/api/me')).status).toBe(200);
    // The directory alone, as when it is edited by hand: the session stops at the next request.
    await access.staff.deactivate('cw-leaving');
    const stopped = await browser.get('/api/me');
    expect(stopped.status).toBe(401);
    expect(stopped.json().message).toBe('The session belongs to a staff member who has been deactivated.');

    await access.staff.upsert({ id: 'cw-leaving', displayName: 'Caseworker cw-leaving', role: 'caseworker', office: 'msk-1', language: 'ru' });
    expect((await browser.get('/api/me')).status).toBe(200);
    expect((await docket('staff', 'deactivate', 'cw-leaving', '--as', 'adm-1')).code).toBe(0);
    expect((await browser.get('/api/me')).status).toBe(401);
    expect((await deskBrowser(baseUrl).postForm('/desk/signin', { staffId: 'cw-leaving', password: PASSWORD })).status).toBe(401);
  });

  it('ends every session when the password is reset through a new link', async () => {
    await setPassword('cw-two');
    const browser = await signedIn('cw-two');
    const reset = await docket('staff', 'invite', 'cw-two', '--as', 'adm-1');
    expect(reset.out).toMatch(/^Password reset link for cw-two/);
    expect(reset.out).toContain('Their current password works until they set the new one; setting it ends their open sessions.');
    expect((await browser.get('/api/me')).status).toBe(200);

    const welcome = (reset.out.split('\n')[1] as string).slice(PUBLIC_URL.length);
    const page = await deskBrowser(baseUrl).get(welcome);
    expect(page.text).toContain('Новый пароль завершит все ваши открытые сеансы.');
    expect((await deskBrowser(baseUrl).postForm(welcome, { newPassword: 'a new long passphrase', repeatPassword: 'a new long passphrase' })).status).toBe(303);
    expect((await browser.get('/api/me')).status).toBe(401);
    expect((await deskBrowser(baseUrl).postForm('/desk/signin', { staffId: 'cw-two', password: PASSWORD })).status).toBe(401);
    await signedIn('cw-two', 'a new long passphrase');
  });

  it('refuses a sign-in form posted from another site, and bad input naming the field, setting no cookie', async () => {
    const browser = deskBrowser(baseUrl, { acceptLanguage: 'en-GB,en;q=0.9' });
    const foreign = await browser.postForm('/desk/signin', { staffId: 'cw-msk', password: PASSWORD }, { origin: 'https://elsewhere.example' });
    expect(foreign.status).toBe(403);
    expect(alertText(foreign.text)).toBe('This form can be sent only from this server’s own page: open the page again and retry.');
    expect(foreign.setCookie).toEqual([]);
    // What today's browsers send instead of a usable Origin under the pages' no-referrer policy.
    const crossSite = await browser.postForm('/desk/signin', { staffId: 'cw-msk', password: PASSWORD }, { origin: 'null', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect((await browser.postForm('/desk/signin', { staffId: 'cw-msk', password: 'not the password' }, { origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(401);

    const bad = await browser.postForm('/desk/signin', { staffId: 'Ivan Petrov', password: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Staff id: is not a staff id');
    expect(bad.text).toContain('Password: enter your password');
    expect(bad.setCookie).toEqual([]);
    // A body of the wrong shape is bad input too, never a server error.
    const odd = await browser.request('POST', '/desk/signin', { json: { staffId: 42, password: ['x'] } });
    expect(odd.status).toBe(400);

    const none = await browser.get('/api/me');
    expect(none.json().message).toBe('No credentials: send the header "Authorization: Bearer <token>", or sign in at /desk/signin.');
  });

  it('answers a failed sign-in in the page’s language, the same for an unknown id and a wrong password', async () => {
    await setPassword('cw-lock');
    const russian = deskBrowser(baseUrl, { acceptLanguage: 'ru-RU,ru;q=0.9,en;q=0.8' });
    const wrong = await russian.postForm('/desk/signin', { staffId: 'cw-lock', password: 'not the password' });
    const unknown = await russian.postForm('/desk/signin', { staffId: 'nobody-1', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(alertText(wrong.text)).toBe('Неверный идентификатор сотрудника или пароль.');
    expect(alertText(unknown.text)).toBe(alertText(wrong.text));
    const english = await deskBrowser(baseUrl).postForm('/desk/signin?lang=en', { staffId: 'cw-lock', password: 'not the password' });
    expect(alertText(english.text)).toBe('The staff id or the password is not right.');
  });

  it('locks an id after 5 failures and says when to try again, alike for an unknown id; all audited without passwords', async () => {
    await setPassword('cw-locked');
    const browser = deskBrowser(baseUrl);
    const lockMessages: string[] = [];
    for (const staffId of ['cw-locked', 'nobody-2']) {
      let last;
      for (let failure = 1; failure <= 5; failure++) last = await browser.postForm('/desk/signin', { staffId, password: 'not the password', timeZone: 'Europe/Moscow' });
      expect(last?.status).toBe(429);
      lockMessages.push(alertText(last!.text) ?? '');
    }
    expect(lockMessages[0]).toMatch(/^Too many failed sign-ins\. Try again at \d\d:\d\d\.$/);
    const withoutTime = lockMessages.map((message) => message.replace(/\d\d:\d\d/, 'HH:MM'));
    expect(withoutTime[1]).toBe(withoutTime[0]);

    // The right password is refused while the lock lasts.
    const locked = await browser.postForm('/desk/signin', { staffId: 'cw-locked', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.setCookie).toEqual([]);
    expect(alertText(locked.text)).toMatch(/^Too many failed sign-ins\. Try again at \d\d:\d\d UTC\.$/);

    const audit = await httpClient(baseUrl)('GET', '/api/audit?target=cw-locked', { token: adminToken });
    const entries = audit.json().entries as { action: string; actor: string; outcome: string; detail: Record<string, unknown> }[];
    const signIns = entries.filter((entry) => entry.action === 'session.signin');
    expect(signIns.map((entry) => entry.detail.refusal)).toEqual(['locked', 'wrong-credentials', 'wrong-credentials', 'wrong-credentials', 'wrong-credentials', 'wrong-credentials']);
    expect(signIns.every((entry) => entry.actor === 'cw-locked' && entry.outcome === 'rejected')).toBe(true);
    expect(entries.some((entry) => entry.action === 'staff.password.set')).toBe(true);
    const everything = JSON.stringify((await httpClient(baseUrl)('GET', '/api/audit?limit=1000', { token: adminToken })).json());
    expect(everything).not.toContain('not the password');
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toMatch(/dkw_[0-9a-f]{12}_/);
    expect(everything).not.toMatch(/dks_[0-9a-f]{12}_/);
  });

  it('marks the session cookie Secure only when people reach the server over HTTPS', () => {
    expect(sessionCookie('dks_x', 'https://docket.example.org')).toMatch(/; Secure$/);
    expect(sessionCookie('dks_x', 'http://127.0.0.1:8080')).not.toMatch(/Secure/);
  });
});
