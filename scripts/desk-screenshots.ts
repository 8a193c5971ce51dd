/**
 * `npm run docs:screenshots`: the README's pictures of the desk, taken in headless Chromium from an
 * engine of the tests' kind (dev server, worker, API) seeded with invented staff and pseudonyms, in
 * Russian and English: My work and a case page (a caseworker) and the office overview (a supervisor).
 * Dates are counted back from today, so the pictures show deadlines that are still running.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { daysAgo, startApiEngine, type ApiEngine } from '../test/api/support/api-engine';
import { launchChromium, signedIn } from '../test/browser/support/desk-browser';
import { waitFor } from '../test/support/wait-for';

const OUT_DIR = path.join(__dirname, '..', 'docs', 'screenshots');
const CASE_ON_PAGE = 'RU-TA-2026-0107';
const MAX_HEIGHT = 1300;

async function seed(engine: ApiEngine): Promise<void> {
  await engine.access.staff.upsert({ id: 'cw-orlova', displayName: 'Мария Орлова', role: 'caseworker', office: 'msk-1', language: 'ru' });
  await engine.access.staff.upsert({ id: 'cw-sokolov', displayName: 'Илья Соколов', role: 'caseworker', office: 'msk-1', language: 'ru' });
  await engine.access.staff.upsert({ id: 'sv-msk', displayName: 'Елена Белова', role: 'supervisor', office: 'msk-1', language: 'ru' });
  const open = (caseNumber: string, caseworker: string, pseudonym: string) =>
    engine.cases.open({ caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker, actor: 'sv-msk', applicant: { pseudonym } });
  const record = (caseNumber: string, actor: string, event: string, on: string) => engine.cases.command(caseNumber, 'recordEvent', { actor, event, on });

  // Refused three times, the third notice received 12 days ago: the month to complain is running.
  await open(CASE_ON_PAGE, 'cw-orlova', 'Applicant-4D7E');
  await record(CASE_ON_PAGE, 'cw-orlova', 'application-lodged', daysAgo(120));
  await record(CASE_ON_PAGE, 'cw-orlova', 'refusal-notice-received', daysAgo(95));
  await record(CASE_ON_PAGE, 'cw-orlova', 'application-lodged', daysAgo(80));
  await record(CASE_ON_PAGE, 'cw-orlova', 'refusal-notice-received', daysAgo(50));
  await record(CASE_ON_PAGE, 'cw-orlova', 'application-lodged', daysAgo(40));
  await record(CASE_ON_PAGE, 'cw-orlova', 'refusal-notice-received', daysAgo(12));
  // Lodged a month ago: the authority's decision is due.
  await open('RU-TA-2026-0112', 'cw-orlova', 'Applicant-9A1C');
  await record('RU-TA-2026-0112', 'cw-orlova', 'application-lodged', daysAgo(30));
  // Granted eleven months ago: the year ends soon, and the extension must be asked for before.
  await open('RU-TA-2025-0388', 'cw-orlova', 'Applicant-2F6B');
  await record('RU-TA-2025-0388', 'cw-orlova', 'application-lodged', daysAgo(400));
  await record('RU-TA-2025-0388', 'cw-orlova', 'protection-granted', daysAgo(335));
  // A refusal whose month to complain passed unanswered: missed.
  await open('RU-TA-2026-0093', 'cw-sokolov', 'Applicant-7C3D');
  await record('RU-TA-2026-0093', 'cw-sokolov', 'application-lodged', daysAgo(90));
  await record('RU-TA-2026-0093', 'cw-sokolov', 'refusal-notice-received', daysAgo(40));
  await waitFor(async () => (await engine.cases.listing.count({ office: 'msk-1' })) === 4, { timeoutMs: 10_000, what: 'the four cases to be listed' });
}

async function shoot(engine: ApiEngine, browser: Browser, staffId: string, page: string, name: string): Promise<void> {
  const { context, page: tab } = await signedIn(engine, browser, staffId, { width: 1100 });
  await tab.waitForURL(/\/desk\//);
  for (const language of ['ru', 'en'] as const) {
    const response = await tab.goto(`${engine.baseUrl}${page}?lang=${language}`);
    if (response?.status() !== 200) throw new Error(`${page} answered ${response?.status()} for ${staffId}`);
    const file = path.join(OUT_DIR, `${name}-${language}.png`);
    // The top of a long page is what the README needs: its header and first deadlines, readable at the README's width.
    const height = await tab.evaluate(() => document.documentElement.scrollHeight);
    await tab.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: 1100, height: Math.min(height, MAX_HEIGHT) } });
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
  await context.close();
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const engine = await startApiEngine('desk-screenshots');
  let browser: Browser | undefined;
  try {
    await seed(engine);
    browser = await launchChromium();
    await shoot(engine, browser, 'cw-orlova', '/desk/work', 'my-work');
    await shoot(engine, browser, 'cw-orlova', `/desk/cases/${CASE_ON_PAGE}`, 'case-page');
    await shoot(engine, browser, 'sv-msk', '/desk/office', 'office');
  } finally {
    await browser?.close();
    await engine.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
