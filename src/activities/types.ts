import type { EscalationReason } from '../domain/case';
import type { ComputedDeadline, DeadlineRequest } from '../rules/types';
import type { RegisterEntry } from '../store/case-register';

export type { RegisterEntry };

/**
 * The activities the case workflow calls. Workflows import this file as types only.
 * Every outbound call carries an idempotency key, so a retry never sends or writes twice.
 */
export interface CaseDeadlineRequest extends DeadlineRequest {
  caseId: string;
  /**
   * The case's reminder policy offsets, so that each deadline comes back with the working days of its
   * reminders. Beside the request rather than in it: the request is what the case compares to tell a stale
   * computation, and reminders do not make one stale. Absent in inputs that older runs recorded.
   */
  reminderPolicyOffsetsDays?: number[];
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
  reason: EscalationReason;
}

export interface DeliveryReceipt {
  channel: 'email' | 'webhook' | 'outbox' | 'log';
  messageId: string;
  /** True when the register showed the message was already sent by an earlier attempt. */
  duplicate: boolean;
}

/** A staff command's actor, and the office of the case it is sent to. */
export interface ActorConfirmationRequest {
  actor: string;
  office: string;
}

export type ActorConfirmation = { confirmed: true } | { confirmed: false; refusal: string };

export interface CaseActivities {
  computeDeadlines(input: CaseDeadlineRequest): Promise<ComputedDeadline[]>;
  sendReminder(input: ReminderRequest): Promise<DeliveryReceipt>;
  escalate(input: EscalationRequest): Promise<DeliveryReceipt>;
  recordOutcome(input: RegisterEntry): Promise<void>;
  /** Whether the staff directory lets this actor act on a case of this office; a local activity, asked before each staff command. */
  confirmActor(input: ActorConfirmationRequest): Promise<ActorConfirmation>;
}
