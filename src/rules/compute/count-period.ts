import type { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Rule } from '../pack/schema';
import { countWorkingDays, type WorkingDaysEnd } from './count-working-days';
import { shiftByPeriod } from './periods';
import type { ResolvedPeriod } from './rule-params';

export interface CalendarPeriodEnd {
  kind: 'calendar';
  /** The period's last day before any roll to a working day. */
  date: DateTime;
  /** The first day of the period: the day after the base, or the base itself when it starts on the trigger day. */
  firstDay: DateTime;
  /** The day of month the period aimed at when the month it ends in is shorter (31 Jan + 1 month aims at 31 Feb). */
  clampedFrom?: number;
}

export type PeriodEnd = CalendarPeriodEnd | WorkingDaysEnd;

export interface PeriodInput {
  base: DateTime;
  period: ResolvedPeriod;
  rule: Pick<Rule, 'direction' | 'counting'>;
  calendar: WorkingCalendar;
  allowCalendarFallback: boolean;
}

/**
 * Where the rule's period ends, counted from the base date forwards (`after`) or backwards (`before`).
 * A period that starts on the day after its trigger ends on the day with the base's number (Civil Code
 * art. 192, BGB 188): 26 Jan + 1 month ends on 26 Feb. One that counts the trigger day itself ends a day sooner.
 */
export function countPeriod({ base, period, rule, calendar, allowCalendarFallback }: PeriodInput): PeriodEnd {
  const { direction, counting } = rule;
  if (period.unit === 'working-days') return countWorkingDays({ base, amount: period.amount, direction, counting, calendar, allowCalendarFallback });
  const sign = direction === 'after' ? 1 : -1;
  const startsDayAfter = counting.start === 'day-after-trigger';
  const shifted = shiftByPeriod(base, period.amount, period.unit, sign, counting.monthEnd);
  return {
    kind: 'calendar',
    date: startsDayAfter ? shifted.day : shifted.day.minus({ days: sign }),
    firstDay: startsDayAfter ? base.plus({ days: sign }) : base,
    clampedFrom: shifted.clampedFrom,
  };
}
