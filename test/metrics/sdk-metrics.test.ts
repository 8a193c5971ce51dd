import Fastify from 'fastify';
import type * as TemporalWorker from '@temporalio/worker';
import { createLogger } from '../../src/logging';
import type * as Exposition from '../../src/metrics/exposition';
import type * as MetricsEndpoint from '../../src/metrics/metrics-endpoint';
import type * as SdkMetrics from '../../src/metrics/sdk-metrics';
import type * as RuntimeLogger from '../../src/worker/runtime-logger';
import { startDevServer, type RunningDevServer } from '../../src/temporal/dev-server';
import { listen } from '../api/support/http';
import { startOnFreePorts } from '../support/free-port';
import { TEMPORAL_CLI } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';

/**
 * The SDK's runtime metrics inside the engine's /metrics, from a real Temporal runtime, connection and
 * worker. `Runtime.install` is allowed once per module registry, and jest's setup file
 * (test/support/quiet-temporal-logs.ts) has already installed one in this file's: so the SDK, the runtime
 * installer and the metrics room are loaded afresh in a registry of their own, as a process that starts
 * with them would load them. The native core behind it is process-wide and holds one runtime per install,
 * each with its own exporter, so this file may run in a jest worker beside others. The runtime it installs
 * lives until the jest worker exits, which is why this test has a file of its own.
 */
describe("the Temporal SDK's runtime metrics in /metrics (issue 16, part 3)", () => {
  let sdk: typeof TemporalWorker;
  let runtime: typeof RuntimeLogger;
  let sdkMetrics: typeof SdkMetrics;
  let exposition: typeof Exposition;
  let endpoint: typeof MetricsEndpoint;
  let server: RunningDevServer;

  beforeAll(async () => {
    jest.isolateModules(() => {
      sdk = require('@temporalio/worker');
      runtime = require('../../src/worker/runtime-logger');
      sdkMetrics = require('../../src/metrics/sdk-metrics');
      exposition = require('../../src/metrics/exposition');
      endpoint = require('../../src/metrics/metrics-endpoint');
    });
    server = await startOnFreePorts(['frontend'], ({ frontend }) => startDevServer({ cliPath: TEMPORAL_CLI, port: frontend, namespace: 'default' }));
  });
  afterAll(() => server?.stop());

  it('serves the engine and the SDK metrics on one endpoint, with no metric name twice', async () => {
    const address = await sdkMetrics.freeLoopbackAddress();
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
    runtime.installRuntime({ logger: createLogger('error'), level: 'error', sdkMetricsAddress: address });
    // Once per process: a second install (the engine's own bug, if it happened) fails loudly.
    expect(() => runtime.installRuntime({ logger: createLogger('error'), level: 'error' })).toThrow(/already been installed/);

    const connection = await sdk.NativeConnection.connect({ address: server.address });
    const worker = await sdk.Worker.create({ connection, namespace: 'default', taskQueue: 'sdk-metrics', activities: { ping: async () => 'pong' } });
    const app = Fastify();
    try {
      await endpoint.metricsEndpoint()(app);
      const url = await listen(app);
      const text = await worker.runUntil(async () => {
        // The core exports what its pollers recorded; the first polls take a moment.
        return waitFor(
          async () => {
            const scraped = await (await fetch(`${url}/metrics`)).text();
            return /^temporal_\w+(\{[^}]*\})? \d/m.test(scraped) && scraped;
          },
          { timeoutMs: 30_000, what: "the worker's first SDK metrics" },
        );
      });

      expect(text).toMatch(/^docket_sdk_metrics_up 1$/m);
      expect(text).toMatch(/^docket_process_cpu_seconds_total /m);
      const families = [...text.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1]!);
      expect(families.filter((name) => name.startsWith('temporal_')).length).toBeGreaterThan(0);
      expect(families.filter((name) => !name.startsWith('docket_') && !name.startsWith('temporal_'))).toEqual([]);
      expect(new Set(families).size).toBe(families.length);
      // Durations in seconds and counters ending in _total, as Prometheus names them and the engine's do.
      expect(families).toEqual(expect.arrayContaining([expect.stringMatching(/^temporal_.*_total$/)]));
      expect(families.some((name) => name.startsWith('temporal_') && name.endsWith('_milliseconds'))).toBe(false);
    } finally {
      await app.close();
      await connection.close();
    }
  });

  it('serves the engine metrics alone, saying so, when the SDK exporter does not answer', async () => {
    // The address the runtime bound above stays bound; a scrape of a dead one is what a stuck exporter looks like.
    sdkMetrics.sdkMetricsInstalled(await sdkMetrics.freeLoopbackAddress());
    const text = await exposition.metricsExposition();
    expect(text).toMatch(/^docket_sdk_metrics_up 0$/m);
    expect(text).not.toMatch(/^temporal_/m);
  });
});
