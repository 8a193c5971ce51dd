import ical, { ICalAlarmRelatesTo, ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { daysBetween, type CaseView, type DeadlineView } from '../../domain';
import { renderExplanation } from '../../rules';

export interface CalendarFeedContent {
  /** Shown as the calendar's name in Outlook or Google Calendar. */
  name: string;
  cases: CaseView[];
  /** Where the staff desk lives, for a link from each event to its case page. */
  deskUrl: string;
}

const SHOWN_STATUSES: ReadonlySet<DeadlineView['status']> = new Set(['open', 'missed']);
const HOUR_SECONDS = 3600;
const DAY_SECONDS = 24 * HOUR_SECONDS;

/**
 * One all-day event per deadline that still matters (open, or missed and not yet dealt with), on its
 * due date, with an alarm for each reminder the engine sends. Event ids are the deadlines' ids, so a
 * corrected date moves the event in subscribed calendars instead of adding another.
 * Only case numbers, deadline kinds and the rules' explanations appear: no applicant data.
 */
export function renderCalendar(content: CalendarFeedContent): string {
  const calendar = ical({
    name: content.name,
    prodId: { company: 'asylum-docket', product: 'deadlines', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: HOUR_SECONDS,
  });
  for (const view of content.cases) {
    const [hour = 9, minute = 0] = view.reminderPolicy.localTime.split(':').map(Number);
    const secondsIntoDay = hour * HOUR_SECONDS + minute * 60;
    for (const deadline of view.deadlines) {
      if (!SHOWN_STATUSES.has(deadline.status)) continue;
      const { deadline: computed } = deadline;
      // Reminders matter only while the deadline can still be met; the engine sends none for information.
      // Days left when each goes out: on the working day the engine moved it to, or (older deadlines) the plain offset.
      const offsets =
        computed.informational || deadline.status !== 'open'
          ? []
          : (computed.reminderDates?.map(({ on }) => daysBetween(on, computed.dueDate)) ??
            computed.reminderOffsetsDays ??
            view.reminderPolicy.offsetsDays);
      const caseUrl = `${content.deskUrl}/cases/${encodeURIComponent(view.caseNumber)}`;
      const event = calendar.createEvent({
        id: `${view.caseNumber}/${deadline.id}@asylum-docket`,
        start: allDayDate(computed.dueDate),
        allDay: true,
        summary: `${deadline.status === 'missed' ? 'MISSED: ' : ''}${view.caseNumber}: ${computed.title.en}${computed.informational ? ' (for information)' : ''}`,
        description: [
          [
            `${computed.title.en} / ${computed.title.ru}`,
            `Office ${view.office}, caseworker ${view.caseworker}, stage ${view.stage}.`,
            ...(offsets.length > 0 ? [`Reminders: ${offsets.map((days) => (days === 0 ? 'on the day' : `${days} d before`)).join(', ')}.`] : []),
          ].join('\n'),
          renderExplanation(computed, 'en'),
          renderExplanation(computed, 'ru'),
          caseUrl,
        ].join('\n\n'),
        url: caseUrl,
        categories: [{ name: computed.kind }],
      });
      for (const days of offsets) {
        // Relative to the start of the due date: `days` earlier, at the policy's local time of day.
        const secondsBeforeStart = days * DAY_SECONDS - secondsIntoDay;
        event
          .createAlarm({
            type: ICalAlarmType.display,
            description: `${view.caseNumber}: ${computed.title.en} due ${computed.dueDate}`,
            ...(secondsBeforeStart >= 0 ? { triggerBefore: secondsBeforeStart } : { triggerAfter: -secondsBeforeStart }),
          })
          // Said explicitly: left unset, the library measures an alarm after the start from the event's end.
          .relatesTo(ICalAlarmRelatesTo.start);
      }
    }
  }
  return calendar.toString();
}

/** An all-day date: ical-generator writes all-day dates from the UTC calendar day of the value it gets. */
function allDayDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
