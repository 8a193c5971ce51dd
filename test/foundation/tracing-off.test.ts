import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Without OTEL_EXPORTER_OTLP_ENDPOINT the engine loads none of OpenTelemetry's SDK, exporter or the
 * SDK's interceptors (src/engine.ts imports src/worker/tracing.ts only when it is set). prom-client
 * loads the bare @opentelemetry/api on its own, which registers nothing.
 */
describe('tracing off', () => {
  it('leaves every OpenTelemetry package but the bare API unloaded when the engine and the API are', () => {
    const root = path.resolve(__dirname, '..', '..');
    const script = `
      require('./src/engine');
      require('./src/api');
      const loaded = Object.keys(require.cache)
        .filter((file) => /node_modules\\/(@opentelemetry|@temporalio\\/interceptors-opentelemetry)\\//.test(file))
        .map((file) => file.split('node_modules/').pop().split('/').slice(0, 2).join('/'));
      process.stdout.write(JSON.stringify([...new Set(loaded)]));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect((JSON.parse(out) as string[]).filter((name) => name !== '@opentelemetry/api')).toEqual([]);
  });
});
