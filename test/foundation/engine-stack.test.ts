import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { isPortOpen } from '../../src/temporal/dev-server';
import { startOnFreePorts } from '../support/free-port';
import { TEMPORAL_CLI } from '../support/temporal-env';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'main.js');
const ENGINE_PORTS = ['temporal', 'ui', 'api'] as const;

interface Engine {
  child: ChildProcess;
  ports: Record<(typeof ENGINE_PORTS)[number], number>;
  env: NodeJS.ProcessEnv;
  output: () => string;
}

/** `npm start` on the data directory, on free ports (tried again on others when one was taken meanwhile). */
function startEngine(dataDir: string): Promise<Engine> {
  return startOnFreePorts(ENGINE_PORTS, (ports) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DOCKET_DATA_DIR: dataDir,
      TEMPORAL_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.ui),
      API_PORT: String(ports.api),
      DOCKET_ACTOR: 'cw-stack',
    };
    // The engine's own defaults, whatever the shell running the tests configures.
    for (const name of ['DOCKET_ENCRYPTION_KEYS', 'DOCKET_ENCRYPTION_KEY_ID', 'DOCKET_ENCRYPTION_KEY_FILE']) delete env[name];
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise<Engine>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`engine not up within 90 s:\n${output}`));
      }, 90_000);
      const check = setInterval(() => {
        if (output.includes('asylum-docket is running')) {
          clearInterval(check);
          clearTimeout(timer);
          resolve({ child, ports, env, output: () => output });
        }
      }, 100);
      child.once('exit', (code) => {
        clearInterval(check);
        clearTimeout(timer);
        reject(new Error(`engine exited with ${code}:\n${output}`));
      });
    });
  });
}

function stopEngine(engine: Engine, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (engine.child.exitCode !== null || engine.child.signalCode !== null) return Promise.resolve(engine.child.exitCode);
  return new Promise((resolve) => {
    engine.child.once('exit', (code) => resolve(code));
    engine.child.kill(signal);
  });
}

describe('npm start stack', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'docket-stack-'));
  /** Every engine the test started: one a failed expectation left running is killed, not left to hold its ports. */
  const started: Engine[] = [];
  afterAll(async () => {
    await Promise.all(started.map((engine) => stopEngine(engine, 'SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
  });
  const startTracked = async (directory: string) => {
    const engine = await startEngine(directory);
    started.push(engine);
    return engine;
  };

  it('comes up, serves, shuts down cleanly, and finds its cases again after a restart', async () => {
    if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: run `npm run build` (npm test does).');
    const docket = (engine: Engine, ...args: string[]) => run(path.join(ROOT, 'bin', 'docket'), args, { env: engine.env, cwd: ROOT });
    const address = (engine: Engine) => `127.0.0.1:${engine.ports.temporal}`;

    // As an earlier version left it: a world-readable folder and file.
    chmodSync(dataDir, 0o755);
    writeFileSync(path.join(dataDir, 'earlier-version.log'), 'left behind', { mode: 0o644 });
    const first = await startTracked(dataDir);
    const { temporal, ui, api } = first.ports;
    expect(await isPortOpen('127.0.0.1', temporal)).toBe(true);
    expect(await isPortOpen('127.0.0.1', ui)).toBe(true);
    // Nothing configures keys here: the engine says it runs on the development key, and where that key is.
    expect(first.output()).toMatch(/WARN case payloads are encrypted with the development key file \S+keys\.json/);
    // Ready means every part answers: Temporal, the register, and the worker beside the API polling.
    const health = await fetch(`http://127.0.0.1:${api}/health/ready`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ready', checks: { temporal: 'ok', worker: 'ok', register: 'ok' } });
    expect((await fetch(`http://127.0.0.1:${api}/health/live`)).status).toBe(200);
    const webUi = await fetch(`http://127.0.0.1:${ui}/`);
    expect(webUi.status).toBe(200);

    // A case goes only to an active caseworker of its office, and the staff directory says who that is.
    await docket(first, 'staff', 'add', '--id', 'cw-stack', '--name', 'Caseworker Stack', '--role', 'caseworker', '--office', 'msk', '--language', 'en');
    await docket(first, 'case', 'open', 'RU-TA-2016-0042', '--jurisdiction', 'RU', '--procedure', 'temporary-asylum', '--office', 'msk', '--caseworker', 'cw-stack');
    const listed = await run(TEMPORAL_CLI, ['workflow', 'list', '--address', address(first), '--query', 'CaseStage IS NOT NULL']);
    expect(listed.stdout).toContain('RU-TA-2016-0042');

    expect(await stopEngine(first)).toBe(0);
    // The register, the dev server's history and anything else in the data directory are the owner's alone.
    const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);
    expect(modeOf(dataDir)).toBe('700');
    const files = readdirSync(dataDir);
    expect(files).toEqual(expect.arrayContaining(['register.sqlite', 'temporal.sqlite', 'earlier-version.log']));
    expect(Object.fromEntries(files.map((file) => [file, modeOf(path.join(dataDir, file))]))).toEqual(Object.fromEntries(files.map((file) => [file, '600'])));
    expect(await isPortOpen('127.0.0.1', temporal)).toBe(false);
    expect(await isPortOpen('127.0.0.1', api)).toBe(false);

    // On the same data directory; the ports are fresh ones, as what a restart must find is in the files.
    const second = await startTracked(dataDir);
    try {
      const relisted = await run(TEMPORAL_CLI, ['workflow', 'list', '--address', address(second)]);
      expect(relisted.stdout).toContain('RU-TA-2016-0042');
      const shown = await docket(second, 'case', 'show', 'RU-TA-2016-0042', '--json');
      expect(JSON.parse(shown.stdout)).toMatchObject({ caseNumber: 'RU-TA-2016-0042' });
    } finally {
      expect(await stopEngine(second)).toBe(0);
    }
  }, 240_000);
});
