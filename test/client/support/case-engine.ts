import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { AuditEntry, AuditSink } from '../../../src/access/audit-entry';
import { CaseClient } from '../../../src/client/case-client';
import type { StaffDirectory } from '../../../src/store';
import { startTestEngine } from '../../support/test-engine';

export { daysAgo } from '../../support/test-engine';

export class MemoryAudit implements AuditSink {
  readonly entries: AuditEntry[] = [];
  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
}

/** Real case workflows on the dev server, run by the engine's own worker, behind the case client. */
export interface CaseEngine {
  env: TestWorkflowEnvironment;
  cases: CaseClient;
  audit: MemoryAudit;
  /** Cases are given only to active caseworkers of their office: tests add the ones they use. */
  staff: StaffDirectory;
  taskQueue: string;
  stop(): Promise<void>;
}

export async function startCaseEngine(options: { taskQueue?: string; audit?: AuditSink; maxCachedWorkflows?: number } = {}): Promise<CaseEngine> {
  const taskQueue = options.taskQueue ?? 'interfaces-test';
  const engine = await startTestEngine({
    taskQueue,
    ...(options.maxCachedWorkflows !== undefined ? { tuning: { maxCachedWorkflows: options.maxCachedWorkflows } } : {}),
  });
  const audit = new MemoryAudit();
  const cases = new CaseClient({ client: engine.env.client, namespace: engine.env.namespace ?? 'default', taskQueue, audit: options.audit ?? audit, staff: engine.runtime.staff, applicantIndex: engine.applicantIndex, via: 'api' });
  return { env: engine.env, cases, audit, staff: engine.runtime.staff, taskQueue, stop: engine.stop };
}
