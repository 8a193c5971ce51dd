import { SmtpMailbox } from '../../test/notify/smtp-mailbox';
import { casesFailing, showsOneDeliveredReminder } from '../support/case-checks';
import { awaitReminders, sleepUntil } from '../support/reminder-wave';
import { BenchStack } from '../support/stack';
import { exactlyOnce, exactlyOnceProblems } from './mail-count';
import { openDrillWave } from './drill-wave';
import { runDrill, type DrillLog, type DrillResult } from './drill';

export interface SmtpOutageOptions {
  cases: number;
  concurrency: number;
  /** How long the SMTP server stays down after the reminders fall due. */
  outageSeconds: number;
  parentDir?: string;
}

/**
 * The SMTP server goes down just before `cases` reminders fall due and comes back `outageSeconds`
 * later: afterwards every reminder must have arrived exactly once, by e-mail, and no case may count
 * one as failed.
 */
export function drillSmtpOutage(options: SmtpOutageOptions, log: DrillLog): Promise<DrillResult> {
  return runDrill('smtp-outage', log, async (problems, figures) => {
    const mailbox = new SmtpMailbox();
    await mailbox.start();
    const stack = await BenchStack.start({
      maxCachedWorkflows: options.cases * 2 + 200,
      smtpUrl: mailbox.url,
      ...(options.parentDir ? { parentDir: options.parentDir } : {}),
    });
    try {
      const { plan, wave, expected } = await openDrillWave(stack, 'smtp-outage', options, figures, log);

      await sleepUntil(plan.dueAtMs - 5000);
      await mailbox.goDown();
      await sleepUntil(plan.dueAtMs + options.outageSeconds * 1000);
      figures.receivedDuringOutage = mailbox.messages.length;
      await mailbox.comeBack();
      const backAt = Date.now();
      log(`smtp-outage: SMTP back after ${options.outageSeconds} s`);

      // Retries back off from 10 s doubling (src/workflows/case-workflow.ts): the next one after any outage comes within twice its length.
      const delivered = await awaitReminders(stack, wave.caseNumbers, expected, backAt + options.outageSeconds * 2000 + 180_000);
      figures.secondsToDeliverAfterOutage = Math.round((Date.now() - backAt) / 1000);
      const check = exactlyOnce(mailbox, delivered.map((delivery) => delivery.idempotencyKey), expected);
      Object.assign(figures, check);
      problems.push(...exactlyOnceProblems(check));
      const viaOutbox = delivered.filter((delivery) => delivery.channel !== 'email').length;
      figures.deliveredOtherThanByEmail = viaOutbox;
      if (viaOutbox > 0) problems.push(`${viaOutbox} reminders went to another channel instead of waiting for SMTP`);
      if (Number(figures.receivedDuringOutage) > 0) problems.push('messages arrived while the server was down: the outage did not happen');

      const unaware = await casesFailing(stack, wave.caseNumbers, (view) => showsOneDeliveredReminder(view) && view.failedDeliveries.length === 0, Date.now() + 60_000);
      figures.casesNotShowingOneDeliveredReminder = unaware.length;
      if (unaware.length > wave.lateCases) problems.push(`${unaware.length} cases do not show exactly one delivered reminder (e.g. ${unaware[0]})`);
    } finally {
      await stack.stop();
      await mailbox.stop();
    }
  });
}
