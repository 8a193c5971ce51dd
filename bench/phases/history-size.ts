import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { historyFromFileText } from '../../test/histories/history-file';

/**
 * History growth of the founding case, read from the histories the replay tests keep
 * (test/histories/founding-case-renewed.run-N.json, recorded by `npx tsx test/histories/record.ts` on
 * the time-skipping server from 2 Nov 2015 to 1 Jun 2017 with the case's real dates). Measured against
 * the server's own thresholds: it suggests continue-as-new at 4,096 events or 4 MiB, and fails a
 * workflow at 51,200 events or 50 MiB.
 */
const HISTORIES_DIR = path.resolve(__dirname, '..', '..', 'test', 'histories');
const SCENARIO = 'founding-case-renewed';
const YEAR_MS = 365.25 * 86_400_000;
export const SUGGEST_CONTINUE_AS_NEW = { events: 4096, bytes: 4 * 2 ** 20 };
export const HARD_LIMIT = { events: 51_200, bytes: 50 * 2 ** 20 };

export interface RunHistory {
  run: number;
  events: number;
  /** Size of the history as the server counts it (the last workflow task's `historySizeBytes`). */
  serverBytes: number;
  /** Size of the encoded protobuf history. */
  encodedBytes: number;
  from: string;
  to: string;
  continuedAsNew: boolean;
}

export interface HistoryResult {
  scenario: string;
  runs: RunHistory[];
  caseYears: number;
  eventsPerCaseYear: number;
  /** The largest run that ended in continue-as-new. */
  largestAtContinueAsNew: { events: number; serverBytes: number } | undefined;
}

function eventTimeMs(event: temporal.api.history.v1.IHistoryEvent): number {
  const { seconds, nanos } = event.eventTime ?? {};
  return Number(seconds ?? 0) * 1000 + Math.floor((nanos ?? 0) / 1e6);
}

export function measureFoundingCaseHistory(): HistoryResult {
  const files = readdirSync(HISTORIES_DIR)
    .filter((file) => file.startsWith(`${SCENARIO}.run-`) && file.endsWith('.json'))
    .sort((a, b) => Number(/run-(\d+)/.exec(a)?.[1]) - Number(/run-(\d+)/.exec(b)?.[1]));
  if (files.length === 0) throw new Error(`no ${SCENARIO} histories in ${HISTORIES_DIR}`);
  const runs = files.map((file, index): RunHistory => {
    const history = historyFromFileText(readFileSync(path.join(HISTORIES_DIR, file), 'utf8'));
    const events = history.events ?? [];
    const lastTaskStarted = events.filter((event) => event.workflowTaskStartedEventAttributes).at(-1);
    const first = events[0];
    const last = events.at(-1);
    if (!first || !last) throw new Error(`${file} holds no events`);
    return {
      run: index + 1,
      events: events.length,
      serverBytes: Number(lastTaskStarted?.workflowTaskStartedEventAttributes?.historySizeBytes ?? 0),
      encodedBytes: temporal.api.history.v1.History.encode(history).finish().length,
      from: new Date(eventTimeMs(first)).toISOString(),
      to: new Date(eventTimeMs(last)).toISOString(),
      continuedAsNew: Boolean(last.workflowExecutionContinuedAsNewEventAttributes),
    };
  });
  const totalEvents = runs.reduce((sum, run) => sum + run.events, 0);
  const caseYears = (Date.parse(runs.at(-1)!.to) - Date.parse(runs[0]!.from)) / YEAR_MS;
  const continued = runs.filter((run) => run.continuedAsNew).sort((a, b) => b.events - a.events)[0];
  return {
    scenario: SCENARIO,
    runs,
    caseYears,
    eventsPerCaseYear: totalEvents / caseYears,
    largestAtContinueAsNew: continued ? { events: continued.events, serverBytes: continued.serverBytes } : undefined,
  };
}
