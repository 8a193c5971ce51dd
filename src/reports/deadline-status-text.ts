import type { CaseView, DeadlineView } from '../domain';
import { eventTitle } from '../rules/event-titles';

function eventWords(view: CaseView, eventId: number): string {
  const event = view.events.find((candidate) => candidate.id === eventId);
  if (!event) return `event #${eventId}`;
  const title = eventTitle(event.type)?.en ?? event.type.replace(/-/g, ' ');
  return `${title}${'on' in event ? ` on ${event.on}` : ''} (event #${eventId})`;
}

/**
 * A deadline's status as staff read it. A deadline that something made moot says what, so that no
 * right disappears from the case without a reason anyone can check.
 */
export function deadlineStatusText(view: CaseView, item: DeadlineView): string {
  switch (item.status) {
    case 'met':
      return `met: ${eventWords(view, item.byEventId)}`;
    case 'superseded':
      if (item.why === 'case-closed') return `no longer needed: the case was closed on ${item.on}`;
      if (item.why === 'replaced') return `no longer needed: replaced by the deadline from ${eventWords(view, item.byEventId)}`;
      return `no longer needed, because of ${eventWords(view, item.byEventId)}`;
    case 'void':
      return `void: the event that started it was voided (event #${item.byEventId})`;
    case 'waived':
      return `waived by staff (event #${item.byEventId}): ${item.reason}`;
    case 'missed':
      return `missed since ${item.since}`;
    case 'expired':
      return 'ended (for information)';
    case 'open':
      return 'open';
  }
}
