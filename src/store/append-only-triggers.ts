import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from './dialect';

/**
 * The PostgreSQL trigger function every append-only table calls. The register's first migration
 * creates it; tables migrated later in the same database (the API's audit) use it as it is.
 */
export const REFUSE_CHANGE_FUNCTION = 'docket_refuse_change';

export async function createRefuseChangeFunction(db: Kysely<unknown>): Promise<void> {
  await sql`
      create function ${sql.raw(REFUSE_CHANGE_FUNCTION)}() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: rows cannot be updated or deleted', tg_table_name;
      end
      $$`.execute(db);
}

/**
 * Records are evidence: the database itself refuses to rewrite or delete them, whoever asks, with
 * "<table> is append-only" as the reason. On PostgreSQL the function above must exist.
 */
export async function refuseUpdatesAndDeletes(db: Kysely<unknown>, dialect: StoreDialect, tables: readonly string[]): Promise<void> {
  if (dialect === 'postgres') {
    for (const table of tables) {
      await sql`
        create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function ${sql.raw(REFUSE_CHANGE_FUNCTION)}()`.execute(db);
    }
    return;
  }
  for (const table of tables) {
    for (const operation of ['update', 'delete'] as const) {
      await sql`
        create trigger ${sql.raw(`${table}_no_${operation}`)} before ${sql.raw(operation)} on ${sql.table(table)}
        begin
          select raise(abort, ${sql.lit(`${table} is append-only: rows cannot be updated or deleted`)});
        end`.execute(db);
    }
  }
}
