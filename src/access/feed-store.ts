import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { NotFoundError } from '../errors/docket-errors';
import { parseInput } from '../errors/parse-input';
import { officeSchema, staffIdSchema } from './roles';
import type { AccessDatabase, CalendarFeedTable } from './schema';
import { revokeOnce } from './revocation';
import { issueSecret, parseCredential, secretMatches } from './secrets';

const FEED_PREFIX = 'cal';

export const feedRequestSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('caseworker'), subject: staffIdSchema }),
  z.object({ scope: z.literal('office'), subject: officeSchema }),
]);
export type FeedRequest = z.infer<typeof feedRequestSchema>;

export interface FeedRecord {
  id: string;
  scope: 'caseworker' | 'office';
  subject: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

/**
 * Calendar feed URLs carry their own secret, because calendar apps cannot send a bearer token.
 * Whoever holds the URL can read the feed until it is revoked, so it is shown once and stored hashed.
 */
export class FeedStore {
  constructor(
    private readonly db: Kysely<AccessDatabase>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(request: FeedRequest, createdBy: string): Promise<{ secretPath: string; record: FeedRecord }> {
    const valid = parseInput(feedRequestSchema, request, 'calendar feed request');
    const secret = issueSecret(FEED_PREFIX);
    const row: Selectable<CalendarFeedTable> = {
      id: secret.id,
      secret_hash: secret.secretHash,
      scope: valid.scope,
      subject: valid.subject,
      created_at: this.now().toISOString(),
      created_by: createdBy,
      revoked_at: null,
      revoked_by: null,
    };
    await this.db.insertInto('calendar_feeds').values(row).execute();
    return { secretPath: `/calendar/${secret.credential}.ics`, record: toRecord(row) };
  }

  /** The feed a secret URL stands for, or undefined when it is unknown or revoked (both look alike to the caller). */
  async resolve(credential: string): Promise<FeedRecord | undefined> {
    const parts = parseCredential(FEED_PREFIX, credential);
    if (!parts) return undefined;
    const row = await this.db.selectFrom('calendar_feeds').selectAll().where('id', '=', parts.id).executeTakeFirst();
    if (!row || row.revoked_at !== null || !secretMatches(parts.secret, row.secret_hash)) return undefined;
    return toRecord(row);
  }

  async get(id: string): Promise<FeedRecord> {
    const row = await this.db.selectFrom('calendar_feeds').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`No calendar feed with id "${id}"`);
    return toRecord(row);
  }

  async list(): Promise<FeedRecord[]> {
    const rows = await this.db.selectFrom('calendar_feeds').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toRecord);
  }

  /**
   * Revokes every valid feed a staff member could still read through after leaving: the feed of their
   * own cases and every feed they created. Returns the ids revoked.
   */
  async revokeAllOf(staffId: string, revokedBy: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('calendar_feeds')
      .select('id')
      .where('revoked_at', 'is', null)
      .where((where) => where.or([where.and([where('scope', '=', 'caseworker'), where('subject', '=', staffId)]), where('created_by', '=', staffId)]))
      .orderBy('id')
      .execute();
    for (const row of rows) await revokeOnce(this.db, 'calendar_feeds', row.id, revokedBy, this.now());
    return rows.map((row) => row.id);
  }

  async revoke(id: string, revokedBy: string): Promise<FeedRecord> {
    await revokeOnce(this.db, 'calendar_feeds', id, revokedBy, this.now());
    return this.get(id);
  }
}

function toRecord(row: Selectable<CalendarFeedTable>): FeedRecord {
  return {
    id: row.id,
    scope: row.scope,
    subject: row.subject,
    createdAt: row.created_at,
    createdBy: row.created_by,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}
