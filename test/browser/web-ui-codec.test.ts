import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { openAccess } from '../../src/access/open-access';
import { SESSION_COOKIE_NAME } from '../../src/codec/codec-session';
import { openStore } from '../../src/store';
import { caseWorkflowId } from '../../src/workflows/messages';
import { daysAgo } from '../api/support/api-engine';
import { startEngineProcess, type EngineProcess } from '../privacy/engine-process';
import { APPLICANT, personalDataIn } from '../privacy/personal-data';

/**
 * The last promise of the privacy issue, checked as a person meets it: the Temporal Web UI of the engine's
 * dev server (Web UI 2.54) shows a case's payloads as ciphertext, and shows the applicant only after a
 * supervisor has signed in on the engine's `/codec/session` page and switched on the UI's "Include
 * cross-origin credentials" codec setting, so that the UI's decode calls carry the session cookie.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'web-ui-codec');
const CASE_NUMBER = 'RU-TA-2016-0855';
const OFFICE = 'msk-webui';
const CASEWORKER = 'cw-webui';
const SUPERVISOR = 'sv-webui';
/** The Web UI's banner when its codec endpoint refuses a decode call. */
const CODEC_ERROR_BANNER = 'Codec Server could not connect';
/** How the UI shows an input it could not decode: the stored payload's data, one quoted base64 string. */
const CIPHERTEXT_INPUT = /^"[A-Za-z0-9+/]{200,}={0,2}"$/;
/** How long the UI's decode calls must have been quiet before the page counts as fully rendered. */
const DECODE_QUIET_MS = 1_500;
const UI_TIMEOUT_MS = 20_000;

interface RenderedWorkflow {
  /** The text of the workflow's Input panel. */
  input: string;
  /** Everything the page shows. */
  text: string;
  /** The HTTP status of each decode call the UI made while loading the page. */
  decodeStatuses: number[];
}

describe('Temporal Web UI in headless Chromium: case data decrypted only through the codec endpoint', () => {
  let engine: EngineProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let tokens: { caseworker: string; supervisor: string };
  let workflowPage: string;

  const isDecodeCall = (response: Response) => response.request().method() === 'POST' && response.url().startsWith(`${engine.apiUrl}/codec/decode`);

  /** Loads the case's workflow page and waits until the UI has rendered its input and stopped calling the codec endpoint. */
  async function openWorkflow(): Promise<RenderedWorkflow> {
    const decodeStatuses: number[] = [];
    let lastDecodeAt = Date.now();
    const record = (response: Response) => {
      if (!isDecodeCall(response)) return;
      decodeStatuses.push(response.status());
      lastDecodeAt = Date.now();
    };
    page.on('response', record);
    try {
      await page.goto(workflowPage);
      const input = page.getByTestId('input-and-result').getByRole('textbox', { name: 'Input' });
      await input.locator('.cm-line').first().waitFor({ timeout: UI_TIMEOUT_MS });
      const deadline = Date.now() + UI_TIMEOUT_MS;
      while (decodeStatuses.length === 0 || Date.now() - lastDecodeAt < DECODE_QUIET_MS) {
        if (Date.now() > deadline) throw new Error(`the UI's decode calls did not settle: ${JSON.stringify(decodeStatuses)}`);
        await page.waitForTimeout(250);
      }
      return { input: await input.innerText(), text: await page.locator('body').innerText(), decodeStatuses };
    } finally {
      page.off('response', record);
    }
  }

  /** Signs in on the engine's own page, as a person pastes their API token there; returns what the page says. */
  async function signInOnCodecPage(token: string): Promise<string> {
    const signInPage = await context.newPage();
    try {
      await signInPage.goto(`${engine.apiUrl}/codec/session`);
      await signInPage.fill('#token', token);
      await signInPage.getByRole('button', { name: 'Sign in' }).click();
      const status = signInPage.getByRole('status');
      await status.filter({ hasText: /\S/ }).waitFor({ timeout: UI_TIMEOUT_MS });
      return await status.innerText();
    } finally {
      await signInPage.close();
    }
  }

  const sessionCookies = async () => (await context.cookies(engine.apiUrl + '/codec')).filter((cookie) => cookie.name === SESSION_COOKIE_NAME);
  const screenshot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    engine = await startEngineProcess();
    const store = await openStore({ sqliteFile: path.join(engine.dataDir, 'register.sqlite') });
    const { handle: accessDatabase, access } = await openAccess({ dataDir: engine.dataDir });
    try {
      await store.staff.upsert({ id: CASEWORKER, displayName: 'Caseworker', language: 'en', role: 'caseworker', office: OFFICE });
      await store.staff.upsert({ id: SUPERVISOR, displayName: 'Supervisor', language: 'en', role: 'supervisor', office: OFFICE });
      const issue = async (staffId: string) => (await access.tokens.issue({ staffId, label: 'web ui codec test' }, 'web-ui-codec-test')).token;
      tokens = { caseworker: await issue(CASEWORKER), supervisor: await issue(SUPERVISOR) };
    } finally {
      await accessDatabase.close();
      await store.close();
    }
    const post = async (route: string, body: unknown) => {
      const response = await fetch(`${engine.apiUrl}${route}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.caseworker}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`POST ${route}: HTTP ${response.status} ${await response.text()}`);
    };
    await post('/api/cases', { caseNumber: CASE_NUMBER, jurisdiction: 'RU', procedure: 'temporary-asylum', office: OFFICE, caseworker: CASEWORKER, applicant: APPLICANT });
    await post(`/api/cases/${CASE_NUMBER}/commands/recordEvent`, { event: 'application-lodged', on: daysAgo(20) });

    const described = (await (await fetch(`${engine.webUiUrl}/api/v1/namespaces/default/workflows/${caseWorkflowId(CASE_NUMBER)}`)).json()) as {
      workflowExecutionInfo: { execution: { runId: string } };
    };
    workflowPage = `${engine.webUiUrl}/namespaces/default/workflows/${caseWorkflowId(CASE_NUMBER)}/${described.workflowExecutionInfo.execution.runId}/history`;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1400, height: 1600 } });
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    page = await context.newPage();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await engine?.stop();
  });

  it('shows the workflow to a browser that has not signed in, with its input as ciphertext and the codec error banner', async () => {
    const rendered = await openWorkflow();
    await screenshot('1-not-signed-in');
    expect(rendered.text).toContain(caseWorkflowId(CASE_NUMBER));
    expect(rendered.text).toContain(CODEC_ERROR_BANNER);
    expect(rendered.input).toMatch(CIPHERTEXT_INPUT);
    expect(personalDataIn(rendered.text)).toEqual([]);
    expect(new Set(rendered.decodeStatuses)).toEqual(new Set([401]));
  });

  it("keeps the case encrypted for a signed-in supervisor while the UI's cross-origin credentials setting is off", async () => {
    expect(await signInOnCodecPage(tokens.supervisor)).toBe(`Signed in as ${SUPERVISOR}. The Web UI can now decrypt case data through this endpoint.`);
    expect(await sessionCookies()).toEqual([expect.objectContaining({ httpOnly: true, path: '/codec', sameSite: 'Strict' })]);
    const rendered = await openWorkflow();
    expect(rendered.text).toContain(CODEC_ERROR_BANNER);
    expect(personalDataIn(rendered.text)).toEqual([]);
    // Without the setting the UI's fetch leaves the cookie behind: the endpoint sees no credentials at all.
    expect(new Set(rendered.decodeStatuses)).toEqual(new Set([401]));
  });

  it('decrypts the case for the signed-in supervisor once "Include cross-origin credentials" is switched on in the codec settings', async () => {
    // The dev server hands the UI the endpoint with IncludeCredentials off, and `temporal server start-dev` has no
    // flag for it; Web UI 2.54 applies its own switch only with the browser override, so a person picks that.
    await page.locator('[data-testid^="data-encoder-status"]').click();
    const dialog = page.locator('#data-encoder-settings');
    await dialog.getByLabel('Use my browser setting and ignore Cluster-level setting.').check();
    await dialog.getByLabel('Codec Server browser endpoint').fill(`${engine.apiUrl}/codec`);
    // The switch itself is visually hidden; a person clicks its label.
    await dialog.getByText('Include cross-origin credentials', { exact: true }).click();
    expect(await dialog.getByRole('switch', { name: 'Include cross-origin credentials' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    // Where Web UI 2.54 keeps the choice: in this browser's local storage, not on the server.
    expect(await page.evaluate(() => ({ ...localStorage }))).toMatchObject({
      overrideRemoteCodecConfiguration: 'true',
      endpoint: JSON.stringify(`${engine.apiUrl}/codec`),
      includeCredentials: 'true',
    });

    const rendered = await openWorkflow();
    await screenshot('2-supervisor-decoded');
    expect(new Set(rendered.decodeStatuses)).toEqual(new Set([200]));
    expect(rendered.text).not.toContain(CODEC_ERROR_BANNER);
    expect(rendered.input).toContain(`"pseudonym": "${APPLICANT.pseudonym}"`);
    expect(rendered.input).toContain(`"birthDate": "${APPLICANT.birthDate}"`);
    expect(rendered.input).toContain(`"caseNumber": "${CASE_NUMBER}"`);
  });

  it('goes back to ciphertext when the supervisor signs out', async () => {
    const signOutPage = await context.newPage();
    await signOutPage.goto(`${engine.apiUrl}/codec/session`);
    await signOutPage.getByRole('button', { name: 'Sign out' }).click();
    await signOutPage.getByRole('status').filter({ hasText: 'Signed out.' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await signOutPage.close();
    expect(await sessionCookies()).toEqual([]);

    const rendered = await openWorkflow();
    expect(rendered.text).toContain(CODEC_ERROR_BANNER);
    expect(rendered.input).toMatch(CIPHERTEXT_INPUT);
    expect(personalDataIn(rendered.text)).toEqual([]);
    expect(new Set(rendered.decodeStatuses)).toEqual(new Set([401]));
  });

  it('never decrypts for a caseworker: the sign-in page refuses them, and a cookie holding their token is refused on every decode', async () => {
    expect(await signInOnCodecPage(tokens.caseworker)).toBe('This token is not allowed to decode case data.');
    expect(await sessionCookies()).toEqual([]);

    // The sign-in page never sets such a cookie; the endpoint must not rely on that, and checks the role on each call.
    await context.addCookies([
      { name: SESSION_COOKIE_NAME, value: encodeURIComponent(tokens.caseworker), domain: '127.0.0.1', path: '/codec', httpOnly: true, sameSite: 'Strict' },
    ]);
    const rendered = await openWorkflow();
    await screenshot('3-caseworker-cookie');
    expect(rendered.text).toContain(CODEC_ERROR_BANNER);
    expect(rendered.input).toMatch(CIPHERTEXT_INPUT);
    expect(personalDataIn(rendered.text)).toEqual([]);
    expect(new Set(rendered.decodeStatuses)).toEqual(new Set([403]));
  });
});
