import { z } from 'zod';
import type { ProcedureLifecycle } from '../rules/lifecycle/load-lifecycle';
import { paramRange, paramValue } from '../rules/pack/param-values';

/**
 * A case's own values for its rule pack's policy parameters (`ruleParams`, e.g. renewalLeadMonths).
 * Every deadline request of the case carries them, so one the pack does not take would stop every
 * deadline being counted: they are checked against the pack when a case is opened and when they are
 * corrected.
 */
export const ruleParamNameSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'expected a parameter name such as renewalLeadMonths');

/** More than any pack declares: an input with more is refused before its names are looked at one by one. */
export const MAX_RULE_PARAMS = 20;

export const TOO_MANY_RULE_PARAMS = `at most ${MAX_RULE_PARAMS} rule parameters can be given`;

export type RuleParamValue = string | number | boolean;

/**
 * Why a case of this procedure could not use these parameters, naming the parameter when one is at
 * fault; nothing when the pack takes them all. `reason` follows the parameter's name in a sentence.
 */
export function ruleParamsProblem(lifecycle: ProcedureLifecycle, params: Record<string, RuleParamValue>): { param?: string; reason: string } | undefined {
  const procedure = `${lifecycle.jurisdiction}/${lifecycle.procedure}`;
  const known = Object.keys(lifecycle.params).join(', ') || 'none';
  const names = Object.keys(params);
  if (names.length > MAX_RULE_PARAMS) return { reason: `${TOO_MANY_RULE_PARAMS}; ${procedure} takes ${known}` };
  for (const name of names) {
    const definition = Object.hasOwn(lifecycle.params, name) ? lifecycle.params[name] : undefined;
    if (!definition) return { param: name, reason: `is not a parameter of ${procedure}, whose parameters are ${known}` };
    if (paramValue(definition, params[name] as RuleParamValue) === undefined) return { param: name, reason: `must be ${paramRange(definition)}` };
  }
  return undefined;
}
