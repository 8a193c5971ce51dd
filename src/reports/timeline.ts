import type { CaseEvent, CaseView } from '../domain';
import { textIn } from '../rules/localized-text';

export interface TimelineEntry {
  /** The date the entry stands at: an event's legal date, a deadline's due date, or the day something was sent. */
  date: string;
  kind: 'event' | 'deadline' | 'reminder' | 'escalation';
  title: string;
  detail: string;
  actor?: string;
}

const EVENT_TITLES: Record<CaseEvent['type'], string> = {
  'case-opened': 'Case opened',
  'application-lodged': 'Application lodged',
  'protection-granted': 'Protection granted',
  'refusal-notice-received': 'Refusal notice received',
  'complaint-filed': 'Complaint filed',
  'refusal-upheld': 'Refusal upheld on complaint',
  'refusal-overturned': 'Refusal overturned on complaint',
  'renewal-filed': 'Renewal filed',
  'protection-extended': 'Protection extended',
  'renewal-refusal-notice-received': 'Renewal refusal notice received',
  'protection-lapsed': 'Protection lapsed',
  'case-closed': 'Case closed',
  'event-date-corrected': 'Event date corrected',
  'reminder-acknowledged': 'Reminder acknowledged',
  'case-reassigned': 'Case reassigned',
};

function eventDetail(event: CaseEvent): string {
  switch (event.type) {
    case 'case-opened':
      return `office ${event.office}, caseworker ${event.caseworker}`;
    case 'application-lodged':
      return `attempt ${event.attempt}`;
    case 'protection-granted':
    case 'protection-extended':
      return event.validUntil ? `valid until ${event.validUntil}` : 'validity as the rules give it';
    case 'complaint-filed':
    case 'refusal-upheld':
    case 'refusal-overturned':
      return `forum: ${event.forum}`;
    case 'case-closed':
      return `reason: ${event.reason}`;
    case 'event-date-corrected':
      return `event #${event.eventId}: ${event.from} → ${event.to} (${event.reason})`;
    case 'reminder-acknowledged':
      return event.reminderId;
    case 'case-reassigned':
      return `${event.from.office}/${event.from.caseworker} → ${event.to.office}/${event.to.caseworker}`;
    default:
      return '';
  }
}

/** The case's history and its deadlines in one chronological list, as staff read it. */
export function caseTimeline(view: CaseView): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const event of view.events) {
    entries.push({
      date: 'on' in event ? event.on : event.recordedAt.slice(0, 10),
      kind: 'event',
      title: `#${event.id} ${EVENT_TITLES[event.type]}`,
      detail: eventDetail(event),
      actor: event.actor,
    });
  }
  for (const deadline of view.deadlines) {
    entries.push({
      date: deadline.deadline.dueDate,
      kind: 'deadline',
      title: deadline.deadline.title.en,
      detail: `${deadline.status}${deadline.deadline.informational ? ', for information' : ''} · ${textIn(deadline.deadline.citation, 'en')}`,
    });
  }
  for (const reminder of view.reminders) {
    if (!reminder.delivery) continue;
    entries.push({
      date: reminder.delivery.deliveredAt.slice(0, 10),
      kind: 'reminder',
      title: `Reminder, ${reminder.daysBefore} day(s) before ${reminder.dueDate}`,
      detail: `${reminder.delivery.channel}${reminder.acknowledged ? `, acknowledged by ${reminder.acknowledged.by}` : ''}`,
    });
  }
  for (const escalation of view.escalations) {
    entries.push({
      date: escalation.at.slice(0, 10),
      kind: 'escalation',
      title: `Escalated: ${escalation.reason}`,
      detail: `deadline due ${escalation.dueDate}`,
    });
  }
  // Stable: on the same day, events come before the deadlines and messages they caused.
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.date.localeCompare(b.entry.date) || a.index - b.index).map(({ entry }) => entry);
}
