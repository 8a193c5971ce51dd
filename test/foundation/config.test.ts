import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('gives embedded defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.temporal).toMatchObject({
      mode: 'embedded',
      address: '127.0.0.1:7233',
      namespace: 'default',
      taskQueue: 'asylum-docket',
    });
    expect(config.devServer.uiPort).toBe(8233);
    expect(config.devServer.dbFile).toBe(path.join(config.projectRoot, 'data', 'temporal.sqlite'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.smtp).toBeUndefined();
  });

  it('connects to an external cluster with TLS and an API key when TEMPORAL_ADDRESS is set', () => {
    const config = loadConfig({
      TEMPORAL_ADDRESS: 'docket.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'docket.a1b2c',
      TEMPORAL_API_KEY: 'not-a-real-key',
    });
    expect(config.temporal).toMatchObject({
      mode: 'external',
      address: 'docket.tmprl.cloud:7233',
      namespace: 'docket.a1b2c',
      apiKey: 'not-a-real-key',
      tls: {},
    });
  });

  it.each([
    [{ TEMPORAL_PORT: 'seventy' }, 'TEMPORAL_PORT'],
    [{ API_PORT: '70000' }, 'API_PORT'],
    [{ TEMPORAL_ADDRESS: 'http://x' }, 'TEMPORAL_ADDRESS'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL'],
    [{ SMTP_URL: 'mail.example.org' }, 'SMTP_URL'],
    [{ TEMPORAL_TLS: 'maybe' }, 'TEMPORAL_TLS'],
    [{ DOCKET_LOG_LEVEL: 'loud' }, 'DOCKET_LOG_LEVEL'],
    [{ TEMPORAL_ADDRESS: 'x:7233', TEMPORAL_TLS_CERT_PATH: 'client.pem' }, 'TEMPORAL_TLS_KEY_PATH'],
    [{ TEMPORAL_API_KEY: 'k' }, 'TEMPORAL_ADDRESS'],
  ])('rejects %j with a message naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });
});
