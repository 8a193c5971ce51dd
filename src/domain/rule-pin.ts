import type { RulePin } from '../rules/computed-deadline';
import { ruleVersionsOf } from '../rules/rule-pin';
import type { ComputedDeadline } from '../rules/types';
import type { CaseState } from './case';

/**
 * The versions the case's next computation must use, so that one case never holds deadlines of two rule
 * versions: undefined when it is not pinned yet or was just migrated (the installed versions apply and
 * pin it). A case from before pins were kept is pinned to what its deadlines were computed with.
 */
export function rulePinOf(state: CaseState): RulePin | undefined {
  if (state.rulePin === 'installed') return undefined;
  return state.rulePin ?? ruleVersionsOf(state.deadlines.map((tracked) => tracked.deadline));
}

/** The pin after a computation: the versions it used, or the pin as it was when it gave no deadline to read them from. */
export function pinAfter(state: CaseState, computed: readonly ComputedDeadline[]): RulePin | 'installed' | undefined {
  return ruleVersionsOf(computed) ?? state.rulePin;
}
