import type { DateTime } from 'luxon';
import { daysBetween } from '../local-date';
import type { Rule } from '../pack/schema';
import type { BaseDate } from './base-date';
import type { ClockStop } from './clock-stops';
import { shiftByPeriod } from './periods';
import type { ResolvedPeriod } from './rule-params';

export type SuspensionEffect =
  /** A `warn` window overlaps the running period; whether it applies is unconfirmed, so the date did not move. */
  | { kind: 'may-apply'; stop: ClockStop; end: DateTime }
  /** The clock was stopped when the period would have started: the whole period runs from `runsFrom`. */
  | { kind: 'stopped-before-start'; stop: ClockStop; runsFrom: DateTime; end: DateTime }
  /** The clock stopped from `stoppedFrom` while the period ran: the `daysLeft` days run after the stop. */
  | { kind: 'stopped-while-running'; stop: ClockStop; stoppedFrom: DateTime; daysLeft: number; end: DateTime };

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
  counting: Pick<Rule['counting'], 'start' | 'monthEnd'>;
}

/**
 * The end of a period that only starts running on the day after `stopEnd`. Measured from the trigger, it is
 * counted again as the rule counts it, as if the trigger had been the stop's last day, so that months stay
 * months (after a stop ending 15 Jun, three months end on 15 Sep). Measured from a stated date, or in working
 * days, it keeps the number of days it had.
 */
function restartedEnd(stopEnd: DateTime, { trigger, rawEnd, base, period, counting }: SuspensionInput): DateTime {
  if (base.source.from !== 'trigger' || period?.unit === 'working-days') return stopEnd.plus({ days: daysBetween(trigger, rawEnd) });
  let day = stopEnd;
  for (const step of [base.shift?.by, period]) {
    if (!step || step.unit === 'working-days') continue;
    day = shiftByPeriod(day, step.amount, step.unit, 1, counting.monthEnd).day;
  }
  return period && counting.start === 'trigger-day' ? day.minus({ days: 1 }) : day;
}

/**
 * Stops the clock for the suspension windows. One that starts inside the period adds the days that were left
 * on its first day after its last day; one that covers the period's start makes the whole period run after it.
 * Overlapping windows count once: a later window starts where the clock is running again.
 */
export function applySuspensions(input: SuspensionInput): SuspendedEnd {
  const { trigger, rawEnd } = input;
  const effects: SuspensionEffect[] = [];
  let end = rawEnd;
  let runningFrom = trigger.plus({ days: 1 });
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
    if (from <= runningFrom) {
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
