import path from 'node:path';
import { existsSync } from 'node:fs';
import type { ClientInterceptors } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { startDevServer } from '../../src/temporal/dev-server';
import { startOnFreePorts } from './free-port';

/**
 * Real Temporal servers for tests, from the binaries scripts/setup.sh installs into .venv/
 * (the SDK's own download cannot work on machines without internet access).
 */
const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const TEMPORAL_CLI = process.env.TEMPORAL_CLI_PATH ?? path.join(PROJECT_ROOT, '.venv', 'bin', 'temporal');
export const TEMPORAL_TEST_SERVER =
  process.env.TEMPORAL_TEST_SERVER_PATH ?? path.join(PROJECT_ROOT, '.venv', 'bin', 'temporal-test-server');

function requireBinary(binary: string): string {
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: run \`bash scripts/setup.sh\` first (npm test does).`);
  }
  return binary;
}

export interface EnvOptions {
  dataConverter?: DataConverter;
  /** The env's client's interceptors: the engine's (engineClientInterceptors) where a test goes through the API. */
  clientInterceptors?: ClientInterceptors;
}

function clientOptions(options: EnvOptions) {
  const client = {
    ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
    ...(options.clientInterceptors ? { interceptors: options.clientInterceptors } : {}),
  };
  return Object.keys(client).length > 0 ? { client } : {};
}

/** The Java time-skipping test server: a year of waiting in seconds. No visibility queries, no schedules. */
export function createTimeSkippingEnv(options: EnvOptions = {}): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: requireBinary(TEMPORAL_TEST_SERVER) } },
    ...clientOptions(options),
  });
}

/**
 * `temporal server start-dev` in memory and headless, with the case search attributes: for visibility,
 * schedules, integration. Started by the project's own launcher rather than the SDK's createLocal: on a
 * port another process took in the meantime, createLocal hangs or talks to that process's server instead
 * of failing, so it cannot be retried; the launcher fails with "address already in use", and is retried.
 */
export async function createDevServerEnv(options: EnvOptions = {}): Promise<TestWorkflowEnvironment> {
  const server = await startOnFreePorts(['frontend'], ({ frontend }) =>
    startDevServer({ cliPath: requireBinary(TEMPORAL_CLI), port: frontend, namespace: 'default' }),
  );
  try {
    const env = await TestWorkflowEnvironment.createFromExistingServer({
      address: server.address,
      ...clientOptions(options),
    });
    const closeConnections = env.teardown.bind(env);
    return Object.assign(env, {
      teardown: async () => {
        await closeConnections();
        await server.stop();
      },
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** How long a test waits for visibility (listings, counts, schedules), which is eventually consistent, to show a change. */
export const VISIBILITY_MS = 20_000;
