import { ruleParamValue, type RuleParamValue } from '../../domain';
import type { ProcedureLifecycle } from '../../rules';
import { UsageError } from '../io';
import { keyValues } from '../parse-args';

/** The value of `--rule-param NAME=default`: the parameter goes back to its pack's default. */
const PACK_DEFAULT = 'default';

/**
 * `docket case correct NUMBER --rule-param NAME=VALUE ...`: the case's rule parameters after the change.
 * The command states them in full, so the case's others are kept, except those its pack does not take,
 * which never counted and are why such a case could not compute its deadlines. A flag's name or value
 * the pack does not take is refused here, in the CLI's words.
 */
export function ruleParamsFromFlags(lifecycle: ProcedureLifecycle, current: Readonly<Record<string, RuleParamValue>>, flags: readonly string[]): Record<string, number> {
  const next: Record<string, number> = {};
  for (const [name, raw] of Object.entries(current)) {
    const kept = ruleParamValue(lifecycle, name, raw);
    if (kept.ok) next[name] = kept.value;
  }
  for (const [name, text] of Object.entries(keyValues('rule-param', flags))) {
    const read = ruleParamValue(lifecycle, name, text);
    if (text === PACK_DEFAULT && Object.hasOwn(lifecycle.params, name)) delete next[name];
    else if (read.ok) next[name] = read.value;
    else throw new UsageError(`--rule-param ${name} ${read.reason}`);
  }
  return next;
}
