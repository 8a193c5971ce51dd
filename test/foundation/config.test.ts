import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { connectionOptions } from '../../src/temporal/connection-options';

// The configuration only reads these files, so PEM-shaped text stands in for real certificates.
const pem = (label: string, body: string) => `-----BEGIN ${label}-----\n${Buffer.from(body).toString('base64')}\n-----END ${label}-----\n`;
const CLIENT_CERT = pem('CERTIFICATE', 'client certificate');
const CLIENT_KEY = pem('PRIVATE KEY', 'client key');
const SERVER_CA = pem('CERTIFICATE', 'server ca');

let dir: string;
let file: (name: string, contents: string) => string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'docket-config-'));
  file = (name, contents) => {
    const written = path.join(dir, name);
    writeFileSync(written, contents);
    return written;
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (bytes: Uint8Array | undefined) => (bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8'));

/** The TLS settings connectionOptions() hands the SDK, read back as text. */
function tlsAsText(options: ReturnType<typeof connectionOptions>) {
  const { tls } = options;
  if (typeof tls !== 'object' || tls === null) throw new Error(`expected a TLS config, got ${String(tls)}`);
  return {
    serverName: tls.serverNameOverride,
    serverCa: text(tls.serverRootCACertificate),
    clientCert: text(tls.clientCertPair?.crt),
    clientKey: text(tls.clientCertPair?.key),
  };
}

/** A temporal.toml with a "prod" profile that sets every connection setting, and a "staging" one. */
function prodProfileFile(): string {
  const cert = file('prod-client.pem', CLIENT_CERT);
  const key = file('prod-client.key', CLIENT_KEY);
  const ca = file('prod-ca.pem', SERVER_CA);
  return file(
    'temporal.toml',
    [
      '[profile.prod]',
      'address = "prod.temporal.example.org:7233"',
      'namespace = "docket-prod"',
      '[profile.prod.tls]',
      `client_cert_path = ${JSON.stringify(cert)}`,
      `client_key_path = ${JSON.stringify(key)}`,
      `server_ca_cert_path = ${JSON.stringify(ca)}`,
      'server_name = "prod.internal"',
      '[profile.prod.grpc_meta]',
      'x-proxy-tenant = "legal-aid"',
      '',
      '[profile.staging]',
      'address = "staging.temporal.example.org:7233"',
    ].join('\n'),
  );
}

describe('loadConfig', () => {
  it('gives embedded defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.temporal).toMatchObject({
      mode: 'embedded',
      address: '127.0.0.1:7233',
      namespace: 'default',
      taskQueue: 'asylum-docket',
    });
    expect(connectionOptions(config.temporal)).toEqual({ address: '127.0.0.1:7233' });
    expect(config.devServer.uiPort).toBe(8233);
    expect(config.devServer.dbFile).toBe(path.join(config.projectRoot, 'data', 'temporal.sqlite'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.smtp).toBeUndefined();
  });

  it('connects to an external cluster over TLS with an API key when TEMPORAL_ADDRESS is set', () => {
    const config = loadConfig({
      TEMPORAL_ADDRESS: 'docket.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'docket.a1b2c',
      TEMPORAL_API_KEY: 'not-a-real-key',
    });
    expect(config.temporal).toMatchObject({ mode: 'external', address: 'docket.tmprl.cloud:7233', namespace: 'docket.a1b2c' });
    // An API key implies TLS, as envconfig has it.
    expect(connectionOptions(config.temporal)).toMatchObject({ address: 'docket.tmprl.cloud:7233', apiKey: 'not-a-real-key', tls: true });
  });

  it("honours Temporal's mTLS variables and gives the SDK the client pair, server CA, server name and API key", () => {
    const config = loadConfig({
      TEMPORAL_ADDRESS: 'temporal.example.org:7233',
      TEMPORAL_TLS_CLIENT_CERT_PATH: file('client.pem', CLIENT_CERT),
      TEMPORAL_TLS_CLIENT_KEY_PATH: file('client.key', CLIENT_KEY),
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: file('ca.pem', SERVER_CA),
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
      TEMPORAL_API_KEY: 'not-a-real-key',
    });
    const options = connectionOptions(config.temporal);
    expect(options).toMatchObject({ address: 'temporal.example.org:7233', apiKey: 'not-a-real-key' });
    expect(tlsAsText(options)).toEqual({ serverName: 'temporal.internal', serverCa: SERVER_CA, clientCert: CLIENT_CERT, clientKey: CLIENT_KEY });
  });

  it('takes the connection from the temporal.toml profile that TEMPORAL_CONFIG_FILE and TEMPORAL_PROFILE name', () => {
    const config = loadConfig({ TEMPORAL_CONFIG_FILE: prodProfileFile(), TEMPORAL_PROFILE: 'prod' });
    expect(config.temporal).toMatchObject({ mode: 'external', address: 'prod.temporal.example.org:7233', namespace: 'docket-prod' });
    const options = connectionOptions(config.temporal);
    expect(options.metadata).toEqual({ 'x-proxy-tenant': 'legal-aid' });
    expect(tlsAsText(options)).toEqual({ serverName: 'prod.internal', serverCa: SERVER_CA, clientCert: CLIENT_CERT, clientKey: CLIENT_KEY });
  });

  it('lets each TEMPORAL_* variable override its setting in the profile', () => {
    const otherCa = pem('CERTIFICATE', 'another server ca');
    const config = loadConfig({
      TEMPORAL_CONFIG_FILE: prodProfileFile(),
      TEMPORAL_PROFILE: 'prod',
      TEMPORAL_ADDRESS: 'failover.temporal.example.org:7233',
      TEMPORAL_NAMESPACE: 'docket-failover',
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: file('other-ca.pem', otherCa),
    });
    expect(config.temporal).toMatchObject({ address: 'failover.temporal.example.org:7233', namespace: 'docket-failover' });
    const tls = tlsAsText(connectionOptions(config.temporal));
    expect(tls.serverCa).toBe(otherCa);
    // What the variables leave alone still comes from the profile.
    expect(tls.serverName).toBe('prod.internal');
    expect(tls.clientCert).toBe(CLIENT_CERT);
  });

  it('starts the embedded dev server when the file has no default profile and TEMPORAL_PROFILE is unset', () => {
    const config = loadConfig({ TEMPORAL_CONFIG_FILE: prodProfileFile() });
    expect(config.temporal).toMatchObject({ mode: 'embedded', address: '127.0.0.1:7233' });
  });

  it.each([
    ['TEMPORAL_TLS_CERT_PATH', 'TEMPORAL_TLS_CLIENT_CERT_PATH'],
    ['TEMPORAL_TLS_KEY_PATH', 'TEMPORAL_TLS_CLIENT_KEY_PATH'],
    ['TEMPORAL_TLS_CA_PATH', 'TEMPORAL_TLS_SERVER_CA_CERT_PATH'],
  ])('stops on the retired %s and names %s instead', (retired, current) => {
    const env = { TEMPORAL_ADDRESS: 'temporal.example.org:7233', [retired]: file('retired.pem', CLIENT_CERT) };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${retired} is no longer read: rename it to ${current}\\b`));
  });

  it('names the profile it cannot find and the ones the file has', () => {
    const env = { TEMPORAL_CONFIG_FILE: prodProfileFile(), TEMPORAL_PROFILE: 'production' };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/TEMPORAL_PROFILE="production": no such profile in .*temporal\.toml \(TEMPORAL_CONFIG_FILE\) \(it has prod, staging\)/);
  });

  it.each([
    ['a file that does not exist', () => path.join(dir, 'missing.toml'), /TEMPORAL_CONFIG_FILE=".*missing\.toml": cannot read it/],
    ['a file that is not TOML', () => file('broken.toml', '[profile.prod\naddress = '), /broken\.toml \(TEMPORAL_CONFIG_FILE\): Invalid TOML/],
    ['a misspelt key', () => file('typo.toml', '[profile.default]\nadress = "x:7233"'), /typo\.toml \(TEMPORAL_CONFIG_FILE\): .*unrecognized.*adress/],
    ['a file without profiles', () => file('empty.toml', '# nothing yet\n'), /empty\.toml \(TEMPORAL_CONFIG_FILE\): it has no \[profile\.NAME\] table/],
    ['an address that is not text', () => file('number.toml', '[profile.default]\naddress = 7233'), /address in \[profile\.default\] of .*number\.toml/],
  ])('stops on %s in TEMPORAL_CONFIG_FILE, naming the file', (_case, configFile, message) => {
    const env = { TEMPORAL_CONFIG_FILE: configFile() };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    [{ TEMPORAL_PORT: 'seventy' }, 'TEMPORAL_PORT'],
    [{ API_PORT: '70000' }, 'API_PORT'],
    [{ TEMPORAL_ADDRESS: 'http://x' }, 'TEMPORAL_ADDRESS'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL'],
    [{ SMTP_URL: 'mail.example.org' }, 'SMTP_URL'],
    // envconfig would read "yes" as off.
    [{ TEMPORAL_TLS: 'yes' }, 'TEMPORAL_TLS'],
    [{ TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: 'true' }, 'TEMPORAL_TLS_SERVER_NAME'],
    [{ DOCKET_LOG_LEVEL: 'loud' }, 'DOCKET_LOG_LEVEL'],
    [{ DOCKET_LOG_FORMAT: 'yaml' }, 'DOCKET_LOG_FORMAT'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    [{ TEMPORAL_ADDRESS: 'x:7233', TEMPORAL_TLS_CLIENT_CERT_PATH: '/nonexistent/client.pem' }, 'TEMPORAL_TLS_CLIENT_KEY_PATH'],
    [{ TEMPORAL_ADDRESS: 'x:7233', TEMPORAL_TLS: 'false', TEMPORAL_TLS_SERVER_NAME: 'x.internal' }, 'TEMPORAL_TLS_SERVER_NAME'],
    [{ TEMPORAL_API_KEY: 'k' }, 'TEMPORAL_ADDRESS'],
    [{ TEMPORAL_TLS: 'true' }, 'TEMPORAL_ADDRESS'],
    [{ TEMPORAL_ADDRESS: 'x:7233', TEMPORAL_API_KEY: 'k', TEMPORAL_GRPC_META_AUTHORIZATION: 'Bearer k' }, 'TEMPORAL_GRPC_META_AUTHORIZATION'],
  ])('rejects %j with a message naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('stops naming the variable of a certificate it cannot read', () => {
    const env = {
      TEMPORAL_ADDRESS: 'x:7233',
      TEMPORAL_TLS_CLIENT_CERT_PATH: path.join(dir, 'no-such-client.pem'),
      TEMPORAL_TLS_CLIENT_KEY_PATH: file('present.key', CLIENT_KEY),
    };
    expect(() => loadConfig(env)).toThrow(/TEMPORAL_TLS_CLIENT_CERT_PATH: cannot read .*no-such-client\.pem/);
  });
});

describe('loadConfig: which browser origins the codec endpoint trusts (issue 13 item 13)', () => {
  it("trusts the embedded dev server's Web UI, which the engine runs on TEMPORAL_UI_PORT", () => {
    expect(loadConfig({ TEMPORAL_UI_PORT: '9233' }).api.webUiOrigins).toEqual(['http://localhost:9233', 'http://127.0.0.1:9233']);
  });

  it('trusts no origin beside an external cluster, whose Web UI is not ours and whose port may serve anything', () => {
    expect(loadConfig({ TEMPORAL_ADDRESS: 'temporal.example.org:7233' }).api.webUiOrigins).toEqual([]);
  });

  it('trusts exactly the origins DOCKET_WEB_UI_ORIGINS names, in place of the defaults', () => {
    const env = { TEMPORAL_ADDRESS: 'temporal.example.org:7233', DOCKET_WEB_UI_ORIGINS: 'https://temporal-ui.example.org, http://10.0.0.5:8080' };
    expect(loadConfig(env).api.webUiOrigins).toEqual(['https://temporal-ui.example.org', 'http://10.0.0.5:8080']);
    expect(loadConfig({ DOCKET_WEB_UI_ORIGINS: 'https://temporal-ui.example.org' }).api.webUiOrigins).toEqual(['https://temporal-ui.example.org']);
  });

  it.each(['https://temporal-ui.example.org/', 'temporal-ui.example.org', 'https://temporal-ui.example.org/namespaces', 'ftp://files.example.org'])(
    'stops on DOCKET_WEB_UI_ORIGINS=%s, which is no origin, naming the variable',
    (value) => {
      expect(() => loadConfig({ DOCKET_WEB_UI_ORIGINS: value })).toThrow(
        new RegExp(`DOCKET_WEB_UI_ORIGINS=.*must each be an origin such as https://temporal-ui\\.example\\.org`),
      );
    },
  );
});

describe('loadConfig: the address the API answers for (issue 13 item 13)', () => {
  it.each(['0.0.0.0', '::'])('stops when API_HOST=%s listens on every interface without API_PUBLIC_URL', (host) => {
    expect(() => loadConfig({ API_HOST: host })).toThrow(/API_PUBLIC_URL="": must be set when API_HOST listens on every interface/);
    expect(loadConfig({ API_HOST: host, API_PUBLIC_URL: 'https://docket.example.org' }).api.publicUrl).toBe('https://docket.example.org');
  });
});

describe('loadConfig: the token /metrics asks for (issue 16, part 3)', () => {
  it('leaves /metrics open when DOCKET_METRICS_TOKEN is unset or empty, and takes the token when set', () => {
    expect(loadConfig({}).metrics).toEqual({});
    expect(loadConfig({ DOCKET_METRICS_TOKEN: ' ' }).metrics).toEqual({});
    expect(loadConfig({ DOCKET_METRICS_TOKEN: 'a3f9c1d2e8b7a6f5c4d3e2f1' }).metrics).toEqual({ token: 'a3f9c1d2e8b7a6f5c4d3e2f1' });
  });

  it.each([
    ['short', /DOCKET_METRICS_TOKEN="short": must be at least 16 characters/],
    ['sixteen chars with spaces', /DOCKET_METRICS_TOKEN=.*must be printable ASCII without spaces/],
  ])('stops on DOCKET_METRICS_TOKEN=%s, naming the variable', (value, message) => {
    expect(() => loadConfig({ DOCKET_METRICS_TOKEN: value })).toThrow(message);
  });

  it('writes text logs and traces nothing by default; json logs and tracing when asked', () => {
    expect(loadConfig({})).toMatchObject({ logFormat: 'text' });
    expect(loadConfig({}).tracing).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ' }).tracing).toBeUndefined();
    expect(loadConfig({ DOCKET_LOG_FORMAT: 'json', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toMatchObject({
      logFormat: 'json',
      tracing: { otlpEndpoint: 'http://127.0.0.1:4318' },
    });
    expect(() => loadConfig({ DOCKET_LOG_FORMAT: 'yaml' })).toThrow(/DOCKET_LOG_FORMAT="yaml": must be text or json/);
  });
});
