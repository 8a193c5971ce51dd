/**
 * `npx tsx bench/large-bodies.ts`: how much large request bodies to the codec endpoint slow the rest of
 * the API (issue 13 item 4). The HTTP API with its codec endpoints runs in this process, as `npm start`
 * runs it beside the worker, on a register in a fresh temporary directory; the uploading clients run in
 * a child process (bench/support/upload-flood.ts), so that their work is not counted against the server.
 * `/health` is timed while idle
 * (the baseline), then while clients keep posting large bodies to `/codec/decode`: first without a
 * token (every one should be refused before its body is read), then with a supervisor's token (bodies
 * that are read and decoded, where only the concurrency limit protects the rest).
 * Options: --clients N (parallel uploads, 12), --megabytes N (body size, 7.6), --probes N (`/health`
 * requests per phase, 100). Prints a table and writes bench/results/large-bodies.json.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openAccess } from '../src/access/open-access';
import { buildApiServer } from '../src/api/server';
import { EncryptionCodec } from '../src/codec/encryption-codec';
import { generateKeyMaterial, parseKeyRingSpec } from '../src/codec/key-ring';
import { createLogger } from '../src/logging';
import { renderTable, writeResults } from './support/report';
import { distribution, ratio, type Distribution } from './support/stats';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '12' },
    megabytes: { type: 'string', default: '7.6' },
    probes: { type: 'string', default: '100' },
  },
});
const options = z
  .object({
    clients: z.coerce.number().int().min(1).max(200),
    megabytes: z.coerce.number().min(0.1).max(7.9),
    probes: z.coerce.number().int().min(10).max(10_000),
  })
  .parse(values);

const FLOOD = path.join(__dirname, 'support', 'upload-flood.ts');

/** Starts the uploads in a child process; `stop()` ends them and returns how many got each answer. */
function startFlood(port: number, token: string | undefined) {
  const child = fork(FLOOD, [String(port), String(options.clients), String(options.megabytes)], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...(token ? { FLOOD_TOKEN: token } : {}) },
  });
  const finished = new Promise<{ answers: Record<string, number>; bodyBytes: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { answers: Record<string, number>; bodyBytes: number }));
    child.once('exit', (code) => reject(new Error(`the upload clients exited with code ${code} before reporting`)));
  });
  return {
    stop: () => {
      child.send('stop');
      return finished;
    },
  };
}

async function probeHealth(baseUrl: string): Promise<number[]> {
  const times: number[] = [];
  for (let probe = 0; probe < options.probes; probe += 1) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/health`);
    await response.text();
    times.push(performance.now() - started);
  }
  return times;
}

/** `/health` timed while the uploads run, which start a moment before so that they are in full swing. */
async function healthDuring(baseUrl: string, port: number, token: string | undefined) {
  const flood = startFlood(port, token);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const health = distribution(await probeHealth(baseUrl));
  const { answers, bodyBytes } = await flood.stop();
  return { health, answers, bodyBytes };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'docket-bench-bodies-'));
  const { handle, access } = await openAccess({ dataDir });
  const keyId = 'bench';
  const app = await buildApiServer({
    access,
    logger: createLogger('error'),
    publicUrl: 'http://127.0.0.1',
    codec: { codec: new EncryptionCodec(parseKeyRingSpec(`${keyId}:${generateKeyMaterial()}`, keyId)), corsOrigins: [] },
  });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const baseUrl = `http://127.0.0.1:${port}`;
    await access.staff.upsert({ id: 'sv-bench', displayName: 'Bench supervisor', language: 'en', role: 'supervisor', office: 'bench-1' });
    const { token } = await access.tokens.issue({ staffId: 'sv-bench', label: 'bench' }, 'bench');

    await probeHealth(baseUrl); // warm-up
    const idle = distribution(await probeHealth(baseUrl));
    const unauthenticated = await healthDuring(baseUrl, port, undefined);
    const authorized = await healthDuring(baseUrl, port, token);

    const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);
    const row = (name: string, measured: Distribution, statuses: string) => [
      name,
      ms(measured.p50),
      ms(measured.p95),
      `${ratio(measured.p50, idle.p50) ?? 'n/a'}x`,
      `${ratio(measured.p95, idle.p95) ?? 'n/a'}x`,
      statuses,
    ];
    const describe = (answers: Record<string, number>) =>
      Object.entries(answers)
        .map(([status, count]) => `${count} x ${status}`)
        .join(', ');
    const mb = `${options.megabytes} MB`;
    process.stdout.write(
      `${renderTable([
        ['/health while', 'p50', 'p95', 'p50 / idle', 'p95 / idle', 'uploads answered'],
        row('idle (baseline)', idle, ''),
        row(`${options.clients} x ${mb} without a token`, unauthenticated.health, describe(unauthenticated.answers)),
        row(`${options.clients} x ${mb} with a supervisor token`, authorized.health, describe(authorized.answers)),
      ])}\n`,
    );
    const file = writeResults('large-bodies', { options, idle, unauthenticated, authorized });
    process.stdout.write(`\nresults in ${file}\n`);
  } finally {
    await app.close();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
