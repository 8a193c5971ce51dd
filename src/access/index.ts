import type { Kysely } from 'kysely';
import { AuditLog } from './audit-log';
import { FeedStore } from './feed-store';
import type { StoreDialect } from '../store/dialect';
import { migrateAccessTables } from './migrations';
import type { AccessDatabase } from './schema';
import { TokenStore } from './token-store';

export interface AccessStore {
  tokens: TokenStore;
  feeds: FeedStore;
  audit: AuditLog;
}

/** Migrates the API's tables in the register's database and returns their stores. */
export async function openAccessStore(db: Kysely<unknown>, dialect: StoreDialect, now?: () => Date): Promise<AccessStore> {
  await migrateAccessTables(db, dialect);
  const access = db as Kysely<AccessDatabase>;
  return { tokens: new TokenStore(access, now), feeds: new FeedStore(access, now), audit: new AuditLog(access, now) };
}

export type { AuditLog } from './audit-log';
export type { FeedRecord, FeedRequest, FeedStore } from './feed-store';
export type { Principal, Role } from './roles';
export type { TokenRecord, TokenRequest, TokenStore } from './token-store';
