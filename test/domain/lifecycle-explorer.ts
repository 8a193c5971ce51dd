import { DateTime } from 'luxon';
import {
  advance,
  attachDeadlines,
  decideInput,
  isDated,
  nextStaleComputation,
  openCase,
  standingEvents,
  type CaseState,
  type Decision,
  type FactValue,
  type Facts,
} from '../../src/domain';
import { computeDeadlines, lifecycleOf, type EventFact, type LifecycleEvent, type Stage } from '../../src/rules';

/**
 * An exhaustive breadth-first walk over a procedure's cases, driven through the real domain (openCase,
 * decideInput) and the real rules engine (every deadline computed as the workflow's activity would):
 * from a newly opened case, every event of the pack is tried in every stage reached, with every
 * combination of the facts it carries, each one day after the case's last event. The tables are small,
 * so the walk visits each stage once, by its shortest path, and records what was accepted on the way.
 */

export const ACTOR = 'cw-0001';

/** How long after a protection period ends the walk looks at the case again, so that it lapses. */
const AFTER_EXPIRY_MS = 3 * 60 * 60 * 1000;

export interface Step {
  event: string;
  on: string;
  facts: Facts;
}

/** One accepted `recordEvent`: where it was recorded, what it led to, and the deadlines the engine gave it. */
export interface AcceptedMove extends Step {
  from: Stage;
  to: Stage;
  /** The commands that led to the stage it was recorded in. */
  path: readonly Step[];
  ruleIds: string[];
}

export interface Exploration {
  /** Each stage reached, with the first case found standing in it. */
  reached: Map<Stage, { state: CaseState; path: readonly Step[] }>;
  accepted: AcceptedMove[];
  /** Commands the domain accepted but whose deadlines the engine could not compute, as `event on date: message`. */
  computeFailures: string[];
}

function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}

/** Noon UTC of a date: a time on that day in every jurisdiction's zone, so nothing lies in the future. */
function noonOf(date: string): number {
  return Date.parse(`${date}T12:00:00Z`);
}

/** The values a fact can take in a command: absent, each enum value, true and false, dates before and after the event. */
function factOptions(fact: EventFact, on: string): Array<FactValue | undefined> {
  switch (fact.type) {
    case 'boolean':
      return [undefined, true, false];
    case 'enum':
      return [undefined, ...(fact.values ?? [])];
    case 'date':
      return [undefined, plusDays(on, -10), plusDays(on, 60), plusDays(on, 365)];
  }
}

/** Every combination of an event's facts (absent ones left out of the command). */
export function factCombinations(event: LifecycleEvent, on: string): Facts[] {
  return event.facts.reduce<Facts[]>(
    (combinations, fact) =>
      combinations.flatMap((facts) => factOptions(fact, on).map((value) => (value === undefined ? facts : { ...facts, [fact.name]: value }))),
    [{}],
  );
}

export function lastEventDate(state: CaseState): string | undefined {
  return standingEvents(state.events).filter(isDated).at(-1)?.on;
}

/** Computes every missing or stale deadline with the real engine, as the workflow's activity does after each command. */
function settle(state: CaseState, nowMs: number, failures: string[]): CaseState {
  let next = state;
  for (let stale = nextStaleComputation(next); stale; stale = nextStaleComputation(next)) {
    try {
      next = attachDeadlines(next, stale, computeDeadlines(stale.request, { offsetsDays: next.reminderPolicy.offsetsDays }), nowMs);
    } catch (error) {
      failures.push(`${stale.request.event} on ${stale.request.date}: ${error instanceof Error ? error.message : String(error)}`);
      // Keep walking as if the event started no clock; the failure is reported by the caller.
      next = attachDeadlines(next, stale, [], nowMs);
    }
  }
  return next;
}

export function openedCase(jurisdiction: string, procedure: string, day: string): CaseState {
  return openCase(
    { caseNumber: `${jurisdiction}-PT-2016-0001`, jurisdiction, procedure, office: 'office-1', caseworker: ACTOR, actor: ACTOR },
    noonOf(day),
  );
}

export function record(state: CaseState, step: Step): Decision {
  return decideInput(
    state,
    'recordEvent',
    { actor: ACTOR, event: step.event, on: step.on, ...(Object.keys(step.facts).length > 0 ? { facts: step.facts } : {}) },
    noonOf(step.on),
  );
}

export function close(state: CaseState, on: string): Decision {
  return decideInput(state, 'closeCase', { actor: ACTOR, reason: 'withdrawn', closedOn: on }, noonOf(on));
}

/** The case after its protection periods ended unrenewed: the engine's own move to `lapsed`, if the table has one. */
function afterExpiry(state: CaseState): CaseState | undefined {
  const expiries = state.deadlines.filter((tracked) => tracked.deadline.kind === 'protection-expiry').map((tracked) => Date.parse(tracked.deadline.endsAt));
  if (expiries.length === 0) return undefined;
  const nowMs = Math.max(...expiries) + AFTER_EXPIRY_MS;
  const next = advance(state, nowMs);
  return next.stage === state.stage ? undefined : next;
}

/** Walks every case of a procedure whose first event falls on `firstDay`. */
export function explore(jurisdiction: string, procedure: string, firstDay: string): Exploration {
  const lifecycle = lifecycleOf(jurisdiction, procedure);
  const computeFailures: string[] = [];
  const reached: Exploration['reached'] = new Map();
  const accepted: AcceptedMove[] = [];
  const start = openedCase(jurisdiction, procedure, plusDays(firstDay, -1));
  reached.set(start.stage, { state: start, path: [] });
  const queue: Array<{ state: CaseState; path: readonly Step[] }> = [{ state: start, path: [] }];

  const reach = (state: CaseState, path: readonly Step[]): void => {
    if (reached.has(state.stage)) return;
    reached.set(state.stage, { state, path });
    queue.push({ state, path });
  };

  for (let node = queue.shift(); node; node = queue.shift()) {
    const { state, path } = node;
    const last = lastEventDate(state);
    const on = last === undefined ? firstDay : plusDays(last, 1);
    for (const event of lifecycle.events) {
      for (const facts of factCombinations(event, on)) {
        const step: Step = { event: event.event, on, facts };
        const decision = record(state, step);
        if (!decision.ok) continue;
        const settled = settle(decision.state, noonOf(on), computeFailures);
        const ruleIds = settled.deadlines.filter((tracked) => tracked.sourceEventId === decision.event.id).map((tracked) => tracked.deadline.ruleId);
        accepted.push({ ...step, from: state.stage, to: settled.stage, path, ruleIds });
        reach(settled, [...path, step]);
      }
    }
    if (lifecycle.lapsesFrom.includes(state.stage)) {
      const lapsed = afterExpiry(state);
      if (lapsed) reach(lapsed, [...path, { event: 'protection-lapsed', on: lastEventDate(lapsed) ?? on, facts: {} }]);
    }
  }
  return { reached, accepted, computeFailures };
}
