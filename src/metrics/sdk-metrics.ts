import net from 'node:net';
import type { TelemetryOptions } from '@temporalio/worker';

/**
 * The Temporal SDK's own runtime metrics (workflow and activity task latencies, slots, polls, sticky
 * cache, gRPC requests to the server). The SDK's native core exports them itself, from a Prometheus
 * server of its own that `Runtime.install` starts; the engine points it at a loopback port nobody else
 * reads, fetches its text at each scrape and serves it inside its own `/metrics`, so Prometheus scrapes
 * one endpoint per process, behind the same token.
 */

/** Every SDK metric name starts with it, and no engine metric does (those start with docket_), so the two never clash. */
export const SDK_METRIC_PREFIX = 'temporal_';

/** A scrape must not hang on a stuck exporter: Prometheus' own timeout is 10 s by default. */
const SDK_SCRAPE_TIMEOUT_MS = 2_000;

/**
 * Where this process's Temporal runtime serves its metrics, once `Runtime.install` was given an address.
 * Process-wide, because the runtime is: the SDK allows one install per process.
 */
let installedAddress: string | undefined;

/**
 * The `telemetryOptions.metrics` for `Runtime.install`: Prometheus on `bindAddress` (host:port),
 * durations in seconds as Prometheus names them, counters ending in `_total`.
 */
export function sdkMetricsTelemetry(bindAddress: string): NonNullable<TelemetryOptions['metrics']> {
  return {
    metricPrefix: SDK_METRIC_PREFIX,
    prometheus: { bindAddress, useSecondsForDurations: true, countersTotalSuffix: true },
  };
}

/** Called once `Runtime.install` has bound the exporter on `address`: from then on `/metrics` includes its metrics. */
export function sdkMetricsInstalled(address: string): void {
  installedAddress = address;
}

/**
 * A loopback `127.0.0.1:PORT` that was free a moment ago, for the SDK's exporter: the SDK needs a concrete
 * port and cannot say which one it got from port 0. Another process could take it in between; the SDK then
 * fails to install with "Address already in use", loudly, at startup.
 */
export function freeLoopbackAddress(): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(`127.0.0.1:${port}`));
    });
  });
}

/** The SDK exporter's text exposition, or undefined when this process has none or it did not answer in time. */
export async function scrapeSdkMetrics(): Promise<string | undefined> {
  if (installedAddress === undefined) return undefined;
  try {
    const response = await fetch(`http://${installedAddress}/metrics`, { signal: AbortSignal.timeout(SDK_SCRAPE_TIMEOUT_MS) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}
