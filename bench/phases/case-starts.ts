import { WorkflowIdReusePolicy } from '@temporalio/common';
import { mapLimit } from '../../src/client/map-limit';
import { BASELINE_TASK_QUEUE_SUFFIX, IDLE_WORKFLOW_TYPE, idleState } from '../support/baseline-workflows';
import { openInput, QUIET_POLICY } from '../support/cases';
import type { BenchStack } from '../support/stack';

export interface CaseStartResult {
  cases: number;
  baselineWorkflows: number;
  casesPerSecond: number;
  baselinePerSecond: number;
  /** How many baseline workflows start in the time one case does. */
  baselineStartsPerCase: number;
}

/** Starts idle workflows (see baseline-workflows.ts) the way a case is opened: start, then a first query. */
export async function startIdleWorkflows(stack: BenchStack, ids: readonly string[], concurrency: number): Promise<void> {
  const taskQueue = `${stack.config.temporal.taskQueue}${BASELINE_TASK_QUEUE_SUFFIX}`;
  await mapLimit(ids, concurrency, async (id) => {
    const handle = await stack.client.workflow.start(IDLE_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: `idle-${id}`,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [],
    });
    await handle.query(idleState);
  });
}

/**
 * Case-start throughput: each case opened through the case client as the API and CLI open it (start
 * with search attributes, first query, audit entry), against the idle workflow started the same way.
 * The two alternate in rounds at the same concurrency, so that a neighbour's burst on a shared machine
 * slows both alike.
 */
export async function measureCaseStarts(stack: BenchStack, caseNumbers: readonly string[], rounds: number, concurrency: number): Promise<CaseStartResult> {
  let caseMs = 0;
  let baselineMs = 0;
  const perRound = Math.ceil(caseNumbers.length / rounds);
  for (let round = 0; round * perRound < caseNumbers.length; round += 1) {
    const batch = caseNumbers.slice(round * perRound, (round + 1) * perRound);
    const baselineStart = performance.now();
    await startIdleWorkflows(stack, batch, concurrency);
    baselineMs += performance.now() - baselineStart;
    const caseStart = performance.now();
    await mapLimit(
      batch.map((caseNumber, offset) => ({ caseNumber, index: round * perRound + offset })),
      concurrency,
      ({ caseNumber, index }) => stack.cases.open(openInput(caseNumber, index, QUIET_POLICY)),
    );
    caseMs += performance.now() - caseStart;
  }
  const casesPerSecond = caseNumbers.length / (caseMs / 1000);
  const baselinePerSecond = caseNumbers.length / (baselineMs / 1000);
  return {
    cases: caseNumbers.length,
    baselineWorkflows: caseNumbers.length,
    casesPerSecond,
    baselinePerSecond,
    baselineStartsPerCase: baselinePerSecond / casesPerSecond,
  };
}
