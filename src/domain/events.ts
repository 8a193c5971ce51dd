import type { RulePin } from '../rules/computed-deadline';
import { TRIGGER_EVENTS, type LocalDate } from '../rules/types';
import type { DeadlineChange } from './deadline-change';
import type { ClosureReason } from './stages';

/** Who recorded an event and when. `actor` is a staff id, or `engine` for what the engine itself records. */
interface Recorded {
  /** Sequence number within the case, from 1; later events have higher numbers. */
  id: number;
  actor: string;
  /** The instant it was recorded (ISO-8601). */
  recordedAt: string;
}

/** Something that happened on a date that the law counts from. */
interface Dated extends Recorded {
  /** The legal date of the event, local to the jurisdiction; staff can correct it. */
  on: LocalDate;
}

export type FactValue = string | number | boolean;
export type Facts = Record<string, FactValue>;

/** A happening of the procedure, named as the rule packs and lifecycle tables name it. */
export type ProcedureEventType = (typeof TRIGGER_EVENTS)[number];

export interface ProcedureEvent extends Dated {
  type: ProcedureEventType;
  /** The facts staff gave with it (a certificate's end date, the forum of a complaint); codes and dates only. */
  facts?: Facts;
  /** For an application: its number in the case, 1 for the first. */
  attempt?: number;
  /** Free text from staff (e.g. what changed since the last refusal); never leaves the encrypted state. */
  note?: string;
}

/** How the relation between two cases of one person reads, from this case's side. */
export const CASE_RELATIONS = ['parallel-procedure', 'earlier-procedure', 'later-procedure', 'family-member'] as const;
export type CaseRelation = (typeof CASE_RELATIONS)[number];

export type CaseEvent =
  | (Recorded & { type: 'case-opened'; office: string; caseworker: string })
  | ProcedureEvent
  | (Dated & { type: 'protection-lapsed' })
  | (Dated & { type: 'case-closed'; reason: ClosureReason; note?: string })
  | (Recorded & { type: 'event-date-corrected'; eventId: number; from: LocalDate; to: LocalDate; reason: string })
  | (Recorded & { type: 'fact-corrected'; eventId: number; fact: string; from?: FactValue; to: FactValue; reason: string })
  /** `to` is the case's rule parameters in full from then on; the earlier ones may be what no pack takes, so they are not repeated. */
  | (Recorded & { type: 'rule-params-corrected'; to: Record<string, number>; reason: string })
  | (Recorded & { type: 'event-voided'; eventId: number; reason: string })
  | (Recorded & { type: 'stay-recorded'; from: LocalDate; to: LocalDate; reason: string })
  | (Recorded & { type: 'deadline-waived'; deadlineId: string; dueDate: LocalDate; reason: string })
  | (Recorded & { type: 'case-linked'; caseNumber: string; relation: CaseRelation; note?: string })
  | (Recorded & { type: 'reminder-acknowledged'; reminderId: string })
  /** A supervisor set a deadline's date by hand (a court order, an agreed extension); recomputation keeps it. */
  | (Recorded & { type: 'deadline-overridden'; deadlineId: string; computedDueDate: LocalDate; dueDate: LocalDate; reason: string })
  /** `from` is the pin the case left; `to` and `changes` are filled in once the installed versions were applied. */
  | (Recorded & { type: 'rules-migrated'; reason: string; from?: RulePin; to?: RulePin; changes?: DeadlineChange[] })
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

const PROCEDURE_EVENT_TYPES: ReadonlySet<string> = new Set(TRIGGER_EVENTS);

export function isProcedureEvent(event: CaseEvent | NewCaseEvent): event is ProcedureEvent {
  return PROCEDURE_EVENT_TYPES.has(event.type);
}

/** Whether staff voided the event as entered by mistake: it then counts for nothing. */
export function isVoided(events: readonly CaseEvent[], eventId: number): boolean {
  return events.some((event) => event.type === 'event-voided' && event.eventId === eventId);
}

/** The events that still count: everything but what staff voided. */
export function standingEvents(events: readonly CaseEvent[]): CaseEvent[] {
  const voided = new Set(events.flatMap((event) => (event.type === 'event-voided' ? [event.eventId] : [])));
  return events.filter((event) => !voided.has(event.id));
}

/** The word the rule packs know a procedure event by; the engine's and staff's own records have none. */
export function triggerOf(event: CaseEvent): ProcedureEventType | undefined {
  return isProcedureEvent(event) ? event.type : undefined;
}

/** Events that open a new protection period; the workflow starts a fresh run at each. */
export function startsProtectionPeriod(event: CaseEvent): boolean {
  return event.type === 'protection-granted' || event.type === 'protection-extended';
}
