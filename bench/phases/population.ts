import { mapLimit } from '../../src/client/map-limit';
import { daysAgo, openInput, QUIET_POLICY } from '../support/cases';
import type { BenchStack } from '../support/stack';

/**
 * Applications lodged 0-84 days ago, spread evenly over the cases: decision periods (three months) end
 * 5-92 days from now, so about one case in ten has its next deadline within the supervisors' 14-day window.
 */
const LODGED_DAYS_AGO = 85;

export interface PopulationResult {
  cases: number;
  openSeconds: number;
  lodgeSeconds: number;
  /** Applications recorded per second: an update, a deadline computation and register writes each. */
  lodgedPerSecond: number;
}

/**
 * Brings the running cases up to `caseNumbers`: opens those not yet open (the first `alreadyOpen`
 * were opened by the case-start measurement) and records an application in every one.
 */
export async function populate(stack: BenchStack, caseNumbers: readonly string[], alreadyOpen: number, concurrency: number): Promise<PopulationResult> {
  const numbered = caseNumbers.map((caseNumber, index) => ({ caseNumber, index }));
  const openStart = performance.now();
  await mapLimit(numbered.slice(alreadyOpen), concurrency, ({ caseNumber, index }) => stack.cases.open(openInput(caseNumber, index, QUIET_POLICY)));
  const openSeconds = (performance.now() - openStart) / 1000;
  const lodgeStart = performance.now();
  const now = Date.now();
  await mapLimit(numbered, concurrency, ({ caseNumber, index }) =>
    stack.cases.command(caseNumber, 'recordEvent', {
      actor: 'sv-bench',
      event: 'application-lodged',
      on: daysAgo(Math.floor((index * LODGED_DAYS_AGO) / caseNumbers.length), now),
    }),
  );
  const lodgeSeconds = (performance.now() - lodgeStart) / 1000;
  return { cases: caseNumbers.length, openSeconds, lodgeSeconds, lodgedPerSecond: caseNumbers.length / lodgeSeconds };
}
