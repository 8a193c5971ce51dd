import type { Kysely } from 'kysely';
import type { AuditEntry, AuditSink } from './audit-entry';
import { operatingSystemUser } from './operating-system-user';
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

  /**
   * An entry written by the CLI also names the operating-system user who ran it, in `detail.osUser`: the
   * CLI holds the engine's keys, so `--as` is only a claim. It sits in `detail`, not a column of its own,
   * because only CLI entries have one, and admins reading the audit see it at once with no new migration.
   */
  async record(entry: AuditEntry): Promise<void> {
    const detail = entry.via === 'cli' ? { ...entry.detail, osUser: operatingSystemUser() } : (entry.detail ?? {});
    await this.db
      .insertInto('api_audit')
      .values({
        at: this.now().toISOString(),
        actor: entry.actor,
        via: entry.via,
        action: entry.action,
        target: entry.target,
        outcome: entry.outcome,
        detail: JSON.stringify(detail),
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
