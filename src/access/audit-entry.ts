/** One write, who made it and how it ended. Identifiers and kinds only: no personal data. */
export interface AuditEntry {
  actor: string;
  via: 'api' | 'cli' | 'engine';
  action: string;
  target: string;
  outcome: 'ok' | 'rejected' | 'failed';
  detail?: Record<string, unknown>;
}

export interface AuditSink {
  record(entry: AuditEntry): Promise<void>;
}
