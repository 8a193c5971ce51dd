import { loadCalendar } from '../../src/rules/calendar/load-calendar';
import { RU_CALENDAR } from '../../src/rules/calendars/ru';
import type { ResolvedParam } from '../../src/rules/compute/inputs';
import { formatLocalDate, toDay } from '../../src/rules/local-date';
import type { Rule } from '../../src/rules/pack/schema';

/** The Russian production calendar 2014-2027, the one whose odd days (transfers, presidential days) the steps must handle. */
export const RU = loadCalendar(RU_CALENDAR).forRegion();

export const day = toDay;
export const dates = (days: ReadonlyArray<{ day: Parameters<typeof formatLocalDate>[0] }>): string[] => days.map((entry) => formatLocalDate(entry.day));

/** Civil Code arts. 191-193: from the day after the trigger, short months clamp, a non-working last day rolls forward. */
export const PROCEDURAL: Rule['counting'] = {
  start: 'day-after-trigger',
  monthEnd: 'clamp',
  roll: 'next-working-day',
  honoursPresidentialNonWorkingDays: false,
  observedHolidays: 'holidays',
};

export function param(name: string, value: number, overridden = false): ResolvedParam {
  return {
    name,
    value,
    overridden,
    definition: { default: value, min: 0, max: 100, integer: true, status: 'policy', description: { en: name, ru: name } },
  };
}

export function params(...list: ResolvedParam[]): ReadonlyMap<string, ResolvedParam> {
  return new Map(list.map((entry) => [entry.name, entry]));
}
