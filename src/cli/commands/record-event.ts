import { localDateSchema, type Facts } from '../../domain';
import { lifecycleOf, listJurisdictions, type EventFact, type ProcedureLifecycle } from '../../rules';
import { keyValues } from '../parse-args';
import { UsageError } from '../io';

/**
 * `docket case record`: any event of the case's procedure, with the facts its lifecycle table says it
 * carries. Each fact is also a flag of its own (`validUntil` is `--valid-until`), so refusals can name
 * the flag the person typed.
 */
export function flagOf(fact: string): string {
  return fact.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Every fact any built-in procedure's events carry: each becomes a string option of `case record`. */
export const FACT_FLAGS: readonly string[] = [
  ...new Set(
    listJurisdictions().flatMap((summary) =>
      summary.procedures.flatMap((procedure) => lifecycleOf(summary.code, procedure).events.flatMap((event) => event.facts.map((fact) => flagOf(fact.name)))),
    ),
  ),
].sort();

function factUsage(fact: EventFact): string {
  const value = fact.type === 'date' ? 'DATE' : fact.type === 'boolean' ? 'true|false' : (fact.values ?? []).join('|');
  return `--${flagOf(fact.name)} ${value}`;
}

/** The events of one procedure as `record` takes them: name, flags, what each starts, where it may be recorded. */
export function recordHelp(lifecycle: ProcedureLifecycle): string {
  const lines = [`Events of ${lifecycle.jurisdiction}/${lifecycle.procedure} (${lifecycle.title.en}):`];
  for (const event of lifecycle.events) {
    const required = new Set(lifecycle.transitions.filter((move) => move.event === event.event).flatMap((move) => move.requires));
    const flags = event.facts.map((fact) => (required.has(fact.name) ? factUsage(fact) : `[${factUsage(fact)}]`));
    lines.push(`  ${[event.event, '--on DATE', ...flags].join(' ')}`);
    lines.push(`      ${event.title.en}`);
    const stages = [...new Set(lifecycle.transitions.filter((move) => move.event === event.event).flatMap((move) => move.from))];
    lines.push(`      recorded when the case is ${stages.join(', ')}`);
    const starts = event.deadlines.map((deadline) => deadline.title.en);
    if (starts.length > 0) lines.push(`      starts: ${[...new Set(starts)].join('; ')}`);
  }
  return lines.join('\n');
}

export const RECORD_USAGE = `Usage: docket case record NUMBER EVENT --on DATE [fact flags] [--fact NAME=VALUE ...] [--note TEXT] --as STAFF

Records what happened in the case's procedure. DATE is YYYY-MM-DD, local to the jurisdiction; for a
notice, the day it was received. \`docket case record NUMBER --help\` lists that case's events and flags;
\`docket case record --help --jurisdiction DE --procedure asylum\` lists a procedure's.`;

function factValue(fact: EventFact, text: string): string | boolean {
  const flag = `--${flagOf(fact.name)}`;
  switch (fact.type) {
    case 'date':
      if (!localDateSchema.safeParse(text).success) throw new UsageError(`${flag} expects a date as YYYY-MM-DD, got "${text}"`);
      return text;
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw new UsageError(`${flag} expects true or false, got "${text}"`);
      return text === 'true';
    case 'enum':
      if (!fact.values?.includes(text)) throw new UsageError(`${flag} expects one of ${fact.values?.join(', ')}, got "${text}"`);
      return text;
  }
}

/**
 * The facts given on the command line, as the event's lifecycle types them. A flag the event does not
 * take, a value of the wrong kind, or a required one missing is refused here, in the CLI's own words.
 */
export function factsFromFlags(
  lifecycle: ProcedureLifecycle,
  stage: string,
  event: string,
  flags: Record<string, string | undefined>,
  factOptions: readonly string[] | undefined,
): Facts {
  const known = lifecycle.events.find((entry) => entry.event === event);
  if (!known) {
    throw new UsageError(`${lifecycle.jurisdiction}/${lifecycle.procedure} has no event "${event}"; its events: ${lifecycle.events.map((entry) => entry.event).join(', ')}`);
  }
  const given: Record<string, string> = { ...keyValues('fact', factOptions) };
  for (const [flag, text] of Object.entries(flags)) {
    if (text === undefined) continue;
    const name = flag.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
    if (name in given) throw new UsageError(`--${flag} and --fact ${name} say the same thing; give one`);
    given[name] = text;
  }
  const facts: Facts = {};
  for (const [name, text] of Object.entries(given)) {
    const fact = known.facts.find((candidate) => candidate.name === name);
    if (!fact) {
      const takes = known.facts.length > 0 ? `it takes ${known.facts.map((candidate) => `--${flagOf(candidate.name)}`).join(', ')}` : 'it takes no facts';
      throw new UsageError(`${event} does not take --${flagOf(name)}; ${takes}`);
    }
    facts[name] = factValue(fact, text);
  }
  const moves = lifecycle.transitions.filter((move) => move.event === event && move.from.includes(stage as never));
  const required = moves.length > 0 ? moves.map((move) => move.requires).reduce((all, next) => all.filter((name) => next.includes(name))) : [];
  const missing = required.filter((name) => facts[name] === undefined);
  if (missing.length > 0) throw new UsageError(`${missing.map((name) => `--${flagOf(name)}`).join(', ')} is required for ${event}`);
  return facts;
}
