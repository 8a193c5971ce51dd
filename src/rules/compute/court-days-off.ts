import { parseDayList } from '../calendar/day-list';
import type { RecurringDayOff, WorkingCalendar } from '../calendar/working-calendar';
import type { CourtDaysOff, RulePack } from '../pack/schema';
import { conditionsHold, type FactValue } from './inputs';

/** A leap year, so that a 29 February in the list reads; only the month and day are kept. */
const ANY_LEAP_YEAR = 2000;

/** A pack's group of court days off as single month-days; throws an Error naming a bad item. */
export function recurringDaysOff(group: CourtDaysOff): RecurringDayOff[] {
  return parseDayList(group.days, ANY_LEAP_YEAR).map((day) => ({ monthDay: day.toFormat('MM-dd'), name: group.name, source: group.source }));
}

const compiled = new WeakMap<CourtDaysOff, RecurringDayOff[]>();
const withDaysOff = new WeakMap<WorkingCalendar, Map<string, WorkingCalendar>>();

/**
 * The calendar a deadline of this pack is counted on: the country's (and region's), plus the days the court
 * does not work that the facts select (a closure every case has, a holiday of the court's seat). Built once
 * per calendar and selection: the engine computes thousands of deadlines on the same few.
 */
export function courtCalendar(calendar: WorkingCalendar, pack: RulePack, facts: ReadonlyMap<string, FactValue>): WorkingCalendar {
  const selected = pack.courtDaysOff.map((group, index) => [group, index] as const).filter(([group]) => conditionsHold(group, facts, pack));
  if (selected.length === 0) return calendar;
  const key = `${pack.jurisdiction}/${pack.procedure}:${selected.map(([, index]) => index).join(',')}`;
  let byKey = withDaysOff.get(calendar);
  if (!byKey) withDaysOff.set(calendar, (byKey = new Map()));
  let court = byKey.get(key);
  if (!court) {
    const days = selected.flatMap(([group]) => {
      let days = compiled.get(group);
      if (!days) compiled.set(group, (days = recurringDaysOff(group)));
      return days;
    });
    byKey.set(key, (court = calendar.withCourtDaysOff(days)));
  }
  return court;
}
