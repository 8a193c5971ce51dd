/**
 * `npm run bench`: what the engine promises, measured on the Temporal dev server against baselines in
 * the same run (see README, "Performance"). Prints a table and writes bench/results/bench.json.
 * Scale flags (defaults are the figures the engine is specified for):
 *   --cases 10000          running cases for the listing and memory figures
 *   --start-sample 1000    how many of them are opened in the case-start measurement
 *   --reminder-cases 1000  cases whose reminders fall due in the same minute
 *   --listing-runs 30      supervisor listings timed
 *   --concurrency 16       requests in flight while cases are opened
 *   --data-dir DIR         where the run's SQLite files go (the system temp dir by default)
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { measureCaseStarts, startIdleWorkflows, type CaseStartResult } from './phases/case-starts';
import { HARD_LIMIT, measureFoundingCaseHistory, SUGGEST_CONTINUE_AS_NEW, type HistoryResult } from './phases/history-size';
import { measureListing, type ListingResult } from './phases/listing';
import { memoryResult, type MemoryResult } from './phases/memory';
import { populate, type PopulationResult } from './phases/population';
import { measureReminderLateness, type ReminderLatenessResult } from './phases/reminder-lateness';
import { describeMachine, formatBytes, formatMs, formatNumber, machineLine, renderTable, writeResults, type Machine } from './support/report';
import { BenchStack } from './support/stack';
import { ratio } from './support/stats';

export const benchOptionsSchema = z
  .object({
    cases: z.coerce.number().int().min(1).max(100_000).default(10_000),
    startSample: z.coerce.number().int().min(1).max(100_000).default(1000),
    reminderCases: z.coerce.number().int().min(1).max(10_000).default(1000),
    listingRuns: z.coerce.number().int().min(1).max(1000).default(30),
    concurrency: z.coerce.number().int().min(1).max(256).default(16),
    dataDir: z.string().min(1).optional(),
  })
  .strict()
  .refine((options) => options.startSample <= options.cases, { message: '--start-sample cannot exceed --cases', path: ['startSample'] });
export type BenchOptions = z.input<typeof benchOptionsSchema>;

export interface BenchResults {
  when: string;
  machine: Machine;
  options: z.infer<typeof benchOptionsSchema>;
  seconds: number;
  caseStarts: CaseStartResult;
  population: PopulationResult;
  reminders: ReminderLatenessResult;
  listing: ListingResult;
  history: HistoryResult;
  memory: MemoryResult;
}

export async function runBench(raw: BenchOptions, log: (line: string) => void): Promise<BenchResults> {
  const options = benchOptionsSchema.parse(raw);
  const started = Date.now();
  const progress = (line: string) => log(`[${Math.round((Date.now() - started) / 1000)} s] ${line}`);
  const idleCount = options.startSample;
  const stack = await BenchStack.start({
    maxCachedWorkflows: options.cases + options.reminderCases * 2 + idleCount * 2 + 100,
    ...(options.dataDir ? { parentDir: options.dataDir } : {}),
  });
  try {
    const machine = describeMachine(stack.config.devServer.cliPath);
    progress(`stack up in ${stack.dataDir}; ${machineLine(machine)}`);
    progress(`warm-up: ${idleCount} idle workflows`);
    const warmUp = Array.from({ length: idleCount }, (_, index) => `warmup-${index}`);
    // Memory is first read after a few workflows ran: what the worker freed after bundling would otherwise count against them.
    const settle = Math.min(50, Math.ceil(idleCount / 10));
    await startIdleWorkflows(stack, warmUp.slice(0, settle), options.concurrency);
    const idle = await stack.worker.measureMemory();
    await startIdleWorkflows(stack, warmUp.slice(settle), options.concurrency);
    const withBaseline = await stack.worker.measureMemory();

    const caseNumbers = stack.nextCaseNumbers(options.cases);
    progress(`case starts: ${options.startSample} cases and as many idle workflows, alternating`);
    const caseStarts = await measureCaseStarts(stack, caseNumbers.slice(0, options.startSample), 10, options.concurrency);

    progress(`population: opening the other ${options.cases - options.startSample} cases, recording ${options.cases} applications`);
    const population = await populate(stack, caseNumbers, options.startSample, options.concurrency);
    const withCases = await stack.worker.measureMemory();

    progress(`listing: ${options.listingRuns} supervisor listings over ${options.cases} running cases`);
    const listing = await measureListing(stack, options.cases, options.listingRuns);

    const pace = {
      msPerCase: 1000 / caseStarts.casesPerSecond + 1000 / population.lodgedPerSecond,
      msPerBaselineStart: 1000 / caseStarts.baselinePerSecond,
    };
    progress(`reminders: ${options.reminderCases} cases due in one minute, then as many baseline timers`);
    const reminders = await measureReminderLateness(stack, options.reminderCases, pace, options.concurrency);

    const results: BenchResults = {
      when: new Date(started).toISOString(),
      machine,
      options,
      seconds: Math.round((Date.now() - started) / 1000),
      caseStarts,
      population,
      reminders,
      listing,
      history: measureFoundingCaseHistory(),
      memory: memoryResult(idle, withBaseline, withCases),
    };
    progress('done');
    return results;
  } finally {
    await stack.stop();
  }
}

export function benchTable(results: BenchResults): string {
  const { caseStarts, population, reminders, listing, history, memory } = results;
  const x = (value: number | undefined) => (value === undefined ? 'n/a' : `${formatNumber(value, 1)}x`);
  const percent = (value: number | undefined, of: number) => (value === undefined ? 'n/a' : `${formatNumber((value / of) * 100, 1)}%`);
  const atContinue = history.largestAtContinueAsNew;
  return renderTable([
    ['measure', 'engine', 'baseline in the same run', 'engine / baseline'],
    [
      `case starts (${caseStarts.cases}, ${results.options.concurrency} in flight)`,
      `${formatNumber(caseStarts.casesPerSecond, 1)} cases/s`,
      `${formatNumber(caseStarts.baselinePerSecond, 1)} idle workflows/s`,
      x(ratio(caseStarts.casesPerSecond, caseStarts.baselinePerSecond)),
    ],
    ['applications recorded (update + deadlines)', `${formatNumber(population.lodgedPerSecond, 1)} cases/s`, '', ''],
    [
      `reminder lateness p50 (${reminders.delivered}/${reminders.cases} due ${reminders.dueAt.slice(11, 16)} UTC)`,
      formatMs(reminders.lateMs.p50),
      `${formatMs(reminders.baselineLateMs.p50)} timer + activity`,
      x(ratio(reminders.lateMs.p50, reminders.baselineLateMs.p50)),
    ],
    ['reminder lateness p99', formatMs(reminders.lateMs.p99), `${formatMs(reminders.baselineLateMs.p99)} timer + activity`, x(ratio(reminders.lateMs.p99, reminders.baselineLateMs.p99))],
    [
      `supervisor listing p50 (${listing.listedCases} of ${listing.runningCases} due in 14 days)`,
      formatMs(listing.apiMs.p50),
      `${formatMs(listing.visibilityMs.p50)} bare visibility list`,
      x(ratio(listing.apiMs.p50, listing.visibilityMs.p50)),
    ],
    ['supervisor listing p95', formatMs(listing.apiMs.p95), `${formatMs(listing.visibilityMs.p95)} bare visibility list`, x(ratio(listing.apiMs.p95, listing.visibilityMs.p95))],
    [
      `history events per case-year (founding case, ${formatNumber(history.caseYears, 2)} years)`,
      formatNumber(history.eventsPerCaseYear),
      `${formatNumber(SUGGEST_CONTINUE_AS_NEW.events)} events: server suggests continue-as-new`,
      percent(history.eventsPerCaseYear, SUGGEST_CONTINUE_AS_NEW.events),
    ],
    [
      'history at continue-as-new (largest run)',
      atContinue ? `${formatNumber(atContinue.events)} events, ${formatBytes(atContinue.serverBytes)}` : 'n/a',
      `${formatBytes(SUGGEST_CONTINUE_AS_NEW.bytes)} suggested, ${formatBytes(HARD_LIMIT.bytes)} limit`,
      percent(atContinue?.serverBytes, SUGGEST_CONTINUE_AS_NEW.bytes),
    ],
    [
      `worker RSS with ${memory.withCases.cachedCases} cases cached`,
      formatBytes(memory.withCases.rssBytes),
      `${formatBytes(memory.withBaselineWorkflows.rssBytes)} before the cases`,
      x(ratio(memory.withCases.rssBytes, memory.withBaselineWorkflows.rssBytes)),
    ],
    [
      'worker RSS per cached case',
      formatBytes(memory.bytesPerCase),
      memory.bytesPerBaselineWorkflow === undefined ? 'idle workflows: within RSS noise' : `${formatBytes(memory.bytesPerBaselineWorkflow)} per idle workflow`,
      x(ratio(memory.bytesPerCase, memory.bytesPerBaselineWorkflow)),
    ],
  ]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string' },
      'start-sample': { type: 'string' },
      'reminder-cases': { type: 'string' },
      'listing-runs': { type: 'string' },
      concurrency: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const parsed = benchOptionsSchema.safeParse({
    cases: values.cases,
    startSample: values['start-sample'],
    reminderCases: values['reminder-cases'],
    listingRuns: values['listing-runs'],
    concurrency: values.concurrency,
    dataDir: values['data-dir'],
  });
  if (!parsed.success) {
    process.stderr.write(`bench: ${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ')}\n`);
    process.exit(2);
  }
  const results = await runBench(parsed.data, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`\n${machineLine(results.machine)}; ${results.seconds} s\n\n${benchTable(results)}\n\n`);
  process.stdout.write(`results: ${writeResults('bench', results)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
