/**
 * `npm run drill`: fault drills on the engine, each on a fresh stack (dev server, worker process, API),
 * each ending in `PASS <name>` or `FAIL <name>: reason`; exits non-zero when any fails.
 * Writes bench/results/drills.json. Flags (defaults are the figures the engine is specified for):
 *   --only a,b           run only these drills (worker-kill, dev-server-restart, smtp-outage, malformed-commands)
 *   --cases 1000         active cases in the worker-kill, dev-server-restart and smtp-outage drills
 *   --commands 10000     malformed commands
 *   --outage-seconds 60  how long SMTP stays down
 *   --down-seconds 20    how long the dev server stays down
 *   --kill-at-share 0.3  share of reminders delivered when the worker is killed (0: just before they fall due)
 *   --seed N             fast-check seed (random by default; printed)
 *   --concurrency 16     requests in flight
 *   --data-dir DIR       where the runs' SQLite files go (the system temp dir by default)
 *   --parallel           run the drills side by side (quicker at a small scale; they then share the CPUs)
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../../src/config';
import { describeMachine, machineLine, renderTable, writeResults, type Machine } from '../support/report';
import { drillDevServerRestart } from './dev-server-restart';
import { verdictLine, type DrillLog, type DrillResult } from './drill';
import { drillMalformedCommands } from './malformed-commands';
import { drillSmtpOutage } from './smtp-outage';
import { drillWorkerKill } from './worker-kill';

export const DRILLS = ['malformed-commands', 'worker-kill', 'smtp-outage', 'dev-server-restart'] as const;
type DrillName = (typeof DRILLS)[number];

export const drillOptionsSchema = z
  .object({
    only: z.array(z.enum(DRILLS)).min(1).default([...DRILLS]),
    cases: z.coerce.number().int().min(1).max(20_000).default(1000),
    commands: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
    outageSeconds: z.coerce.number().int().min(1).max(3600).default(60),
    downSeconds: z.coerce.number().int().min(1).max(600).default(20),
    killAtShare: z.coerce.number().min(0).max(0.95).default(0.3),
    seed: z.coerce.number().int().default(() => Math.floor(Math.random() * 2 ** 31)),
    concurrency: z.coerce.number().int().min(1).max(256).default(16),
    dataDir: z.string().min(1).optional(),
    parallel: z.boolean().default(false),
  })
  .strict();
export type DrillOptions = z.input<typeof drillOptionsSchema>;

export interface DrillRun {
  when: string;
  machine: Machine;
  options: z.infer<typeof drillOptionsSchema>;
  results: DrillResult[];
}

export async function runDrills(raw: DrillOptions, log: DrillLog): Promise<DrillRun> {
  const options = drillOptionsSchema.parse(raw);
  const when = new Date().toISOString();
  const parentDir = options.dataDir ? { parentDir: options.dataDir } : {};
  const common = { cases: options.cases, concurrency: options.concurrency, ...parentDir };
  const drills: Record<DrillName, () => Promise<DrillResult>> = {
    'malformed-commands': () => drillMalformedCommands({ commands: options.commands, concurrency: options.concurrency, seed: options.seed, ...parentDir }, log),
    'worker-kill': () => drillWorkerKill({ ...common, killAtShare: options.killAtShare }, log),
    'smtp-outage': () => drillSmtpOutage({ ...common, outageSeconds: options.outageSeconds }, log),
    'dev-server-restart': () => drillDevServerRestart({ ...common, downSeconds: options.downSeconds }, log),
  };
  const run = async (name: DrillName) => {
    const result = await drills[name]();
    log(verdictLine(result));
    return result;
  };
  const chosen = DRILLS.filter((drill) => options.only.includes(drill));
  const results: DrillResult[] = [];
  if (options.parallel) results.push(...(await Promise.all(chosen.map(run))));
  else for (const name of chosen) results.push(await run(name));
  return { when, machine: describeMachine(loadConfig({}).devServer.cliPath), options, results };
}

export function drillTable(run: DrillRun): string {
  return renderTable([
    ['drill', 'verdict', 'seconds', 'figures'],
    ...run.results.map((result) => [
      result.name,
      result.passed ? 'PASS' : 'FAIL',
      String(result.seconds),
      Object.entries(result.figures)
        .map(([key, value]) => `${key}=${value}`)
        .join(' '),
    ]),
  ]);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      cases: { type: 'string' },
      commands: { type: 'string' },
      'outage-seconds': { type: 'string' },
      'down-seconds': { type: 'string' },
      'kill-at-share': { type: 'string' },
      seed: { type: 'string' },
      concurrency: { type: 'string' },
      'data-dir': { type: 'string' },
      parallel: { type: 'boolean' },
    },
  });
  const parsed = drillOptionsSchema.safeParse({
    only: values.only?.split(',').map((name) => name.trim()),
    cases: values.cases,
    commands: values.commands,
    outageSeconds: values['outage-seconds'],
    downSeconds: values['down-seconds'],
    killAtShare: values['kill-at-share'],
    seed: values.seed,
    concurrency: values.concurrency,
    dataDir: values['data-dir'],
    parallel: values.parallel,
  });
  if (!parsed.success) {
    process.stderr.write(`drill: ${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ')}\n`);
    process.exit(2);
  }
  const run = await runDrills(parsed.data, (line) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`));
  process.stdout.write(`\n${machineLine(run.machine)}; seed ${run.options.seed}\n\n${drillTable(run)}\n\n`);
  for (const result of run.results) process.stdout.write(`${verdictLine(result)}\n`);
  process.stdout.write(`results: ${writeResults('drills', run)}\n`);
  process.exit(run.results.every((result) => result.passed) ? 0 : 1);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`drill failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
