import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startApiServer, type RunningApiServer } from '../../src/api';
import type { CaseClient } from '../../src/client/case-client';
import { configuredKeyRing } from '../../src/codec/configured-key-ring';
import { createDataConverter } from '../../src/codec/data-converter';
import { loadConfig, type DocketConfig } from '../../src/config';
import { createLogger } from '../../src/logging';
import { openRegisterDatabase, StaffDirectory, type RegisterDatabaseHandle } from '../../src/store';
import { connectionOptions } from '../../src/temporal/connection-options';
import { startDevServer, type RunningDevServer } from '../../src/temporal/dev-server';
import { holdPort, startOnFreePorts } from '../../test/support/free-port';
import { startWorkerProcess, type WorkerHandle } from './worker-handle';

export const OFFICES = ['msk-1', 'msk-2', 'spb-1', 'kzn-1'] as const;
export const CASEWORKERS = Array.from({ length: 12 }, (_, index) => `cw-bench-${String(index).padStart(2, '0')}`);
const SUPERVISOR = 'sv-bench';
const STACK_PORTS = ['temporal', 'ui', 'api'] as const;

export interface StackOptions {
  /** Sticky cache size of the worker: the cases (and baseline workflows) it keeps in memory. */
  maxCachedWorkflows: number;
  /** Reminders go by e-mail to this server; to the outbox table when absent. */
  smtpUrl?: string;
  /** Where the run's data directory (Temporal's and the register's SQLite files) is made; the system's temp dir by default. */
  parentDir?: string;
}

/**
 * The engine as `npm start` runs it (src/engine.ts), taken apart so each part can be measured or
 * broken on its own: the Temporal dev server on a SQLite file, the case worker in a child process,
 * and the HTTP API with its case client in this process; all on loopback ports, in a fresh data
 * directory that `stop()` removes.
 */
export class BenchStack {
  private serial = 0;

  private constructor(
    readonly dataDir: string,
    readonly env: NodeJS.ProcessEnv,
    readonly config: DocketConfig,
    private devServer: RunningDevServer,
    private readonly connection: Connection,
    readonly client: Client,
    readonly register: RegisterDatabaseHandle,
    readonly api: RunningApiServer,
    readonly supervisorToken: string,
    private currentWorker: WorkerHandle | undefined,
    private readonly options: StackOptions,
  ) {}

  /** On loopback ports that were free; started again on others if one was taken in the meantime. */
  static start(options: StackOptions): Promise<BenchStack> {
    return startOnFreePorts(STACK_PORTS, (ports) => BenchStack.startOn(ports, options));
  }

  private static async startOn(
    { temporal: temporalPort, ui: uiPort, api: apiPort }: Record<(typeof STACK_PORTS)[number], number>,
    options: StackOptions,
  ): Promise<BenchStack> {
    const dataDir = mkdtempSync(path.join(options.parentDir ?? os.tmpdir(), 'docket-bench-'));
    const cleanup: Array<() => Promise<void>> = [async () => rmSync(dataDir, { recursive: true, force: true })];
    const unwind = async () => {
      for (const step of cleanup.reverse()) await step().catch(() => undefined);
    };
    try {
      // Only what the engine reads, so a DATABASE_URL or key in the caller's shell cannot leak in.
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DOCKET_DATA_DIR: dataDir,
        DOCKET_LOG_LEVEL: 'warn',
        TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
        TEMPORAL_TASK_QUEUE: 'asylum-docket-bench',
        TEMPORAL_UI_PORT: String(uiPort),
        API_HOST: '127.0.0.1',
        API_PORT: String(apiPort),
        ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl, SMTP_FROM: 'asylum-docket bench <docket@bench.invalid>' } : {}),
      };
      const config = loadConfig(env);
      const logger = createLogger('warn');
      const devServer = await startDevServer(devServerOptions(config, dataDir, temporalPort, uiPort));
      cleanup.push(() => devServer.stop());

      const connection = await Connection.connect(connectionOptions(config.temporal));
      cleanup.push(() => connection.close());
      const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter: createDataConverter(configuredKeyRing(config)) });
      const register = await openRegisterDatabase({ sqliteFile: path.join(dataDir, 'register.sqlite') });
      cleanup.push(() => register.close());
      await seedStaff(new StaffDirectory(register.db), Boolean(options.smtpUrl));
      const api = await startApiServer({ config, temporalClient: client, logger });
      cleanup.push(() => api.close());
      const { token } = await api.access.tokens.issue({ staffId: SUPERVISOR, label: 'benchmark' }, 'bench');
      const worker = await startWorkerProcess(env, options.maxCachedWorkflows);
      return new BenchStack(dataDir, env, config, devServer, connection, client, register, api, token, worker, options);
    } catch (error) {
      await unwind();
      throw error;
    }
  }

  get cases(): CaseClient {
    return this.api.cases;
  }

  get worker(): WorkerHandle {
    if (!this.currentWorker) throw new Error('the worker process is not running');
    return this.currentWorker;
  }

  /** Case numbers never used before in this stack: invented serials, no personal data. */
  nextCaseNumbers(count: number): string[] {
    const first = this.serial;
    this.serial += count;
    if (this.serial > 999_999) throw new Error('more than 999,999 cases in one run');
    return Array.from({ length: count }, (_, index) => `RU-TA-2026-${String(first + index).padStart(6, '0')}`);
  }

  async killWorker(): Promise<void> {
    await this.currentWorker?.kill();
    this.currentWorker = undefined;
  }

  async startWorker(): Promise<WorkerHandle> {
    if (this.currentWorker) throw new Error('a worker process is already running');
    this.currentWorker = await startWorkerProcess(this.env, this.options.maxCachedWorkflows);
    return this.currentWorker;
  }

  /**
   * Stops the dev server (SIGTERM) and starts it again on the same SQLite file and ports, where the
   * worker and the clients reconnect; the ports are held meanwhile so that nothing else takes them.
   */
  async restartDevServer(downMs = 0): Promise<void> {
    await this.devServer.stop();
    const port = Number(this.config.temporal.address.split(':')[1]);
    const holds = [await holdPort(port), await holdPort(this.config.devServer.uiPort)];
    if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
    for (const hold of holds) await hold.release();
    this.devServer = await startDevServer(devServerOptions(this.config, this.dataDir, port, this.config.devServer.uiPort));
  }

  async stop(): Promise<void> {
    const steps = [
      () => this.currentWorker?.stop(),
      () => this.api.close(),
      () => this.register.close(),
      () => this.connection.close(),
      () => this.devServer.stop(),
      async () => rmSync(this.dataDir, { recursive: true, force: true }),
    ];
    for (const step of steps) await Promise.resolve(step()).catch(() => undefined);
    this.currentWorker = undefined;
  }
}

function devServerOptions(config: DocketConfig, dataDir: string, port: number, uiPort: number) {
  return { cliPath: config.devServer.cliPath, dbFile: path.join(dataDir, 'temporal.sqlite'), port, uiPort, namespace: config.temporal.namespace };
}

/** Reminders need an active caseworker; escalations a supervisor of the office. */
async function seedStaff(staff: StaffDirectory, withEmail: boolean): Promise<void> {
  for (const [index, id] of CASEWORKERS.entries()) {
    const office = OFFICES[index % OFFICES.length] as string;
    await staff.upsert({ id, displayName: `Caseworker ${index}`, role: 'caseworker', office, language: 'en', ...(withEmail ? { email: `${id}@bench.invalid` } : {}) });
  }
  // The supervisor the benchmark's API token stands for.
  await staff.upsert({ id: SUPERVISOR, displayName: 'Benchmark supervisor', role: 'supervisor', office: OFFICES[0] as string, language: 'en' });
  for (const office of OFFICES) {
    const id = `sv-${office}`;
    await staff.upsert({ id, displayName: `Supervisor ${office}`, role: 'supervisor', office, language: 'en', ...(withEmail ? { email: `${id}@bench.invalid` } : {}) });
  }
}
