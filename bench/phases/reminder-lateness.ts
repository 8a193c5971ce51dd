import { WorkflowIdReusePolicy } from '@temporalio/common';
import { mapLimit } from '../../src/client/map-limit';
import { BASELINE_TASK_QUEUE_SUFFIX, TIMER_WORKFLOW_TYPE } from '../support/baseline-workflows';
import { waveLead } from '../support/pace';
import { awaitReminders, openWave, planWave, sleepUntil } from '../support/reminder-wave';
import type { BenchStack } from '../support/stack';
import { distribution, type Distribution } from '../support/stats';

export interface ReminderLatenessResult {
  cases: number;
  dueAt: string;
  /** Cases opened too late for the instant (their reminder is never due): the lead time was too short. */
  lateSetups: number;
  delivered: number;
  /** Due instant to the register's record of the delivered reminder, in ms. */
  lateMs: Distribution;
  baselineWorkflows: number;
  baselineDueAt: string;
  /** Due instant to the baseline timer workflow's activity running, in ms. */
  baselineLateMs: Distribution;
}

/**
 * Reminder lateness: `count` cases whose reminders fall due in the same minute, from the due instant to
 * the register's record that the reminder went out; next to as many baseline timer workflows whose
 * timers all end at one instant, from that instant to their one activity running. The two waves run
 * one after the other, so neither competes with the other.
 * `pace` says how long opening one case and recording its application, and starting one baseline
 * workflow, took so far: each wave's instant is placed far enough ahead for all of it to be set up before.
 */
export async function measureReminderLateness(
  stack: BenchStack,
  count: number,
  pace: { msPerCase: number; msPerBaselineStart: number },
  concurrency: number,
): Promise<ReminderLatenessResult> {
  const plan = planWave(Date.now() + waveLead(count, pace.msPerCase));
  const wave = await openWave(stack, count, plan, concurrency);
  const expected = count - wave.lateCases;
  await sleepUntil(plan.dueAtMs);
  const delivered = await awaitReminders(stack, wave.caseNumbers, expected, plan.dueAtMs + 300_000);
  const late = delivered.map((delivery) => delivery.recordedAtMs - plan.dueAtMs);

  const baselineDueAtMs = Date.now() + count * pace.msPerBaselineStart * 1.5 + 10_000;
  const taskQueue = `${stack.config.temporal.taskQueue}${BASELINE_TASK_QUEUE_SUFFIX}`;
  const handles = await mapLimit(wave.caseNumbers, concurrency, (caseNumber) =>
    stack.client.workflow.start(TIMER_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: `timer-${caseNumber}`,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [baselineDueAtMs],
    }),
  );
  if (Date.now() > baselineDueAtMs) throw new Error('the baseline timers were started after their instant: lower the concurrency or the count');
  const ranAt = await Promise.all(handles.map((handle) => handle.result() as Promise<number>));
  return {
    cases: count,
    dueAt: new Date(plan.dueAtMs).toISOString(),
    lateSetups: wave.lateCases,
    delivered: delivered.length,
    lateMs: distribution(late),
    baselineWorkflows: handles.length,
    baselineDueAt: new Date(baselineDueAtMs).toISOString(),
    baselineLateMs: distribution(ranAt.map((at) => at - baselineDueAtMs)),
  };
}
