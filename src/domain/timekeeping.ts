import type { CaseState, EscalationReason, EscalationRecord, ReminderRecord, TrackedDeadline } from './case';
import { localInstantMs, toInstant } from './dates';
import { deadlineStatus, isOpen, PROTECTION_EXPIRY_KIND } from './deadlines';
import { queueEscalation, queueReminder } from './outbox';
import { appendEvent } from './transitions';
import type { Stage } from './stages';

/**
 * What the passing of time does to a case:
 * - every open deadline that someone must act on gets reminders at the case's offsets (or the rule's own),
 *   at the policy's local time in the deadline's zone, starting from when the deadline became known;
 *   when several reminder times have passed unsent (say, a worker was down), only the latest goes out;
 * - a deadline that ends without being met or superseded is escalated to the supervisor, once per value;
 * - a protection period that ends unrenewed makes the case lapse.
 */

/** Stages a protection expiry ends; with a renewal pending the case stays where it is, still escalated. */
const LAPSING_STAGES: readonly Stage[] = ['granted', 'extended'];

interface PlannedReminder {
  id: string;
  daysBefore: number;
  atMs: number;
}

function plannedReminders(state: CaseState, tracked: TrackedDeadline): PlannedReminder[] {
  const { deadline } = tracked;
  const knownSinceMs = Date.parse(tracked.knownSince);
  return (deadline.reminderOffsetsDays ?? state.reminderPolicy.offsetsDays)
    .map((daysBefore) => ({
      id: `${tracked.id}@${deadline.dueDate}-${daysBefore}d`,
      daysBefore,
      atMs: localInstantMs(deadline.dueDate, daysBefore, state.reminderPolicy.localTime, deadline.zone),
    }))
    .filter((planned) => planned.atMs >= knownSinceMs)
    .sort((a, b) => a.atMs - b.atMs);
}

function actionable(state: CaseState, nowMs: number): TrackedDeadline[] {
  return state.deadlines.filter((tracked) => !tracked.deadline.informational && isOpen(state, tracked, nowMs));
}

function dueReminder(state: CaseState, tracked: TrackedDeadline, nowMs: number): PlannedReminder | undefined {
  const latestPassed = plannedReminders(state, tracked)
    .filter((planned) => planned.atMs <= nowMs)
    .at(-1);
  return latestPassed && !state.reminders.some((sent) => sent.id === latestPassed.id) ? latestPassed : undefined;
}

function escalationReason(tracked: TrackedDeadline): EscalationReason {
  if (tracked.deadline.owner === 'authority') return 'authority-overdue';
  return tracked.deadline.kind === PROTECTION_EXPIRY_KIND ? 'lapsed' : 'missed';
}

function escalationId(tracked: TrackedDeadline): string {
  return `${tracked.id}@${tracked.deadline.dueDate}`;
}

function remind(state: CaseState, tracked: TrackedDeadline, planned: PlannedReminder): CaseState {
  const record: ReminderRecord = {
    id: planned.id,
    deadlineId: tracked.id,
    dueDate: tracked.deadline.dueDate,
    daysBefore: planned.daysBefore,
    plannedFor: toInstant(planned.atMs),
  };
  return queueReminder({ ...state, reminders: [...state.reminders, record] }, record.id);
}

function escalate(state: CaseState, tracked: TrackedDeadline, nowMs: number): CaseState {
  const record: EscalationRecord = {
    id: escalationId(tracked),
    deadlineId: tracked.id,
    dueDate: tracked.deadline.dueDate,
    reason: escalationReason(tracked),
    at: toInstant(nowMs),
  };
  const escalated = queueEscalation({ ...state, escalations: [...state.escalations, record] }, record);
  if (record.reason !== 'lapsed' || !LAPSING_STAGES.includes(state.stage)) return escalated;
  return appendEvent({ ...escalated, stage: 'lapsed' }, { type: 'protection-lapsed', actor: 'engine', on: tracked.deadline.dueDate }, nowMs)
    .state;
}

/** Brings the case up to `nowMs`: queues the reminders and escalations that are due, and lapses expired protection. */
export function advance(state: CaseState, nowMs: number): CaseState {
  let next = state;
  for (const tracked of actionable(state, nowMs)) {
    const planned = dueReminder(state, tracked, nowMs);
    if (planned) next = remind(next, tracked, planned);
  }
  for (const tracked of state.deadlines) {
    const missed = !tracked.deadline.informational && deadlineStatus(state, tracked, nowMs).status === 'missed';
    if (missed && !next.escalations.some((done) => done.id === escalationId(tracked))) next = escalate(next, tracked, nowMs);
  }
  return next;
}

/**
 * The next instant at which the case changes by itself: a reminder is due or a period ends (an
 * informational one too, so that what the case shows moves with the clock).
 */
export function nextWakeUpMs(state: CaseState, nowMs: number): number | undefined {
  const reminders = actionable(state, nowMs).flatMap((tracked) =>
    plannedReminders(state, tracked)
      .filter((planned) => planned.atMs > nowMs)
      .map((planned) => planned.atMs),
  );
  const periodEnds = state.deadlines.filter((tracked) => isOpen(state, tracked, nowMs)).map((tracked) => Date.parse(tracked.deadline.endsAt));
  const instants = [...reminders, ...periodEnds];
  return instants.length > 0 ? Math.min(...instants) : undefined;
}
