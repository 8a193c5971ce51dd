import { drillTable, runDrills, DRILLS } from '../../bench/drills/run-drills';
import { benchTable, runBench } from '../../bench/run-bench';

/**
 * `npm run bench` and `npm run drill` at a few cases each, side by side, so their code cannot rot.
 * Nothing here is timed: the figures are the commands' business, this only checks that every phase
 * produced one and that every drill passed.
 */
describe('benchmarks and fault drills at a tiny scale', () => {
  it('measures every figure and passes every drill', async () => {
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const [bench, drills] = await Promise.all([
      runBench({ cases: 6, startSample: 3, reminderCases: 3, listingRuns: 2, concurrency: 4 }, log),
      runDrills({ cases: 3, commands: 60, outageSeconds: 3, downSeconds: 4, killAtShare: 0, seed: 20160126, concurrency: 4, parallel: true }, log),
    ]);

    expect(bench.caseStarts).toMatchObject({ cases: 3, baselineWorkflows: 3 });
    expect(bench.caseStarts.casesPerSecond).toBeGreaterThan(0);
    expect(bench.population.cases).toBe(6);
    expect(bench.reminders.delivered).toBe(bench.reminders.cases - bench.reminders.lateSetups);
    expect(bench.reminders.lateMs.count).toBe(bench.reminders.delivered);
    expect(bench.reminders.baselineLateMs.count).toBe(3);
    expect(bench.listing).toMatchObject({ runningCases: 6, runs: 2 });
    expect(bench.listing.listedCases).toBe(bench.listing.visibilityListed);
    expect(bench.history.eventsPerCaseYear).toBeGreaterThan(0);
    expect(bench.history.largestAtContinueAsNew?.events).toBeGreaterThan(0);
    expect(bench.memory.withCases.cachedCases).toBeGreaterThanOrEqual(6);
    expect(benchTable(bench)).toMatch(/reminder lateness p99/);

    expect(drills.results.map((result) => [result.name, result.problems])).toEqual(DRILLS.map((name) => [name, []]));
    expect(drillTable(drills)).toMatch(/PASS/);
  }, 300_000);
});
