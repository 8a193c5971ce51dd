import type { DateTime } from 'luxon';

export interface NotBeforeTrigger {
  date: DateTime;
  /** The computed date, when it lay before the trigger and was replaced by it. */
  wouldHaveBeen?: DateTime;
}

/**
 * A date counted back from a later one (file one month before expiry) can fall before the event that starts
 * the clock, when the time left is shorter than the lead time. It cannot be met in the past: it is due at once.
 */
export function notBeforeTrigger(due: DateTime, trigger: DateTime): NotBeforeTrigger {
  return due >= trigger ? { date: due } : { date: trigger, wouldHaveBeen: due };
}
