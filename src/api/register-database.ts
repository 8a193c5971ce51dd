import path from 'node:path';
import type { DocketConfig } from '../config';
import type { OpenRegisterOptions } from '../store';

/** The register the activities write (same place as `createActivityDeps` opens it), which the API reads and adds its tables to. */
export function registerDatabaseOptions(config: Pick<DocketConfig, 'databaseUrl' | 'dataDir'>): OpenRegisterOptions {
  return config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqliteFile: path.join(config.dataDir, 'register.sqlite') };
}
