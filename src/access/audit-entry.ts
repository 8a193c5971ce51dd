/** One write, who made it and how it ended. Identifiers and kinds only: no personal data. */
export interface AuditEntry {
  actor: string;
  /** Where the write came from. A 'cli' entry is recorded with the operating-system user as well (see AuditLog). */
  via: 'api' | 'cli' | 'engine';
  action: string;
  target: string;
  outcome: 'ok' | 'rejected' | 'failed';
  detail?: Record<string, unknown>;
}

export interface AuditSink {
  record(entry: AuditEntry): Promise<void>;
}
