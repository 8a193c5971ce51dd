import type { EscalationReason } from '../domain/case';
import type { DeadlineChange } from '../domain/deadline-change';
import type { RulePin } from '../rules/computed-deadline';
import type { ComputedDeadline, DeadlineRequest, LocalDate } from '../rules/types';
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
  /** The case event the request counts from, so the register keeps what each event holds now. Absent in older inputs. */
  eventId?: number;
  /**
   * The rule data versions the case is pinned to: its deadlines are computed with these until it is migrated.
   * Absent for a case not yet pinned (its first computation) or just migrated, and in older inputs.
   */
  rulePin?: RulePin;
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
  /** When the case planned it to go out (an instant), for the reminders' lateness metric. Absent in inputs older runs recorded. */
  plannedFor?: string;
}

export interface EscalationRequest {
  idempotencyKey: string;
  caseId: string;
  caseNumber: string;
  office: string;
  caseworker: string;
  deadline: ComputedDeadline;
  reason: EscalationReason;
  /** With `moved-earlier`: the due date the deadline had before. */
  previousDueDate?: LocalDate;
}

/** Tells a case's caseworker how one deadline changed when the case was migrated to the installed rule data. */
export interface DeadlineChangeNotice {
  idempotencyKey: string;
  caseId: string;
  caseNumber: string;
  office: string;
  caseworker: string;
  change: DeadlineChange;
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
  tellDeadlineChanged(input: DeadlineChangeNotice): Promise<DeliveryReceipt>;
  recordOutcome(input: RegisterEntry): Promise<void>;
  /** Whether the staff directory lets this actor act on a case of this office; a local activity, asked before each staff command. */
  confirmActor(input: ActorConfirmationRequest): Promise<ActorConfirmation>;
}
