import type { DateTime } from 'luxon';
import { RulesError } from '../errors';
import { formatLocalDate } from '../local-date';
import type { BaseSource, Rule } from '../pack/schema';
import type { FactValue, ResolvedParam } from './inputs';
import { shiftByPeriod } from './periods';
import { type CalendarPeriod, resolvePeriod } from './rule-params';

/** The date a rule's period is measured from, and how it was found. */
export interface BaseDate {
  date: DateTime;
  /** The alternative that applied: the first whose fact the request gives (the last one never needs a fact). */
  source: BaseSource;
  /** The day that alternative starts from: the trigger, or the date the fact gives. */
  start: DateTime;
  /** The alternative's own period added to the start (e.g. one year from the grant), when it has one. */
  shift?: { by: CalendarPeriod; clampedFrom?: number };
}

export interface BaseDateInput {
  rule: Pick<Rule, 'id' | 'base' | 'counting'>;
  trigger: DateTime;
  facts: ReadonlyMap<string, FactValue>;
  params: ReadonlyMap<string, ResolvedParam>;
}

function startOf(source: BaseSource, trigger: DateTime, facts: ReadonlyMap<string, FactValue>): DateTime | undefined {
  if (source.from === 'trigger') return trigger;
  const value = facts.get(source.fact);
  if (value === undefined) return undefined;
  if (typeof value !== 'object') throw new Error(`fact ${source.fact} is not a date`);
  return value;
}

/**
 * Tries the rule's base alternatives in order and takes the first whose fact is present. A date taken from
 * the facts must not lie before the trigger: it would be a typing error, and counting from it would give a
 * deadline that passed before the event that started it.
 */
export function resolveBaseDate({ rule, trigger, facts, params }: BaseDateInput): BaseDate {
  for (const source of rule.base) {
    const start = startOf(source, trigger, facts);
    if (!start) continue;
    let base: BaseDate = { date: start, source, start };
    if (source.plus) {
      const { amount, unit } = resolvePeriod(source.plus, params);
      if (unit === 'working-days') throw new Error(`rule ${rule.id}: a base cannot move by working days`);
      const shifted = shiftByPeriod(start, amount, unit, 1, rule.counting.monthEnd);
      base = { ...base, date: shifted.day, shift: { by: { amount, unit }, clampedFrom: shifted.clampedFrom } };
    }
    if (source.from === 'fact' && base.date < trigger) {
      throw new RulesError(
        'invalid-request',
        `the date derived from fact "${source.fact}" (${formatLocalDate(base.date)}) is before the event date ${formatLocalDate(trigger)}; check the facts`,
        `facts.${source.fact}`,
      );
    }
    return base;
  }
  throw new Error(`rule ${rule.id}: no base alternative applies (the last one must not depend on a fact)`);
}
