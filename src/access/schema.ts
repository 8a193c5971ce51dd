import type { Generated } from 'kysely';

/**
 * The API's own tables, kept beside the case register in the same database but migrated separately
 * (their own migration table), so the register's migrations and these never collide.
 * Secrets are never stored: only their SHA-256, which is enough because every secret is 256 random bits.
 */
export interface AccessDatabase {
  api_tokens: ApiTokenTable;
  calendar_feeds: CalendarFeedTable;
  api_audit: ApiAuditTable;
  read_audit: ReadAuditTable;
  staff_passwords: StaffPasswordTable;
  staff_invitations: StaffInvitationTable;
  staff_sessions: StaffSessionTable;
  sign_in_throttle: SignInThrottleTable;
}

export interface ApiTokenTable {
  /** Public part of the token, shown in listings and used to revoke it. */
  id: string;
  secret_hash: string;
  staff_id: string;
  role: 'caseworker' | 'supervisor' | 'admin';
  office: string;
  label: string;
  created_at: string;
  created_by: string;
  /** ISO instant after which the token no longer authenticates. */
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface CalendarFeedTable {
  id: string;
  secret_hash: string;
  scope: 'caseworker' | 'office';
  /** The caseworker's staff id or the office code the feed covers. */
  subject: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface ApiAuditTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  /** Where the write came from: 'api', 'cli' or 'engine'. */
  via: string;
  action: string;
  target: string;
  outcome: 'ok' | 'rejected' | 'failed';
  /** JSON without personal data: identifiers, kinds, dates, reasons. */
  detail: string;
}

export interface ReadAuditTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  via: 'api' | 'dashboard' | 'codec';
  /** The route pattern, never the URL: `GET /api/cases/{caseNumber}`, `POST /codec/decode`. */
  route: string;
  /** Null where the reader cannot tell which case it was (the codec endpoint). */
  case_number: string | null;
  /** JSON of identifiers and counts only, such as the Temporal namespace and how many payloads were decoded. */
  detail: string;
}

/** A staff member's password, as a self-describing scrypt hash (see password-hash.ts); never the password. */
export interface StaffPasswordTable {
  staff_id: string;
  password_hash: string;
  set_at: string;
}

/** A one-time link that lets a staff member set their password: the first one (invite) or a new one (reset). */
export interface StaffInvitationTable {
  id: string;
  secret_hash: string;
  staff_id: string;
  purpose: 'invite' | 'reset';
  created_at: string;
  created_by: string;
  expires_at: string;
  used_at: string | null;
  /** Set when a newer link for the same person replaced this one, or when they were deactivated. */
  revoked_at: string | null;
}

/** A signed-in browser. The cookie holds the credential; the row only its hash. */
export interface StaffSessionTable {
  id: string;
  secret_hash: string;
  staff_id: string;
  created_at: string;
  last_seen_at: string;
  /** The absolute end: the session lasts no longer than this however busy it is. */
  expires_at: string;
}

/** Failed sign-ins per subject (`staff:<id>` or `address:<client address>`) in the current window, and any lock. */
export interface SignInThrottleTable {
  subject: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}
