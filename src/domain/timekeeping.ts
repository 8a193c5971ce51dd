import type { CaseState, EscalationReason, EscalationRecord, ReminderRecord, TrackedDeadline } from './case';
import { daysBetween, localInstantMs, toInstant } from './dates';
import { deadlineStatus, isOpen, PROTECTION_EXPIRY_KIND } from './deadlines';
import { queueEscalation, queueReminder } from './outbox';
import { lifecycleFor } from './lifecycle';
import { appendEvent } from './transitions';

/**
 * What the passing of time does to a case:
 * - every open deadline that someone must act on gets reminders at the case's offsets (or the rule's own),
 *   at the policy's local time in the deadline's zone, starting from when the deadline became known;
 *   the rules engine has moved each one due on a day off to the working day before;
 *   when several reminder times have passed unsent (say, a worker was down), only the latest goes out;
 * - once the case's caseworker acknowledges a reminder of a deadline, they get no more for that value
 *   (someone the case is reassigned to does), though its escalation still comes if it is missed;
 * - a deadline that ends without being met or superseded is escalated to the supervisor, once per value;
 * - a protection period that ends unrenewed makes the case lapse.
 */

/**
 * A deadline that had already ended when the engine learned of it comes from staff entering a case's
 * past. They usually go on to record what met it (the complaint, the new application) within minutes,
 * so its escalation waits this long instead of alarming a supervisor about history.
 */
export const LATE_ENTRY_GRACE_MS = 60 * 60 * 1000;

/** The grace the case's reminder policy sets, or the default. */
export function lateEntryGraceMs(state: CaseState): number {
  const minutes = state.reminderPolicy.lateEntryGraceMinutes;
  return minutes === undefined ? LATE_ENTRY_GRACE_MS : minutes * 60 * 1000;
}

export interface AdvanceOptions {
  /** 0 keeps the behaviour of runs recorded before the grace existed. */
  lateEntryGraceMs: number;
  /** False keeps the behaviour of runs recorded before an acknowledgement silenced the later reminders. */
  acknowledgementSilencesReminders: boolean;
}

function currentOptions(state: CaseState): AdvanceOptions {
  return { lateEntryGraceMs: lateEntryGraceMs(state), acknowledgementSilencesReminders: true };
}

interface PlannedReminder {
  /** Named by the offset it was planned at, also when it was moved off a day off. */
  id: string;
  /** Days left before the due date when it goes out: what the reminder tells. */
  daysBefore: number;
  atMs: number;
}

/**
 * From the working days the rules engine gave the deadline; a deadline computed before it gave them
 * (kept in the state of older runs) is reminded on the plain days before, as it was then.
 */
function plannedReminders(state: CaseState, tracked: TrackedDeadline): PlannedReminder[] {
  const { deadline } = tracked;
  const { localTime, offsetsDays } = state.reminderPolicy;
  const knownSinceMs = Date.parse(tracked.knownSince);
  const reminderDays =
    deadline.reminderDates?.map(({ daysBefore, on }) => ({ daysBefore, daysLeft: daysBetween(on, deadline.dueDate) })) ??
    (deadline.reminderOffsetsDays ?? offsetsDays).map((daysBefore) => ({ daysBefore, daysLeft: daysBefore }));
  return reminderDays
    .map(({ daysBefore, daysLeft }) => {
      const movedMs = localInstantMs(deadline.dueDate, daysLeft, localTime, deadline.zone);
      // Moved off a day off to a working day before the deadline was known: it goes out at once, not never.
      const dueUnmovedMs = localInstantMs(deadline.dueDate, daysBefore, localTime, deadline.zone);
      const atMs = movedMs < knownSinceMs && dueUnmovedMs >= knownSinceMs ? knownSinceMs : movedMs;
      return { id: `${tracked.id}@${deadline.dueDate}-${daysBefore}d`, daysBefore: daysLeft, atMs };
    })
    .filter((planned) => planned.atMs >= knownSinceMs)
    .sort((a, b) => a.atMs - b.atMs);
}

function actionable(state: CaseState, nowMs: number): TrackedDeadline[] {
  return state.deadlines.filter((tracked) => !tracked.deadline.informational && isOpen(state, tracked, nowMs));
}

/** The case's caseworker has acknowledged a reminder of this deadline's current value: they know of it. */
function acknowledgedByCaseworker(state: CaseState, tracked: TrackedDeadline): boolean {
  return state.reminders.some(
    (sent) => sent.deadlineId === tracked.id && sent.dueDate === tracked.deadline.dueDate && sent.acknowledged?.by === state.caseworker,
  );
}

function remindable(state: CaseState, nowMs: number, options: AdvanceOptions): TrackedDeadline[] {
  return actionable(state, nowMs).filter(
    (tracked) => !(options.acknowledgementSilencesReminders && acknowledgedByCaseworker(state, tracked)),
  );
}

function dueReminder(state: CaseState, tracked: TrackedDeadline, nowMs: number): PlannedReminder | undefined {
  const latestPassed = plannedReminders(state, tracked)
    .filter((planned) => planned.atMs <= nowMs)
    .at(-1);
  return latestPassed && !state.reminders.some((sent) => sent.id === latestPassed.id) ? latestPassed : undefined;
}

/** When a missed deadline may be escalated: at its end, or after the grace if it ended before it was known. */
function escalationDueMs(tracked: TrackedDeadline, options: AdvanceOptions): number {
  const endsMs = Date.parse(tracked.deadline.endsAt);
  const knownSinceMs = Date.parse(tracked.knownSince);
  return endsMs <= knownSinceMs ? knownSinceMs + options.lateEntryGraceMs : endsMs;
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
  // The procedure's table says which stages an expiry ends; with a renewal pending the case stays where it is, still escalated.
  if (record.reason !== 'lapsed' || !lifecycleFor(state).lapsesFrom.includes(state.stage)) return escalated;
  return appendEvent({ ...escalated, stage: 'lapsed' }, { type: 'protection-lapsed', actor: 'engine', on: tracked.deadline.dueDate }, nowMs)
    .state;
}

/** Brings the case up to `nowMs`: queues the reminders and escalations that are due, and lapses expired protection. */
export function advance(state: CaseState, nowMs: number, options: AdvanceOptions = currentOptions(state)): CaseState {
  let next = state;
  for (const tracked of remindable(state, nowMs, options)) {
    const planned = dueReminder(state, tracked, nowMs);
    if (planned) next = remind(next, tracked, planned);
  }
  for (const tracked of state.deadlines) {
    const missed = !tracked.deadline.informational && deadlineStatus(state, tracked, nowMs).status === 'missed';
    const due = escalationDueMs(tracked, options) <= nowMs;
    if (missed && due && !next.escalations.some((done) => done.id === escalationId(tracked))) next = escalate(next, tracked, nowMs);
  }
  return next;
}

/**
 * The next instant at which the case changes by itself: a reminder is due or a period ends (an
 * informational one too, so that what the case shows moves with the clock).
 */
export function nextWakeUpMs(
  state: CaseState,
  nowMs: number,
  options: AdvanceOptions = currentOptions(state),
): number | undefined {
  const reminders = remindable(state, nowMs, options).flatMap((tracked) =>
    plannedReminders(state, tracked)
      .filter((planned) => planned.atMs > nowMs)
      .map((planned) => planned.atMs),
  );
  const periodEnds = state.deadlines.filter((tracked) => isOpen(state, tracked, nowMs)).map((tracked) => Date.parse(tracked.deadline.endsAt));
  const heldEscalations = state.deadlines
    .filter((tracked) => !tracked.deadline.informational && deadlineStatus(state, tracked, nowMs).status === 'missed')
    .map((tracked) => escalationDueMs(tracked, options))
    .filter((dueMs) => dueMs > nowMs);
  const instants = [...reminders, ...periodEnds, ...heldEscalations];
  return instants.length > 0 ? Math.min(...instants) : undefined;
}
