import { spawn } from 'node:child_process';
import path from 'node:path';
import { fromWorkerSchema, type FromWorker, type WorkerMemory } from './worker-messages';

const WORKER_SCRIPT = path.join(__dirname, 'worker-process.ts');
const STARTUP_TIMEOUT_MS = 120_000;

export interface WorkerHandle {
  pid: number;
  measureMemory(): Promise<WorkerMemory>;
  /** SIGKILL: no shutdown, no goodbye; what a crash or the OOM killer does. */
  kill(): Promise<void>;
  /** SIGTERM, and a clean exit within a minute (SIGKILL after that). */
  stop(): Promise<void>;
}

/**
 * Every cached workflow keeps its own copy of the workflow bundle's modules in the workflow thread's
 * heap (about 1-2 MiB for the case workflow), and worker threads inherit the process's heap limit:
 * Node's default (about 4 GiB) holds some 2,000 cached cases. The SDK sizes its default cache to fit
 * that limit; a benchmark that asks for a larger cache raises the limit with it.
 */
export function heapLimitMiB(maxCachedWorkflows: number): number {
  return Math.max(4096, 1024 + Math.ceil(maxCachedWorkflows * 2));
}

interface Awaited {
  pick: (message: FromWorker) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** Starts the case worker as a child process (bench/support/worker-process.ts) and waits until it polls. */
export async function startWorkerProcess(env: NodeJS.ProcessEnv, maxCachedWorkflows: number): Promise<WorkerHandle> {
  const nodeOptions = ['--import', 'tsx', '--expose-gc', `--max-old-space-size=${heapLimitMiB(maxCachedWorkflows)}`];
  const child = spawn(process.execPath, [...nodeOptions, WORKER_SCRIPT, '--max-cached', String(maxCachedWorkflows)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // The SDK's core logs every failed poll while a server is down: kept, and shown only if the worker dies.
  const lastOutput: string[] = [];
  const keep = (chunk: Buffer) => {
    lastOutput.push(chunk.toString());
    if (lastOutput.length > 50) lastOutput.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const awaited = new Set<Awaited>();
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) process.stderr.write(`the worker process exited (${signal ?? code}); its last output:\n${lastOutput.join('')}\n`);
      for (const waiter of awaited) waiter.reject(new Error(`the worker process exited (${signal ?? code})`));
      awaited.clear();
      resolve();
    }),
  );
  child.on('message', (raw) => {
    const message = fromWorkerSchema.parse(raw);
    for (const waiter of awaited) {
      const value = waiter.pick(message);
      if (value === undefined) continue;
      awaited.delete(waiter);
      waiter.resolve(value);
      return;
    }
  });
  const next = <T>(pick: (message: FromWorker) => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const waiter: Awaited = {
        pick,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        awaited.delete(waiter);
        reject(new Error(`the worker process sent no ${what} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      awaited.add(waiter);
    });
  const signal = async (name: NodeJS.Signals, graceMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(name);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  try {
    await next((message) => (message.type === 'ready' ? true : undefined), STARTUP_TIMEOUT_MS, 'ready signal');
  } catch (error) {
    await signal('SIGKILL', 0);
    throw error;
  }
  return {
    pid: child.pid ?? -1,
    measureMemory: () => {
      const answer = next((message) => (message.type === 'memory' ? message.memory : undefined), 60_000, 'memory figures');
      child.send({ type: 'measure-memory' });
      return answer;
    },
    kill: () => signal('SIGKILL', 5_000),
    stop: () => signal('SIGTERM', 60_000),
  };
}
