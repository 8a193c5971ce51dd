import type { Kysely } from 'kysely';
import { z } from 'zod';
import { caseNumberSchema, staffIdSchema } from '../domain/identifiers';
import { parseInput } from '../errors/parse-input';
import type { AccessDatabase } from './schema';

/** The doors case data leaves by: the JSON API, the browser pages (`dashboard`: the staff desk's case page) and the codec endpoint. */
export const READ_CHANNELS = ['api', 'dashboard', 'codec'] as const;
export type ReadChannel = (typeof READ_CHANNELS)[number];

/** A Temporal namespace name, as the Web UI and the `temporal` CLI send it in `X-Namespace`. */
export const namespaceSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/, 'expected a Temporal namespace name');

const caseReadSchema = z
  .object({
    actor: staffIdSchema,
    via: z.enum(READ_CHANNELS),
    route: z.string().regex(/^(GET|POST) \/[A-Za-z0-9/{}._-]*$/, 'expected a method and route pattern such as "GET /api/cases/{caseNumber}"'),
    caseNumber: caseNumberSchema.optional(),
    detail: z
      .object({ namespace: namespaceSchema.optional(), payloads: z.number().int().min(0).optional() })
      .strict()
      .default({}),
  })
  .strict();

/** One look at case data: who, through which door and route, and which case when the route names one. Identifiers only. */
export type CaseRead = z.input<typeof caseReadSchema>;

export interface RecordedCaseRead {
  seq: number;
  at: string;
  actor: string;
  via: ReadChannel;
  route: string;
  caseNumber: string | null;
  detail: { namespace?: string; payloads?: number };
}

/** An instant with or without an offset, kept as UTC ISO text so that it compares with the stored `at`. */
const instantSchema = z.iso.datetime({ offset: true, error: 'expected a date and time such as 2016-02-01T09:00:00Z' }).transform((value) => new Date(value).toISOString());

export const readFilterSchema = z
  .object({
    caseNumber: caseNumberSchema.optional(),
    actor: staffIdSchema.optional(),
    via: z.enum(READ_CHANNELS).optional(),
    since: instantSchema.optional(),
    until: instantSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict()
  .refine((filter) => filter.since === undefined || filter.until === undefined || filter.since <= filter.until, {
    message: 'must not be after until',
    path: ['since'],
  });
export type ReadFilter = z.input<typeof readFilterSchema>;

export interface ReadAuditSink {
  record(read: CaseRead): Promise<void>;
}

/**
 * Append-only record of who viewed or decoded case data, kept beside the API's audit of writes. A read
 * is recorded before its answer is sent, so data never leaves without its row.
 */
export class ReadAudit implements ReadAuditSink {
  constructor(
    private readonly db: Kysely<AccessDatabase>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(read: CaseRead): Promise<void> {
    const valid = parseInput(caseReadSchema, read, 'case read to audit');
    await this.db
      .insertInto('read_audit')
      .values({
        at: this.now().toISOString(),
        actor: valid.actor,
        via: valid.via,
        route: valid.route,
        case_number: valid.caseNumber ?? null,
        detail: JSON.stringify(valid.detail),
      })
      .execute();
  }

  /** Newest first. */
  async list(raw: ReadFilter = {}): Promise<RecordedCaseRead[]> {
    const filter = parseInput(readFilterSchema, raw, 'read audit filter');
    let query = this.db.selectFrom('read_audit').selectAll().orderBy('seq', 'desc').limit(filter.limit);
    if (filter.caseNumber !== undefined) query = query.where('case_number', '=', filter.caseNumber);
    if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
    if (filter.via !== undefined) query = query.where('via', '=', filter.via);
    if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
    if (filter.until !== undefined) query = query.where('at', '<=', filter.until);
    const rows = await query.execute();
    return rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      via: row.via,
      route: row.route,
      caseNumber: row.case_number,
      detail: JSON.parse(row.detail) as RecordedCaseRead['detail'],
    }));
  }
}
