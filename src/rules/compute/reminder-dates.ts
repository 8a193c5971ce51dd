import type { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { daysBetween, formatLocalDate } from '../local-date';
import type { LocalDate } from '../types';
import { rollToWorkingDay } from './roll-to-working-day';

export interface ReminderDate {
  /** The days before the due date the reminder was planned at; it names the reminder. */
  daysBefore: number;
  /** The working day on which it goes out. */
  on: LocalDate;
}

export interface ReminderDatesInput {
  /** Days before the due date: the rule's own, or else the case's reminder policy. */
  offsetsDays: readonly number[];
  due: DateTime;
  trigger: DateTime;
  calendar: WorkingCalendar;
}

/**
 * The day each reminder goes out. One that would fall on a weekend, a holiday or any other day off (a
 * presidential non-working day too: offices are closed, although such days do not move deadlines) goes out
 * on the working day before, because nobody reads it on the day off and the day after may be too late.
 * A reminder never goes out before the trigger, when there was nothing to remind of yet; and where
 * several land on one working day only the earliest planned goes out, so staff get one reminder a day.
 * Reminders are a courtesy, not legal dates: beyond the calendar's years weekends and fixed holidays
 * decide, rather than a reminder failing the whole computation.
 */
export function reminderDates({ offsetsDays, due, trigger, calendar }: ReminderDatesInput): ReminderDate[] {
  const dates: ReminderDate[] = [];
  for (const daysBefore of [...offsetsDays].sort((a, b) => b - a)) {
    const { date: workingDay } = rollToWorkingDay({
      day: due.minus({ days: daysBefore }),
      counting: { roll: 'previous-working-day', honoursPresidentialNonWorkingDays: true },
      countedInWorkingDays: false,
      calendar,
      allowCalendarFallback: true,
    });
    const on = formatLocalDate(workingDay);
    if (daysBetween(trigger, workingDay) >= 0 && !dates.some((planned) => planned.on === on)) dates.push({ daysBefore, on });
  }
  return dates;
}
