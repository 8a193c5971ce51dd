import type { DateTime } from 'luxon';
import type { DayInfo } from '../calendar/working-calendar';

/** A day together with what the calendar says it is; the explanation cites the calendar's reason. */
export interface ClassifiedDay {
  day: DateTime;
  info: DayInfo;
}

/**
 * Whether a day is skipped when counting working days and moves a last day that falls on it. Weekends,
 * holidays, transferred days off and the court's own days off always do; a Russian presidential non-working day only where the rule
 * says so, because the Supreme Court held that such days do not move procedural deadlines.
 */
export function isNonWorkingDay(info: DayInfo, honoursPresidentialNonWorkingDays: boolean): boolean {
  if (info.kind === 'presidential-non-working') return honoursPresidentialNonWorkingDays;
  return info.kind === 'weekend' || info.kind === 'holiday' || info.kind === 'transferred-day-off' || info.kind === 'court-day-off';
}
