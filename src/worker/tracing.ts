/**
 * OpenTelemetry tracing through the Temporal SDK's own interceptors (@temporalio/interceptors-opentelemetry):
 * a span for each client call (start, update), each workflow task and each activity, linked by a trace
 * header the interceptors carry, exported over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT.
 *
 * Only src/engine.ts loads this module, and only when that variable is set (a dynamic import), so an
 * engine without it loads and registers nothing of OpenTelemetry. Spans name workflow and activity
 * types and ids (derived from case numbers), never payloads: the interceptors do not record arguments.
 */
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { ActivityInterceptorsFactory, WorkerOptions } from '@temporalio/worker';

/** What the engine's worker takes to trace its workflows and activities (see createEngineWorker). */
export interface WorkerTracing {
  workflowModules: string[];
  activity: ActivityInterceptorsFactory[];
  sinks: NonNullable<WorkerOptions['sinks']>;
}

export interface Tracing {
  /** For every Temporal client of the process, after the request-id interceptor. */
  clientInterceptors: WorkflowClientInterceptor[];
  worker: WorkerTracing;
  /** Exports what is left and unregisters OpenTelemetry's globals. */
  shutdown(): Promise<void>;
}

export function startTracing(options: { otlpEndpoint: string; serviceName?: string }): Tracing {
  const resource = new Resource({ 'service.name': options.serviceName ?? 'asylum-docket' });
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` }));
  const provider = new BasicTracerProvider({ resource, spanProcessors: [spanProcessor] });
  // W3C trace context between processes, and spans nested by Node's async context within one.
  provider.register({ contextManager: new AsyncLocalStorageContextManager().enable() });
  const tracer = provider.getTracer('asylum-docket');
  return {
    clientInterceptors: [new OpenTelemetryWorkflowClientInterceptor({ tracer })],
    worker: {
      workflowModules: [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')],
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer }),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
      // Workflow code cannot do I/O: its spans leave the sandbox through this sink.
      sinks: { exporter: makeWorkflowExporter(spanProcessor, resource) },
    },
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
