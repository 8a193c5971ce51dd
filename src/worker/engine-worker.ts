import type { DataConverter } from '@temporalio/common';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityRuntime } from '../activities';
import type { CaseReader } from '../client/case-reader';
import { createDigestActivities } from '../digest/digest-activities';
import { requestIdActivityInterceptors } from './request-id-interceptors';
import type { WorkerTracing } from './tracing';

export interface EngineWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** The project's encrypting data converter; the client that talks to these cases must use the same keys. */
  dataConverter: DataConverter;
  /** The register, the staff directory and the channels the activities work with. */
  runtime: ActivityRuntime;
  /** How the digest reads the office's cases: through visibility, from Temporal itself, not through the API. */
  cases: CaseReader;
  /** Where the staff desk lives, for the link at the end of each digest. */
  deskUrl: string;
  /** OpenTelemetry's interceptors and span sink (src/worker/tracing.ts), when OTEL_EXPORTER_OTLP_ENDPOINT is set. */
  tracing?: WorkerTracing;
  /** Worker settings to override, e.g. the cache size for the benchmarks. */
  tuning?: Pick<WorkerOptions, 'maxCachedWorkflows' | 'maxConcurrentActivityTaskExecutions' | 'maxConcurrentWorkflowTaskExecutions' | 'shutdownGraceTime'>;
}

/**
 * The engine's worker as production runs it: the case and digest workflows with every real activity.
 * The engine, the tests and the benchmarks all build their worker here, so what they test is what runs.
 */
export function createEngineWorker(options: EngineWorkerOptions): Promise<Worker> {
  const { runtime } = options;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath: require.resolve('../workflows'),
    dataConverter: options.dataConverter,
    // The API request's id from the workflow's start or update to the activities it schedules, and into their log lines.
    interceptors: {
      workflowModules: [require.resolve('../workflows/request-id-interceptors'), ...(options.tracing?.workflowModules ?? [])],
      activity: [requestIdActivityInterceptors, ...(options.tracing?.activity ?? [])],
    },
    ...(options.tracing ? { sinks: options.tracing.sinks } : {}),
    activities: {
      ...createActivities(runtime),
      ...createDigestActivities({
        cases: options.cases,
        escalated: runtime.store.escalated,
        staff: runtime.staff,
        notifier: runtime.notifier,
        deskUrl: options.deskUrl,
      }),
    },
    // On SIGTERM, activities already running (a reminder being sent) get this long to finish before they
    // are cancelled and retried elsewhere; the service manager's stop timeout must be longer (deploy/).
    shutdownGraceTime: '30 seconds',
    ...options.tuning,
  });
}
