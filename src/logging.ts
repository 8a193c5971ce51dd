import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * A small leveled logger. Log lines carry case ids and kinds of events, never personal data:
 * callers pass identifiers, not applicant details.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
/** `text`: `ISO-time LEVEL message {fields}` for a person at a terminal; `json`: one object a line, for a log collector. */
export type LogFormat = 'text' | 'json';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  format?: LogFormat;
}

/**
 * What every line written in the current call carries besides its own fields: the request id of the
 * API call that caused it, in the API's handler and in the activities that call reached. A random id,
 * never anything about a person.
 */
export interface LogContext {
  requestId?: string;
}
const logContext = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `context` added to every log line it writes, however deep (see LogContext). */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...context }, work);
}

/** The request id of the call running now, when there is one. */
export function currentRequestId(): string | undefined {
  return logContext.getStore()?.requestId;
}

/** What a request id may be: short, and nothing a log line could be abused with (no spaces, quotes or newlines). */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function isRequestId(value: unknown): value is string {
  return typeof value === 'string' && REQUEST_ID.test(value);
}

/** The caller's `X-Request-Id` when it is a valid one, else a fresh random id. */
export function requestIdFrom(given: unknown): string {
  return isRequestId(given) ? given : randomUUID();
}

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line),
  options: LoggerOptions = {},
): Logger {
  const format = options.format ?? 'text';
  const emit = (at: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (ORDER[at] < ORDER[level]) return;
    const context = logContext.getStore();
    const all = context?.requestId !== undefined ? { requestId: context.requestId, ...fields } : fields;
    const time = new Date().toISOString();
    if (format === 'json') {
      const withFields = all && Object.keys(all).length > 0 ? `,"fields":${safeJson(all)}` : '';
      write(`{"time":${JSON.stringify(time)},"level":${JSON.stringify(at)},"message":${JSON.stringify(message)}${withFields}}\n`);
      return;
    }
    const suffix = all && Object.keys(all).length > 0 ? ` ${safeJson(all)}` : '';
    write(`${time} ${at.toUpperCase()} ${message}${suffix}\n`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** JSON.stringify that never throws from a logger: a cycle or a BigInt in the fields becomes a note instead. */
function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
  } catch {
    return JSON.stringify({ unloggable: 'fields could not be written as JSON' });
  }
}
