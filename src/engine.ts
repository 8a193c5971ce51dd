import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createActivityDeps } from './activities';
import { startApiServer } from './api';
import { CaseReader } from './client/case-reader';
import { engineClientInterceptors } from './client/request-id-interceptor';
import { configuredKeyRing } from './codec/configured-key-ring';
import { ensureDigestSchedule } from './digest/digest-schedule';
import { createDataConverter } from './codec/data-converter';
import type { DocketConfig } from './config';
import type { ReadinessCheck } from './http/health-routes';
import type { Logger } from './logging';
import { ensureClusterReady } from './temporal/cluster-setup';
import { startDevServer, type RunningDevServer } from './temporal/dev-server';
import { connectionOptions } from './temporal/connection-options';
import { createEngineWorker } from './worker/engine-worker';
import { installRuntime } from './worker/runtime-logger';
import { freeLoopbackAddress, metricsEndpoint } from './metrics';
import { startWorkerHttp } from './worker/worker-http';

/**
 * What one engine process does. `all` is the embedded default (`npm start`): dev server, API, worker and
 * schedules together. In production each runs on its own and scales on its own: `worker` (as many as the
 * caseload needs, sharing the task queue), `api`, and `schedules`, a one-shot job that makes the digest
 * schedules exist and exits.
 */
export const ENGINE_ROLES = ['all', 'worker', 'api', 'schedules'] as const;
export type EngineRole = (typeof ENGINE_ROLES)[number];

export interface RunningEngine {
  /** Settles when the process's work ends: the worker stopped, or the one-shot job is done. */
  finished: Promise<void>;
  /** Whether the role's work ends by itself (schedules), so an end is success rather than a failure. */
  oneShot: boolean;
  banner(): string;
  stop(): Promise<void>;
}

/** Jurisdictions whose supervisors get a morning digest. */
const DIGEST_JURISDICTIONS = ['RU'];
/** How long a readiness probe waits for Temporal before it counts as not answering. */
const TEMPORAL_PROBE_MS = 2_500;

/**
 * Brings up the parts of the engine `role` needs in dependency order (server, connections, cluster
 * check, register, API, worker) and takes them down in reverse, so a Ctrl-C or SIGTERM never leaves a
 * dev server or a database handle behind.
 */
export async function startEngine(config: DocketConfig, logger: Logger, role: EngineRole = 'all'): Promise<RunningEngine> {
  const stack: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stopPart of stack.splice(0).reverse()) {
      await stopPart().catch((error: unknown) => logger.warn('shutdown step failed', { error: String(error) }));
    }
  };
  const runs = (part: 'worker' | 'api' | 'schedules') => role === 'all' || role === part;

  // The SDK's own metrics come from the native runtime, which only a worker uses; /metrics serves them with the engine's.
  installRuntime({ logger, level: config.logLevel, ...(runs('worker') ? { sdkMetricsAddress: await freeLoopbackAddress() } : {}) });
  try {
    // Loaded only when asked for: without OTEL_EXPORTER_OTLP_ENDPOINT nothing of OpenTelemetry is loaded or registered.
    const otlpEndpoint = config.tracing?.otlpEndpoint;
    const tracing = otlpEndpoint ? (await import('./worker/tracing')).startTracing({ otlpEndpoint }) : undefined;
    if (tracing) {
      stack.push(() => tracing.shutdown());
      // The origin only: a collector URL may carry credentials.
      logger.info('tracing to OpenTelemetry', { collector: new URL(otlpEndpoint!).origin });
    }
    const dataConverter = createDataConverter(configuredKeyRing(config));

    // Only the all-in-one process starts the dev server; a lone worker or API on this machine uses the one it runs.
    let devServer: RunningDevServer | undefined;
    if (config.temporal.mode === 'embedded' && role === 'all') {
      logger.info('starting the Temporal dev server', { dbFile: config.devServer.dbFile });
      devServer = await startDevServer({
        cliPath: config.devServer.cliPath,
        dbFile: config.devServer.dbFile,
        port: config.devServer.port,
        uiPort: config.devServer.uiPort,
        namespace: config.temporal.namespace,
        uiCodecEndpoint: `${config.api.publicUrl.replace(/\/$/, '')}/codec`,
      });
      stack.push(() => devServer!.stop());
    }

    const clientConnection = await Connection.connect(connectionOptions(config.temporal)).catch((error: unknown) => {
      // A refused certificate or a wrong address reads as a bare gRPC status otherwise.
      const tls = config.temporal.tls ? (config.temporal.tls.clientCert ? 'mutual TLS' : 'TLS') : 'no TLS';
      throw new Error(`cannot connect to Temporal at ${config.temporal.address} (${tls}): ${error instanceof Error ? error.message : String(error)}`);
    });
    stack.push(() => clientConnection.close());
    if (config.temporal.mode === 'external') {
      // The first case opened on a cluster without the search attributes would fail: find out now, and say what to do.
      const { added } = await ensureClusterReady(clientConnection, config.temporal.namespace, config.clusterSetup);
      if (added.length > 0) logger.info('added the engine search attributes to the namespace', { namespace: config.temporal.namespace, added: added.join(',') });
    }
    const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace, dataConverter, interceptors: engineClientInterceptors(tracing?.clientInterceptors) });
    const temporalAnswers: ReadinessCheck = async () => {
      await clientConnection.withDeadline(Date.now() + TEMPORAL_PROBE_MS, () => clientConnection.workflowService.getSystemInfo({}));
    };

    let workerPolls: ReadinessCheck | undefined;
    const readiness = (): Record<string, ReadinessCheck> => ({ temporal: temporalAnswers, ...(workerPolls ? { worker: workerPolls } : {}) });

    const api = runs('api')
      ? await startApiServer({
          config,
          temporalClient: client,
          logger,
          // Read at each probe: in the all-in-one process the worker starts after the API.
          readiness: { temporal: temporalAnswers, ...(runs('worker') ? { worker: () => (workerPolls ? workerPolls() : Promise.reject(new Error('not started'))) } : {}) },
        })
      : undefined;
    if (api) stack.push(() => api.close());
    const deskUrl = `${config.api.publicUrl.replace(/\/$/, '')}/desk`;

    let finished: Promise<void> = new Promise<void>((resolve) => stack.unshift(async () => resolve()));
    let workerUrl: string | undefined;
    if (runs('worker')) {
      const activityRuntime = await createActivityDeps(config, { logger });
      stack.push(() => activityRuntime.close());
      const workerConnection = await NativeConnection.connect(connectionOptions(config.temporal));
      stack.push(() => workerConnection.close());
      const worker = await createEngineWorker({
        connection: workerConnection,
        namespace: config.temporal.namespace,
        taskQueue: config.temporal.taskQueue,
        dataConverter,
        runtime: activityRuntime,
        // The digest reads cases from Temporal directly, so a worker never depends on an API being up.
        cases: new CaseReader(client, config.temporal.namespace),
        deskUrl,
        ...(tracing ? { tracing: tracing.worker } : {}),
        ...(config.maxCachedWorkflows !== undefined ? { tuning: { maxCachedWorkflows: config.maxCachedWorkflows } } : {}),
      });
      finished = worker.run().catch((error: unknown) => {
        logger.error('the worker failed', { error: String(error) });
      });
      const running = finished;
      stack.push(async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
      });
      workerPolls = async () => {
        const state = worker.getState();
        if (state !== 'RUNNING') throw new Error(`the worker is ${state}`);
      };
      if (role === 'worker') {
        const http = await startWorkerHttp(config.workerHttp, { ...readiness(), register: () => activityRuntime.store.ping() }, [metricsEndpoint(config.metrics)]);
        stack.push(() => http.close());
        workerUrl = http.url;
      }
    }

    if (runs('schedules')) {
      for (const jurisdiction of DIGEST_JURISDICTIONS) {
        await ensureDigestSchedule(client, { taskQueue: config.temporal.taskQueue, jurisdiction });
      }
      if (role === 'schedules') finished = Promise.resolve();
    }

    const server = `${config.temporal.address} (namespace ${config.temporal.namespace}${devServer ? `, SQLite ${config.devServer.dbFile}` : config.temporal.mode === 'external' ? ', external cluster' : ', dev server of another engine process'})`;
    return {
      finished,
      oneShot: role === 'schedules',
      banner: () =>
        [
          '',
          role === 'all' ? 'asylum-docket is running' : role === 'schedules' ? 'asylum-docket: the digest schedules are in place' : `asylum-docket ${role} is running`,
          `  Temporal server  ${server}`,
          ...(devServer ? [`  Temporal Web UI  ${devServer.uiUrl} (sign in at ${config.api.publicUrl}/codec/session to read cases)`] : []),
          ...(runs('worker') ? [`  Worker           polling task queue "${config.temporal.taskQueue}"${workerUrl ? `; health at ${workerUrl}/health/ready` : ''}`] : []),
          ...(api ? [`  HTTP API         ${api.url} (OpenAPI at ${api.url}/openapi.json; health at ${api.url}/health/ready)`, `  Staff desk       ${api.deskUrl}`] : []),
          ...(runs('schedules') ? [`  Digests          every working morning for ${DIGEST_JURISDICTIONS.join(', ')}`] : []),
          ...(runs('worker') || api ? [`  Case register    ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${config.dataDir}/register.sqlite`}`] : []),
          ...(runs('worker') ? [`  Reminders        ${config.smtp ? `e-mail via ${new URL(config.smtp.url).host}` : 'outbox (no SMTP_URL set)'}`] : []),
          ...(role === 'schedules' ? [] : ['  Stop with Ctrl-C.']),
          '',
        ].join('\n'),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
