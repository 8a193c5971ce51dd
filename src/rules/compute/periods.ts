import type { DateTime } from 'luxon';
import type { PERIOD_UNITS } from '../pack/schema';

export type CalendarUnit = Exclude<(typeof PERIOD_UNITS)[number], 'working-days'>;

export interface ShiftResult {
  day: DateTime;
  /** The day of month the period aimed at when the target month is shorter (31 Jan + 1 month aims at 31 Feb). */
  clampedFrom?: number;
}

/** Whole months or years moved with `monthEnd` handling: `clamp` stops at the month's last day, `overflow` runs on. */
function shiftCalendar(day: DateTime, amount: number, unit: 'months' | 'years', monthEnd: 'clamp' | 'overflow'): ShiftResult {
  if (amount === 0) return { day };
  if (monthEnd === 'overflow') {
    return { day: day.startOf('month').plus({ [unit]: amount }).plus({ days: day.day - 1 }) };
  }
  const shifted = day.plus({ [unit]: amount });
  return shifted.day === day.day ? { day: shifted } : { day: shifted, clampedFrom: day.day };
}

/**
 * Moves `day` by a calendar period, forwards (`sign` 1) or backwards (-1). Half a month is 15 days
 * (Civil Code art. 192(2)), added after the whole months.
 */
export function shiftByPeriod(day: DateTime, amount: number, unit: CalendarUnit, sign: 1 | -1, monthEnd: 'clamp' | 'overflow'): ShiftResult {
  switch (unit) {
    case 'days':
      return { day: day.plus({ days: sign * amount }) };
    case 'weeks':
      return { day: day.plus({ weeks: sign * amount }) };
    case 'years':
      return shiftCalendar(day, sign * amount, 'years', monthEnd);
    case 'months': {
      const whole = Math.trunc(amount);
      const result = shiftCalendar(day, sign * whole, 'months', monthEnd);
      return amount === whole ? result : { ...result, day: result.day.plus({ days: sign * 15 }) };
    }
  }
}
