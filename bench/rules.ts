/**
 * `npm run bench:rules`: deadline computations per second, next to a baseline loop of plain luxon
 * `plus({ months: 1 })` in the same process, so the ratio is comparable across machines.
 * Writes bench/results/rules.json. Options: --iterations N (computations; the baseline runs 10x as many).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { computeDeadlines, type DeadlineRequest } from '../src/rules';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '20000' } } });
const iterations = z.coerce.number().int().min(100).max(10_000_000).parse(values.iterations);

/** The events a caseworker records most, across every pack. */
const TEMPLATES: ReadonlyArray<Omit<DeadlineRequest, 'date'>> = [
  { jurisdiction: 'RU', procedure: 'temporary-asylum', event: 'refusal-notice-received' },
  { jurisdiction: 'RU', procedure: 'temporary-asylum', event: 'application-lodged' },
  { jurisdiction: 'RU', procedure: 'temporary-asylum', event: 'protection-granted' },
  { jurisdiction: 'RU', procedure: 'temporary-asylum', event: 'final-refusal-notice-received' },
  { jurisdiction: 'RU', procedure: 'refugee-status', event: 'application-lodged' },
  { jurisdiction: 'RU', procedure: 'refugee-status', event: 'certificate-issued' },
  { jurisdiction: 'US', procedure: 'asylum', event: 'written-decision-mailed' },
  { jurisdiction: 'DE', procedure: 'asylum', event: 'decision-served', facts: { land: 'BY' } },
  { jurisdiction: 'UK', procedure: 'asylum', event: 'decision-sent' },
];

/** Deterministic dates spread over 2015-2025, so every run measures the same work. */
function dates(count: number): string[] {
  const first = DateTime.utc(2015, 1, 1);
  let seed = 20160126;
  return Array.from({ length: count }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return first.plus({ days: seed % (11 * 365) }).toISODate() as string;
  });
}

function measure(label: string, operations: number, run: () => number): { opsPerSecond: number; seconds: number; checksum: number } {
  run(); // warm-up: JIT and lazily built luxon caches
  const start = performance.now();
  const checksum = run();
  const seconds = (performance.now() - start) / 1000;
  const opsPerSecond = operations / seconds;
  console.log(`${label.padEnd(34)} ${operations.toLocaleString('en').padStart(10)} ops in ${seconds.toFixed(3)} s = ${Math.round(opsPerSecond).toLocaleString('en').padStart(10)} ops/s`);
  return { opsPerSecond, seconds, checksum };
}

const requestDates = dates(iterations);
const requests: DeadlineRequest[] = requestDates.map((date, index) => ({ ...(TEMPLATES[index % TEMPLATES.length] as DeadlineRequest), date }));
const baselineDays = dates(iterations * 10).map((date) => DateTime.fromISO(date, { zone: 'utc' }));

let deadlinesPerRun = 0;
const engine = measure('computeDeadlines (requests)', iterations, () => {
  let deadlines = 0;
  for (const request of requests) deadlines += computeDeadlines(request).length;
  deadlinesPerRun = deadlines;
  return deadlines;
});
const baseline = measure('luxon plus({ months: 1 }) (baseline)', baselineDays.length, () => {
  let checksum = 0;
  for (const day of baselineDays) checksum += day.plus({ months: 1 }).day;
  return checksum;
});

const result = {
  when: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  iterations,
  computationsPerSecond: Math.round(engine.opsPerSecond),
  deadlinesPerSecond: Math.round((deadlinesPerRun / engine.seconds) * 1),
  deadlinesPerComputation: deadlinesPerRun / iterations,
  baselineOpsPerSecond: Math.round(baseline.opsPerSecond),
  /** How many baseline luxon additions cost as much as one full computation with its explanation. */
  baselineOpsPerComputation: Number((baseline.opsPerSecond / engine.opsPerSecond).toFixed(1)),
};
console.log(
  `\n${result.computationsPerSecond.toLocaleString('en')} computations/s (${result.deadlinesPerSecond.toLocaleString('en')} deadlines/s); ` +
    `baseline ${result.baselineOpsPerSecond.toLocaleString('en')} luxon additions/s; ratio 1 computation = ${result.baselineOpsPerComputation} additions`,
);
const output = path.join(__dirname, 'results', 'rules.json');
mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), output)}`);
