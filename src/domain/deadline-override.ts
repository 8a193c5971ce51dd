import type { ComputedDeadline } from '../rules/types';
import type { CaseState, TrackedDeadline } from './case';
import { endOfLocalDay, toInstant } from './dates';
import { standingEvents, type CaseEvent } from './events';
import { queueDeadlineRecord } from './outbox';

type OverrideEvent = Extract<CaseEvent, { type: 'deadline-overridden' }>;

/** The override standing for a deadline: the latest one staff did not void. */
export function standingOverride(events: readonly CaseEvent[], deadlineId: string): OverrideEvent | undefined {
  return standingEvents(events)
    .filter((event): event is OverrideEvent => event.type === 'deadline-overridden' && event.deadlineId === deadlineId)
    .at(-1);
}

/**
 * The computed deadline with its date set by hand. Its reminders fall back to the case's policy, counted
 * from the new date (the rules' working-day reminder dates belonged to the computed one), and the explanation
 * ends with the override, so every message about it says the date is not the rule's.
 */
function overridden(computed: ComputedDeadline, override: OverrideEvent): ComputedDeadline {
  const { reminderDates: _computedReminders, ...rest } = computed;
  const step = {
    kind: 'override',
    date: override.dueDate,
    en: `Set by hand to ${override.dueDate} by ${override.actor} (event ${override.id}); the rule gives ${computed.dueDate}.`,
    ru: `Установлен вручную на ${override.dueDate} (${override.actor}, событие ${override.id}); по правилу — ${computed.dueDate}.`,
  };
  return {
    ...rest,
    dueDate: override.dueDate,
    endsAt: endOfLocalDay(override.dueDate, computed.zone),
    explanation: { ...computed.explanation, steps: [...computed.explanation.steps, step] },
  };
}

/** A tracked deadline as its standing override, if any, has it: computed by the rules, in force by hand. */
export function withStandingOverride(events: readonly CaseEvent[], tracked: TrackedDeadline): TrackedDeadline {
  const computed = tracked.override?.computed ?? tracked.deadline;
  const override = standingOverride(events, tracked.id);
  const { override: _previous, ...plain } = tracked;
  if (!override) return { ...plain, deadline: computed };
  return { ...plain, deadline: overridden(computed, override), override: { byEventId: override.id, computed } };
}

/**
 * Every deadline of the case with the overrides that stand now, after an override was made or voided. A date
 * that changed is a new value: known from now (reminders planned before now are not sent) and recorded in the
 * register as the date in force.
 */
export function applyOverrides(state: CaseState, nowMs: number): CaseState {
  const moved: TrackedDeadline[] = [];
  const deadlines = state.deadlines.map((tracked) => {
    const next = withStandingOverride(state.events, tracked);
    if (next.deadline.endsAt === tracked.deadline.endsAt) return next;
    const known = { ...next, knownSince: toInstant(nowMs) };
    moved.push(known);
    return known;
  });
  return moved.reduce(queueDeadlineRecord, { ...state, deadlines });
}

/** Whether an event makes or unmakes an override, so the deadlines must be read again. */
export function changesOverrides(event: CaseEvent, events: readonly CaseEvent[]): boolean {
  if (event.type === 'deadline-overridden') return true;
  return event.type === 'event-voided' && events.some((voided) => voided.id === event.eventId && voided.type === 'deadline-overridden');
}
