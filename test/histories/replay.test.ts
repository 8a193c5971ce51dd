import '../support/quiet-temporal-logs';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { historyFromFileText } from './history-file';

/**
 * Every committed history must replay on today's workflow code: a change that would break cases
 * already running fails here. Recorded by test/histories/record.ts.
 */
const HISTORY_FILES = readdirSync(__dirname)
  .filter((file) => file.endsWith('.json'))
  .sort();

describe('replaying recorded case histories', () => {
  it('has histories of every recorded scenario, including runs after continue-as-new', () => {
    expect(HISTORY_FILES).toEqual(
      expect.arrayContaining([
        'founding-case-renewed.run-3.json',
        'founding-case-lapsed.run-2.json',
        'missed-complaint.run-1.json',
        'corrected-refusal-date.run-1.json',
        'closed-after-refusal.run-1.json',
        'founding-case-renewed.late-entry-grace.run-3.json',
        'backfilled-history.late-entry-grace.run-1.json',
        // Recorded on the code before the lifecycle tables, which computed nothing for an overturned refusal.
        'overturned-refusal.late-entry-grace.run-2.json',
        // Cases of the lifecycle tables: a German lawsuit, and a voided entry, a stay and a corrected fact.
        'german-lawsuit.procedure-lifecycles.run-1.json',
        'russian-record-mended.procedure-lifecycles.run-1.json',
        'founding-case-renewed.procedure-lifecycles.run-3.json',
        // Each staff command confirmed against the staff directory by a local activity first.
        'founding-case-renewed.actor-confirmation.run-2.json',
        'russian-record-mended.actor-confirmation.run-1.json',
        // Cases pinned to their rule data: a deadline set by hand, then a migration to the installed data.
        'overridden-then-migrated.rule-pins.run-1.json',
        'founding-case-renewed.rule-pins.run-3.json',
      ]),
    );
  });

  it('replays each of them without nondeterminism', async () => {
    const histories = HISTORY_FILES.map((file) => ({
      workflowId: path.basename(file, '.json'),
      history: historyFromFileText(readFileSync(path.join(__dirname, file), 'utf8')),
    }));
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories({ workflowsPath: require.resolve('../../src/workflows') }, histories)) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(HISTORY_FILES.length);
    // A bundle build and every history (53 and growing) in one run: under npm test's two jest workers on two
    // cores, beside the cluster suite, that took over the default 2 minutes. The timeout guards against a
    // hang; it is no speed target (those live in bench/).
  }, 10 * 60_000);
});
