import path from 'node:path';
import { z } from 'zod';
import { describeIssue } from '../errors/zod-issues';
import { ConfigError } from './config-error';
import { DEFAULT_TOKEN_LIFETIME_DAYS, tokenLifetimeDaysSchema } from './token-lifetime';
import { resolveTemporalTarget, type TemporalTarget } from './temporal-connection';

export { ConfigError } from './config-error';
export type { TemporalTarget } from './temporal-connection';

/**
 * The one place the environment is read. Every value is validated at startup so that a typo
 * stops the engine with a message naming the variable, instead of surfacing hours later.
 * How to reach an external Temporal cluster follows Temporal's own convention (envconfig: the
 * TEMPORAL_* variables over a temporal.toml profile), so the Temporal CLI and the engine read the
 * same settings the same way.
 */

// Both src/config/index.ts and its build output dist/config/index.js sit two levels below the project root.
const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

const port = z.coerce.number().int().min(1).max(65535);
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
// envconfig reads "true" and "1" as on and every other value as off, so "yes" would quietly turn TLS off.
const envconfigFlag = optionalText.pipe(
  z.enum(['true', 'false', '1', '0'], { error: 'must be true, false, 1 or 0' }).optional(),
);

/** A browser origin as browsers send it in `Origin`: scheme, host and port, nothing more. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}
const originList = optionalText.pipe(
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .refine(
      (origins) => origins.every(isOrigin),
      'must each be an origin such as https://temporal-ui.example.org (scheme, host and port, no path or trailing slash), separated by commas',
    )
    .optional(),
);
/** Addresses that listen on every interface, so the API cannot tell from them what name people reach it at. */
const EVERY_INTERFACE: ReadonlySet<string> = new Set(['0.0.0.0', '::']);

const environmentSchema = z.object({
  DOCKET_DATA_DIR: z.string().default('data'),
  /** Rule packs and calendars that extend or override the shipped ones (src/rules/README.md, "Rule data files"). */
  DOCKET_RULES_DIR: optionalText,
  DOCKET_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** text: for a person at a terminal; json: one JSON object a line (time, level, message, fields), for a log collector. */
  DOCKET_LOG_FORMAT: z.enum(['text', 'json'], { error: 'must be text or json' }).default('text'),
  /** OpenTelemetry's own variable: where traces go over OTLP/HTTP; unset, nothing of OpenTelemetry is loaded. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL of an OTLP/HTTP collector, such as http://127.0.0.1:4318' })
      .optional(),
  ),

  // envconfig reads the connection's variables itself (see resolveTemporalTarget). These four are
  // checked here as well: the file and profile because the engine reads them first, the flags because
  // envconfig takes any value it does not know for off.
  TEMPORAL_CONFIG_FILE: optionalText,
  TEMPORAL_PROFILE: optionalText,
  TEMPORAL_TLS: envconfigFlag,
  TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: envconfigFlag.refine(
    (value) => value !== 'true' && value !== '1',
    "is not supported: the Temporal TypeScript SDK always verifies the server's host name; set TEMPORAL_TLS_SERVER_NAME to the name in its certificate instead",
  ),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('asylum-docket'),
  /** auto: add the engine's search attributes to a cluster that lacks them; check: only check, and refuse to start without them. */
  DOCKET_CLUSTER_SETUP: z.enum(['auto', 'check']).default('auto'),

  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_DB_FILE: optionalText,
  TEMPORAL_CLI_PATH: optionalText,
  TEMPORAL_TEST_SERVER_PATH: optionalText,

  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(8080),
  API_PUBLIC_URL: optionalText.pipe(z.url().optional()),
  DOCKET_WEB_UI_ORIGINS: originList,
  /** The worker role's own small HTTP server: health and metrics, for the service manager and Prometheus. */
  DOCKET_WORKER_HOST: z.string().min(1).default('127.0.0.1'),
  DOCKET_WORKER_PORT: port.default(9091),
  /** How many cases a worker keeps in memory (about 1.7 MiB each, README); by default the SDK's size for the heap. */
  DOCKET_MAX_CACHED_WORKFLOWS: z.coerce.number({ error: 'must be a whole number of cases' }).int().min(1).max(1_000_000).optional(),

  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
      .optional(),
  ),
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  SMTP_FROM: z.string().default('asylum-docket <docket@localhost>'),

  DOCKET_ENCRYPTION_KEYS: optionalText,
  DOCKET_ENCRYPTION_KEY_ID: optionalText,
  DOCKET_ENCRYPTION_KEY_FILE: optionalText,
  DOCKET_APPLICANT_INDEX_KEY: optionalText,

  DOCKET_TOKEN_LIFETIME_DAYS: tokenLifetimeDaysSchema.default(DEFAULT_TOKEN_LIFETIME_DAYS),
  /** What a Prometheus scrape of /metrics must send as its bearer token; unset: /metrics is open. */
  DOCKET_METRICS_TOKEN: optionalText.pipe(
    z
      .string()
      .min(16, 'must be at least 16 characters: it is a secret, for example the output of `openssl rand -hex 32`')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces: it is sent in an Authorization header')
      .optional(),
  ),
}).superRefine((env, context) => {
  if (EVERY_INTERFACE.has(env.API_HOST) && env.API_PUBLIC_URL === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['API_PUBLIC_URL'],
      message: 'must be set when API_HOST listens on every interface: it is the address people reach the API at, which feed links use and the only host name the API answers for from other machines',
    });
  }
});

export type Environment = z.infer<typeof environmentSchema>;

export interface DocketConfig {
  projectRoot: string;
  dataDir: string;
  /** DOCKET_RULES_DIR, resolved; absent when only the shipped rule data is installed. */
  rulesDir?: string;
  logLevel: Environment['DOCKET_LOG_LEVEL'];
  logFormat: Environment['DOCKET_LOG_FORMAT'];
  /** OpenTelemetry tracing through the SDK's interceptors, when OTEL_EXPORTER_OTLP_ENDPOINT is set. */
  tracing?: { otlpEndpoint: string };
  temporal: TemporalTarget;
  /** Whether the engine may add its search attributes to an external cluster that lacks them (DOCKET_CLUSTER_SETUP). */
  clusterSetup: Environment['DOCKET_CLUSTER_SETUP'];
  devServer: {
    cliPath: string;
    testServerPath: string;
    port: number;
    uiPort: number;
    dbFile: string;
  };
  api: {
    host: string;
    port: number;
    publicUrl: string;
    /** Browser origins the codec endpoint lets call it with credentials: the Temporal Web UI that shows case data. */
    webUiOrigins: string[];
  };
  /** Where a worker-only process serves /health/live, /health/ready and /metrics. */
  workerHttp: { host: string; port: number };
  /** DOCKET_MAX_CACHED_WORKFLOWS, when set. */
  maxCachedWorkflows?: number;
  databaseUrl?: string;
  smtp?: { url: string; from: string };
  smtpFrom: string;
  /** `applicantIndexKey`: the key of the pseudonyms' blind index (src/codec/configured-applicant-index.ts). */
  encryption: { keys?: string; currentKeyId?: string; keyFile: string; keyFileGiven: boolean; applicantIndexKey?: string };
  /** Lifetime of an API token whose issuer names none. */
  tokenLifetimeDays: number;
  /** `/metrics` of every engine process: the bearer token a scrape must send (DOCKET_METRICS_TOKEN), when set. */
  metrics: { token?: string };
}

/**
 * Names this engine read before it followed envconfig. envconfig does not know them, so a value left
 * under one would be ignored and the engine would connect without it; it stops instead.
 */
const RETIRED_VARIABLES: Record<string, string> = {
  TEMPORAL_TLS_CERT_PATH: 'TEMPORAL_TLS_CLIENT_CERT_PATH',
  TEMPORAL_TLS_KEY_PATH: 'TEMPORAL_TLS_CLIENT_KEY_PATH',
  TEMPORAL_TLS_CA_PATH: 'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): DocketConfig {
  const relevant = Object.fromEntries(
    Object.keys(environmentSchema.shape).flatMap((key) => (env[key] === undefined ? [] : [[key, env[key]]])),
  );
  const parsed = environmentSchema.safeParse(relevant);
  const problems = [
    ...Object.entries(RETIRED_VARIABLES).flatMap(([retired, current]) =>
      env[retired] === undefined ? [] : [`  ${retired} is no longer read: rename it to ${current}, Temporal's own name for it`],
    ),
    ...(parsed.error?.issues ?? []).map(
      (issue) => `  ${describeIssue(issue, { nameOf: ([variable]) => `${String(variable)}=${JSON.stringify(env[String(variable)] ?? '')}` })}`,
    ),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`Invalid configuration in the environment:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const fromRoot = (p: string) => path.resolve(PROJECT_ROOT, p);
  const dataDir = fromRoot(e.DOCKET_DATA_DIR);
  const temporal = resolveTemporalTarget(
    env,
    { configFile: e.TEMPORAL_CONFIG_FILE, profile: e.TEMPORAL_PROFILE, devServerPort: e.TEMPORAL_PORT, taskQueue: e.TEMPORAL_TASK_QUEUE },
    fromRoot,
  );

  return {
    projectRoot: PROJECT_ROOT,
    dataDir,
    ...(e.DOCKET_RULES_DIR ? { rulesDir: fromRoot(e.DOCKET_RULES_DIR) } : {}),
    logLevel: e.DOCKET_LOG_LEVEL,
    logFormat: e.DOCKET_LOG_FORMAT,
    ...(e.OTEL_EXPORTER_OTLP_ENDPOINT ? { tracing: { otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT } } : {}),
    temporal,
    clusterSetup: e.DOCKET_CLUSTER_SETUP,
    devServer: {
      cliPath: fromRoot(e.TEMPORAL_CLI_PATH ?? '.venv/bin/temporal'),
      testServerPath: fromRoot(e.TEMPORAL_TEST_SERVER_PATH ?? '.venv/bin/temporal-test-server'),
      port: e.TEMPORAL_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
      dbFile: e.TEMPORAL_DB_FILE ? fromRoot(e.TEMPORAL_DB_FILE) : path.join(dataDir, 'temporal.sqlite'),
    },
    api: {
      host: e.API_HOST,
      port: e.API_PORT,
      publicUrl: e.API_PUBLIC_URL ?? `http://${e.API_HOST}:${e.API_PORT}`,
      // The engine runs the dev server's Web UI only beside an embedded server. Trusting that port otherwise
      // would trust whatever page listens there with a signed-in supervisor's session.
      webUiOrigins:
        e.DOCKET_WEB_UI_ORIGINS ??
        (temporal.mode === 'embedded' ? [`http://localhost:${e.TEMPORAL_UI_PORT}`, `http://127.0.0.1:${e.TEMPORAL_UI_PORT}`] : []),
    },
    workerHttp: { host: e.DOCKET_WORKER_HOST, port: e.DOCKET_WORKER_PORT },
    ...(e.DOCKET_MAX_CACHED_WORKFLOWS !== undefined ? { maxCachedWorkflows: e.DOCKET_MAX_CACHED_WORKFLOWS } : {}),
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    ...(e.SMTP_URL ? { smtp: { url: e.SMTP_URL, from: e.SMTP_FROM } } : {}),
    smtpFrom: e.SMTP_FROM,
    encryption: {
      keys: e.DOCKET_ENCRYPTION_KEYS,
      currentKeyId: e.DOCKET_ENCRYPTION_KEY_ID,
      keyFile: e.DOCKET_ENCRYPTION_KEY_FILE ? fromRoot(e.DOCKET_ENCRYPTION_KEY_FILE) : path.join(dataDir, 'keys.json'),
      keyFileGiven: e.DOCKET_ENCRYPTION_KEY_FILE !== undefined,
      ...(e.DOCKET_APPLICANT_INDEX_KEY ? { applicantIndexKey: e.DOCKET_APPLICANT_INDEX_KEY } : {}),
    },
    tokenLifetimeDays: e.DOCKET_TOKEN_LIFETIME_DAYS,
    metrics: e.DOCKET_METRICS_TOKEN ? { token: e.DOCKET_METRICS_TOKEN } : {},
  };
}
