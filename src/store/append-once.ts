import type { Insertable, Kysely } from 'kysely';
import { IdempotencyConflictError } from './errors';
import type { RegisterDatabase } from './schema';

type AppendOnlyTableName = 'case_events' | 'computed_deadlines' | 'deliveries' | 'delivery_failures' | 'outcomes' | 'outbox';

export interface AppendResult {
  /** False when an earlier attempt already wrote the same content under the same key. */
  inserted: boolean;
}

/**
 * Inserts a row unless its idempotency key is already there. The unique constraint decides, so
 * concurrent attempts (two workers, a retry racing a slow first attempt) still leave one row.
 */
export async function appendOnce<T extends AppendOnlyTableName>(
  db: Kysely<RegisterDatabase>,
  table: T,
  row: Insertable<RegisterDatabase[T]> & { idempotency_key: string; fingerprint: string },
): Promise<AppendResult> {
  // Kysely cannot narrow a generic table name; the row type above is what keeps callers honest.
  const anyTable = table as 'case_events';
  const result = await db
    .insertInto(anyTable)
    .values(row as unknown as Insertable<RegisterDatabase['case_events']>)
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) return { inserted: true };

  const existing = await db
    .selectFrom(anyTable)
    .select('fingerprint')
    .where('idempotency_key', '=', row.idempotency_key)
    .executeTakeFirstOrThrow();
  if (existing.fingerprint !== row.fingerprint) throw new IdempotencyConflictError(table, row.idempotency_key);
  return { inserted: false };
}
