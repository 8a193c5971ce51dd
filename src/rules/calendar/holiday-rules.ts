import type { DateTime } from 'luxon';
import { dayFromParts } from '../local-date';
import { easterSunday } from './easter';
import type { HolidayRule, HolidaySpec } from './schema';

export interface GeneratedHoliday {
  day: DateTime;
  name: string;
  /** True when the holiday itself fell on a weekend and this is the weekday that replaces it. */
  observed: boolean;
}

/** The date a holiday rule gives in `year`, or undefined when the rule names a day the month does not have. */
export function holidayDate(rule: HolidayRule, year: number): DateTime | undefined {
  switch (rule.type) {
    case 'fixed': {
      const day = dayFromParts(year, rule.month, rule.day);
      return day.isValid ? day : undefined;
    }
    case 'nth-weekday': {
      if (rule.n === -1) {
        const last = dayFromParts(year, rule.month, 1).endOf('month').startOf('day');
        return last.minus({ days: (last.weekday - rule.weekday + 7) % 7 });
      }
      const first = dayFromParts(year, rule.month, 1);
      const day = first.plus({ days: ((rule.weekday - first.weekday + 7) % 7) + 7 * (rule.n - 1) });
      return day.month === rule.month ? day : undefined;
    }
    case 'easter':
      return easterSunday(year).plus({ days: rule.offsetDays });
    case 'weekday-before': {
      const reference = dayFromParts(year, rule.month, rule.day);
      return reference.minus({ days: ((reference.weekday - rule.weekday + 7) % 7) || 7 });
    }
  }
}

function appliesTo(spec: HolidaySpec, year: number, region: string | undefined): boolean {
  if (spec.fromYear !== undefined && year < spec.fromYear) return false;
  if (spec.toYear !== undefined && year > spec.toYear) return false;
  if (spec.years && !spec.years.includes(year)) return false;
  if (spec.regions && (region === undefined || !spec.regions.includes(region))) return false;
  return true;
}

/**
 * The holidays the specs give for `year` in `region`. With `nearest-weekday` observance a Saturday holiday
 * is observed on the Friday before and a Sunday one on the Monday after, which can cross into the
 * neighbouring year (1 January on a Saturday is observed on 31 December), so callers generate neighbours too.
 */
export function generateHolidays(
  specs: readonly HolidaySpec[],
  year: number,
  region: string | undefined,
  observance: 'none' | 'nearest-weekday',
): GeneratedHoliday[] {
  const holidays: GeneratedHoliday[] = [];
  for (const spec of specs) {
    if (!appliesTo(spec, year, region)) continue;
    const day = holidayDate(spec.rule, year);
    if (!day) continue;
    if (observance === 'nearest-weekday' && day.weekday === 6) {
      holidays.push({ day: day.minus({ days: 1 }), name: spec.name, observed: true });
    } else if (observance === 'nearest-weekday' && day.weekday === 7) {
      holidays.push({ day: day.plus({ days: 1 }), name: spec.name, observed: true });
    } else {
      holidays.push({ day, name: spec.name, observed: false });
    }
  }
  return holidays;
}
