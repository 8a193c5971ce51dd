import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inviteStaff } from '../../../src/access/invite-staff';
import { setPasswordByLink, usableLink } from '../../../src/access/set-password-by-link';
import type { ApiEngine } from '../../api/support/api-engine';

/** Chromium from Debian's package, driven without any browser download. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const PASSWORD = 'harbour violet seventeen slowly';
export const PHONE_WIDTH = 390;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A staff member given a password through their invitation link, signed in on the desk's sign-in page in a fresh context. */
export async function signedIn(
  engine: ApiEngine,
  browser: Browser,
  staffId: string,
  options: { width?: number; acceptDownloads?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const { link } = await inviteStaff(engine.access, staffId, { id: 'adm-1', via: 'cli' }, engine.baseUrl);
  const secret = link.split('/').at(-1) ?? '';
  const usable = await usableLink(engine.access, secret);
  if (!usable || !(await setPasswordByLink(engine.access, usable, PASSWORD))) throw new Error(`could not set the password of ${staffId}`);
  const context = await browser.newContext({
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    viewport: { width: options.width ?? 1280, height: 900 },
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  const page = await context.newPage();
  await page.goto(`${engine.baseUrl}/desk/signin`);
  await page.fill('#staffId', staffId);
  await page.fill('#password', PASSWORD);
  await page.click('button[type=submit]');
  return { context, page };
}

/** axe-core run in the page; its source is evaluated over the DevTools protocol, which the page's CSP does not govern. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run()).violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.length }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id} (${violation.nodes})`);
}
