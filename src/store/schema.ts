import type { Generated } from 'kysely';
import type { Outcome } from './outcomes';

/**
 * The register's tables as Kysely sees them. Timestamps are ISO-8601 UTC text and structured detail
 * is JSON text, so the same column types work on SQLite and PostgreSQL.
 * Every append-only table has `idempotency_key` under a unique constraint and a `fingerprint` of the
 * caller's content, so a retried write is recognised and a reused key with other content is refused.
 */
export interface RegisterDatabase {
  case_events: CaseEventTable;
  computed_deadlines: ComputedDeadlineTable;
  deliveries: DeliveryTable;
  delivery_failures: DeliveryFailureTable;
  outcomes: OutcomeTable;
  outbox: OutboxTable;
  staff: StaffTable;
  rule_data_versions: RuleDataVersionTable;
  case_computations: CaseComputationTable;
}

export interface RuleDataVersionTable {
  kind: 'pack' | 'calendar';
  hash: string;
  id: string;
  label: string;
  effective_from: string | null;
  /** The data as loaded (JSON), from which the version's hash was computed. */
  content: string;
  recorded_at: string;
}

export interface CaseComputationTable {
  case_id: string;
  event_id: string;
  jurisdiction: string;
  procedure: string;
  /** The deadline request (JSON) as the case last computed it for this event. */
  request: string;
  reminder_offsets: string | null;
  pack_hash: string | null;
  calendar_hash: string | null;
  /** The deadlines (JSON) that computation gave. */
  deadlines: string;
  computed_at: string;
}

interface AppendOnlyRow {
  seq: Generated<number>;
  idempotency_key: string;
  fingerprint: string;
  case_id: string;
  recorded_at: string;
}

interface CaseRow extends AppendOnlyRow {
  case_number: string;
}

export interface CaseEventTable extends CaseRow {
  kind: 'case-event' | 'deadline' | 'audit';
  actor: string;
  occurred_at: string;
  payload: string;
}

/** Keyed by case id only: the deadline activity's input names the case by its id. */
export interface ComputedDeadlineTable extends AppendOnlyRow {
  /** Fingerprint of the request that produced this deadline: one computation, one group of rows. */
  request_fingerprint: string;
  trigger_event: string;
  trigger_date: string;
  rule_id: string;
  kind: string;
  owner: string;
  due_date: string;
  ends_at: string;
  zone: string;
  basis: string;
  /** The citation in English. */
  citation: string;
  /** The citation in Russian; null in rows of deadlines computed before citations carried both languages. */
  citation_ru: string | null;
  confidence: string;
  /** 1 or 0: SQLite has no boolean type. */
  informational: number;
  /** The whole `ComputedDeadline`, explanation included. */
  deadline: string;
  /** `<pack id> <label> #<hash>` of the rule pack it was computed with; null before versions were kept. */
  pack_version: string | null;
  /** The same for its calendar. */
  calendar_version: string | null;
}

/** Which message, to whom and through which channel: what a delivery and a failed delivery both record. */
interface DeliveryAddressRow extends CaseRow {
  purpose: 'reminder' | 'escalation' | 'deadline-changed' | 'delivery-failed';
  recipient_id: string;
  channel: 'email' | 'webhook' | 'outbox';
}

export interface DeliveryTable extends DeliveryAddressRow {
  message_id: string;
  rule_id: string;
  deadline_kind: string;
  due_date: string;
  /** Days before the due date for a reminder, the reason for an escalation. */
  detail: string;
}

export interface DeliveryFailureTable extends DeliveryAddressRow {
  error: string;
}

export interface OutcomeTable extends CaseRow {
  outcome: Outcome;
  actor: string;
  occurred_at: string;
  payload: string;
}

export interface OutboxTable {
  seq: Generated<number>;
  idempotency_key: string;
  fingerprint: string;
  message_id: string;
  recipient_id: string;
  language: 'ru' | 'en';
  subject: string;
  body: string;
  case_number: string;
  created_at: string;
}

export interface StaffTable {
  id: string;
  display_name: string;
  email: string | null;
  webhook_url: string | null;
  /** The name of the secret (resolved at send time), never the secret itself. */
  webhook_secret_ref: string | null;
  language: 'ru' | 'en';
  role: 'caseworker' | 'supervisor' | 'admin';
  office: string;
  active: number;
  created_at: string;
  updated_at: string;
}
