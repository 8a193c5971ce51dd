import { DateTime } from 'luxon';
import { listJurisdictions } from '../rules';

const ZONES = new Map(listJurisdictions().map((jurisdiction) => [jurisdiction.code, jurisdiction.zone]));

/**
 * The last day of a period from the instant it ends (24:00 local time of that day), in the
 * jurisdiction's zone: visibility stores only the instant, staff think in days.
 */
export function dueDateOf(endsAt: string, jurisdiction: string): string {
  const zone = ZONES.get(jurisdiction) ?? 'UTC';
  return DateTime.fromISO(endsAt, { zone: 'UTC' }).minus({ milliseconds: 1 }).setZone(zone).toISODate() ?? endsAt.slice(0, 10);
}

/** The calendar day an instant falls on in the jurisdiction's zone, as its deadlines count days. */
export function todayIn(jurisdiction: string, now: Date): string {
  return DateTime.fromJSDate(now, { zone: ZONES.get(jurisdiction) ?? 'UTC' }).toISODate() ?? now.toISOString().slice(0, 10);
}
