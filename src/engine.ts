import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createActivityDeps } from './activities';
import { startApiServer } from './api';
import { CaseReader } from './client/case-reader';
import { configuredKeyRing } from './codec/configured-key-ring';
import { ensureDigestSchedule } from './digest/digest-schedule';
import { createDataConverter } from './codec/data-converter';
import type { DocketConfig } from './config';
import type { Logger } from './logging';
import { startDevServer, type RunningDevServer } from './temporal/dev-server';
import { connectionOptions } from './temporal/connection-options';
import { createEngineWorker } from './worker/engine-worker';
import { installRuntimeLogger } from './worker/runtime-logger';

export interface RunningEngine {
  /** Settles when the worker stops, for whatever reason. */
  finished: Promise<void>;
  banner(): string;
  stop(): Promise<void>;
}

/** Jurisdictions whose supervisors get a morning digest. */
const DIGEST_JURISDICTIONS = ['RU'];

/**
 * Brings up the whole engine in dependency order (server, connections, register, API, worker) and
 * takes it down in reverse, so a Ctrl-C never leaves a dev server or a database handle behind.
 */
export async function startEngine(config: DocketConfig, logger: Logger): Promise<RunningEngine> {
  const stack: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stopPart of stack.splice(0).reverse()) {
      await stopPart().catch((error: unknown) => logger.warn('shutdown step failed', { error: String(error) }));
    }
  };

  installRuntimeLogger(logger, config.logLevel);
  try {
    const dataConverter = createDataConverter(configuredKeyRing(config));

    let devServer: RunningDevServer | undefined;
    if (config.temporal.mode === 'embedded') {
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

    const clientConnection = await Connection.connect(connectionOptions(config.temporal));
    stack.push(() => clientConnection.close());
    const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace, dataConverter });

    const activityRuntime = await createActivityDeps(config, { logger });
    stack.push(() => activityRuntime.close());

    const api = await startApiServer({ config, temporalClient: client, logger });
    stack.push(() => api.close());

    const workerConnection = await NativeConnection.connect(connectionOptions(config.temporal));
    stack.push(() => workerConnection.close());
    const worker = await createEngineWorker({
      connection: workerConnection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      dataConverter,
      runtime: activityRuntime,
      // The digest reads cases from Temporal directly, so a worker runs whether or not an API runs beside it.
      cases: new CaseReader(client, config.temporal.namespace),
      deskUrl: api.deskUrl,
    });
    const finished = worker.run().catch((error: unknown) => {
      logger.error('the worker failed', { error: String(error) });
    });
    stack.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await finished;
    });

    for (const jurisdiction of DIGEST_JURISDICTIONS) {
      await ensureDigestSchedule(client, { taskQueue: config.temporal.taskQueue, jurisdiction });
    }

    return {
      finished,
      banner: () =>
        [
          '',
          'asylum-docket is running',
          `  Temporal server  ${config.temporal.address} (namespace ${config.temporal.namespace}${devServer ? `, SQLite ${config.devServer.dbFile}` : ', external cluster'})`,
          ...(devServer ? [`  Temporal Web UI  ${devServer.uiUrl} (sign in at ${api.url}/codec/session to read cases)`] : []),
          `  Worker           polling task queue "${config.temporal.taskQueue}"`,
          `  HTTP API         ${api.url} (OpenAPI at ${api.url}/openapi.json)`,
          `  Staff desk       ${api.deskUrl}`,
          `  Case register    ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${config.dataDir}/register.sqlite`}`,
          `  Reminders        ${config.smtp ? `e-mail via ${new URL(config.smtp.url).host}` : 'outbox (no SMTP_URL set)'}`,
          '  Stop with Ctrl-C.',
          '',
        ].join('\n'),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
