import { visibilityQuery } from '../../src/client/case-filter';
import type { BenchStack } from '../support/stack';
import { distribution, type Distribution } from '../support/stats';

const WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

export interface ListingResult {
  runningCases: number;
  listedCases: number;
  /** Workflows the bare listing returned in its last run (cases only: nothing else has a next deadline). */
  visibilityListed: number;
  runs: number;
  apiMs: Distribution;
  /** The same window straight from Temporal visibility through the SDK: no HTTP, auth, sorting or schema checks. */
  visibilityMs: Distribution;
}

/**
 * What a supervisor waits for: GET /api/deadlines/upcoming?withinDays=14 over every running case,
 * next to the bare visibility listing of the same window, alternating so both see the same load.
 */
export async function measureListing(stack: BenchStack, runningCases: number, runs: number): Promise<ListingResult> {
  await waitForIndex(stack, runningCases);
  const url = `${stack.api.url}/api/deadlines/upcoming?withinDays=${WINDOW_DAYS}`;
  const headers = { authorization: `Bearer ${stack.supervisorToken}` };
  const api: number[] = [];
  const visibility: number[] = [];
  let listedCases = 0;
  let visibilityListed = 0;
  for (let run = 0; run < runs; run += 1) {
    const apiStart = performance.now();
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { cases: unknown[] };
    api.push(performance.now() - apiStart);
    listedCases = body.cases.length;

    const now = Date.now();
    const query = visibilityQuery({ nextDeadlineFrom: new Date(now).toISOString(), nextDeadlineBefore: new Date(now + WINDOW_DAYS * DAY_MS).toISOString() });
    const visibilityStart = performance.now();
    let seen = 0;
    for await (const _execution of stack.client.workflow.list({ query, pageSize: 1000 })) seen += 1;
    visibility.push(performance.now() - visibilityStart);
    visibilityListed = seen;
  }
  return { runningCases, listedCases, visibilityListed, runs, apiMs: distribution(api), visibilityMs: distribution(visibility) };
}

/** Visibility is eventually consistent: wait until every lodged case is indexed as such. */
async function waitForIndex(stack: BenchStack, lodged: number): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const indexed = await stack.cases.listing.count({ stages: ['lodged'] });
    if (indexed >= lodged) return;
    if (Date.now() > deadline) throw new Error(`only ${indexed} of ${lodged} lodged cases were indexed after 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
