import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appendOnce, type AppendResult } from './append-once';
import { fingerprint } from './fingerprint';
import { parseInput } from './parse-input';
import type { RegisterDatabase } from './schema';

const outboxMessageSchema = z.object({
  idempotencyKey: z.string().min(1).max(300),
  messageId: z.string().min(1),
  recipientId: z.string().min(1),
  language: z.enum(['ru', 'en']),
  subject: z.string().min(1).max(300),
  body: z.string().min(1),
  caseNumber: z.string().min(1).max(64),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
export type OutboxEntry = OutboxMessage & { seq: number; createdAt: string };

/** Rendered messages kept in the register: the channel when no SMTP server is configured, read by the dashboard. */
export class Outbox {
  constructor(
    private readonly db: Kysely<RegisterDatabase>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  put(message: OutboxMessage): Promise<AppendResult> {
    const valid = parseInput(outboxMessageSchema, message, 'outbox message');
    return appendOnce(this.db, 'outbox', {
      idempotency_key: valid.idempotencyKey,
      fingerprint: fingerprint(valid),
      message_id: valid.messageId,
      recipient_id: valid.recipientId,
      language: valid.language,
      subject: valid.subject,
      body: valid.body,
      case_number: valid.caseNumber,
      created_at: this.now().toISOString(),
    });
  }

  /** Newest first. */
  async list(filter: { recipientId?: string; caseNumber?: string; limit?: number } = {}): Promise<OutboxEntry[]> {
    let query = this.db
      .selectFrom('outbox')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(filter.limit ?? 100);
    if (filter.recipientId !== undefined) query = query.where('recipient_id', '=', filter.recipientId);
    if (filter.caseNumber !== undefined) query = query.where('case_number', '=', filter.caseNumber);
    const rows = await query.execute();
    return rows.map((row) => ({
      seq: row.seq,
      idempotencyKey: row.idempotency_key,
      messageId: row.message_id,
      recipientId: row.recipient_id,
      language: row.language,
      subject: row.subject,
      body: row.body,
      caseNumber: row.case_number,
      createdAt: row.created_at,
    }));
  }
}
