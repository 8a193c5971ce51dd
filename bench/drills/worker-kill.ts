import { SmtpMailbox } from '../../test/notify/smtp-mailbox';
import { casesFailing, showsOneDeliveredReminder } from '../support/case-checks';
import { awaitReminders, reminderDeliveries, sleepUntil } from '../support/reminder-wave';
import { BenchStack } from '../support/stack';
import { exactlyOnce, exactlyOnceProblems } from './mail-count';
import { openDrillWave } from './drill-wave';
import { runDrill, type DrillLog, type DrillResult } from './drill';

export interface WorkerKillOptions {
  cases: number;
  concurrency: number;
  /** Kill once this share of the reminders has arrived; 0 kills the worker just before they fall due. */
  killAtShare: number;
  parentDir?: string;
}

/** Outbound activities time out after 2 minutes (src/workflows/case-workflow.ts); their retries follow. */
const RECOVERY_MS = 6 * 60_000;

/**
 * kill -9 the worker while `cases` cases send their reminders by e-mail, start a new worker, and check
 * that every reminder arrived exactly once and that each case knows it was delivered.
 */
export function drillWorkerKill(options: WorkerKillOptions, log: DrillLog): Promise<DrillResult> {
  return runDrill('worker-kill', log, async (problems, figures) => {
    const mailbox = new SmtpMailbox();
    await mailbox.start();
    const stack = await BenchStack.start({
      maxCachedWorkflows: options.cases * 2 + 200,
      smtpUrl: mailbox.url,
      ...(options.parentDir ? { parentDir: options.parentDir } : {}),
    });
    try {
      const { plan, wave, expected } = await openDrillWave(stack, 'worker-kill', options, figures, log);

      const killAfter = Math.ceil(expected * options.killAtShare);
      if (killAfter === 0) await sleepUntil(plan.dueAtMs - 2000);
      else await awaitReminders(stack, wave.caseNumbers, killAfter, plan.dueAtMs + 120_000);
      await stack.killWorker();
      figures.deliveredBeforeKill = (await reminderDeliveries(stack, wave.caseNumbers)).length;
      log(`worker-kill: killed the worker with ${figures.deliveredBeforeKill} of ${expected} reminders recorded`);
      await new Promise((resolve) => setTimeout(resolve, 5000));
      await stack.startWorker();
      const restartedAt = Date.now();

      const delivered = await awaitReminders(stack, wave.caseNumbers, expected, Math.max(plan.dueAtMs, restartedAt) + RECOVERY_MS);
      figures.secondsUntilRegisterHasEveryReminder = Math.round((Date.now() - restartedAt) / 1000);
      const check = exactlyOnce(mailbox, delivered.map((delivery) => delivery.idempotencyKey), expected);
      Object.assign(figures, check);
      problems.push(...exactlyOnceProblems(check));

      // A reminder the register recorded just before the kill is confirmed to its case only when the lost attempt times out and is retried.
      const unaware = await casesFailing(stack, wave.caseNumbers, showsOneDeliveredReminder, Math.max(plan.dueAtMs, restartedAt) + RECOVERY_MS);
      figures.casesNotShowingOneDeliveredReminder = unaware.length;
      figures.secondsUntilEveryCaseShowsItsReminder = Math.round((Date.now() - restartedAt) / 1000);
      if (unaware.length > wave.lateCases) problems.push(`${unaware.length} cases do not show exactly one delivered reminder (e.g. ${unaware[0]})`);
    } finally {
      await stack.stop();
      await mailbox.stop();
    }
  });
}
