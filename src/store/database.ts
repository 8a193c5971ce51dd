import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { Pool } from 'pg';
import { z } from 'zod';
import { registerMigrations } from './migrations';
import type { RegisterDatabase } from './schema';

import type { StoreDialect } from './dialect';

export type { StoreDialect };

export interface RegisterDatabaseHandle {
  db: Kysely<RegisterDatabase>;
  dialect: StoreDialect;
  /** Closes the pool or the file; the worker calls it on shutdown. */
  close(): Promise<void>;
}

const openOptionsSchema = z.union([
  z.object({
    databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL'),
  }),
  z.object({ sqliteFile: z.string().min(1, 'must name a file (or ":memory:")') }),
]);
export type OpenRegisterOptions = z.infer<typeof openOptionsSchema>;

/**
 * Opens the register: PostgreSQL when a connection URL is given, otherwise a SQLite file
 * (WAL mode, so the API can read while the worker writes). Migrations run before it is returned.
 */
export async function openRegisterDatabase(options: OpenRegisterOptions): Promise<RegisterDatabaseHandle> {
  const parsed = openOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new Error(`Cannot open the register: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  const handle = 'databaseUrl' in parsed.data ? openPostgres(parsed.data.databaseUrl) : openSqlite(parsed.data.sqliteFile);
  try {
    await migrateToLatest(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

function openPostgres(connectionString: string): RegisterDatabaseHandle {
  const pool = new Pool({ connectionString, max: 10 });
  // An idle connection the server drops (a restart, a failover) must not crash the worker: the pool
  // discards it and the next query connects again.
  pool.on('error', (error) => process.emitWarning(`register: an idle PostgreSQL connection failed and was discarded: ${error.message}`));
  const db = new Kysely<RegisterDatabase>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

function openSqlite(file: string): RegisterDatabaseHandle {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const database = new Sqlite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<RegisterDatabase>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Whether the register answers a query now: the readiness check of every engine process. */
export async function pingRegister(handle: Pick<RegisterDatabaseHandle, 'db'>): Promise<void> {
  await sql`select 1`.execute(handle.db);
}

async function migrateToLatest(handle: RegisterDatabaseHandle): Promise<void> {
  const migrator = new Migrator({ db: handle.db, provider: registerMigrations(handle.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Register migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
