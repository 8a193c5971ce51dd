import path from 'node:path';
import type { DocketConfig } from '../config';
import type { OpenRegisterOptions } from './database';

/** Where the case register lives: PostgreSQL when `DATABASE_URL` is set, else `<data dir>/register.sqlite`. */
export function registerLocation(config: Pick<DocketConfig, 'databaseUrl' | 'dataDir'>): OpenRegisterOptions {
  return config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqliteFile: path.join(config.dataDir, 'register.sqlite') };
}
