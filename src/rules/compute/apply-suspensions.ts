import type { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { daysBetween } from '../local-date';
import type { Rule } from '../pack/schema';
import type { BaseDate } from './base-date';
import type { ClockStop } from './clock-stops';
import { countWorkingDays, type WorkingDaysEnd } from './count-working-days';
import { isNonWorkingDay } from './day-kinds';
import { shiftByPeriod } from './periods';
import type { ResolvedPeriod } from './rule-params';

/** For a period counted in working days: the working days that run after a stop, counted on the calendar. */
export interface WorkingDaysAfterStop {
  /** How many working days run after the stop's last day. */
  amount: number;
  /** Every day looked at from the day after the stop, in order, and whether it counted; the last one is the new end. */
  days: WorkingDaysEnd['days'];
}

export type SuspensionEffect =
  /** A `warn` window overlaps the running period; whether it applies is unconfirmed, so the date did not move. */
  | { kind: 'may-apply'; stop: ClockStop; end: DateTime }
  /**
   * The clock was stopped when the period would have started: the whole period runs from `runsFrom`.
   * `workingDays` is there only for a period in working days, which is counted again on the calendar.
   */
  | { kind: 'stopped-before-start'; stop: ClockStop; runsFrom: DateTime; end: DateTime; workingDays?: WorkingDaysAfterStop }
  /**
   * The clock stopped from `stoppedFrom` while the period ran: the `daysLeft` days run after the stop.
   * `daysLeft` is in the period's own kind of day: calendar days for a period in days, weeks, months or years
   * (or a stated date), working days for a period in working days, which then also has `workingDays`
   * (with `workingDays.amount === daysLeft`).
   */
  | { kind: 'stopped-while-running'; stop: ClockStop; stoppedFrom: DateTime; daysLeft: number; end: DateTime; workingDays?: WorkingDaysAfterStop };

export interface SuspendedEnd {
  date: DateTime;
  /** What each window did, in the order of their first days; windows that did not touch the period are left out. */
  effects: SuspensionEffect[];
}

export interface SuspensionInput {
  trigger: DateTime;
  /** The period's end before any suspension. */
  rawEnd: DateTime;
  stops: readonly ClockStop[];
  /** How the period was measured, to run it again in full after a stop that covers its start. */
  base: BaseDate;
  period: ResolvedPeriod | undefined;
  counting: Pick<Rule['counting'], 'start' | 'monthEnd' | 'honoursPresidentialNonWorkingDays'>;
  /** Consulted only for a period in working days, whose days left are counted again as working days. */
  calendar: WorkingCalendar;
  allowCalendarFallback: boolean;
}

/**
 * The end of a calendar period that only starts running on the day after `stopEnd`. Measured from the
 * trigger, it is counted again as the rule counts it, as if the trigger had been the stop's last day, so that
 * months stay months (after a stop ending 15 Jun, three months end on 15 Sep). Measured from a stated date,
 * it keeps the number of days it had. A period in working days never comes here (see `workingDaysAfter`).
 */
function restartedEnd(stopEnd: DateTime, { trigger, rawEnd, base, period, counting }: SuspensionInput): DateTime {
  if (base.source.from !== 'trigger') return stopEnd.plus({ days: daysBetween(trigger, rawEnd) });
  let day = stopEnd;
  for (const step of [base.shift?.by, period]) {
    if (!step || step.unit === 'working-days') continue;
    day = shiftByPeriod(day, step.amount, step.unit, 1, counting.monthEnd).day;
  }
  return period && counting.start === 'trigger-day' ? day.minus({ days: 1 }) : day;
}

/** The working days from `from` to `to`, both inclusive, as the rule counts them (presidential days per the rule). */
function workingDaysFromTo(from: DateTime, to: DateTime, { calendar, allowCalendarFallback, counting }: SuspensionInput): number {
  let count = 0;
  for (let day = from; day <= to; day = day.plus({ days: 1 })) {
    if (!isNonWorkingDay(calendar.classify(day, allowCalendarFallback), counting.honoursPresidentialNonWorkingDays)) count += 1;
  }
  return count;
}

/** `amount` working days counted from the day after `stopEnd`: the stop's own days never count. */
function workingDaysAfter(stopEnd: DateTime, amount: number, { calendar, allowCalendarFallback, counting }: SuspensionInput): { end: DateTime; workingDays: WorkingDaysAfterStop } {
  const counted = countWorkingDays({
    base: stopEnd,
    amount,
    direction: 'after',
    counting: { start: 'day-after-trigger', honoursPresidentialNonWorkingDays: counting.honoursPresidentialNonWorkingDays },
    calendar,
    allowCalendarFallback,
  });
  return { end: counted.date, workingDays: { amount, days: counted.days } };
}

/**
 * Stops the clock for the suspension windows. One that starts inside the period adds the days that were left
 * on its first day after its last day; one that covers the period's start makes the whole period run after it.
 * Overlapping windows count once: a later window starts where the clock is running again. A period in working
 * days stays one: the working days left (from the stop's first day, or the day the period runs from, to the
 * end) are counted again as working days after the stop.
 */
export function applySuspensions(input: SuspensionInput): SuspendedEnd {
  const { trigger, rawEnd } = input;
  const inWorkingDays = input.period?.unit === 'working-days';
  const effects: SuspensionEffect[] = [];
  let end = rawEnd;
  let runningFrom = trigger.plus({ days: 1 });
  // The first day a period in working days counts: the trigger itself when the rule counts it, later the day after a stop.
  let countsFrom = input.counting.start === 'trigger-day' ? trigger : runningFrom;
  let stoppedUntil: DateTime | undefined;
  const byFirstDay = [...input.stops].sort((a, b) => a.from.toMillis() - b.from.toMillis());
  for (const stop of byFirstDay) {
    if (stop.effect === 'warn') {
      if (stop.from <= end && stop.to >= runningFrom) effects.push({ kind: 'may-apply', stop, end });
      continue;
    }
    const from = stoppedUntil && stop.from <= stoppedUntil ? stoppedUntil.plus({ days: 1 }) : stop.from;
    if (from > stop.to || from > end || stop.to < runningFrom) continue;
    stoppedUntil = stop.to;
    const coversStart = from <= runningFrom;
    if (inWorkingDays) {
      // The working days of the period still to run when the clock stopped: from its first stopped day, or
      // from the period's first counted day (or the day after an earlier stop that covered it) when it covers that.
      const left = workingDaysFromTo(from > countsFrom ? from : countsFrom, end, input);
      const after = workingDaysAfter(stop.to, left, input);
      const workingDays = after.workingDays;
      end = after.end;
      if (coversStart) {
        runningFrom = stop.to.plus({ days: 1 });
        countsFrom = runningFrom;
        effects.push({ kind: 'stopped-before-start', stop, runsFrom: runningFrom, end, workingDays });
      } else {
        effects.push({ kind: 'stopped-while-running', stop, stoppedFrom: from, daysLeft: left, end, workingDays });
      }
    } else if (coversStart) {
      end = restartedEnd(stop.to, input);
      runningFrom = stop.to.plus({ days: 1 });
      effects.push({ kind: 'stopped-before-start', stop, runsFrom: runningFrom, end });
    } else {
      const daysLeft = daysBetween(from, end) + 1;
      end = stop.to.plus({ days: daysLeft });
      effects.push({ kind: 'stopped-while-running', stop, stoppedFrom: from, daysLeft, end });
    }
  }
  return { date: end, effects };
}
