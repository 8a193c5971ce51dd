import type { ComputedDeadline, LocalDate } from '../rules/types';
import type { TrackedDeadline } from './case';

/**
 * How one deadline differs after the case's deadlines were computed again: its due date moved, it is new,
 * or it no longer exists. `deadline` is the deadline as it now stands, or as it stood when it was removed.
 */
export type DeadlineChange = { deadlineId: string; deadline: ComputedDeadline } & (
  | { change: 'moved'; from: LocalDate; to: LocalDate }
  | { change: 'added'; to: LocalDate }
  | { change: 'removed'; from: LocalDate }
);

/** Whether a change brings a deadline closer: the one thing a recomputation must never do quietly. */
export function movesEarlier(change: DeadlineChange): change is Extract<DeadlineChange, { change: 'moved' }> {
  return change.change === 'moved' && change.to < change.from;
}

/** The deadlines whose due dates differ between two sets of a case's deadlines, in the order they stand. */
export function deadlineChanges(before: readonly TrackedDeadline[], after: readonly TrackedDeadline[]): DeadlineChange[] {
  const earlier = new Map(before.map((tracked) => [tracked.id, tracked] as const));
  const now = new Set(after.map((tracked) => tracked.id));
  const changes: DeadlineChange[] = [];
  for (const tracked of after) {
    const previous = earlier.get(tracked.id);
    const to = tracked.deadline.dueDate;
    if (!previous) changes.push({ deadlineId: tracked.id, deadline: tracked.deadline, change: 'added', to });
    else if (previous.deadline.dueDate !== to) changes.push({ deadlineId: tracked.id, deadline: tracked.deadline, change: 'moved', from: previous.deadline.dueDate, to });
  }
  for (const tracked of before) {
    if (!now.has(tracked.id)) changes.push({ deadlineId: tracked.id, deadline: tracked.deadline, change: 'removed', from: tracked.deadline.dueDate });
  }
  return changes;
}
