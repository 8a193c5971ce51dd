import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Owner only: the data directory holds the case register, the dev server's history and maybe the dev key. */
const DIRECTORY_MODE = 0o700;
const FILE_MODE = 0o600;

/**
 * Makes the engine's data private to the user running it, whoever created it: every file the process
 * or the dev server it starts creates from now on is owner-only (umask), and what an earlier version
 * left world-readable is tightened. Only the data directory's own entries are touched.
 */
export function keepDataPrivate(dataDir: string): void {
  process.umask(0o077);
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true, mode: DIRECTORY_MODE });
  chmodSync(dataDir, DIRECTORY_MODE);
  for (const entry of readdirSync(dataDir)) {
    const file = path.join(dataDir, entry);
    const stats = statSync(file);
    if (stats.isFile()) chmodSync(file, FILE_MODE);
    else if (stats.isDirectory()) chmodSync(file, DIRECTORY_MODE);
  }
}
