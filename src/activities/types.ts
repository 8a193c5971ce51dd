import type { ComputedDeadline, DeadlineRequest } from '../rules/types';

/**
 * The activities the case workflow calls. Workflows import this file as types only.
 * Every outbound call carries an idempotency key, so a retry never sends or writes twice.
 */
export interface ComputeDeadlinesInput extends DeadlineRequest {
  caseId: string;
}

export interface ReminderRequest {
  idempotencyKey: string;
  caseId: string;
  caseNumber: string;
  office: string;
  caseworker: string;
  deadline: ComputedDeadline;
  /** Whole days left before the due date (0 = on the day). */
  daysBefore: number;
}

export interface EscalationRequest {
  idempotencyKey: string;
  caseId: string;
  caseNumber: string;
  office: string;
  caseworker: string;
  deadline: ComputedDeadline;
  reason: 'missed' | 'lapsed' | 'authority-overdue';
}

export interface DeliveryReceipt {
  channel: 'email' | 'webhook' | 'outbox' | 'log';
  messageId: string;
  /** True when the register showed the message was already sent by an earlier attempt. */
  duplicate: boolean;
}

export interface RegisterEntry {
  idempotencyKey: string;
  caseId: string;
  caseNumber: string;
  kind: 'case-event' | 'deadline' | 'outcome' | 'audit';
  /** Who did it: a staff id, or 'engine'. */
  actor: string;
  /** When it happened (ISO-8601). */
  at: string;
  /** Structured detail without unneeded personal data. */
  payload: Record<string, unknown>;
}

export interface CaseActivities {
  computeDeadlines(input: ComputeDeadlinesInput): Promise<ComputedDeadline[]>;
  sendReminder(input: ReminderRequest): Promise<DeliveryReceipt>;
  escalate(input: EscalationRequest): Promise<DeliveryReceipt>;
  recordOutcome(input: RegisterEntry): Promise<void>;
}
