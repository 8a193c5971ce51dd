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

/** One parameter's value as the pack takes it, or why the pack cannot; `reason` follows the parameter's name in a sentence. */
export function ruleParamValue(lifecycle: ProcedureLifecycle, name: string, raw: RuleParamValue): { ok: true; value: number } | { ok: false; reason: string } {
  const definition = Object.hasOwn(lifecycle.params, name) ? lifecycle.params[name] : undefined;
  if (!definition) {
    const known = Object.keys(lifecycle.params).join(', ') || 'none';
    return { ok: false, reason: `is not a parameter of ${lifecycle.jurisdiction}/${lifecycle.procedure}, whose parameters are ${known}` };
  }
  const value = paramValue(definition, raw);
  return value === undefined ? { ok: false, reason: `must be ${paramRange(definition)}` } : { ok: true, value };
}

/**
 * Why a case of this procedure could not use these parameters, naming the parameter when one is at
 * fault; nothing when the pack takes them all. `reason` follows the parameter's name in a sentence.
 */
export function ruleParamsProblem(lifecycle: ProcedureLifecycle, params: Record<string, RuleParamValue>): { param?: string; reason: string } | undefined {
  const names = Object.keys(params);
  if (names.length > MAX_RULE_PARAMS) {
    return { reason: `${TOO_MANY_RULE_PARAMS}; ${lifecycle.jurisdiction}/${lifecycle.procedure} takes ${Object.keys(lifecycle.params).join(', ') || 'none'}` };
  }
  for (const name of names) {
    const read = ruleParamValue(lifecycle, name, params[name] as RuleParamValue);
    if (!read.ok) return { param: name, reason: read.reason };
  }
  return undefined;
}
