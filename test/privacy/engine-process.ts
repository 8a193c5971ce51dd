import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyMaterial, parseKeyRingSpec, type KeyRing } from '../../src/codec/key-ring';
import { startOnFreePorts } from '../support/free-port';
import { TEMPORAL_CLI } from '../support/temporal-env';

const ROOT = path.resolve(__dirname, '..', '..');
const KEY_ID = 'privacy-test';
const STARTUP_TIMEOUT_MS = 120_000;

/**
 * `npm start` in a process of its own, from the sources: its dev server on a SQLite file, its worker
 * with the SDK's logs routed through the engine's logger, its API with the codec endpoints, and the
 * Web UI pointed at them. Its own process because the SDK's logger can be installed once per process,
 * and jest's setup has already installed one in the test's.
 */
export interface EngineProcess {
  dataDir: string;
  temporalAddress: string;
  apiUrl: string;
  webUiUrl: string;
  keyRing: KeyRing;
  /** Everything the engine wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** The test's environment without anything that would point the engine at other servers, keys or databases. */
function isolatedEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(DOCKET_|TEMPORAL_|API_|DATABASE_URL$|SMTP_)/.test(name)),
  );
}

/** On free ports, tried again on others when one was taken in the meantime. */
export function startEngineProcess(): Promise<EngineProcess> {
  return startOnFreePorts(['temporal', 'ui', 'api'], startEngineProcessOn);
}

async function startEngineProcessOn(ports: Record<'temporal' | 'ui' | 'api', number>): Promise<EngineProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'docket-privacy-'));
  const keys = `${KEY_ID}:${generateKeyMaterial()}`;
  const child: ChildProcess = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...isolatedEnvironment(),
      DOCKET_DATA_DIR: dataDir,
      DOCKET_LOG_LEVEL: 'debug',
      DOCKET_ENCRYPTION_KEYS: keys,
      DOCKET_ENCRYPTION_KEY_ID: KEY_ID,
      DOCKET_APPLICANT_INDEX_KEY: generateKeyMaterial(),
      TEMPORAL_CLI_PATH: TEMPORAL_CLI,
      TEMPORAL_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.ui),
      API_PORT: String(ports.api),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!output.includes('asylum-docket is running')) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the engine did not come up:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    dataDir,
    temporalAddress: `127.0.0.1:${ports.temporal}`,
    apiUrl: `http://127.0.0.1:${ports.api}`,
    webUiUrl: `http://127.0.0.1:${ports.ui}`,
    keyRing: parseKeyRingSpec(keys, KEY_ID),
    output: () => output,
    stop,
  };
}
