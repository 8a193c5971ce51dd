import type { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Rule } from '../pack/schema';
import { type ClassifiedDay, isNonWorkingDay } from './day-kinds';

export interface WorkingDaysEnd {
  kind: 'working-days';
  /** The last working day of the period. */
  date: DateTime;
  /** The first day looked at: the day after the base, or the base itself when the period starts on the trigger day. */
  firstDay: DateTime;
  /** Every day looked at, in order, and whether it counted; the last one is the period's last day. */
  days: Array<ClassifiedDay & { counted: boolean }>;
}

export interface WorkingDaysInput {
  base: DateTime;
  amount: number;
  direction: Rule['direction'];
  counting: Pick<Rule['counting'], 'start' | 'honoursPresidentialNonWorkingDays'>;
  calendar: WorkingCalendar;
  allowCalendarFallback: boolean;
}

/**
 * Counts `amount` working days from the base, forwards or backwards, skipping the days the calendar marks
 * off. The period therefore always ends on a working day and is never rolled afterwards.
 */
export function countWorkingDays({ base, amount, direction, counting, calendar, allowCalendarFallback }: WorkingDaysInput): WorkingDaysEnd {
  const sign = direction === 'after' ? 1 : -1;
  const firstDay = counting.start === 'day-after-trigger' ? base.plus({ days: sign }) : base;
  const days: WorkingDaysEnd['days'] = [];
  let counted = 0;
  for (let day = firstDay; ; day = day.plus({ days: sign })) {
    const info = calendar.classify(day, allowCalendarFallback);
    const counts = !isNonWorkingDay(info, counting.honoursPresidentialNonWorkingDays);
    days.push({ day, info, counted: counts });
    if (counts) {
      counted += 1;
      if (counted >= amount) return { kind: 'working-days', date: day, firstDay, days };
    }
  }
}
