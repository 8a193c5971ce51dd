import type { Period, Rule } from '../pack/schema';
import type { ResolvedParam } from './inputs';
import type { CalendarUnit } from './periods';

/** A period whose amount is known: a policy parameter is replaced by the value that applies to this request. */
export interface ResolvedPeriod {
  amount: number;
  unit: Period['unit'];
}

/** A resolved period in calendar units: the only kind a base date or a reminder may be moved by. */
export interface CalendarPeriod {
  amount: number;
  unit: CalendarUnit;
}

function paramNamed(name: string, params: ReadonlyMap<string, ResolvedParam>): ResolvedParam {
  const param = params.get(name);
  if (!param) throw new Error(`parameter ${name} was not resolved`);
  return param;
}

export function resolvePeriod(period: Period, params: ReadonlyMap<string, ResolvedParam>): ResolvedPeriod {
  return { amount: typeof period.amount === 'number' ? period.amount : paramNamed(period.amount.param, params).value, unit: period.unit };
}

/** The parameters a rule's periods depend on, so that the explanation can say which values were used and why. */
export function paramsUsedBy(rule: Rule, params: ReadonlyMap<string, ResolvedParam>): ResolvedParam[] {
  const periods = [rule.period, rule.reminders?.firstBeforeBase, ...rule.base.map((source) => source.plus)];
  const names = new Set(periods.flatMap((period) => (period && typeof period.amount !== 'number' ? [period.amount.param] : [])));
  return [...names].map((name) => paramNamed(name, params));
}
