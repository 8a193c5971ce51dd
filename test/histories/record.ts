/**
 * Records the histories that the replay test checks every change of workflow code against:
 * `npx tsx test/histories/record.ts <generation>`, e.g. the name of the patch a change introduced.
 * Files of earlier generations stay: they stand for cases started on earlier code, still running.
 * Never re-record to make a failing replay pass (that failure means running cases would break: use `patched()`).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { caseWorkflowId } from '../../src/workflows/messages';
import { historyToFileText } from './history-file';
import {
  backfilledHistory,
  closedAfterRefusal,
  correctedRefusalDate,
  foundingCaseLapsed,
  foundingCaseRenewed,
  missedComplaint,
  overriddenThenMigrated,
  withCaseFrom,
  type CaseOptions,
  type CaseRun,
} from '../workflows/scenarios';
import { GERMAN_CASE_OPEN, GERMAN_CASE_START_UTC, germanLawsuit, russianRecordMended } from './lifecycle-scenarios';

const SCENARIOS: Array<{ name: string; caseNumber: string; play: (run: CaseRun) => Promise<void>; options?: CaseOptions }> = [
  { name: 'founding-case-renewed', caseNumber: 'RU-TA-2015-0101', play: foundingCaseRenewed },
  { name: 'founding-case-lapsed', caseNumber: 'RU-TA-2015-0102', play: foundingCaseLapsed },
  { name: 'missed-complaint', caseNumber: 'RU-TA-2015-0103', play: missedComplaint },
  { name: 'corrected-refusal-date', caseNumber: 'RU-TA-2015-0104', play: correctedRefusalDate },
  { name: 'closed-after-refusal', caseNumber: 'RU-TA-2015-0105', play: closedAfterRefusal },
  { name: 'backfilled-history', caseNumber: 'RU-TA-2015-0106', play: backfilledHistory },
  { name: 'german-lawsuit', caseNumber: 'DE-AS-2017-0201', play: germanLawsuit, options: { startUtc: GERMAN_CASE_START_UTC, open: GERMAN_CASE_OPEN } },
  { name: 'russian-record-mended', caseNumber: 'RU-TA-2015-0108', play: russianRecordMended },
  { name: 'overridden-then-migrated', caseNumber: 'RU-TA-2015-0109', play: overriddenThenMigrated },
];

const generation = process.argv[2];
if (!generation || !/^[a-z0-9-]+$/.test(generation)) {
  process.stderr.write('usage: npx tsx test/histories/record.ts <generation> (lower-case letters, digits and dashes)\n');
  process.exit(2);
}

async function recordScenario({ name, caseNumber, play, options = {} }: (typeof SCENARIOS)[number]): Promise<string[]> {
  return withCaseFrom(caseNumber, options, async (run) => {
    await play(run);
    await run.settledView();
    const written: string[] = [];
    // Every run of the chain, following each continue-as-new to the next run.
    for (let runId: string | undefined = run.firstRunId, index = 1; runId; index += 1) {
      const history = await run.env.client.workflow.getHandle(caseWorkflowId(caseNumber), runId).fetchHistory();
      const file = path.join(__dirname, `${name}.${generation}.run-${index}.json`);
      writeFileSync(file, historyToFileText(history));
      written.push(path.basename(file));
      runId = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
    }
    return written;
  });
}

async function main(): Promise<void> {
  for (const scenario of SCENARIOS) {
    const files = await recordScenario(scenario);
    process.stdout.write(`${scenario.name}: ${files.join(', ')}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
