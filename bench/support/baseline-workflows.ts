import { condition, defineQuery, defineSignal, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { BaselineActivities } from './baseline-activities';

export const IDLE_WORKFLOW_TYPE = 'idleWorkflow';
export const TIMER_WORKFLOW_TYPE = 'timerWorkflow';
/** The baseline worker polls the case task queue's name with this suffix. */
export const BASELINE_TASK_QUEUE_SUFFIX = '-baseline';

export const idleState = defineQuery<'idle'>('idleState');
export const finishIdle = defineSignal('finishIdle');

/**
 * The least a long-lived workflow can be: it answers one query and waits. Started the way a case is
 * (start, then a first query), it is the baseline for case-start throughput and for cache memory.
 */
export async function idleWorkflow(): Promise<void> {
  let finished = false;
  setHandler(idleState, () => 'idle');
  setHandler(finishIdle, () => {
    finished = true;
  });
  await condition(() => finished);
}

const { stampTime } = proxyActivities<BaselineActivities>({ startToCloseTimeout: '1 minute' });

/**
 * A durable timer to an instant and one activity that notes the time it ran: what a reminder costs
 * Temporal itself, without the case's domain code, rendering and register writes.
 */
export async function timerWorkflow(dueAtMs: number): Promise<number> {
  await sleep(Math.max(1, dueAtMs - Date.now()));
  return stampTime();
}
