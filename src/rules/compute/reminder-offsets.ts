import type { DateTime } from 'luxon';
import { daysBetween } from '../local-date';
import type { Rule } from '../pack/schema';
import type { ResolvedParam } from './inputs';
import { shiftByPeriod } from './periods';
import { type CalendarPeriod, resolvePeriod } from './rule-params';

export interface ReminderPlan {
  /** Days before the due date on which to remind, largest first; 0 is the due date itself. */
  offsetsDays: number[];
  /** How far before the base date the first reminder was aimed. */
  firstBeforeBase: CalendarPeriod;
}

export interface ReminderInput {
  rule: Pick<Rule, 'id' | 'reminders' | 'counting'>;
  base: DateTime;
  due: DateTime;
  trigger: DateTime;
  params: ReadonlyMap<string, ResolvedParam>;
}

/**
 * The rule's own reminder days (e.g. renewal: from two months before expiry, then 21, 14, ... days before the
 * file-by date). The first is aimed a period before the base date, but never before the trigger (there is
 * nothing to remind of yet) and never after the due date; the fixed days that would come before it are dropped.
 */
export function reminderOffsets({ rule, base, due, trigger, params }: ReminderInput): ReminderPlan | undefined {
  const reminders = rule.reminders;
  if (!reminders) return undefined;
  const { amount, unit } = resolvePeriod(reminders.firstBeforeBase, params);
  if (unit === 'working-days') throw new Error(`rule ${rule.id}: reminders cannot be counted in working days`);
  const aimedAt = shiftByPeriod(base, amount, unit, -1, rule.counting.monthEnd).day;
  const first = Math.min(Math.max(daysBetween(aimedAt, due), 0), daysBetween(trigger, due));
  const offsetsDays = [...new Set([first, ...reminders.thenDaysBefore])].filter((offset) => offset <= first).sort((a, b) => b - a);
  return { offsetsDays, firstBeforeBase: { amount, unit } };
}
