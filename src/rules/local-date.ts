import { DateTime } from 'luxon';
import type { LocalDate } from './types';

/**
 * Date arithmetic runs on UTC midnights, so that no zone's daylight-saving shift can move a calendar date;
 * a jurisdiction's zone enters only when a due date becomes an instant (`endOfLocalDay`).
 */
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A strictly formatted, existing calendar date (`2016-02-30` is refused), or undefined. */
export function parseLocalDate(text: string): DateTime | undefined {
  const match = LOCAL_DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const day = DateTime.utc(Number(match[1]), Number(match[2]), Number(match[3]));
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

const pad2 = (value: number): string => (value < 10 ? `0${value}` : `${value}`);

/** `YYYY-MM-DD`; built by hand because it runs for every day a computation looks at (luxon's formatter is slow). */
export function formatLocalDate(day: DateTime): LocalDate {
  return `${day.year}-${pad2(day.month)}-${pad2(day.day)}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DateTime, to: DateTime): number {
  return Math.round(to.diff(from, 'days').days);
}

// Zone offsets are the expensive part of luxon; due dates repeat a lot, and the answer never changes.
const END_OF_DAY_CACHE = new Map<string, string>();
const END_OF_DAY_CACHE_LIMIT = 50_000;

/** The instant a period ends: 24:00 local time of `date` in `zone`, i.e. the start of the next local day, in UTC. */
export function endOfLocalDay(date: LocalDate, zone: string): string {
  const key = `${zone} ${date}`;
  const cached = END_OF_DAY_CACHE.get(key);
  if (cached) return cached;
  const next = toDay(date).plus({ days: 1 });
  // Midnight in the zone; where a daylight-saving jump skips midnight, luxon moves to the first existing instant.
  const instant = DateTime.fromObject({ year: next.year, month: next.month, day: next.day }, { zone }).toUTC().toISO();
  if (!instant) throw new Error(`cannot place ${date} in zone ${zone}`);
  if (END_OF_DAY_CACHE.size >= END_OF_DAY_CACHE_LIMIT) END_OF_DAY_CACHE.clear();
  END_OF_DAY_CACHE.set(key, instant);
  return instant;
}

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
