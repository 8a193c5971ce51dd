import { DocketError } from '../errors/docket-errors';
import type { AuditEntry, AuditSink } from './audit-entry';

/**
 * Runs a grant of access (issuing a token, say) and, when it is refused, audits the refusal before
 * passing it on: an attempt to give oneself access is worth knowing about. The audit names the kind of
 * refusal, never the request's text.
 */
export async function auditedGrant<T>(audit: AuditSink, entry: Omit<AuditEntry, 'outcome' | 'detail'>, grant: () => Promise<T>): Promise<T> {
  try {
    return await grant();
  } catch (error) {
    if (error instanceof DocketError) await audit.record({ ...entry, outcome: 'rejected', detail: { refusal: error.kind } });
    throw error;
  }
}
