import type { CaseState, EscalationRecord } from './case';
import { toInstant } from './dates';
import { deadlineChanges, movesEarlier } from './deadline-change';
import type { CaseEvent } from './events';
import { enqueue, queueEventRecord } from './outbox';
import { rulePinOf } from './rule-pin';

/**
 * What a rule migration leaves once the installed rule data has computed the case again: the event states
 * the versions the case moved to and every deadline that changed (and goes to the register so), the
 * caseworker is told of each change with its old and new date, and a deadline that moved earlier is
 * escalated to the supervisors at once. Any other event leaves the case as it is.
 */
export function concludeRuleMigration(before: CaseState, settled: CaseState, event: CaseEvent, nowMs: number): CaseState {
  if (event.type !== 'rules-migrated') return settled;
  const changes = deadlineChanges(before.deadlines, settled.deadlines);
  const to = rulePinOf(settled);
  const concluded: CaseEvent = { ...event, ...(to ? { to } : {}), changes };
  let next: CaseState = { ...settled, events: settled.events.map((recorded) => (recorded.id === event.id ? concluded : recorded)) };
  // The event was queued for the register before its changes were known; the queued record is replaced by the complete one.
  next = queueEventRecord({ ...next, outbox: next.outbox.filter((item) => item.key !== `${next.caseId}/event/${event.id}`) }, concluded, 'migrateRules');
  for (const change of changes) {
    next = enqueue(next, { key: `${next.caseId}/migration/${event.id}/${change.deadlineId}`, kind: 'migration-notice', eventId: event.id, deadlineId: change.deadlineId });
    if (!movesEarlier(change)) continue;
    const record: EscalationRecord = {
      id: `${change.deadlineId}@${change.to}/moved-earlier`,
      deadlineId: change.deadlineId,
      dueDate: change.to,
      reason: 'moved-earlier',
      previousDueDate: change.from,
      at: toInstant(nowMs),
    };
    next = enqueue({ ...next, escalations: [...next.escalations, record] }, { key: `${next.caseId}/escalation/${record.id}`, kind: 'escalation', escalationId: record.id });
  }
  return next;
}
