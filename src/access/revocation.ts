import type { Kysely } from 'kysely';
import type { AccessDatabase } from './schema';

/** Revokes a token or feed by its public id. Revoking twice is harmless and keeps the first revocation's time and actor. */
export async function revokeOnce(
  db: Kysely<AccessDatabase>,
  table: 'api_tokens' | 'calendar_feeds',
  id: string,
  revokedBy: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable(table)
    .set({ revoked_at: at.toISOString(), revoked_by: revokedBy })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
