import type { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Rule } from '../pack/schema';
import { type ClassifiedDay, isNonWorkingDay } from './day-kinds';

export interface RolledDate {
  date: DateTime;
  /**
   * The last day of the period and every day it moved to, as the calendar has them: all but the last are
   * non-working days. Empty when a date that never moves was not looked up.
   */
  days: ClassifiedDay[];
}

export interface RollInput {
  day: DateTime;
  counting: Pick<Rule['counting'], 'roll' | 'honoursPresidentialNonWorkingDays'>;
  /** A period counted in working days already ends on one, and has described its days while counting them. */
  countedInWorkingDays: boolean;
  calendar: WorkingCalendar;
  allowCalendarFallback: boolean;
}

/**
 * Moves a last day that is not a working day to the next working day (`next-working-day`, the statutory rule)
 * or to the one before (`previous-working-day`, for the organisation's own "file by" dates, which must not
 * move later). A date that never moves (`none`, e.g. the end of a certificate's validity) stays as it is.
 */
export function rollToWorkingDay({ day, counting, countedInWorkingDays, calendar, allowCalendarFallback }: RollInput): RolledDate {
  if (counting.roll === 'none') {
    // Looked up only so that the explanation can say it falls on a presidential non-working day; a validity
    // date beyond the covered years needs no calendar at all, so it must not fail for want of one.
    const lookedUp = !countedInWorkingDays && calendar.covers(day.year);
    return { date: day, days: lookedUp ? [{ day, info: calendar.classify(day, allowCalendarFallback) }] : [] };
  }
  const sign = counting.roll === 'next-working-day' ? 1 : -1;
  let last: ClassifiedDay = { day, info: calendar.classify(day, allowCalendarFallback) };
  const days = [last];
  while (isNonWorkingDay(last.info, counting.honoursPresidentialNonWorkingDays)) {
    const next = last.day.plus({ days: sign });
    last = { day: next, info: calendar.classify(next, allowCalendarFallback) };
    days.push(last);
  }
  return { date: last.day, days };
}
