import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { textIn } from '../rules/localized-text';
import type { ComputedDeadline, DeadlineRequest } from '../rules/types';
import { versionName } from '../rules/rule-data-version';
import { appendOnce, type AppendResult } from './append-once';
import { timeRegisterWrite } from '../metrics';
import { fingerprint } from './fingerprint';
import { OUTCOMES } from './outcomes';
import { parseInput } from './parse-input';
import { assertNoPersonalData } from './personal-data';
import type { DeliveryFailureTable, DeliveryTable, RegisterDatabase } from './schema';


const identifier = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{N}._:/@+-]+$/u, 'must be letters, digits and . _ : / @ + - only');
const caseFields = {
  idempotencyKey: z.string().min(1).max(300).regex(/^\S+$/, 'must have no spaces'),
  caseId: identifier,
  caseNumber: z.string().min(1).max(64),
};

const registerEntrySchema = z.object({
  ...caseFields,
  kind: z.enum(['case-event', 'deadline', 'outcome', 'audit']),
  actor: identifier,
  at: z.iso.datetime({ offset: true }),
  payload: z.record(z.string(), z.unknown()),
});

/** One thing the register records about a case; every write carries the idempotency key that makes it once. */
export type RegisterEntry = z.infer<typeof registerEntrySchema>;

const outcomePayloadSchema = z.looseObject({
  outcome: z.enum(OUTCOMES, { error: `an outcome entry's payload.outcome must be one of ${OUTCOMES.join(', ')}` }),
});

const deliverySchema = z.object({
  ...caseFields,
  purpose: z.enum(['reminder', 'escalation', 'deadline-changed', 'delivery-failed']),
  recipientId: identifier,
  channel: z.enum(['email', 'webhook', 'outbox']),
  messageId: z.string().min(1),
  ruleId: z.string().min(1),
  deadlineKind: z.string().min(1),
  dueDate: z.iso.date(),
  detail: z.string(),
});
export type DeliveryInput = z.infer<typeof deliverySchema>;

const deliveryFailureSchema = deliverySchema
  .pick({ idempotencyKey: true, caseId: true, caseNumber: true, purpose: true, recipientId: true, channel: true })
  .extend({ error: z.string().min(1).max(2000) });
export type DeliveryFailureInput = z.infer<typeof deliveryFailureSchema>;

/** What the register keeps of one computation: the request a case made and the deadlines the rules engine gave it. */
export interface ComputationRecord {
  caseId: string;
  request: DeadlineRequest;
  deadlines: ComputedDeadline[];
}

export interface RecordedEntry extends RegisterEntry {
  seq: number;
  recordedAt: string;
}
export interface RecordedDeadline {
  seq: number;
  idempotencyKey: string;
  trigger: { event: string; date: string };
  deadline: ComputedDeadline;
  recordedAt: string;
}
export type RecordedDelivery = DeliveryInput & { seq: number; recordedAt: string };
export type RecordedDeliveryFailure = DeliveryFailureInput & { seq: number; recordedAt: string };

export interface CaseTrail {
  events: RecordedEntry[];
  deadlines: RecordedDeadline[];
  deliveries: RecordedDelivery[];
  failures: RecordedDeliveryFailure[];
  outcomes: RecordedEntry[];
}

/**
 * The append-only case register: what happened, which deadlines were computed, which reminders and
 * escalations went out (or could not), and the outcomes. Every write is idempotent by its key.
 */
/**
 * A deadline as the rules computed it, without whether its versions were the installed or the pinned ones:
 * the same request under the same versions is the same deadline whichever way the versions were reached, so
 * recomputing it adds nothing. Deadlines from before versions were chosen fingerprint as they always did.
 */
function asComputed(deadline: ComputedDeadline): ComputedDeadline {
  if (!deadline.ruleData) return deadline;
  const { applied: _applied, installed: _installed, ...versions } = deadline.ruleData;
  return { ...deadline, ruleData: versions };
}

export class CaseRegister {
  constructor(
    private readonly db: Kysely<RegisterDatabase>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Case events, deadline notes and audit entries go to the event trail; outcomes to their own table. */
  async append(entry: RegisterEntry): Promise<AppendResult> {
    return timeRegisterWrite('append', async () => {
      const valid = parseInput(registerEntrySchema, entry, 'register entry');
      assertNoPersonalData(valid.payload, `The payload of register entry "${valid.idempotencyKey}"`);
      const common = {
        idempotency_key: valid.idempotencyKey,
        fingerprint: fingerprint(valid),
        case_id: valid.caseId,
        case_number: valid.caseNumber,
        actor: valid.actor,
        occurred_at: valid.at,
        payload: JSON.stringify(valid.payload),
        recorded_at: this.now().toISOString(),
      };
      if (valid.kind === 'outcome') {
        const { outcome } = parseInput(outcomePayloadSchema, valid.payload, `outcome entry "${valid.idempotencyKey}"`);
        return appendOnce(this.db, 'outcomes', { ...common, outcome });
      }
      return appendOnce(this.db, 'case_events', { ...common, kind: valid.kind });
    });
  }

  /**
   * One row per computed deadline, keyed by the case, the request and the rule: recomputing the same
   * request (a retry) adds nothing, a corrected trigger date adds the new values next to the old.
   */
  async recordComputedDeadlines(input: ComputationRecord): Promise<AppendResult[]> {
    return timeRegisterWrite('computed-deadlines', async () => {
      const { caseId } = parseInput(z.object({ caseId: caseFields.caseId }), input, 'deadline record');
      const requestFingerprint = fingerprint(input.request);
      const recordedAt = this.now().toISOString();
      const results: AppendResult[] = [];
      for (const deadline of input.deadlines) {
        results.push(
          await appendOnce(this.db, 'computed_deadlines', {
            // The rule data's hashes are part of the key: the same request computed again under changed rules is a new
            // row beside the old one (which rules gave which date stays on record), not a conflict with it.
            idempotency_key: `${caseId}/deadline/${requestFingerprint.slice(0, 32)}/${deadline.ruleId}/${deadline.kind}${deadline.ruleData ? `/${deadline.ruleData.pack.hash}${deadline.ruleData.calendar.hash}` : ''}`,
            fingerprint: fingerprint({ caseId, deadline: asComputed(deadline) }),
            case_id: caseId,
            recorded_at: recordedAt,
            request_fingerprint: requestFingerprint,
            trigger_event: input.request.event,
            trigger_date: input.request.date,
            rule_id: deadline.ruleId,
            kind: deadline.kind,
            owner: deadline.owner,
            due_date: deadline.dueDate,
            ends_at: deadline.endsAt,
            zone: deadline.zone,
            basis: deadline.basis,
            citation: textIn(deadline.citation, 'en'),
            citation_ru: typeof deadline.citation === 'string' ? null : deadline.citation.ru,
            confidence: deadline.confidence,
            informational: deadline.informational ? 1 : 0,
            deadline: JSON.stringify(deadline),
            pack_version: deadline.ruleData ? versionName(deadline.ruleData.pack) : null,
            calendar_version: deadline.ruleData ? versionName(deadline.ruleData.calendar) : null,
          }),
        );
      }
      return results;
    });
  }

  async findDelivery(idempotencyKey: string): Promise<RecordedDelivery | undefined> {
    const row = await this.db.selectFrom('deliveries').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
    return row && toDelivery(row);
  }

  async recordDelivery(delivery: DeliveryInput): Promise<AppendResult> {
    return timeRegisterWrite('delivery', async () => {
      const valid = parseInput(deliverySchema, delivery, 'delivery record');
      return appendOnce(this.db, 'deliveries', {
        ...deliveryAddressColumns(valid, this.now().toISOString()),
        fingerprint: fingerprint(valid),
        message_id: valid.messageId,
        rule_id: valid.ruleId,
        deadline_kind: valid.deadlineKind,
        due_date: valid.dueDate,
        detail: valid.detail,
      });
    });
  }

  async recordDeliveryFailure(failure: DeliveryFailureInput): Promise<AppendResult> {
    return timeRegisterWrite('delivery-failure', async () => {
      const valid = parseInput(deliveryFailureSchema, failure, 'delivery failure record');
      const { error, ...identity } = valid;
      return appendOnce(this.db, 'delivery_failures', {
        ...deliveryAddressColumns(valid, this.now().toISOString()),
        // A retry may word the same failure differently; the first wording recorded stands.
        fingerprint: fingerprint(identity),
        error,
      });
    });
  }

  /**
   * The staff commands cases applied, newest first: every case event that names its actor (the engine's
   * own events, such as a lapse, name 'engine'). Written by the case's workflow, so they are there
   * whichever way a command reached the case and whether or not its sender lived to log it.
   */
  async appliedCommands(filter: { caseId?: string; limit: number }): Promise<RecordedEntry[]> {
    let query = this.db
      .selectFrom('case_events')
      .selectAll()
      .where('kind', '=', 'case-event')
      .where('actor', '<>', 'engine')
      .orderBy('seq', 'desc')
      .limit(filter.limit);
    if (filter.caseId !== undefined) query = query.where('case_id', '=', filter.caseId);
    return (await query.execute()).map((row) => toEntry(row, row.kind));
  }

  /** Everything recorded for a case, each list in the order it was written. */
  async caseTrail(caseId: string): Promise<CaseTrail> {
    const [events, deadlines, deliveries, failures, outcomes] = await Promise.all([
      this.db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute(),
      this.db.selectFrom('computed_deadlines').selectAll().where('case_id', '=', caseId).orderBy('seq').execute(),
      this.db.selectFrom('deliveries').selectAll().where('case_id', '=', caseId).orderBy('seq').execute(),
      this.db.selectFrom('delivery_failures').selectAll().where('case_id', '=', caseId).orderBy('seq').execute(),
      this.db.selectFrom('outcomes').selectAll().where('case_id', '=', caseId).orderBy('seq').execute(),
    ]);
    return {
      events: events.map((row) => toEntry(row, row.kind)),
      deadlines: deadlines.map((row) => ({
        seq: row.seq,
        idempotencyKey: row.idempotency_key,
        trigger: { event: row.trigger_event, date: row.trigger_date },
        deadline: JSON.parse(row.deadline) as ComputedDeadline,
        recordedAt: row.recorded_at,
      })),
      deliveries: deliveries.map(toDelivery),
      failures: failures.map(toDeliveryFailure),
      outcomes: outcomes.map((row) => toEntry(row, 'outcome')),
    };
  }
}

/** Which message, for which case, to whom and how: what a delivery and a failed delivery both record. */
type DeliveryAddress = Pick<DeliveryInput, 'idempotencyKey' | 'caseId' | 'caseNumber' | 'purpose' | 'recipientId' | 'channel'>;

function deliveryAddressColumns(delivery: DeliveryAddress, recordedAt: string) {
  return {
    idempotency_key: delivery.idempotencyKey,
    case_id: delivery.caseId,
    case_number: delivery.caseNumber,
    recorded_at: recordedAt,
    purpose: delivery.purpose,
    recipient_id: delivery.recipientId,
    channel: delivery.channel,
  };
}

interface CaseRowKeys {
  seq: number;
  idempotency_key: string;
  case_id: string;
  case_number: string;
}

/** The fields every recorded row of a case starts with, in that order. */
function caseRowFields(row: CaseRowKeys) {
  return { seq: row.seq, idempotencyKey: row.idempotency_key, caseId: row.case_id, caseNumber: row.case_number };
}

function deliveryAddressFields(row: Selectable<DeliveryTable> | Selectable<DeliveryFailureTable>): { seq: number } & DeliveryAddress {
  return { ...caseRowFields(row), purpose: row.purpose, recipientId: row.recipient_id, channel: row.channel };
}

function toEntry(
  row: CaseRowKeys & { actor: string; occurred_at: string; payload: string; recorded_at: string },
  kind: RegisterEntry['kind'],
): RecordedEntry {
  return {
    ...caseRowFields(row),
    kind,
    actor: row.actor,
    at: row.occurred_at,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    recordedAt: row.recorded_at,
  };
}

function toDeliveryFailure(row: Selectable<DeliveryFailureTable>): RecordedDeliveryFailure {
  return { ...deliveryAddressFields(row), error: row.error, recordedAt: row.recorded_at };
}

function toDelivery(row: Selectable<DeliveryTable>): RecordedDelivery {
  return {
    ...deliveryAddressFields(row),
    messageId: row.message_id,
    ruleId: row.rule_id,
    deadlineKind: row.deadline_kind,
    dueDate: row.due_date,
    detail: row.detail,
    recordedAt: row.recorded_at,
  };
}
