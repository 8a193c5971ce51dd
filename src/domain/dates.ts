import { z } from 'zod';
import { DateTime } from 'luxon';
import type { LocalDate } from '../rules/types';

/** A calendar date as staff enter it and as the law counts it: `YYYY-MM-DD`, no time, no zone. */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD', abort: true })
  .refine((value) => DateTime.fromISO(value, { zone: 'UTC' }).isValid, 'not a real calendar date');

/**
 * Local time zones reach at most 14 hours ahead of UTC, so no event can carry a date later than
 * the UTC date 14 hours from now, wherever the case is handled.
 */
const LATEST_ZONE_OFFSET_MS = 14 * 60 * 60 * 1000;

export function latestPossibleToday(nowMs: number): LocalDate {
  return new Date(nowMs + LATEST_ZONE_OFFSET_MS).toISOString().slice(0, 10);
}

export function toInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** The instant `daysBefore` days before `date` at `localTime` (HH:mm) in `zone`. */
export function localInstantMs(date: LocalDate, daysBefore: number, localTime: string, zone: string): number {
  const [hour, minute] = localTime.split(':').map(Number);
  const instant = DateTime.fromISO(date, { zone })
    .minus({ days: daysBefore })
    .set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
  if (!instant.isValid) throw new Error(`cannot place ${localTime} on ${date} in zone ${zone}: ${instant.invalidExplanation}`);
  return instant.toMillis();
}

/** The instant a period ending on `date` ends: 24:00 local time in `zone`, as ISO-8601 UTC. */
export function endOfLocalDay(date: LocalDate, zone: string): string {
  const end = DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day');
  if (!end.isValid) throw new Error(`cannot end ${date} in zone ${zone}: ${end.invalidExplanation}`);
  return end.toUTC().toISO()!;
}

/** Whole calendar days from `from` to `to`, counted on the dates alone so that no zone's clock change can shift them. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}
