import type { Kysely } from 'kysely';
import { CaseRegister, StaffDirectory, type RegisterDatabaseHandle } from '../store';
import { AuditLog } from './audit-log';
import { AuditTrail } from './audit-trail';
import { FeedStore } from './feed-store';
import { migrateAccessTables } from './migrations';
import { ReadAudit } from './read-audit';
import type { AccessDatabase } from './schema';
import { SignInThrottle } from './sign-in-throttle';
import { InvitationStore } from './staff-invitations';
import { PasswordStore } from './staff-passwords';
import { SessionStore } from './staff-sessions';
import { TokenStore } from './token-store';

export interface AccessStore {
  tokens: TokenStore;
  feeds: FeedStore;
  audit: AuditLog;
  /** The access log merged with the commands the cases recorded themselves: what admins read as the audit. */
  trail: AuditTrail;
  /** Who viewed or decoded which case. */
  reads: ReadAudit;
  /** Who the tokens stand for; read at every request, so a deactivation takes effect at once. */
  staff: StaffDirectory;
  /** Staff sign-in to the browser pages: passwords, the one-time links that set them, sessions, and the lock on guessing. */
  passwords: PasswordStore;
  invitations: InvitationStore;
  sessions: SessionStore;
  throttle: SignInThrottle;
}

export interface AccessStoreOptions {
  now?: () => Date;
  /** Lifetime of a token whose issuer names none (DOCKET_TOKEN_LIFETIME_DAYS). */
  tokenLifetimeDays?: number;
}

/** Migrates the API's tables in the register's database (where the staff directory lives) and returns their stores. */
export async function openAccessStore(register: Pick<RegisterDatabaseHandle, 'db' | 'dialect'>, options: AccessStoreOptions = {}): Promise<AccessStore> {
  await migrateAccessTables(register.db as Kysely<unknown>, register.dialect);
  const access = register.db as unknown as Kysely<AccessDatabase>;
  const staff = new StaffDirectory(register.db, options.now);
  const audit = new AuditLog(access, options.now);
  return {
    tokens: new TokenStore(access, staff, {
      ...(options.now ? { now: options.now } : {}),
      ...(options.tokenLifetimeDays !== undefined ? { defaultLifetimeDays: options.tokenLifetimeDays } : {}),
    }),
    feeds: new FeedStore(access, options.now),
    audit,
    trail: new AuditTrail(audit, new CaseRegister(register.db, options.now)),
    reads: new ReadAudit(access, options.now),
    staff,
    passwords: new PasswordStore(access, options.now),
    invitations: new InvitationStore(access, options.now),
    sessions: new SessionStore(access, staff, options.now),
    throttle: new SignInThrottle(access, options.now),
  };
}

export type { AuditLog } from './audit-log';
export type { AuditTrail, AuditTrailEntry } from './audit-trail';
export type { CaseRead, ReadAudit, ReadAuditSink, RecordedCaseRead } from './read-audit';
export type { FeedRecord, FeedRequest, FeedStore } from './feed-store';
export type { Principal, Role } from './roles';
export type { TokenRecord, TokenRequest, TokenStore } from './token-store';
