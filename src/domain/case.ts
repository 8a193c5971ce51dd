import type { RulePin } from '../rules/computed-deadline';
import type { ComputedDeadline, DeadlineRequest, LocalDate } from '../rules/types';
import type { CaseEvent } from './events';
import type { ClosureReason, Stage } from './stages';

/** When reminders go out before a due date, unless a rule pack sets its own offsets for a deadline. */
export interface ReminderPolicy {
  /** Days before the due date; 0 is the due date itself. */
  offsetsDays: number[];
  /** Local time of day in the jurisdiction's zone, `HH:mm`. */
  localTime: string;
  /** How long a deadline that had already ended when it was entered waits before it is escalated; an hour by default. */
  lateEntryGraceMinutes?: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { offsetsDays: [30, 14, 7, 3, 1, 0], localTime: '09:00' };

/** What staff need to know about the person. Personal data: it lives only in the (encrypted) case state. */
export interface ApplicantProfile {
  pseudonym: string;
  birthDate?: LocalDate;
  nationality?: string;
  languages?: string[];
}

/** A deadline computed by the rules engine from one event of this case. */
export interface TrackedDeadline {
  /** `<event id>:<rule id>`: stable while the event exists, so reminders and escalations can refer to it. */
  id: string;
  sourceEventId: number;
  /** When the engine learned this value; reminders planned for earlier instants are not sent. */
  knownSince: string;
  /** The deadline in force: the computed one, or with a supervisor's override its date set by hand. */
  deadline: ComputedDeadline;
  /** A supervisor set the date by hand (event `byEventId`); `computed` is what the rules give, kept and shown beside it. */
  override?: { byEventId: number; computed: ComputedDeadline };
}

/** The request whose answer produced an event's current deadlines; a different request means they are stale. */
export interface DeadlineComputation {
  eventId: number;
  request: DeadlineRequest;
}

export interface Delivery {
  channel: string;
  messageId: string;
  deliveredAt: string;
  duplicate: boolean;
}

export interface ReminderRecord {
  /** `<deadline id>@<due date>-<days before>d`: one reminder per deadline value and offset, ever. */
  id: string;
  deadlineId: string;
  dueDate: LocalDate;
  /** Days left when it goes out: a reminder moved off a day off to the working day before says so; the id keeps the offset. */
  daysBefore: number;
  plannedFor: string;
  delivery?: Delivery;
  acknowledged?: { by: string; at: string };
}

/** `moved-earlier`: a rule migration brought a deadline closer, which staff must hear of at once. */
export const ESCALATION_REASONS = ['missed', 'lapsed', 'authority-overdue', 'moved-earlier'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export interface EscalationRecord {
  /** `<deadline id>@<due date>`: a deadline value escalates once. */
  id: string;
  deadlineId: string;
  dueDate: LocalDate;
  reason: EscalationReason;
  /** With `moved-earlier`: the due date it had before. */
  previousDueDate?: LocalDate;
  at: string;
  delivery?: Delivery;
}

export interface RegisterRecord {
  kind: 'case-event' | 'deadline' | 'outcome';
  actor: string;
  at: string;
  payload: Record<string, unknown>;
}

/** An item its channel refused for good (e.g. no one to send it to): kept so staff see it, never retried silently. */
export interface DeliveryFailure {
  key: string;
  kind: OutboxItem['kind'];
  reason: string;
  failedAt: string;
}

/** Something the case must still tell the outside world; kept in state so no run loses it. */
export type OutboxItem =
  | { key: string; kind: 'reminder'; reminderId: string }
  | { key: string; kind: 'escalation'; escalationId: string }
  /** Tells the caseworker how one deadline changed in a rule migration (the event `eventId`). */
  | { key: string; kind: 'migration-notice'; eventId: number; deadlineId: string }
  | { key: string; kind: 'register'; entry: RegisterRecord };

export interface CaseState {
  caseId: string;
  caseNumber: string;
  jurisdiction: string;
  procedure: string;
  office: string;
  caseworker: string;
  applicant?: ApplicantProfile;
  /** The blind index of the applicant's pseudonym, computed by the client that opened the case: workflow code holds no key. */
  applicantIndex?: string;
  reminderPolicy: ReminderPolicy;
  /** Overrides of the rule packs' policy parameters for this case, e.g. `renewalLeadMonths`. */
  ruleParams: Record<string, string | number | boolean>;
  stage: Stage;
  /** Number of the current application: 0 before the first, then 1, 2, ... for each resubmission. */
  attempt: number;
  /** Where the last complaint went, where the procedure records it. */
  complaintForum?: string;
  closure?: { reason: ClosureReason; on: LocalDate };
  events: CaseEvent[];
  deadlines: TrackedDeadline[];
  computations: DeadlineComputation[];
  reminders: ReminderRecord[];
  escalations: EscalationRecord[];
  outbox: OutboxItem[];
  /** Absent in states carried over from runs that predate it. */
  failedDeliveries?: DeliveryFailure[];
  /**
   * The rule data versions the case's deadlines are computed with: its first computation's, until a
   * supervisor migrates it (`installed` until the next computation pins the installed ones). Absent in
   * states from before cases were pinned: their deadlines' own versions stand in (see rulePinOf).
   */
  rulePin?: RulePin | 'installed';
}
