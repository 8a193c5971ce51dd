import type { DateTime } from 'luxon';
import { RulesError } from '../errors';
import { parseLocalDate } from '../local-date';
import { paramRange, paramValue } from '../pack/param-values';
import type { Condition, ParamDefinition, Rule, RulePack } from '../pack/schema';

export interface ResolvedParam {
  name: string;
  value: number;
  /** True when the request set it; false when the pack's default applies. */
  overridden: boolean;
  definition: ParamDefinition;
}

export type FactValue = DateTime | boolean | string;

function packName(pack: RulePack): string {
  return `${pack.jurisdiction}/${pack.procedure}`;
}

/** Every declared parameter with its value; an unknown name or a value outside the declared bounds is refused. */
export function resolveParams(pack: RulePack, requested: Record<string, string | number | boolean>): Map<string, ResolvedParam> {
  for (const name of Object.keys(requested)) {
    if (!Object.hasOwn(pack.params, name)) {
      const known = Object.keys(pack.params);
      throw new RulesError(
        'unknown-param',
        `unknown parameter "${name}" for ${packName(pack)}; known: ${known.join(', ') || 'none (statutory periods cannot be overridden)'}`,
        `params.${name}`,
      );
    }
  }
  const resolved = new Map<string, ResolvedParam>();
  for (const [name, definition] of Object.entries(pack.params)) {
    const raw = requested[name];
    if (raw === undefined) {
      resolved.set(name, { name, value: definition.default, overridden: false, definition });
      continue;
    }
    const value = paramValue(definition, raw);
    if (value === undefined) throw new RulesError('invalid-request', `parameter "${name}" must be ${paramRange(definition)}`, `params.${name}`);
    resolved.set(name, { name, value, overridden: true, definition });
  }
  return resolved;
}

/** The facts the event declares, typed; a fact the event does not use, or a value of the wrong type, is refused. */
export function resolveFacts(pack: RulePack, event: string, requested: Record<string, string | number | boolean>): Map<string, FactValue> {
  const declared = pack.events.find((entry) => entry.event === event)?.facts ?? [];
  const resolved = new Map<string, FactValue>();
  for (const [name, raw] of Object.entries(requested)) {
    const definition = pack.facts[name];
    if (!definition || !declared.includes(name)) {
      throw new RulesError(
        'unknown-fact',
        `fact "${name}" is not used by event "${event}" in ${packName(pack)}; known facts for it: ${declared.join(', ') || 'none'}`,
        `facts.${name}`,
      );
    }
    const bad = (expected: string): RulesError =>
      new RulesError('invalid-request', `fact "${name}" must be ${expected}; got ${JSON.stringify(raw)}`, `facts.${name}`);
    switch (definition.type) {
      case 'date': {
        const day = typeof raw === 'string' ? parseLocalDate(raw) : undefined;
        if (!day) throw bad('an existing date as YYYY-MM-DD');
        resolved.set(name, day);
        break;
      }
      case 'boolean': {
        const value = raw === 'true' ? true : raw === 'false' ? false : raw;
        if (typeof value !== 'boolean') throw bad('true or false');
        resolved.set(name, value);
        break;
      }
      case 'enum':
        if (typeof raw !== 'string' || !definition.values.includes(raw)) throw bad(`one of ${definition.values.join(', ')}`);
        resolved.set(name, raw);
        break;
    }
  }
  return resolved;
}

function holds(condition: Condition, facts: ReadonlyMap<string, FactValue>, pack: RulePack): boolean {
  // An absent yes/no fact means "no": accelerated procedures must be stated, never assumed.
  const value = facts.get(condition.fact) ?? (pack.facts[condition.fact]?.type === 'boolean' ? false : undefined);
  return value === condition.equals;
}

/** Whether a rule (or anything else the pack selects by facts, such as a court's days off) applies to these facts. */
export function conditionsHold(selected: Pick<Rule, 'when'>, facts: ReadonlyMap<string, FactValue>, pack: RulePack): boolean {
  const when = selected.when;
  if (!when) return true;
  if (when.allOf && !when.allOf.every((condition) => holds(condition, facts, pack))) return false;
  if (when.anyOf && !when.anyOf.some((condition) => holds(condition, facts, pack))) return false;
  if (when.noneOf && when.noneOf.some((condition) => holds(condition, facts, pack))) return false;
  return true;
}
