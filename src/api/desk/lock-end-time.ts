import { DateTime } from 'luxon';

/**
 * When a sign-in lock ends, as the person reads a clock: HH:MM in their browser's time zone, or in
 * UTC, saying so, when the page could not tell it (its script did not run).
 */
export function lockEndTime(until: Date, timeZone: string | undefined): string {
  const time = DateTime.fromJSDate(until).setZone(timeZone ?? 'UTC');
  return timeZone === undefined ? `${time.toFormat('HH:mm')} UTC` : time.toFormat('HH:mm');
}
