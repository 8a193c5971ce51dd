import { DateTime } from 'luxon';
import { InvalidInputError } from './errors';
import { loadCalendar } from '../rules/calendar/load-calendar';
import type { DayKind } from '../rules/calendar/working-calendar';
import { BUILT_IN_JURISDICTIONS } from '../rules/jurisdictions';

export interface OfficeDay {
  /** The local date in the jurisdiction's zone. */
  date: string;
  zone: string;
  kind: DayKind;
  /** Offices work on ordinary working days and on weekend days made working by decree. */
  working: boolean;
  /** True when the date lies outside the calendar's years and weekends plus fixed holidays decided. */
  fallback: boolean;
}

const CALENDARS = new Map(
  BUILT_IN_JURISDICTIONS.map((jurisdiction) => [jurisdiction.code, { zone: jurisdiction.zone, calendar: loadCalendar(jurisdiction.calendar).forRegion() }]),
);

/**
 * What kind of day an instant falls on in a jurisdiction, by its production calendar. Outside the
 * calendar's years the weekends-and-fixed-holidays fallback decides (and says so): a digest is a
 * convenience, and skipping one for want of next year's decree would be worse than a rare extra one.
 */
export function officeDay(jurisdiction: string, at: Date): OfficeDay {
  const known = CALENDARS.get(jurisdiction);
  if (!known) throw new InvalidInputError(`No calendar for jurisdiction "${jurisdiction}"; known: ${[...CALENDARS.keys()].join(', ')}`);
  const day = DateTime.fromJSDate(at, { zone: known.zone }).startOf('day');
  const info = known.calendar.classify(day, true);
  return {
    date: info.date,
    zone: known.zone,
    kind: info.kind,
    working: info.kind === 'working' || info.kind === 'working-weekend',
    fallback: info.fallback,
  };
}
