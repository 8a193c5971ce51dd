import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { OpenRegisterOptions } from '../../src/store';

/**
 * The databases the register's tests run against: SQLite always, PostgreSQL when TEST_DATABASE_URL
 * is set (scripts/postgres.sh prints it; npm test sets it). Each call gives a fresh, empty database.
 */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  create(): Promise<{ options: OpenRegisterOptions; drop(): Promise<void> }>;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(path.join(tmpdir(), 'docket-register-'));
    return {
      options: { sqliteFile: path.join(dir, 'register.sqlite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

function postgres(serverUrl: string): TestDatabase {
  const withAdmin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  /**
   * A closed pool's server processes linger for a moment; forcing them out would make the server send
   * an error to a client that already hung up. Wait for them instead, then drop.
   */
  const dropWhenIdle = (database: string) =>
    withAdmin(async (client) => {
      for (let waited = 0; waited < 5_000; waited += 50) {
        const { rowCount } = await client.query('select 1 from pg_stat_activity where datname = $1', [database]);
        if (rowCount === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.query(`drop database if exists ${database}`);
    });
  return {
    name: 'postgres',
    async create() {
      const database = `docket_t_${randomBytes(6).toString('hex')}`;
      await withAdmin((client) => client.query(`create database ${database}`));
      const url = new URL(serverUrl);
      url.pathname = `/${database}`;
      return {
        options: { databaseUrl: url.toString() },
        drop: () => dropWhenIdle(database),
      };
    },
  };
}

export const TEST_DATABASES: TestDatabase[] = [
  sqlite,
  ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : []),
];
