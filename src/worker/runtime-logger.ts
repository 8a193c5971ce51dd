import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';
import type { Logger, LogLevel } from '../logging';
import { sdkMetricsInstalled, sdkMetricsTelemetry } from '../metrics';

/**
 * Identifiers the SDK attaches to its log lines that are safe to keep. Everything else is dropped,
 * because the SDK puts failure messages and stack traces in its metadata, and a message written by
 * case code could quote personal data that the payload codec keeps encrypted everywhere else.
 * Task tokens are dropped too: anyone holding one can complete or fail that activity.
 */
export const SAFE_METADATA = [
  'sdkComponent',
  'taskQueue',
  'namespace',
  'workflowId',
  'runId',
  'workflowType',
  'activityId',
  'activityType',
  'attempt',
  'state',
] as const;

const SDK_LEVEL: Record<LogLevel, 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'> = {
  debug: 'DEBUG',
  // The SDK's INFO level is worker lifecycle chatter (bundles, state changes); the engine prints its own banner.
  info: 'WARN',
  warn: 'WARN',
  error: 'ERROR',
};

function forward(logger: Logger) {
  return (entry: LogEntry) => {
    const fields = Object.fromEntries(
      SAFE_METADATA.flatMap((key) => (entry.meta?.[key] === undefined ? [] : [[key, entry.meta[key]]])),
    );
    const message = `temporal: ${entry.message}`;
    switch (entry.level) {
      case 'ERROR':
        return logger.error(message, fields);
      case 'WARN':
        return logger.warn(message, fields);
      case 'INFO':
        return logger.info(message, fields);
      default:
        return logger.debug(message, fields);
    }
  };
}

export interface RuntimeOptions {
  logger: Logger;
  level: LogLevel;
  /**
   * A loopback `host:port` (see freeLoopbackAddress) where the SDK's native core serves its runtime metrics,
   * which the process's `/metrics` then includes; none: the SDK exports no metrics.
   */
  sdkMetricsAddress?: string;
}

/**
 * Installs the process's one Temporal runtime, before any connection (the SDK allows one install per
 * process): the SDK's own logs go through the engine's logger without their free-text failure details,
 * and with `sdkMetricsAddress` its metrics are exported there for `/metrics`. Throws when that address is
 * taken.
 */
export function installRuntime({ logger, level, sdkMetricsAddress }: RuntimeOptions): void {
  Runtime.install({
    logger: new DefaultLogger(SDK_LEVEL[level], forward(logger)),
    ...(sdkMetricsAddress === undefined ? {} : { telemetryOptions: { metrics: sdkMetricsTelemetry(sdkMetricsAddress) } }),
  });
  if (sdkMetricsAddress !== undefined) sdkMetricsInstalled(sdkMetricsAddress);
}
