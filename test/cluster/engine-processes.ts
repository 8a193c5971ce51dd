import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { reservePort } from '../support/free-port';
import { waitFor } from '../support/wait-for';

const ROOT = path.resolve(__dirname, '..', '..');
export const MAIN = path.join(ROOT, 'dist', 'main.js');

/** The environment variables of the engine's own configuration: a test's process gets only those it sets. */
const ENGINE_VARIABLE = /^(TEMPORAL_|DOCKET_|API_|SMTP_|DATABASE_URL$)/;

/** The machine's environment (PATH, HOME, ...) without any engine setting of the shell that runs the tests. */
export function machineEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !ENGINE_VARIABLE.test(name)));
}

export interface EngineProcess {
  role: string;
  /** Where its health (and for the API, everything else) is served. */
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or the signal) once the process has exited. */
  exited: Promise<number | NodeJS.Signals>;
  /** SIGKILL: no shutdown, like a crash or the OOM killer. */
  kill(): Promise<void>;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | NodeJS.Signals>;
}

/**
 * `node dist/main.js --role ROLE`, the production entry point, on a loopback port of its own, and waits
 * until its `/health/ready` says ready (a worker: it polls; the API: Temporal and the register answer).
 */
export async function startEngineProcess(role: 'worker' | 'api', env: NodeJS.ProcessEnv): Promise<EngineProcess> {
  if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: run `npm run build` (npm test does).');
  const port = await reservePort(0);
  const portVariable = role === 'api' ? { API_PORT: String(port) } : { DOCKET_WORKER_PORT: String(port) };
  const engine = spawnEngine(['--role', role], { ...env, ...portVariable }, role);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (engine.child.exitCode !== null) throw new Error(`exited with ${engine.child.exitCode}:\n${engine.output()}`);
        const response = await fetch(`${url}/health/ready`);
        return response.status === 200;
      },
      { timeoutMs: 120_000, intervalMs: 250, what: `the ${role} process to be ready` },
    );
  } catch (error) {
    await engine.kill();
    throw new Error(`${(error as Error).message}\n--- its output:\n${engine.output()}`);
  }
  return { ...engine, url };
}

/** Runs `node dist/main.js ARGS` to its end (a one-shot role, or a start that must be refused) and returns its exit code and output. */
export async function runEngineToEnd(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | NodeJS.Signals; output: string }> {
  const engine = spawnEngine(args, env, args.join(' '));
  const timer = setTimeout(() => void engine.kill(), 120_000);
  const code = await engine.exited;
  clearTimeout(timer);
  return { code, output: engine.output() };
}

function spawnEngine(args: readonly string[], env: NodeJS.ProcessEnv, role: string): Omit<EngineProcess, 'url'> {
  const child = spawn(process.execPath, [MAIN, ...args], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    return exited;
  };
  return {
    role,
    child,
    output: () => output,
    exited,
    kill: async () => {
      await signal('SIGKILL');
    },
    stop: () => signal('SIGTERM'),
  };
}
