import type { LocalDate, TriggerEvent } from '../rules/types';
import type { ClosureReason, ComplaintForum } from './stages';

/** Who recorded an event and when. `actor` is a staff id, or `engine` for what the engine itself records. */
interface Recorded {
  /** Sequence number within the case, from 1; later events have higher numbers. */
  id: number;
  actor: string;
  /** The instant it was recorded (ISO-8601). */
  recordedAt: string;
}

/** Something that happened in the procedure on a date that the law counts from. */
interface Dated extends Recorded {
  /** The legal date of the event, local to the jurisdiction; staff can correct it. */
  on: LocalDate;
}

export type CaseEvent =
  | (Recorded & { type: 'case-opened'; office: string; caseworker: string })
  | (Dated & { type: 'application-lodged'; attempt: number; changedCircumstances?: string })
  | (Dated & { type: 'protection-granted'; validUntil?: LocalDate })
  | (Dated & { type: 'refusal-notice-received'; decidedOn?: LocalDate })
  | (Dated & { type: 'complaint-filed'; forum: ComplaintForum })
  | (Dated & { type: 'refusal-upheld'; forum: ComplaintForum })
  | (Dated & { type: 'refusal-overturned'; forum: ComplaintForum })
  | (Dated & { type: 'renewal-filed' })
  | (Dated & { type: 'protection-extended'; validUntil?: LocalDate })
  | (Dated & { type: 'renewal-refusal-notice-received' })
  | (Dated & { type: 'protection-lapsed' })
  | (Dated & { type: 'case-closed'; reason: ClosureReason; note?: string })
  | (Recorded & { type: 'event-date-corrected'; eventId: number; from: LocalDate; to: LocalDate; reason: string })
  | (Recorded & { type: 'reminder-acknowledged'; reminderId: string })
  | (Recorded & {
      type: 'case-reassigned';
      from: { office: string; caseworker: string };
      to: { office: string; caseworker: string };
      reason?: string;
    });

export type CaseEventType = CaseEvent['type'];
export type DatedEvent = Extract<CaseEvent, { on: LocalDate }>;

/** An event as a command produces it, before the case gives it its number and time. */
type Unrecorded<E> = E extends unknown ? Omit<E, 'id' | 'recordedAt'> : never;
export type NewCaseEvent = Unrecorded<CaseEvent>;

export function isDated(event: CaseEvent): event is DatedEvent {
  return 'on' in event;
}

/**
 * The word the rule packs know each event by. Events the rules never count from (the engine's own
 * records, administrative changes, a closure) have none.
 */
const TRIGGER_OF: Partial<Record<CaseEventType, TriggerEvent>> = {
  'application-lodged': 'application-lodged',
  'protection-granted': 'protection-granted',
  'refusal-notice-received': 'refusal-notice-received',
  'complaint-filed': 'complaint-filed',
  // The notice refusing the complaint is the final refusal that starts the departure period.
  'refusal-upheld': 'final-refusal-notice-received',
  'renewal-filed': 'renewal-filed',
  'protection-extended': 'protection-extended',
  'renewal-refusal-notice-received': 'renewal-refusal-notice-received',
};

export function triggerOf(event: CaseEvent): TriggerEvent | undefined {
  return TRIGGER_OF[event.type];
}

/** Events that open a new protection period; the workflow starts a fresh run at each. */
export function startsProtectionPeriod(event: CaseEvent): boolean {
  return event.type === 'protection-granted' || event.type === 'protection-extended';
}
