import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkerOptions } from '@temporalio/worker';

/** A worker on a test environment's server, in its namespace. */
export function createTestWorker(env: TestWorkflowEnvironment, options: Omit<WorkerOptions, 'connection' | 'namespace'>): Promise<Worker> {
  return Worker.create({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', ...options });
}
