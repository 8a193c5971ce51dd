import { RulesError } from '../rules/errors';
import { builtInLifecycle } from '../rules/lifecycle/built-in-lifecycles';
import type { EventFact, LifecycleEvent, ProcedureLifecycle } from '../rules/lifecycle/load-lifecycle';
import type { Transition } from '../rules/lifecycle/schema';
import { CLOSED_STAGE, OPENING_STAGE, type Stage } from '../rules/lifecycle/stages';
import { localDateSchema } from './dates';
import { isProcedureEvent, standingEvents, type CaseEvent, type Facts, type FactValue } from './events';

/**
 * Reads a procedure's lifecycle table (beside its rule pack) for the case domain: which move an event
 * makes from a stage, whether the facts given with it are the ones it carries, and where a case stands
 * after its events. No stage or move is written here; they are all in the tables.
 */
export function lifecycleFor(caseInfo: { jurisdiction: string; procedure: string }): ProcedureLifecycle {
  return builtInLifecycle(caseInfo.jurisdiction, caseInfo.procedure);
}

/** Why a case of this procedure cannot run (no such jurisdiction or procedure, or no lifecycle table), and which field says so. */
export function lifecycleProblem(jurisdiction: string, procedure: string): { field: 'jurisdiction' | 'procedure'; reason: string } | undefined {
  try {
    builtInLifecycle(jurisdiction, procedure);
    return undefined;
  } catch (error) {
    if (error instanceof RulesError) return { field: error.code === 'unknown-jurisdiction' ? 'jurisdiction' : 'procedure', reason: error.reason };
    throw error;
  }
}

function eventOf(lifecycle: ProcedureLifecycle, type: string): LifecycleEvent | undefined {
  return lifecycle.events.find((entry) => entry.event === type);
}

export function eventTitleIn(lifecycle: ProcedureLifecycle, type: string): string {
  return eventOf(lifecycle, type)?.title.en ?? type;
}

function holds(transition: Transition, facts: Facts): boolean {
  return transition.when.every((condition) => facts[condition.fact] === condition.equals);
}

/** The move an event makes from a stage, or why it cannot be recorded there. */
export function moveFor(
  lifecycle: ProcedureLifecycle,
  stage: Stage,
  type: string,
  facts: Facts,
): { ok: true; transition: Transition } | { ok: false; reason: string } {
  const procedure = `${lifecycle.jurisdiction}/${lifecycle.procedure}`;
  if (!eventOf(lifecycle, type)) {
    return { ok: false, reason: `"${type}" is not an event of ${procedure}; its events are ${lifecycle.events.map((entry) => entry.event).join(', ')}` };
  }
  const moves = lifecycle.transitions.filter((transition) => transition.event === type);
  const fromHere = moves.filter((transition) => transition.from.includes(stage));
  if (fromHere.length === 0) {
    const stages = [...new Set(moves.flatMap((transition) => transition.from))];
    return { ok: false, reason: `while the case is ${stage}; only when it is ${stages.join(' or ')}` };
  }
  const transition = fromHere.find((candidate) => holds(candidate, facts));
  if (transition) return { ok: true, transition };
  const unmet = fromHere[0] as Transition;
  const needs = unmet.when.map((condition) => `${condition.fact}=${String(condition.equals)}`).join(', ');
  return { ok: false, reason: `${unmet.note?.en ?? `in stage ${stage} it needs ${needs}`} (needs ${needs})` };
}

function valueProblem(fact: EventFact, value: FactValue): string | undefined {
  switch (fact.type) {
    case 'date':
      return typeof value === 'string' && localDateSchema.safeParse(value).success ? undefined : `fact ${fact.name} must be a date as YYYY-MM-DD`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `fact ${fact.name} must be true or false`;
    case 'enum':
      return typeof value === 'string' && fact.values?.includes(value) ? undefined : `fact ${fact.name} must be one of ${fact.values?.join(', ')}`;
  }
}

/** The facts an event carries, checked by name and type; `required` names those the move needs. */
export function factsProblem(lifecycle: ProcedureLifecycle, type: string, facts: Facts, required: readonly string[] = []): string | undefined {
  const known = eventOf(lifecycle, type)?.facts ?? [];
  for (const [name, value] of Object.entries(facts)) {
    const fact = known.find((candidate) => candidate.name === name);
    if (!fact) {
      const takes = known.length > 0 ? `it takes ${known.map((candidate) => candidate.name).join(', ')}` : 'it takes none';
      return `${eventTitleIn(lifecycle, type)} carries no fact ${name}; ${takes}`;
    }
    const problem = valueProblem(fact, value);
    if (problem) return problem;
  }
  const missing = required.filter((name) => facts[name] === undefined);
  if (missing.length > 0) return `fact ${missing.join(', ')} is required here`;
  return undefined;
}

export interface StagePosition {
  stage: Stage;
  /** Number of the current application: 0 before the first. */
  attempt: number;
  /** Where the last complaint went, where the procedure records it. */
  complaintForum?: string;
}

export const OPENING_POSITION: StagePosition = { stage: OPENING_STAGE, attempt: 0 };

/** Where one more event leaves a case; an event the table does not allow there is refused. */
export function positionAfter(
  lifecycle: ProcedureLifecycle,
  position: StagePosition,
  event: CaseEvent,
): { ok: true; position: StagePosition } | { ok: false; reason: string } {
  if (event.type === 'case-closed') return { ok: true, position: { ...position, stage: CLOSED_STAGE } };
  if (event.type === 'protection-lapsed') {
    return { ok: true, position: lifecycle.lapsesFrom.includes(position.stage) ? { ...position, stage: 'lapsed' } : position };
  }
  if (!isProcedureEvent(event)) return { ok: true, position };
  if (position.stage === CLOSED_STAGE) return { ok: false, reason: 'the case is closed' };
  const facts = event.facts ?? {};
  const move = moveFor(lifecycle, position.stage, event.type, facts);
  if (!move.ok) return move;
  return { ok: true, position: positionAfterMove(position, move.transition, event.type, facts) };
}

/** Where a move the table allowed leaves a case: its stage, a new attempt for an application, the complaint's forum. */
export function positionAfterMove(position: StagePosition, transition: Transition, type: string, facts: Facts): StagePosition {
  const forum = type === 'complaint-filed' && typeof facts.forum === 'string' ? facts.forum : position.complaintForum;
  return {
    stage: transition.to,
    attempt: position.attempt + (transition.countsAttempt ? 1 : 0),
    ...(forum !== undefined ? { complaintForum: forum } : {}),
  };
}

/**
 * Where a case stands after all its events that still count, worked out from the opening. A void or a
 * correction re-derives the stage this way, and is refused if the events left would not make sense.
 */
export function positionOf(
  lifecycle: ProcedureLifecycle,
  events: readonly CaseEvent[],
): { ok: true; position: StagePosition } | { ok: false; eventId: number; reason: string } {
  let position = OPENING_POSITION;
  for (const event of standingEvents(events)) {
    const next = positionAfter(lifecycle, position, event);
    if (!next.ok) return { ok: false, eventId: event.id, reason: next.reason };
    position = next.position;
  }
  return { ok: true, position };
}
