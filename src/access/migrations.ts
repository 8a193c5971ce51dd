import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { refuseUpdatesAndDeletes } from '../store/append-only-triggers';
import type { StoreDialect } from '../store/dialect';
import type { AccessDatabase } from './schema';
import { DEFAULT_TOKEN_LIFETIME_DAYS } from '../config/token-lifetime';

/** Never edit a migration that has shipped: add a new one. */
function accessMigrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001-access': {
      up: async (db: Kysely<unknown>) => {
        await db.schema
          .createTable('api_tokens')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('secret_hash', 'text', (col) => col.notNull().unique())
          .addColumn('staff_id', 'text', (col) => col.notNull())
          .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('caseworker', 'supervisor', 'admin')`))
          .addColumn('office', 'text', (col) => col.notNull())
          .addColumn('label', 'text', (col) => col.notNull())
          .addColumn('created_at', 'text', (col) => col.notNull())
          .addColumn('created_by', 'text', (col) => col.notNull())
          .addColumn('revoked_at', 'text')
          .addColumn('revoked_by', 'text')
          .execute();
        await db.schema
          .createTable('calendar_feeds')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('secret_hash', 'text', (col) => col.notNull().unique())
          .addColumn('scope', 'text', (col) => col.notNull().check(sql`scope in ('caseworker', 'office')`))
          .addColumn('subject', 'text', (col) => col.notNull())
          .addColumn('created_at', 'text', (col) => col.notNull())
          .addColumn('created_by', 'text', (col) => col.notNull())
          .addColumn('revoked_at', 'text')
          .addColumn('revoked_by', 'text')
          .execute();
        await db.schema
          .createTable('api_audit')
          .addColumn('seq', dialect === 'postgres' ? 'serial' : 'integer', (col) =>
            dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
          )
          .addColumn('at', 'text', (col) => col.notNull())
          .addColumn('actor', 'text', (col) => col.notNull())
          .addColumn('via', 'text', (col) => col.notNull())
          .addColumn('action', 'text', (col) => col.notNull())
          .addColumn('target', 'text', (col) => col.notNull())
          .addColumn('outcome', 'text', (col) => col.notNull().check(sql`outcome in ('ok', 'rejected', 'failed')`))
          .addColumn('detail', 'text', (col) => col.notNull())
          .execute();
        await db.schema.createIndex('api_audit_by_target').on('api_audit').columns(['target', 'seq']).execute();
      },
    },
    '0002-token-expiry': {
      up: async (db: Kysely<unknown>) => {
        await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
        // Tokens issued before expiry existed get the default lifetime from their issue, so the oldest lapse first.
        const tokens = db as unknown as Kysely<AccessDatabase>;
        const issued = await tokens.selectFrom('api_tokens').select(['id', 'created_at']).execute();
        for (const token of issued) {
          const expiresAt = new Date(Date.parse(token.created_at) + DEFAULT_TOKEN_LIFETIME_DAYS * 24 * 60 * 60 * 1000).toISOString();
          await tokens.updateTable('api_tokens').set({ expires_at: expiresAt }).where('id', '=', token.id).execute();
        }
      },
    },
    // The API's audit is evidence like the register: the database refuses to rewrite or delete it.
    '0003-api-audit-append-only': {
      up: (db: Kysely<unknown>) => refuseUpdatesAndDeletes(db, dialect, ['api_audit']),
    },
    // Who looked at which case, through which door; identifiers only, never what they saw.
    '0004-read-audit': {
      up: async (db: Kysely<unknown>) => {
        await db.schema
          .createTable('read_audit')
          .addColumn('seq', dialect === 'postgres' ? 'serial' : 'integer', (col) =>
            dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
          )
          .addColumn('at', 'text', (col) => col.notNull())
          .addColumn('actor', 'text', (col) => col.notNull())
          .addColumn('via', 'text', (col) => col.notNull().check(sql`via in ('api', 'dashboard', 'codec')`))
          .addColumn('route', 'text', (col) => col.notNull())
          .addColumn('case_number', 'text')
          .addColumn('detail', 'text', (col) => col.notNull())
          .execute();
        await db.schema.createIndex('read_audit_by_case').on('read_audit').columns(['case_number', 'seq']).execute();
        await db.schema.createIndex('read_audit_by_actor').on('read_audit').columns(['actor', 'seq']).execute();
        await refuseUpdatesAndDeletes(db, dialect, ['read_audit']);
      },
    },
    // Staff sign in to the browser pages with a password (issue 14): its hash, the one-time links that set
    // it, server-side sessions, and the count of failed sign-ins that locks guessing out.
    '0005-staff-sign-in': {
      up: async (db: Kysely<unknown>) => {
        await db.schema
          .createTable('staff_passwords')
          .addColumn('staff_id', 'text', (col) => col.primaryKey())
          .addColumn('password_hash', 'text', (col) => col.notNull())
          .addColumn('set_at', 'text', (col) => col.notNull())
          .execute();
        await db.schema
          .createTable('staff_invitations')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('secret_hash', 'text', (col) => col.notNull().unique())
          .addColumn('staff_id', 'text', (col) => col.notNull())
          .addColumn('purpose', 'text', (col) => col.notNull().check(sql`purpose in ('invite', 'reset')`))
          .addColumn('created_at', 'text', (col) => col.notNull())
          .addColumn('created_by', 'text', (col) => col.notNull())
          .addColumn('expires_at', 'text', (col) => col.notNull())
          .addColumn('used_at', 'text')
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema.createIndex('staff_invitations_by_staff').on('staff_invitations').column('staff_id').execute();
        await db.schema
          .createTable('staff_sessions')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('secret_hash', 'text', (col) => col.notNull().unique())
          .addColumn('staff_id', 'text', (col) => col.notNull())
          .addColumn('created_at', 'text', (col) => col.notNull())
          .addColumn('last_seen_at', 'text', (col) => col.notNull())
          .addColumn('expires_at', 'text', (col) => col.notNull())
          .execute();
        await db.schema.createIndex('staff_sessions_by_staff').on('staff_sessions').column('staff_id').execute();
        await db.schema
          .createTable('sign_in_throttle')
          .addColumn('subject', 'text', (col) => col.primaryKey())
          .addColumn('failures', 'integer', (col) => col.notNull())
          .addColumn('window_started_at', 'text', (col) => col.notNull())
          .addColumn('locked_until', 'text')
          .execute();
      },
    },
  };
}

export async function migrateAccessTables(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const migrations = accessMigrations(dialect);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'api_migration',
    migrationLockTableName: 'api_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`API migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
