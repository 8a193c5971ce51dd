import type { ParamDefinition } from './schema';

/**
 * What a pack's policy parameter takes, as refusals say it: "a whole number from 1 to 30". Refusals
 * say what a value must be and never repeat what was given: they reach the worker's log and the audit
 * trail, and a caller's text may name someone.
 */
export function paramRange(definition: ParamDefinition): string {
  return `a ${definition.integer ? 'whole ' : ''}number from ${definition.min} to ${definition.max}`;
}

/** The number a parameter is set to, or undefined when the value is none its definition allows. A command line's numeric text counts. */
export function paramValue(definition: ParamDefinition, raw: string | number | boolean): number | undefined {
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (value < definition.min || value > definition.max || (definition.integer && !Number.isInteger(value))) return undefined;
  return value;
}
