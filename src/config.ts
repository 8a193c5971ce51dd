import path from 'node:path';
import { z } from 'zod';

/**
 * The one place the environment is read. Every value is validated at startup so that a typo
 * stops the engine with a message naming the variable, instead of surfacing hours later.
 */

// Both src/config.ts and its build output dist/config.js sit one level below the project root.
const PROJECT_ROOT = path.resolve(__dirname, '..');

const port = z.coerce.number().int().min(1).max(65535);
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  DOCKET_DATA_DIR: z.string().default('data'),
  DOCKET_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),

  TEMPORAL_ADDRESS: optionalText.pipe(
    z
      .string()
      .regex(/^[^\s:/]+:\d{1,5}$/, 'must be host:port, for example temporal.example.org:7233')
      .optional(),
  ),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('asylum-docket'),
  TEMPORAL_TLS: flag.default(false),
  TEMPORAL_TLS_CERT_PATH: optionalText,
  TEMPORAL_TLS_KEY_PATH: optionalText,
  TEMPORAL_TLS_CA_PATH: optionalText,
  TEMPORAL_TLS_SERVER_NAME: optionalText,
  TEMPORAL_API_KEY: optionalText,

  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_DB_FILE: optionalText,
  TEMPORAL_CLI_PATH: optionalText,
  TEMPORAL_TEST_SERVER_PATH: optionalText,

  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(8080),
  API_PUBLIC_URL: optionalText.pipe(z.url().optional()),

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
});

export type Environment = z.infer<typeof environmentSchema>;

export interface TemporalTarget {
  /** Embedded: the engine starts its own dev server; external: it connects to a cluster. */
  mode: 'embedded' | 'external';
  address: string;
  namespace: string;
  taskQueue: string;
  tls?: { certPath?: string; keyPath?: string; caPath?: string; serverName?: string };
  apiKey?: string;
}

export interface DocketConfig {
  projectRoot: string;
  dataDir: string;
  logLevel: Environment['DOCKET_LOG_LEVEL'];
  temporal: TemporalTarget;
  devServer: {
    cliPath: string;
    testServerPath: string;
    port: number;
    uiPort: number;
    dbFile: string;
  };
  api: { host: string; port: number; publicUrl: string };
  databaseUrl?: string;
  smtp?: { url: string; from: string };
  smtpFrom: string;
  encryption: { keys?: string; currentKeyId?: string; keyFile: string; keyFileGiven: boolean };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): DocketConfig {
  const relevant = Object.fromEntries(
    Object.keys(environmentSchema.shape).flatMap((key) => (env[key] === undefined ? [] : [[key, env[key]]])),
  );
  const parsed = environmentSchema.safeParse(relevant);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = issue.path.join('.');
      return `  ${variable}=${JSON.stringify(env[variable] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration in the environment:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const fromRoot = (p: string) => path.resolve(PROJECT_ROOT, p);
  const dataDir = fromRoot(e.DOCKET_DATA_DIR);

  if ((e.TEMPORAL_TLS_CERT_PATH === undefined) !== (e.TEMPORAL_TLS_KEY_PATH === undefined)) {
    throw new ConfigError(
      'Invalid configuration in the environment:\n  TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together (mTLS needs both).',
    );
  }
  const usesTls =
    e.TEMPORAL_TLS || e.TEMPORAL_TLS_CERT_PATH !== undefined || e.TEMPORAL_API_KEY !== undefined;
  if (usesTls && e.TEMPORAL_ADDRESS === undefined) {
    throw new ConfigError(
      'Invalid configuration in the environment:\n  TEMPORAL_TLS / TEMPORAL_TLS_* / TEMPORAL_API_KEY need TEMPORAL_ADDRESS (the embedded dev server has no TLS).',
    );
  }

  const temporal: TemporalTarget = {
    mode: e.TEMPORAL_ADDRESS ? 'external' : 'embedded',
    address: e.TEMPORAL_ADDRESS ?? `127.0.0.1:${e.TEMPORAL_PORT}`,
    namespace: e.TEMPORAL_NAMESPACE,
    taskQueue: e.TEMPORAL_TASK_QUEUE,
    ...(usesTls
      ? {
          tls: {
            certPath: e.TEMPORAL_TLS_CERT_PATH && fromRoot(e.TEMPORAL_TLS_CERT_PATH),
            keyPath: e.TEMPORAL_TLS_KEY_PATH && fromRoot(e.TEMPORAL_TLS_KEY_PATH),
            caPath: e.TEMPORAL_TLS_CA_PATH && fromRoot(e.TEMPORAL_TLS_CA_PATH),
            serverName: e.TEMPORAL_TLS_SERVER_NAME,
          },
        }
      : {}),
    ...(e.TEMPORAL_API_KEY ? { apiKey: e.TEMPORAL_API_KEY } : {}),
  };

  return {
    projectRoot: PROJECT_ROOT,
    dataDir,
    logLevel: e.DOCKET_LOG_LEVEL,
    temporal,
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
    },
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    ...(e.SMTP_URL ? { smtp: { url: e.SMTP_URL, from: e.SMTP_FROM } } : {}),
    smtpFrom: e.SMTP_FROM,
    encryption: {
      keys: e.DOCKET_ENCRYPTION_KEYS,
      currentKeyId: e.DOCKET_ENCRYPTION_KEY_ID,
      keyFile: e.DOCKET_ENCRYPTION_KEY_FILE ? fromRoot(e.DOCKET_ENCRYPTION_KEY_FILE) : path.join(dataDir, 'keys.json'),
      keyFileGiven: e.DOCKET_ENCRYPTION_KEY_FILE !== undefined,
    },
  };
}
