import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const RESULTS_DIR = path.resolve(__dirname, '..', 'results');

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  temporalCli: string;
}

export function describeMachine(temporalCliPath: string): Machine {
  let temporalCli = 'unknown';
  try {
    temporalCli = execFileSync(temporalCliPath, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // Reported as unknown: the figures are still worth having.
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    temporalCli,
  };
}

export function machineLine(machine: Machine): string {
  return `${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.temporalCli}`;
}

/** A plain text table: the first row is the header. */
export function renderTable(rows: ReadonlyArray<readonly string[]>): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: readonly string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const [header, ...body] = rows;
  return [line(header ?? []), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

/** Writes `bench/results/<name>.json` (git-ignored) and returns its path. */
export function writeResults(name: string, results: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

export function formatNumber(value: number | undefined, digits = 0): string {
  return value === undefined ? 'n/a' : value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatMs(value: number | undefined): string {
  if (value === undefined) return 'n/a';
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

export function formatBytes(value: number | undefined): string {
  if (value === undefined) return 'n/a';
  if (Math.abs(value) >= 2 ** 20) return `${(value / 2 ** 20).toFixed(1)} MiB`;
  if (Math.abs(value) >= 2 ** 10) return `${(value / 2 ** 10).toFixed(1)} KiB`;
  return `${Math.round(value)} B`;
}
