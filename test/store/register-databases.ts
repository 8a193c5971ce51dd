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
  const withAdmin = async (statement: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    async create() {
      const database = `docket_t_${randomBytes(6).toString('hex')}`;
      await withAdmin(`create database ${database}`);
      const url = new URL(serverUrl);
      url.pathname = `/${database}`;
      return {
        options: { databaseUrl: url.toString() },
        drop: () => withAdmin(`drop database if exists ${database} with (force)`),
      };
    },
  };
}

export const TEST_DATABASES: TestDatabase[] = [
  sqlite,
  ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : []),
];
