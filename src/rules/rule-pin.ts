import type { RulePin } from './computed-deadline';
import type { ComputedDeadline } from './types';

/** The pack and calendar versions a set of deadlines was computed with (the first that records them). */
export function ruleVersionsOf(deadlines: readonly ComputedDeadline[]): RulePin | undefined {
  const ruleData = deadlines.find((deadline) => deadline.ruleData)?.ruleData;
  return ruleData && { pack: ruleData.pack, calendar: ruleData.calendar };
}

/** Whether two pins name the same content: versions are compared by hash, never by label. */
export function sameRuleVersions(a: RulePin, b: RulePin): boolean {
  return a.pack.hash === b.pack.hash && a.calendar.hash === b.calendar.hash;
}
