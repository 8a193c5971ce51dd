import { DateTime } from 'luxon';
import type { LocalDate } from './types';

/**
 * Date arithmetic runs on UTC midnights, so that no zone's daylight-saving shift can move a calendar date;
 * a jurisdiction's zone enters only when a due date becomes an instant (`endOfLocalDay`).
 */
const DATE_ONLY = { zone: 'utc' } as const;
const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A strictly formatted, existing calendar date (`2016-02-30` is refused), or undefined. */
export function parseLocalDate(text: string): DateTime | undefined {
  if (!LOCAL_DATE_PATTERN.test(text)) return undefined;
  const day = DateTime.fromISO(text, DATE_ONLY);
  return day.isValid ? day : undefined;
}

export function isLocalDate(text: string): boolean {
  return parseLocalDate(text) !== undefined;
}

/** For dates already validated at the boundary; a bad one here is a programming error. */
export function toDay(date: LocalDate): DateTime {
  const day = parseLocalDate(date);
  if (!day) throw new Error(`not a calendar date: ${JSON.stringify(date)}`);
  return day;
}

export function dayFromParts(year: number, month: number, dayOfMonth: number): DateTime {
  return DateTime.utc(year, month, dayOfMonth);
}

export function formatLocalDate(day: DateTime): LocalDate {
  return day.toFormat('yyyy-MM-dd');
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DateTime, to: DateTime): number {
  return Math.round(to.diff(from, 'days').days);
}

/** The instant a period ends: 24:00 local time of `date` in `zone`, i.e. the start of the next local day, in UTC. */
export function endOfLocalDay(date: LocalDate, zone: string): string {
  const instant = DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day').toUTC().toISO();
  if (!instant) throw new Error(`cannot place ${date} in zone ${zone}`);
  return instant;
}

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
