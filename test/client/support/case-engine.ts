import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { CaseActivities } from '../../../src/activities/types';
import type { AuditEntry, AuditSink } from '../../../src/client/audit';
import { CaseClient } from '../../../src/client/case-client';
import { computeDeadlines } from '../../../src/rules';
import { createDevServerEnv } from '../../support/temporal-env';

/** Real case workflows on the dev server with the real rules engine; outbound messages are only logged. */
export const loggedActivities: CaseActivities = {
  computeDeadlines: async ({ caseId: _caseId, ...request }) => computeDeadlines(request),
  sendReminder: async (request) => ({ channel: 'log', messageId: request.idempotencyKey, duplicate: false }),
  escalate: async (request) => ({ channel: 'log', messageId: request.idempotencyKey, duplicate: false }),
  recordOutcome: async () => undefined,
};

export class MemoryAudit implements AuditSink {
  readonly entries: AuditEntry[] = [];
  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
}

export interface CaseEngine {
  env: TestWorkflowEnvironment;
  cases: CaseClient;
  audit: MemoryAudit;
  taskQueue: string;
  stop(): Promise<void>;
}

export async function startCaseEngine(options: { taskQueue?: string; audit?: AuditSink; maxCachedWorkflows?: number } = {}): Promise<CaseEngine> {
  const env = await createDevServerEnv();
  const taskQueue = options.taskQueue ?? 'interfaces-test';
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    workflowsPath: require.resolve('../../../src/workflows'),
    activities: loggedActivities,
    ...(options.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
  });
  const running = worker.run();
  const audit = new MemoryAudit();
  const cases = new CaseClient({ client: env.client, namespace: 'default', taskQueue, audit: options.audit ?? audit, via: 'api' });
  return {
    env,
    cases,
    audit,
    taskQueue,
    stop: async () => {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}

/** A date `days` before today in UTC, as staff would enter a recent event. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
