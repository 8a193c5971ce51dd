import { isProcedureEvent, movesEarlier, type CaseEvent, type CaseView, type DeadlineChange, type ProcedureEventType } from '../domain';
import { eventTitle } from '../rules/event-titles';
import { textIn } from '../rules/localized-text';

export interface TimelineEntry {
  /** The date the entry stands at: an event's legal date, a deadline's due date, or the day something was sent. */
  date: string;
  kind: 'event' | 'deadline' | 'reminder' | 'escalation';
  title: string;
  detail: string;
  actor?: string;
}

/** Titles of what staff and the engine record besides the procedure's own events (whose titles the rules give). */
const RECORD_TITLES: Record<Exclude<CaseEvent['type'], ProcedureEventType>, string> = {
  'case-opened': 'Case opened',
  'protection-lapsed': 'Protection lapsed',
  'case-closed': 'Case closed',
  'event-date-corrected': 'Event date corrected',
  'fact-corrected': 'Fact corrected',
  'rule-params-corrected': 'Rule parameters corrected',
  'event-voided': 'Event voided',
  'stay-recorded': 'Stay recorded',
  'deadline-waived': 'Deadline waived',
  'case-linked': 'Related case linked',
  'reminder-acknowledged': 'Reminder acknowledged',
  'case-reassigned': 'Case reassigned',
  'rules-migrated': 'Migrated to the installed rule data',
  'deadline-overridden': 'Deadline set by hand',
};

function eventHeading(event: CaseEvent): string {
  if (!isProcedureEvent(event)) return RECORD_TITLES[event.type];
  const title = eventTitle(event.type)?.en ?? event.type;
  return title.charAt(0).toUpperCase() + title.slice(1);
}

function describeChanges(changes: readonly DeadlineChange[]): string {
  if (changes.length === 0) return 'no deadline changed';
  return changes
    .map((change) => {
      const title = change.deadline.title.en;
      if (change.change === 'moved') return `${title}: ${change.from} → ${change.to}${movesEarlier(change) ? ' (EARLIER)' : ''}`;
      return change.change === 'added' ? `${title}: new, ${change.to}` : `${title}: ${change.from}, no longer applies`;
    })
    .join('; ');
}

function eventDetail(event: CaseEvent): string {
  if (isProcedureEvent(event)) {
    const facts = Object.entries(event.facts ?? {}).map(([name, value]) => `${name}: ${String(value)}`);
    return [...(event.attempt !== undefined ? [`attempt ${event.attempt}`] : []), ...facts].join(', ');
  }
  switch (event.type) {
    case 'case-opened':
      return `office ${event.office}, caseworker ${event.caseworker}`;
    case 'case-closed':
      return `reason: ${event.reason}`;
    case 'event-date-corrected':
      return `event #${event.eventId}: ${event.from} → ${event.to} (${event.reason})`;
    case 'fact-corrected':
      return `event #${event.eventId}: ${event.fact} ${event.from === undefined ? 'not given' : String(event.from)} → ${String(event.to)} (${event.reason})`;
    case 'rule-params-corrected': {
      const params = Object.entries(event.to).map(([name, value]) => `${name}: ${value}`);
      return `${params.length > 0 ? params.join(', ') : "the pack's defaults"} (${event.reason})`;
    }
    case 'event-voided':
      return `event #${event.eventId} (${event.reason})`;
    case 'stay-recorded':
      return `${event.from} to ${event.to} (${event.reason})`;
    case 'deadline-waived':
      return `${event.deadlineId} due ${event.dueDate} (${event.reason})`;
    case 'case-linked':
      return `${event.caseNumber}, ${event.relation}`;
    case 'reminder-acknowledged':
      return event.reminderId;
    case 'case-reassigned':
      return `${event.from.office}/${event.from.caseworker} → ${event.to.office}/${event.to.caseworker}`;
    case 'deadline-overridden':
      return `${event.deadlineId}: ${event.dueDate} (the rule gives ${event.computedDueDate}; ${event.reason})`;
    case 'rules-migrated':
      return `${describeChanges(event.changes ?? [])} (${event.reason})`;
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
      title: `#${event.id} ${eventHeading(event)}`,
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
