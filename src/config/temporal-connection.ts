import { readFileSync } from 'node:fs';
import {
  loadClientConfig,
  loadClientConfigProfile,
  type ClientConfigProfile,
  type ClientConfigTLS,
  type ConfigDataSource,
  type LoadClientProfileOptions,
} from '@temporalio/envconfig';
import { z } from 'zod';
import { describeIssue } from '../errors/zod-issues';
import { ConfigError } from './config-error';

/**
 * How to reach an external Temporal cluster, following Temporal's own convention (envconfig: the
 * TEMPORAL_* variables over a temporal.toml profile), so the Temporal CLI and the engine read the same
 * settings the same way.
 */

export interface TemporalTarget {
  /** Embedded: the engine starts its own dev server; external: it connects to a cluster. */
  mode: 'embedded' | 'external';
  address: string;
  namespace: string;
  taskQueue: string;
  /** TLS as envconfig describes it, with the certificates already read from their files. */
  tls?: ClientConfigTLS;
  apiKey?: string;
  /** gRPC metadata (headers) sent with every request, for example for a proxy in front of the cluster. */
  grpcMeta?: Record<string, string>;
}

/** What the engine's own environment says about the connection: where the profile is, and the embedded default. */
export interface EngineSettings {
  configFile: string | undefined;
  profile: string | undefined;
  devServerPort: number;
  taskQueue: string;
}

const TLS_PATH_VARIABLES = ['TEMPORAL_TLS_CLIENT_CERT_PATH', 'TEMPORAL_TLS_CLIENT_KEY_PATH', 'TEMPORAL_TLS_SERVER_CA_CERT_PATH'];
const GRPC_META_PREFIX = 'TEMPORAL_GRPC_META_';

/** Where an operator sets each connection setting: its variables (which win) or its key in a temporal.toml profile. */
const CONNECTION_SETTINGS = {
  address: { variables: ['TEMPORAL_ADDRESS'], tomlKey: 'address' },
  namespace: { variables: ['TEMPORAL_NAMESPACE'], tomlKey: 'namespace' },
  apiKey: { variables: ['TEMPORAL_API_KEY'], tomlKey: 'api_key' },
  grpcMeta: { variables: [], tomlKey: 'grpc_meta' },
  tls: { variables: [], tomlKey: 'tls' },
  'tls.disabled': { variables: ['TEMPORAL_TLS'], tomlKey: 'tls.disabled' },
  'tls.serverName': { variables: ['TEMPORAL_TLS_SERVER_NAME'], tomlKey: 'tls.server_name' },
  'tls.clientCert': {
    variables: ['TEMPORAL_TLS_CLIENT_CERT_PATH', 'TEMPORAL_TLS_CLIENT_CERT_DATA'],
    tomlKey: 'tls.client_cert_path',
  },
  'tls.clientKey': {
    variables: ['TEMPORAL_TLS_CLIENT_KEY_PATH', 'TEMPORAL_TLS_CLIENT_KEY_DATA'],
    tomlKey: 'tls.client_key_path',
  },
  'tls.serverCACert': {
    variables: ['TEMPORAL_TLS_SERVER_CA_CERT_PATH', 'TEMPORAL_TLS_SERVER_CA_CERT_DATA'],
    tomlKey: 'tls.server_ca_cert_path',
  },
} as const satisfies Record<string, { variables: readonly string[]; tomlKey: string }>;
type ConnectionSetting = keyof typeof CONNECTION_SETTINGS;

const hostAndPort = z.string().regex(/^[^\s:/]+:\d{1,5}$/, 'must be host:port, for example temporal.example.org:7233');
const configData = z.union([
  z.object({ path: z.string().min(1) }),
  z.object({ data: z.custom<Uint8Array>((value) => ArrayBuffer.isView(value), 'must be text') }),
]);
// envconfig hands TOML values over unchecked: a number where a path belongs would be read as a file descriptor.
const connectionProfileSchema = z.object({
  address: hostAndPort.optional(),
  namespace: z.string().min(1).optional(),
  apiKey: z.string().min(1).optional(),
  tls: z
    .object({
      disabled: z.boolean().optional(),
      serverName: z.string().min(1).optional(),
      clientCert: configData.optional(),
      clientKey: configData.optional(),
      serverCACert: configData.optional(),
    })
    .optional(),
  grpcMeta: z.record(z.string(), z.string()).optional(),
});

/**
 * The cluster to connect to, as Temporal's envconfig resolves it: the profile TEMPORAL_PROFILE names
 * (or "default") in temporal.toml, each setting overridden by its TEMPORAL_* variable. Without an
 * address from either, the engine runs its own dev server.
 */
export function resolveTemporalTarget(env: NodeJS.ProcessEnv, e: EngineSettings, fromRoot: (p: string) => string): TemporalTarget {
  const envconfigEnv = envconfigEnvironment(env, fromRoot);
  const configFile = e.configFile && fromRoot(e.configFile);
  const fileLabel = configFile
    ? `${configFile} (TEMPORAL_CONFIG_FILE)`
    : 'the default temporal.toml (temporalio/temporal.toml in the user config directory)';
  const profileName = e.profile ?? 'default';
  const profileLabel = `[profile.${profileName}] of ${fileLabel}`;
  const nameOf = (setting: ConnectionSetting): string => {
    const variables: readonly string[] = CONNECTION_SETTINGS[setting].variables;
    const variable =
      setting === 'grpcMeta'
        ? Object.keys(envconfigEnv).find((key) => key.startsWith(GRPC_META_PREFIX))
        : variables.find((name) => envconfigEnv[name] !== undefined);
    return variable ?? `${CONNECTION_SETTINGS[setting].tomlKey} in ${profileLabel}`;
  };

  const options: LoadClientProfileOptions = {
    // Read here rather than by envconfig, which takes a missing file for an empty one: a file the
    // operator named must exist.
    ...(configFile ? { configSource: { data: readConfigFile(configFile) } } : {}),
    // Unknown keys are typos (adress = ...) that would otherwise leave their setting unset.
    configFileStrict: true,
    overrideEnvVars: envconfigEnv,
  };
  const file = callEnvconfig(() => loadClientConfig(options), fileLabel);
  if (e.profile !== undefined && !Object.hasOwn(file.profiles, e.profile)) {
    const known = Object.keys(file.profiles);
    throw invalidConnection([
      `TEMPORAL_PROFILE=${JSON.stringify(e.profile)}: no such profile in ${fileLabel}` +
        ` (${known.length > 0 ? `it has ${known.join(', ')}` : 'it has none'})`,
    ]);
  }
  const parsed = connectionProfileSchema.safeParse(
    // Without TEMPORAL_PROFILE, envconfig takes the default profile if the file has one and nothing otherwise.
    callEnvconfig(() => loadClientConfigProfile({ ...options, profile: e.profile }), profileLabel),
  );
  if (!parsed.success) {
    throw invalidConnection(parsed.error.issues.map((issue) => describeIssue(issue, { nameOf: (path) => nameOf(settingAt(path)) })));
  }
  const profile: ClientConfigProfile = parsed.data;
  const problems = combinationProblems(profile, nameOf, profileLabel);
  if (problems.length > 0) throw invalidConnection(problems);

  return {
    mode: profile.address ? 'external' : 'embedded',
    address: profile.address ?? `127.0.0.1:${e.devServerPort}`,
    namespace: profile.namespace ?? 'default',
    taskQueue: e.taskQueue,
    ...(profile.tls ? { tls: readCertificates(profile.tls, nameOf) } : {}),
    ...(profile.apiKey ? { apiKey: profile.apiKey } : {}),
    ...(profile.grpcMeta ? { grpcMeta: profile.grpcMeta } : {}),
  };
}

/** Settings that are each valid but make no sense together, which envconfig would resolve silently. */
function combinationProblems(
  profile: ClientConfigProfile,
  nameOf: (setting: ConnectionSetting) => string,
  profileLabel: string,
): string[] {
  const { tls } = profile;
  const tlsSettingsGiven = (['serverName', 'clientCert', 'clientKey', 'serverCACert'] as const)
    .filter((field) => tls?.[field] !== undefined)
    .map((field) => `tls.${field}` as const);
  const problems: string[] = [];
  if (tls && (tls.clientCert === undefined) !== (tls.clientKey === undefined)) {
    const missing = tls.clientCert ? 'tls.clientKey' : 'tls.clientCert';
    problems.push(
      `${nameOf(tls.clientCert ? 'tls.clientCert' : 'tls.clientKey')} is set but not ${CONNECTION_SETTINGS[missing].variables[0]} ` +
        `(or ${CONNECTION_SETTINGS[missing].tomlKey}): mTLS needs the client certificate and its key together`,
    );
  }
  // envconfig would connect without TLS and drop these.
  if (tls?.disabled === true && tlsSettingsGiven.length > 0) {
    problems.push(`${nameOf('tls.disabled')} turns TLS off, so ${tlsSettingsGiven.map(nameOf).join(', ')} would be ignored`);
  }
  // The SDK sends the API key as the authorization header only when the metadata has none.
  if (profile.apiKey !== undefined && profile.grpcMeta?.authorization !== undefined) {
    problems.push(`${nameOf('apiKey')} and the authorization header in ${nameOf('grpcMeta')} both authenticate: set one of them`);
  }
  if (profile.address === undefined) {
    const meantForACluster: ConnectionSetting[] = [
      ...(['apiKey', 'grpcMeta'] as const).filter((setting) => profile[setting] !== undefined),
      ...(tls?.disabled === false ? (['tls.disabled'] as const) : []),
      ...tlsSettingsGiven,
    ];
    // An empty [profile.NAME.tls] table switches TLS on as well.
    if (meantForACluster.length === 0 && tls !== undefined && tls.disabled !== true) meantForACluster.push('tls');
    if (meantForACluster.length > 0) {
      problems.push(
        `${meantForACluster.map(nameOf).join(', ')}: set for an external cluster, but no address is ` +
          `(TEMPORAL_ADDRESS, or address in ${profileLabel}); the embedded dev server has no TLS and no authentication`,
      );
    }
  }
  return problems;
}

function invalidConnection(problems: string[]): ConfigError {
  return new ConfigError(`Invalid Temporal connection configuration:\n${problems.map((line) => `  ${line}`).join('\n')}`);
}

/**
 * The environment as envconfig is to read it. Values are trimmed and an empty one means unset, as for
 * every variable in this file (envconfig would take TEMPORAL_ADDRESS="" for an address), except gRPC
 * metadata, where an empty value is envconfig's way to drop a header the profile sets. Certificate
 * paths count from the project root, like every other path here.
 */
function envconfigEnvironment(env: NodeJS.ProcessEnv, fromRoot: (p: string) => string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).flatMap(([key, raw]) => {
      const value = raw?.trim();
      if (value === undefined || (value === '' && !key.startsWith(GRPC_META_PREFIX))) return [];
      return [[key, TLS_PATH_VARIABLES.includes(key) ? fromRoot(value) : value]];
    }),
  );
}

/** The setting a zod issue on the resolved profile is about: ['tls', 'clientCert', 'path'] is tls.clientCert. */
function settingAt(issuePath: readonly PropertyKey[]): ConnectionSetting {
  const [first, second] = issuePath.map(String);
  const nested = `${first}.${second}`;
  if (Object.hasOwn(CONNECTION_SETTINGS, nested)) return nested as ConnectionSetting;
  return first !== undefined && Object.hasOwn(CONNECTION_SETTINGS, first) ? (first as ConnectionSetting) : 'tls';
}

function readConfigFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw invalidConnection([`TEMPORAL_CONFIG_FILE=${JSON.stringify(file)}: cannot read it (${errorText(error)})`]);
  }
}

/** envconfig's own errors (bad TOML, unknown keys, a path and inline data for one certificate), naming the file they are about. */
function callEnvconfig<T>(load: () => T, label: string): T {
  try {
    return load();
  } catch (error) {
    // envconfig 1.24 assumes a [profile.*] table and fails reading a property of undefined without one.
    const reason = error instanceof Error && error.name === 'TypeError' ? 'it has no [profile.NAME] table' : errorText(error);
    throw invalidConnection([`${label}: ${reason}`]);
  }
}

/** Read at startup, so that a missing certificate stops the engine naming its setting rather than failing the first connection. */
function readCertificates(tls: ClientConfigTLS, nameOf: (setting: ConnectionSetting) => string): ClientConfigTLS {
  const problems: string[] = [];
  const read = (setting: ConnectionSetting, source: ConfigDataSource | undefined): ConfigDataSource | undefined => {
    if (source === undefined || !('path' in source)) return source;
    try {
      return { data: readFileSync(source.path) };
    } catch (error) {
      problems.push(`${nameOf(setting)}: cannot read ${source.path} (${errorText(error)})`);
      return undefined;
    }
  };
  const withContents: ClientConfigTLS = {
    ...tls,
    clientCert: read('tls.clientCert', tls.clientCert),
    clientKey: read('tls.clientKey', tls.clientKey),
    serverCACert: read('tls.serverCACert', tls.serverCACert),
  };
  if (problems.length > 0) throw invalidConnection(problems);
  return withContents;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
