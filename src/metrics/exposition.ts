import { registry, sdkMetricsUp } from './engine-metrics';
import { scrapeSdkMetrics } from './sdk-metrics';

/** The content type of what `metricsExposition` returns: Prometheus' text format, which both parts are in. */
export const METRICS_CONTENT_TYPE = registry.contentType;

/**
 * Everything this process measures, as one Prometheus text exposition: the engine's metrics (docket_*)
 * followed by the Temporal SDK's (temporal_*) when this process exports them. The text format allows
 * metric families one after the other, and the two prefixes keep their names apart.
 */
export async function metricsExposition(): Promise<string> {
  const sdk = await scrapeSdkMetrics();
  sdkMetricsUp.set(sdk === undefined ? 0 : 1);
  const engine = await registry.metrics();
  return sdk === undefined || sdk.trim() === '' ? engine : `${engine.replace(/\n*$/, '\n')}${sdk}`;
}
