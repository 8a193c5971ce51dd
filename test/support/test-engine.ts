import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataConverter } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createActivityDeps, type ActivityRuntime } from '../../src/activities';
import { CaseReader } from '../../src/client/case-reader';
import { createDataConverter } from '../../src/codec/data-converter';
import { generateKeyMaterial, parseKeyRingSpec, type KeyRing } from '../../src/codec/key-ring';
import type { ApplicantIndex } from '../../src/codec/applicant-index';
import { engineClientInterceptors } from '../../src/client/request-id-interceptor';
import { createLogger, type Logger } from '../../src/logging';
import { createEngineWorker, type EngineWorkerOptions } from '../../src/worker/engine-worker';
import type { Tracing } from '../../src/worker/tracing';
import { randomApplicantIndex } from './random-applicant-index';
import { createDevServerEnv } from './temporal-env';

export const TEST_PUBLIC_URL = 'http://docket.test';

/**
 * The engine's own worker (the production composition, data converter and activities) on a dev
 * server, with its register in a fresh temporary SQLite file and messages to the outbox. The API and
 * client suites build on it, so they test the worker that `npm start` runs.
 */
export interface TestEngine {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  dataDir: string;
  /** Fresh per run, so no test can depend on fixed key bytes; the env's client encrypts with it too. */
  keyRing: KeyRing;
  dataConverter: DataConverter;
  /** Fresh per run too: the case clients built on this engine index and search pseudonyms with it. */
  applicantIndex: ApplicantIndex;
  runtime: ActivityRuntime;
  stop(): Promise<void>;
}

/**
 * `rulesDir`: the organisation's rule data directory (DOCKET_RULES_DIR), for tests that change rule data on a running engine.
 * `logger`: the activities' logger, for tests that read what they log (errors only, to stderr, otherwise).
 * `tracing`: OpenTelemetry's interceptors for the client and the worker, as engine.ts gives them with OTEL_EXPORTER_OTLP_ENDPOINT.
 */
export async function startTestEngine(options: {
  taskQueue: string;
  tuning?: EngineWorkerOptions['tuning'];
  rulesDir?: string;
  logger?: Logger;
  tracing?: Tracing;
}): Promise<TestEngine> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'docket-engine-'));
  const keyRing = parseKeyRingSpec(`test-key:${generateKeyMaterial()}`, 'test-key');
  const dataConverter = createDataConverter(keyRing);
  // The engine's client interceptors, as engine.ts gives its client: an API request's id reaches the worker.
  const env = await createDevServerEnv({ dataConverter, clientInterceptors: engineClientInterceptors(options.tracing?.clientInterceptors) });
  const runtime = await createActivityDeps(
    { dataDir, smtpFrom: 'docket <docket@example.org>', ...(options.rulesDir ? { rulesDir: options.rulesDir } : {}) },
    { logger: options.logger ?? createLogger('error') },
  );
  const worker = await createEngineWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: options.taskQueue,
    dataConverter,
    runtime,
    cases: new CaseReader(env.client, env.namespace ?? 'default'),
    deskUrl: `${TEST_PUBLIC_URL}/desk`,
    ...(options.tracing ? { tracing: options.tracing.worker } : {}),
    ...(options.tuning ? { tuning: options.tuning } : {}),
  });
  const running = worker.run();
  return {
    env,
    taskQueue: options.taskQueue,
    dataDir,
    keyRing,
    dataConverter,
    applicantIndex: randomApplicantIndex(),
    runtime,
    stop: async () => {
      worker.shutdown();
      await running;
      await runtime.close();
      await env.teardown();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A date `days` before today in UTC, as staff would enter a recent event. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
