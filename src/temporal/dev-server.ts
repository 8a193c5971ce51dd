import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { Connection } from '@temporalio/client';
import net from 'node:net';
import path from 'node:path';
import { CASE_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { searchAttributeFlags } from './search-attribute-flags';

export interface DevServerOptions {
  cliPath: string;
  /** Where cases persist; in memory when absent (tests). */
  dbFile?: string;
  port: number;
  /** The Web UI's port; without one the server runs headless (tests). */
  uiPort?: number;
  namespace: string;
  /** The codec endpoint the Web UI uses to decrypt payloads for signed-in users. */
  uiCodecEndpoint?: string;
  startupTimeoutMs?: number;
}

export interface RunningDevServer {
  address: string;
  /** Absent when the server runs headless. */
  uiUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export class DevServerError extends Error {
  override name = 'DevServerError';
}

/**
 * Runs `temporal server start-dev` on a SQLite file, so cases survive a restart of the engine (tests
 * run it in memory and headless). Unlike the SDK's own launcher it keeps the server's output, so a
 * failure says why (e.g. "bind: address already in use"), and it waits a minute, not five seconds.
 * The binary comes from the project's own virtual environment (scripts/setup.sh), never a download.
 */
export async function startDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  if (!existsSync(options.cliPath)) {
    throw new DevServerError(
      `The Temporal CLI is not installed at ${options.cliPath}. Run \`bash scripts/setup.sh\` (npm start does this for you).`,
    );
  }
  if (await isPortOpen('127.0.0.1', options.port)) {
    throw new DevServerError(
      `Port ${options.port} is already in use. Stop whatever listens there, or set TEMPORAL_PORT (or TEMPORAL_ADDRESS to use that server).`,
    );
  }
  if (options.dbFile) mkdirSync(path.dirname(options.dbFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    ...(options.dbFile ? ['--db-filename', options.dbFile] : []),
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    ...(options.uiPort === undefined ? ['--headless'] : ['--ui-port', String(options.uiPort)]),
    '--namespace',
    options.namespace,
    '--log-format',
    'pretty',
    '--log-level',
    'warn',
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecution=true',
    ...searchAttributeFlags(CASE_SEARCH_ATTRIBUTES),
    ...(options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
  ];
  const child = spawn(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const deadline = Date.now() + (options.startupTimeoutMs ?? 60_000);
  while (!(await isPortOpen('127.0.0.1', options.port))) {
    if (exited || Date.now() > deadline) {
      if (!exited) child.kill('SIGKILL');
      throw new DevServerError(
        `The Temporal dev server did not come up on port ${options.port}${exited ? ` (it exited with code ${child.exitCode})` : ''}. Its last output:\n${output.join('').slice(-4000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The port opens before the frontend serves: until then every call answers "Frontend is not healthy yet".
  for (;;) {
    const ready = await Connection.connect({ address: `127.0.0.1:${options.port}`, connectTimeout: 2_000 }).then(
      (connection) => connection.close().then(() => true),
      (error: unknown) => {
        if (exited || Date.now() > deadline) {
          if (!exited) child.kill('SIGKILL');
          throw new DevServerError(`The Temporal dev server on port ${options.port} never became ready: ${String(error)}. Its last output:\n${output.join('').slice(-4000)}`);
        }
        return false;
      },
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    address: `127.0.0.1:${options.port}`,
    ...(options.uiPort === undefined ? {} : { uiUrl: `http://127.0.0.1:${options.uiPort}` }),
    process: child,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitedPromise;
      clearTimeout(timeout);
    },
  };
}

export function isPortOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
