import type { CaseView } from '../../src/domain';
import { mapLimit } from '../../src/client/map-limit';
import { casesFailing, showsOneDeliveredReminder } from '../support/case-checks';
import { awaitReminders, sleepUntil } from '../support/reminder-wave';
import { BenchStack, CASEWORKERS, OFFICES } from '../support/stack';
import { openDrillWave } from './drill-wave';
import { runDrill, type DrillLog, type DrillResult } from './drill';

export interface DevServerRestartOptions {
  cases: number;
  concurrency: number;
  /** How long the server stays down; the cases' reminders fall due in the middle of it. */
  downSeconds: number;
  parentDir?: string;
}

/** What must survive a restart: the recorded events and deadlines (statuses move with the clock). */
function durablePart(view: CaseView): string {
  return JSON.stringify({ stage: view.stage, events: view.events, deadlines: view.deadlines.map((deadline) => [deadline.id, deadline.deadline.endsAt]) });
}

/**
 * Stops the Temporal dev server (SIGTERM) while `cases` cases wait for reminders that fall due during
 * the downtime, and starts it again on the same SQLite file; the worker stays up throughout. Every case
 * must come back with its events and deadlines, send its reminder once, and accept a command.
 */
export function drillDevServerRestart(options: DevServerRestartOptions, log: DrillLog): Promise<DrillResult> {
  return runDrill('dev-server-restart', log, async (problems, figures) => {
    const stack = await BenchStack.start({ maxCachedWorkflows: options.cases * 2 + 200, ...(options.parentDir ? { parentDir: options.parentDir } : {}) });
    try {
      const { plan, wave, expected } = await openDrillWave(stack, 'dev-server-restart', options, figures, log, 5000);
      const before = new Map(await mapLimit(wave.caseNumbers, 8, async (caseNumber) => [caseNumber, durablePart(await stack.cases.get(caseNumber))] as const));

      await sleepUntil(plan.dueAtMs - (options.downSeconds * 1000) / 2);
      await stack.restartDevServer(options.downSeconds * 1000);
      const upAt = Date.now();
      log('dev-server-restart: the server is back');

      const changed = await casesFailing(stack, wave.caseNumbers, (view) => durablePart(view) === before.get(view.caseNumber), upAt + 120_000);
      figures.casesChangedOrUnreadable = changed.length;
      if (changed.length > 0) problems.push(`${changed.length} cases came back changed or unreadable (e.g. ${changed[0]})`);

      const delivered = await awaitReminders(stack, wave.caseNumbers, expected, upAt + 300_000);
      figures.remindersDelivered = delivered.length;
      figures.secondsToDeliverAfterRestart = Math.round((Date.now() - upAt) / 1000);
      if (delivered.length < expected) problems.push(`${expected - delivered.length} of ${expected} reminders were not sent after the restart`);
      const unaware = await casesFailing(stack, wave.caseNumbers, showsOneDeliveredReminder, Date.now() + 60_000);
      figures.casesNotShowingOneDeliveredReminder = unaware.length;
      if (unaware.length > wave.lateCases) problems.push(`${unaware.length} cases do not show exactly one delivered reminder (e.g. ${unaware[0]})`);

      const refused: string[] = [];
      await mapLimit(wave.caseNumbers, options.concurrency, async (caseNumber) => {
        const view = await stack.cases.get(caseNumber);
        // Another caseworker of the same office: cases go only to caseworkers of their office.
        const other = CASEWORKERS.find((id, index) => id !== view.caseworker && OFFICES[index % OFFICES.length] === view.office) as string;
        await stack.cases.command(caseNumber, 'reassign', { actor: 'sv-bench', caseworker: other, office: view.office }).catch(() => refused.push(caseNumber));
      });
      figures.casesRefusingACommand = refused.length;
      if (refused.length > 0) problems.push(`${refused.length} cases did not accept a command after the restart (e.g. ${refused[0]})`);
    } finally {
      await stack.stop();
    }
  });
}
