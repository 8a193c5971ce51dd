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
