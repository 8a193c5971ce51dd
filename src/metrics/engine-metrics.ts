import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The engine's own Prometheus metrics, in one registry for the process (the API's and the worker's
 * `/metrics` serve it). Every label takes its values from a small fixed vocabulary (a message's purpose,
 * a channel, a command's name, a route pattern, an error kind): never a case, a staff member, a
 * pseudonym or a URL, so no series names a person and the number of series stays bounded.
 */
export const registry = new Registry();

// Node's own: CPU, memory, event loop lag, GC, handles. Prefixed so they sit beside the SDK's temporal_* without a clash.
collectDefaultMetrics({ register: registry, prefix: 'docket_' });

const registers = [registry];

export const messagesSent = new Counter({
  name: 'docket_messages_sent_total',
  help: 'Messages to staff handed to a channel, by purpose (reminder, escalation, delivery-failed, deadline-changed) and channel; a retry that finds the message already sent is not counted again.',
  labelNames: ['purpose', 'channel'] as const,
  registers,
});

export const messagesFailed = new Counter({
  name: 'docket_messages_failed_total',
  help: 'Messages to staff that could not be delivered for good (recorded as a delivery failure), by purpose and channel; outbox: the message had nobody to go to.',
  labelNames: ['purpose', 'channel'] as const,
  registers,
});

export const reminderLateness = new Histogram({
  name: 'docket_reminder_lateness_seconds',
  help: 'Seconds from when a reminder was planned (09:00 local on its day, as the case planned it) to when its channel accepted it.',
  // From a normal worker's few seconds to a worker that was down for days.
  buckets: [1, 5, 30, 60, 300, 900, 3_600, 4 * 3_600, 86_400, 3 * 86_400],
  registers,
});

export const deadlinesComputed = new Counter({
  name: 'docket_deadlines_computed_total',
  help: 'Deadlines the rules engine computed for cases (each computation activity adds the deadlines it returned), by jurisdiction.',
  labelNames: ['jurisdiction'] as const,
  registers,
});

export const deadlinesMissed = new Counter({
  name: 'docket_deadlines_missed_total',
  help: 'Deadlines that passed unmet and were escalated, by reason (missed, lapsed, authority-overdue).',
  labelNames: ['reason'] as const,
  registers,
});

export const escalations = new Counter({
  name: 'docket_escalations_total',
  help: "Escalations delivered to an office's supervisors, by reason (missed, lapsed, authority-overdue, moved-earlier).",
  labelNames: ['reason'] as const,
  registers,
});

/** accepted: the case took it; refused: the caller's mistake or a rule said no; failed: the engine could not answer. */
export type CommandOutcome = 'accepted' | 'refused' | 'failed';

export const commands = new Counter({
  name: 'docket_commands_total',
  help: 'Case commands (open, record an event, correct, ...) by command, outcome (accepted, refused, failed) and, when not accepted, the kind of error (invalid-input, forbidden, rejected, ...).',
  labelNames: ['command', 'outcome', 'reason'] as const,
  registers,
});

const apiRequestDuration = new Histogram({
  name: 'docket_api_request_duration_seconds',
  help: 'HTTP requests by method, route pattern (never the URL: calendar feed URLs carry their secret) and status class (2xx, 4xx, ...).',
  labelNames: ['method', 'route', 'status_class'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});

const registerWriteDuration = new Histogram({
  name: 'docket_register_write_duration_seconds',
  help: 'Writes to the case register (SQLite or PostgreSQL), by operation, whether they succeeded or not.',
  labelNames: ['operation'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers,
});

export const sdkMetricsUp = new Gauge({
  name: 'docket_sdk_metrics_up',
  help: "1 when this scrape includes the Temporal SDK's runtime metrics (temporal_*); 0 when it does not: the process installed no SDK exporter, or it did not answer.",
  registers,
});

/** The methods HTTP defines; anything else Node lets through is counted as one, so a client cannot mint series. */
const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * One answered HTTP request. `route` is the pattern the router matched (`/api/cases/:caseNumber`), or
 * undefined for a request no route matched, which is counted as `unmatched` whatever its URL was.
 */
export function observeApiRequest(request: { method: string; route: string | undefined; status: number; seconds: number }): void {
  apiRequestDuration.observe(
    {
      method: METHODS.has(request.method) ? request.method : 'other',
      route: request.route ?? 'unmatched',
      status_class: `${Math.floor(request.status / 100)}xx`,
    },
    request.seconds,
  );
}

/** Times one write to the case register, failed ones included (a slow failure is as telling as a slow success). */
export async function timeRegisterWrite<T>(operation: 'append' | 'computed-deadlines' | 'delivery' | 'delivery-failure', write: () => Promise<T>): Promise<T> {
  const end = registerWriteDuration.startTimer({ operation });
  try {
    return await write();
  } finally {
    end();
  }
}
