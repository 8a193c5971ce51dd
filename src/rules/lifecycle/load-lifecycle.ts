import type { EventSummary, FactSummary } from '../catalog';
import { RulesError } from '../errors';
import { eventTitle } from '../event-titles';
import type { LocalizedText } from '../localized-text';
import type { RulePack } from '../pack/schema';
import { rulesErrorFromZod } from '../zod-issues';
import { type Lifecycle, LifecycleSchema, type Transition } from './schema';
import { CLOSED_STAGE, OPENING_STAGE, STAGES, type Stage } from './stages';

/** A fact an event carries, and whether the rules read it (only those travel in a deadline request). */
export type EventFact = FactSummary & { readByRules: boolean };

export type LifecycleEvent = Omit<EventSummary, 'facts'> & { facts: EventFact[] };

/** A procedure's lifecycle joined with its pack: what the case domain needs to decide a command. */
export interface ProcedureLifecycle {
  jurisdiction: string;
  procedure: string;
  title: LocalizedText;
  /** The stages of this procedure, in the shared order, from `opened` to `closed`. */
  stages: Stage[];
  protectedStages: Stage[];
  lapsesFrom: Stage[];
  events: LifecycleEvent[];
  transitions: Transition[];
  /** The pack's policy parameters, which a case may set for itself (`ruleParams`). */
  params: RulePack['params'];
}

function invalid(name: string, message: string, path: string): RulesError {
  return new RulesError('invalid-pack', `lifecycle ${name}: ${message}`, path);
}

/**
 * Validates a lifecycle table against its rule pack once, at load: every pack event is recordable in
 * some stage, every move names a pack event and facts the event carries, and recorded facts do not
 * shadow the pack's own.
 */
export function loadLifecycle(raw: unknown, pack: RulePack, packEvents: EventSummary[]): ProcedureLifecycle {
  const name = `${pack.jurisdiction}/${pack.procedure}`;
  const parsed = LifecycleSchema.safeParse(raw);
  if (!parsed.success) throw rulesErrorFromZod('invalid-pack', `lifecycle ${name} is malformed`, parsed.error);
  const lifecycle: Lifecycle = parsed.data;
  if (lifecycle.jurisdiction !== pack.jurisdiction || lifecycle.procedure !== pack.procedure) {
    throw invalid(name, `belongs to ${lifecycle.jurisdiction}/${lifecycle.procedure}`, 'procedure');
  }
  for (const [fact] of Object.entries(lifecycle.facts)) {
    if (pack.facts[fact]) throw invalid(name, `fact "${fact}" is already declared by the rule pack`, `facts.${fact}`);
  }
  for (const [event, facts] of Object.entries(lifecycle.records)) {
    if (!packEvents.some((entry) => entry.event === event)) throw invalid(name, `records facts for "${event}", which the pack does not know`, `records.${event}`);
    facts.forEach((fact, index) => {
      if (!lifecycle.facts[fact]) throw invalid(name, `fact "${fact}" is not declared in facts`, `records.${event}.${index}`);
    });
  }

  const events: LifecycleEvent[] = packEvents.map((entry) => {
    const recorded = (lifecycle.records[entry.event] ?? []).map((fact): EventFact => {
      const definition = lifecycle.facts[fact];
      if (!definition) throw new Error(`fact ${fact} was checked above`);
      return { name: fact, type: definition.type, ...(definition.type === 'enum' ? { values: definition.values } : {}), description: definition.description, readByRules: false };
    });
    return { ...entry, facts: [...entry.facts.map((fact) => ({ ...fact, readByRules: true })), ...recorded] };
  });

  lifecycle.transitions.forEach((transition, index) => {
    const path = `transitions.${index}`;
    const event = events.find((entry) => entry.event === transition.event);
    if (!event) throw invalid(name, `"${transition.event}" is not an event of the rule pack`, `${path}.event`);
    for (const fact of [...transition.requires, ...transition.when.map((condition) => condition.fact)]) {
      if (!event.facts.some((known) => known.name === fact)) throw invalid(name, `"${transition.event}" carries no fact "${fact}"`, path);
    }
    if (transition.to === CLOSED_STAGE || transition.from.includes(CLOSED_STAGE)) {
      throw invalid(name, 'a closed case takes no events; closing is a command of its own', path);
    }
  });
  const unrecordable = events.filter((entry) => !lifecycle.transitions.some((transition) => transition.event === entry.event));
  if (unrecordable.length > 0) {
    throw invalid(name, `pack events ${unrecordable.map((entry) => entry.event).join(', ')} cannot be recorded in any stage`, 'transitions');
  }

  const used = new Set<Stage>([OPENING_STAGE, CLOSED_STAGE, ...lifecycle.transitions.flatMap((transition) => [...transition.from, transition.to])]);
  if (lifecycle.lapsesFrom.length > 0) used.add('lapsed');
  return {
    jurisdiction: pack.jurisdiction,
    procedure: pack.procedure,
    title: pack.title,
    stages: STAGES.filter((stage) => used.has(stage)),
    protectedStages: lifecycle.protectedStages,
    lapsesFrom: lifecycle.lapsesFrom,
    events: events.map((entry) => ({ ...entry, title: eventTitle(entry.event) ?? entry.title })),
    transitions: lifecycle.transitions,
    params: pack.params,
  };
}
