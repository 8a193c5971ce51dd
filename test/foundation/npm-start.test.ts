import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isPortOpen } from '../../src/temporal/dev-server';
import { machineEnvironment } from '../cluster/engine-processes';
import { startOnFreePorts } from '../support/free-port';
import { waitFor } from '../support/wait-for';

const ROOT = path.resolve(__dirname, '..', '..');
const STAMP = path.join(ROOT, 'dist', '.build-stamp');
const PORTS = ['temporal', 'ui', 'api'] as const;

/** Every process below `pid`, read from /proc (the engine's node, the dev server it started, their helpers). */
function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(/^\d+ \(.*\) \S+ (\d+)/s.exec(readFileSync(`/proc/${entry}/stat`, 'utf8'))?.[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we read.
    }
  }
  const found: number[] = [];
  const visit = (id: number) => {
    for (const child of children.get(id) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Issue 16: `npm start` is what a service manager runs, and it sends SIGTERM to the PID it started,
 * npm's. Everything below it (the engine, the dev server) must stop, and free its ports.
 */
describe('npm start', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'docket-npm-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts without building again when nothing changed, serves metrics, and leaves no process and no port behind on SIGTERM to npm', async () => {
    const stampBefore = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs;
    if (stampBefore === undefined) throw new Error('dist/ was not built by scripts/build.sh: run `npm run build` (npm test does).');

    const started = await startOnFreePorts(PORTS, async (ports) => {
      const env = { ...machineEnvironment(), DOCKET_DATA_DIR: dataDir, TEMPORAL_PORT: String(ports.temporal), TEMPORAL_UI_PORT: String(ports.ui), API_PORT: String(ports.api) };
      const npm = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
      try {
        await waitFor(
          () => {
            if (npm.exitCode !== null) throw new Error(`npm start exited (${npm.exitCode}):\n${output}`);
            return output.includes('asylum-docket is running');
          },
          { timeoutMs: 180_000, intervalMs: 200, what: 'npm start to say the engine runs' },
        );
      } catch (error) {
        for (const pid of descendantsOf(npm.pid!)) process.kill(pid, 'SIGKILL');
        npm.kill('SIGKILL');
        // "address already in use" in the output makes startOnFreePorts try other ports.
        throw new Error(`${(error as Error).message}\n${output}`);
      }
      return { npm, ports, exited, output: () => output };
    });
    const { npm, ports } = started;

    // The sources are older than the last build: npm start ran the build it has.
    expect(statSync(STAMP).mtimeMs).toBe(stampBefore);
    const metrics = await fetch(`http://127.0.0.1:${ports.api}/metrics`);
    expect(metrics.status).toBe(200);
    const exposition = await metrics.text();
    expect(exposition).toMatch(/^docket_/m);
    expect(exposition).toMatch(/^temporal_/m);

    const below = descendantsOf(npm.pid!);
    expect(below.length).toBeGreaterThanOrEqual(2);
    npm.kill('SIGTERM');
    await started.exited;
    await waitFor(() => below.every((pid) => !alive(pid)), { timeoutMs: 60_000, intervalMs: 200, what: `every process npm started (${below.join(', ')}) to exit` });
    for (const port of Object.values(ports)) expect(await isPortOpen('127.0.0.1', port)).toBe(false);
    expect(started.output()).toContain('received SIGTERM, shutting down');
  }, 300_000);
});
