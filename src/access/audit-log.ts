import type { Kysely } from 'kysely';
import type { AuditEntry, AuditSink } from './audit-entry';
import type { AccessDatabase } from './schema';

export interface RecordedAuditEntry extends Omit<AuditEntry, 'detail'> {
  seq: number;
  at: string;
  detail: Record<string, unknown>;
}

/** Append-only record of every write made through the API or the CLI, with who made it. */
export class AuditLog implements AuditSink {
  constructor(
    private readonly db: Kysely<AccessDatabase>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('api_audit')
      .values({
        at: this.now().toISOString(),
        actor: entry.actor,
        via: entry.via,
        action: entry.action,
        target: entry.target,
        outcome: entry.outcome,
        detail: JSON.stringify(entry.detail ?? {}),
      })
      .execute();
  }

  async list(filter: { target?: string; limit?: number } = {}): Promise<RecordedAuditEntry[]> {
    let query = this.db.selectFrom('api_audit').selectAll().orderBy('seq', 'desc').limit(filter.limit ?? 200);
    if (filter.target !== undefined) query = query.where('target', '=', filter.target);
    const rows = await query.execute();
    return rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      via: row.via as AuditEntry['via'],
      action: row.action,
      target: row.target,
      outcome: row.outcome,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
  }
}
