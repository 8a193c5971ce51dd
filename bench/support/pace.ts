import { daysAgo, openCases, QUIET_POLICY } from './cases';
import type { BenchStack } from './stack';

/**
 * How long opening a case and recording its application takes on this machine right now, per case at
 * the given concurrency: measured on `sample` cases whose reminders stay quiet, so that a wave's instant
 * can be placed far enough ahead.
 */
export async function measurePace(stack: BenchStack, sample: number, concurrency: number): Promise<number> {
  const started = performance.now();
  await openCases(
    stack,
    stack.nextCaseNumbers(sample).map((caseNumber, index) => ({ caseNumber, index, policy: QUIET_POLICY, lodgedOn: daysAgo(30) })),
    concurrency,
  );
  return (performance.now() - started) / sample;
}

/** How far ahead a wave of `count` cases can fall due: their setup, with half again as margin, and 10 s more. */
export function waveLead(count: number, msPerCase: number): number {
  return count * msPerCase * 1.5 + 10_000;
}
