/**
 * The engine's worker (src/worker/engine-worker.ts) in a process of its own, configured from the
 * environment as the engine configures it, so a drill can kill -9 it and start another. Next to it, on a task queue of their own,
 * the baseline workflows run in a worker with a bundle of their own: a workflow bundle's modules are
 * evaluated again for every workflow, so sharing the case bundle would make the baseline pay for it.
 * Reports its memory when asked and stops on SIGTERM.
 * Run by the harness: node --import tsx --expose-gc bench/support/worker-process.ts --max-cached N
 */
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { z } from 'zod';
import { createActivityDeps } from '../../src/activities';
import { CaseReader } from '../../src/client/case-reader';
import { configuredKeyRing } from '../../src/codec/configured-key-ring';
import { createDataConverter } from '../../src/codec/data-converter';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging';
import { connectionOptions } from '../../src/temporal/connection-options';
import { createEngineWorker } from '../../src/worker/engine-worker';
import { installRuntime } from '../../src/worker/runtime-logger';
import { baselineActivities } from './baseline-activities';
import { BASELINE_TASK_QUEUE_SUFFIX } from './baseline-workflows';
import { toWorkerSchema, type FromWorker } from './worker-messages';

const { values } = parseArgs({ options: { 'max-cached': { type: 'string', default: '1000' } } });
const maxCachedWorkflows = z.coerce.number().int().min(1).max(1_000_000).parse(values['max-cached']);

function tell(message: FromWorker): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  installRuntime({ logger, level: config.logLevel });
  const runtime = await createActivityDeps(config, { logger });
  const dataConverter = createDataConverter(configuredKeyRing(config));
  const connection = await NativeConnection.connect(connectionOptions(config.temporal));
  const clientConnection = await Connection.connect(connectionOptions(config.temporal));
  const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace, dataConverter });
  const worker = await createEngineWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataConverter,
    runtime,
    cases: new CaseReader(client, config.temporal.namespace),
    deskUrl: `${config.api.publicUrl.replace(/\/$/, '')}/desk`,
    tuning: { maxCachedWorkflows },
  });
  const baselineWorker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: `${config.temporal.taskQueue}${BASELINE_TASK_QUEUE_SUFFIX}`,
    workflowsPath: require.resolve('./baseline-workflows'),
    activities: baselineActivities,
    dataConverter,
    maxCachedWorkflows,
  });
  const workers = [worker, baselineWorker];

  process.on('message', (raw) => {
    const message = toWorkerSchema.parse(raw);
    if (message.type === 'measure-memory') {
      globalThis.gc?.();
      const usage = process.memoryUsage();
      tell({
        type: 'memory',
        memory: {
          rssBytes: usage.rss,
          heapUsedBytes: usage.heapUsed,
          cachedCases: worker.getStatus().numCachedWorkflows,
          cachedBaselineWorkflows: baselineWorker.getStatus().numCachedWorkflows,
        },
      });
    }
  });
  const stop = () => {
    for (const running of workers) if (running.getState() === 'RUNNING') running.shutdown();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The harness going away (its IPC channel closes) ends the worker too, so nothing is left behind.
  process.on('disconnect', stop);

  const running = Promise.all(workers.map((each) => each.run()));
  tell({ type: 'ready' });
  await running;
  await runtime.close();
  await clientConnection.close();
  await connection.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
