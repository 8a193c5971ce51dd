import type { CaseState, Delivery, EscalationRecord, OutboxItem, TrackedDeadline } from './case';
import type { CommandName } from './commands';
import { toInstant } from './dates';
import type { CaseEvent } from './events';

/**
 * Entries for the append-only case register. They leave the encrypted workflow state, so they carry
 * codes, dates and ids, never free text that staff typed (which may name people).
 */
const FREE_TEXT_FIELDS = new Set(['note', 'reason', 'changedCircumstances']);

function withoutFreeText(event: CaseEvent): Record<string, unknown> {
  return Object.fromEntries(Object.entries(event).filter(([field]) => !FREE_TEXT_FIELDS.has(field)));
}

/** Queues an item unless one with its key is queued already. */
export function enqueue(state: CaseState, item: OutboxItem): CaseState {
  if (state.outbox.some((queued) => queued.key === item.key)) return state;
  return { ...state, outbox: [...state.outbox, item] };
}

/** The staff command that made an event, named as the workflow's update (or `openCase`). */
export type StaffCommandName = CommandName | 'openCase';

/**
 * Queues an event for the register. An event a staff command made names that command: with its actor
 * and time, the register's case events are then the audit trail of every accepted command, whichever
 * way it reached the case. The engine's own events (a lapse) name none.
 */
export function queueEventRecord(state: CaseState, event: CaseEvent, command?: StaffCommandName): CaseState {
  return enqueue(state, {
    key: `${state.caseId}/event/${event.id}`,
    kind: 'register',
    entry: {
      kind: 'case-event',
      actor: event.actor,
      at: event.recordedAt,
      payload: { ...withoutFreeText(event), ...(command ? { command } : {}) },
    },
  });
}

export function queueDeadlineRecord(state: CaseState, tracked: TrackedDeadline): CaseState {
  const { deadline } = tracked;
  return enqueue(state, {
    key: `${state.caseId}/deadline/${tracked.id}/${deadline.dueDate}`,
    kind: 'register',
    entry: {
      kind: 'deadline',
      actor: 'engine',
      at: tracked.knownSince,
      payload: {
        deadlineId: tracked.id,
        sourceEventId: tracked.sourceEventId,
        kind: deadline.kind,
        ruleId: deadline.ruleId,
        dueDate: deadline.dueDate,
        endsAt: deadline.endsAt,
        citation: deadline.citation,
      },
    },
  });
}

export function queueEscalation(state: CaseState, escalation: EscalationRecord): CaseState {
  return enqueue(
    enqueue(state, { key: `${state.caseId}/escalation/${escalation.id}`, kind: 'escalation', escalationId: escalation.id }),
    {
      key: `${state.caseId}/outcome/${escalation.id}`,
      kind: 'register',
      entry: {
        kind: 'outcome',
        actor: 'engine',
        at: escalation.at,
        payload: { deadlineId: escalation.deadlineId, dueDate: escalation.dueDate, outcome: escalation.reason },
      },
    },
  );
}

export function queueReminder(state: CaseState, reminderId: string): CaseState {
  return enqueue(state, { key: `${state.caseId}/reminder/${reminderId}`, kind: 'reminder', reminderId });
}

/** The outside world confirmed an item: it leaves the outbox, and a reminder or escalation keeps its receipt. */
export function markDelivered(state: CaseState, key: string, delivery?: Delivery): CaseState {
  const item = state.outbox.find((queued) => queued.key === key);
  if (!item) return state;
  const outbox = state.outbox.filter((queued) => queued !== item);
  if (item.kind === 'reminder' && delivery) {
    const reminders = state.reminders.map((reminder) => (reminder.id === item.reminderId ? { ...reminder, delivery } : reminder));
    return { ...state, outbox, reminders };
  }
  if (item.kind === 'escalation' && delivery) {
    const escalations = state.escalations.map((escalation) =>
      escalation.id === item.escalationId ? { ...escalation, delivery } : escalation,
    );
    return { ...state, outbox, escalations };
  }
  return { ...state, outbox };
}

/**
 * The outside world refused an item for good (a permanent channel error, nobody to send it to). It
 * leaves the outbox so the case keeps running, and the failure stays on the case for staff to see.
 */
export function markUndeliverable(state: CaseState, key: string, reason: string, nowMs: number): CaseState {
  const item = state.outbox.find((queued) => queued.key === key);
  if (!item) return state;
  return {
    ...state,
    outbox: state.outbox.filter((queued) => queued !== item),
    failedDeliveries: [...(state.failedDeliveries ?? []), { key, kind: item.kind, reason, failedAt: toInstant(nowMs) }],
  };
}
