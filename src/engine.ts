import { NativeConnection } from '@temporalio/worker';
import type { DocketConfig } from './config';
import type { Logger } from './logging';
import { startDevServer, type RunningDevServer } from './temporal/dev-server';
import { connectionOptions } from './temporal/connection-options';
import { createCaseWorker } from './worker/create-worker';

export interface RunningEngine {
  /** Settles when the worker stops, for whatever reason. */
  finished: Promise<void>;
  banner(): string;
  stop(): Promise<void>;
}

/**
 * Brings up the whole engine in dependency order (server, connection, worker) and takes it down
 * in reverse, so a Ctrl-C never leaves a dev server or a database handle behind.
 */
export async function startEngine(config: DocketConfig, logger: Logger): Promise<RunningEngine> {
  const stack: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stopPart of stack.splice(0).reverse()) {
      await stopPart().catch((error: unknown) => logger.warn('shutdown step failed', { error: String(error) }));
    }
  };

  try {
    let devServer: RunningDevServer | undefined;
    if (config.temporal.mode === 'embedded') {
      logger.info('starting the Temporal dev server', { dbFile: config.devServer.dbFile });
      devServer = await startDevServer({
        cliPath: config.devServer.cliPath,
        dbFile: config.devServer.dbFile,
        port: config.devServer.port,
        uiPort: config.devServer.uiPort,
        namespace: config.temporal.namespace,
      });
      stack.push(() => devServer!.stop());
    }

    const connection = await NativeConnection.connect(connectionOptions(config.temporal));
    stack.push(() => connection.close());

    const worker = await createCaseWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      activities: {},
    });
    const finished = worker.run().catch((error: unknown) => {
      logger.error('the worker failed', { error: String(error) });
    });
    stack.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await finished;
    });

    return {
      finished,
      banner: () =>
        [
          '',
          'asylum-docket is running',
          `  Temporal server  ${config.temporal.address} (namespace ${config.temporal.namespace}${devServer ? `, SQLite ${config.devServer.dbFile}` : ', external cluster'})`,
          ...(devServer ? [`  Temporal Web UI  ${devServer.uiUrl}`] : []),
          `  Worker           polling task queue "${config.temporal.taskQueue}"`,
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
