export {
  commands,
  deadlinesComputed,
  deadlinesMissed,
  escalations,
  messagesFailed,
  messagesSent,
  observeApiRequest,
  reminderLateness,
  timeRegisterWrite,
  type CommandOutcome,
} from './engine-metrics';
export { metricsEndpoint, type MetricsEndpointOptions } from './metrics-endpoint';
export { freeLoopbackAddress, sdkMetricsInstalled, sdkMetricsTelemetry } from './sdk-metrics';
