import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { CaseState, Facts } from '../../src/domain';
import { CLOSED_STAGE, lifecycleOf, listEvents, listJurisdictions, type Stage } from '../../src/rules';
import { BUILT_IN_JURISDICTIONS } from '../../src/rules/jurisdictions';
import { loadRulePack } from '../../src/rules/pack/load-pack';
import type { Rule } from '../../src/rules/pack/schema';
import { close, explore, factCombinations, lastEventDate, openedCase, record, type Exploration, type Step } from './lifecycle-explorer';
import { BUILT_IN_PROCEDURES } from '../support/procedures';

/**
 * Every procedure the engine ships runs as a case (issue 12): driven through the real domain and the
 * real rules engine from a newly opened case, every event of its pack can be recorded, every rule of
 * its pack gives a deadline, every stage of its table is reached, and every stage but closed can be
 * closed. The search is exhaustive (lifecycle-explorer.ts); a random walk (fast-check) then checks that
 * the domain accepts exactly the moves the table has.
 */

const PROCEDURES = BUILT_IN_PROCEDURES;

/** A first event inside every calendar's covered years, with a year of protection still inside them. */
const FIRST_DAY = '2016-02-01';

const explorations = new Map<string, Exploration>();
function explored(jurisdiction: string, procedure: string, firstDay = FIRST_DAY): Exploration {
  const key = `${jurisdiction}/${procedure}@${firstDay}`;
  let found = explorations.get(key);
  if (!found) {
    found = explore(jurisdiction, procedure, firstDay);
    explorations.set(key, found);
  }
  return found;
}

function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}

function packOf(jurisdiction: string, procedure: string) {
  const raw = BUILT_IN_JURISDICTIONS.find((entry) => entry.code === jurisdiction)?.packs.map(loadRulePack).find((pack) => pack.procedure === procedure);
  if (!raw) throw new Error(`no built-in pack ${jurisdiction}/${procedure}`);
  return raw;
}

/**
 * Where to start the walk so that the rule's trigger falls inside its dates in force and the calendar's
 * covered years: early in both, and at least two months before a rule stops being in force (the walk's
 * paths are a few days long).
 */
function firstDayFor(rule: Rule, jurisdiction: string): string {
  const coverage = listJurisdictions().find((entry) => entry.code === jurisdiction)?.calendar.coverage;
  if (!coverage) throw new Error(`no calendar for ${jurisdiction}`);
  const covered = `${coverage.from}-03-01`;
  let day = rule.effectiveFrom > covered ? rule.effectiveFrom : covered;
  if (rule.effectiveTo && day > plusDays(rule.effectiveTo, -60)) day = plusDays(rule.effectiveTo, -60);
  return day;
}

function describePath(path: readonly Step[]): string {
  return path.map((step) => `${step.event}${Object.keys(step.facts).length > 0 ? ` ${JSON.stringify(step.facts)}` : ''} on ${step.on}`).join(' -> ') || '(new case)';
}

it('covers every procedure the engine ships', () => {
  const shipped = listJurisdictions().flatMap((jurisdiction) => jurisdiction.procedures.map((procedure) => `${jurisdiction.code}/${procedure}`));
  expect(shipped.sort()).toEqual(PROCEDURES.map(([jurisdiction, procedure]) => `${jurisdiction}/${procedure}`).sort());
});

describe.each(PROCEDURES)('%s %s, run as a case', (jurisdiction, procedure) => {
  const lifecycle = lifecycleOf(jurisdiction, procedure);

  it('(a) records every event of its pack, from a newly opened case', () => {
    const { accepted } = explored(jurisdiction, procedure);
    const unreached = listEvents(jurisdiction, procedure)
      .map((entry) => entry.event)
      .filter((event) => !accepted.some((move) => move.event === event));
    expect(unreached).toEqual([]);
  });

  it('(b) gives every deadline of its pack, for some event reachable from a new case, at a date the rule is in force', () => {
    const rules = packOf(jurisdiction, procedure).rules;
    expect(rules.map((rule) => rule.id).sort()).toEqual(
      [...new Set(listEvents(jurisdiction, procedure).flatMap((entry) => entry.deadlines.map((deadline) => deadline.ruleId)))].sort(),
    );
    const unproduced: string[] = [];
    for (const rule of rules) {
      const firstDay = firstDayFor(rule, jurisdiction);
      const move = explored(jurisdiction, procedure, firstDay).accepted.find((candidate) => candidate.ruleIds.includes(rule.id));
      if (!move) {
        unproduced.push(`${rule.id} (walk from ${firstDay})`);
        continue;
      }
      expect(rule.triggers.map((trigger) => trigger.event)).toContain(move.event);
      expect(move.on >= rule.effectiveFrom && (rule.effectiveTo === undefined || move.on <= rule.effectiveTo)).toBe(true);
    }
    expect(unproduced).toEqual([]);
  });

  it('(c) reaches every stage of its table', () => {
    const { reached } = explored(jurisdiction, procedure);
    const closable = [...reached.values()].find(({ state }) => state.stage !== CLOSED_STAGE);
    const stages = new Set<Stage>(reached.keys());
    if (closable) {
      const closed = close(closable.state, plusDays(lastEventDate(closable.state) ?? FIRST_DAY, 1));
      if (closed.ok) stages.add(closed.state.stage);
    }
    expect(lifecycle.stages.filter((stage) => !stages.has(stage))).toEqual([]);
  });

  it('(d) can be closed from every stage it reaches but closed', () => {
    const refused: string[] = [];
    for (const [stage, { state, path }] of explored(jurisdiction, procedure).reached) {
      if (stage === CLOSED_STAGE) continue;
      const closed = close(state, plusDays(lastEventDate(state) ?? FIRST_DAY, 1));
      if (!closed.ok) refused.push(`${stage} (after ${describePath(path)}): ${closed.reason}`);
      else expect(closed.state.stage).toBe(CLOSED_STAGE);
    }
    expect(refused).toEqual([]);
  });

  /**
   * The validator accepts a command only if its deadlines can then be computed: otherwise the update is
   * accepted, and then fails in its handler (DeadlinesUnavailable) instead of being refused with a reason.
   * Fails today for both RU procedures: `refusal-overturned` with a `decideBy` before its own date passes
   * decide() (factDateProblem in src/domain/transitions.ts checks validUntil and decidedOn only), and the
   * engine then refuses the request ("the date derived from fact decideBy ... is before the event date").
   */
  it('gets its deadlines from the rules engine for every event the domain accepts', () => {
    expect(explored(jurisdiction, procedure).computeFailures).toEqual([]);
  });

  it('accepts a recorded event exactly where its table has the move (random walks from a new case)', () => {
    const events = lifecycle.events;
    const stepArbitrary = fc.record({ event: fc.nat(), facts: fc.nat(), gapDays: fc.integer({ min: 0, max: 30 }), close: fc.boolean() });
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 14 }), (walk) => {
        let state: CaseState = openedCase(jurisdiction, procedure, plusDays(FIRST_DAY, -1));
        let on = FIRST_DAY;
        for (const choice of walk) {
          const event = events[choice.event % events.length];
          if (!event) throw new Error('a lifecycle has events');
          on = plusDays(lastEventDate(state) ?? on, choice.gapDays);
          const combinations = factCombinations(event, on);
          const facts: Facts = combinations[choice.facts % combinations.length] ?? {};
          const from = state.stage;
          const decision = record(state, { event: event.event, on, facts });
          if (from === CLOSED_STAGE) {
            expect(decision.ok).toBe(false);
            continue;
          }
          const closing = close(state, on);
          expect(closing.ok && closing.state.stage).toBe(CLOSED_STAGE);

          const moves = lifecycle.transitions.filter((transition) => transition.event === event.event && transition.from.includes(from));
          if (!decision.ok) {
            // A move the table has, with its conditions met and its facts given, is refused only for a date a fact states.
            const open = moves.find((move) => move.when.every((condition) => facts[condition.fact] === condition.equals) && move.requires.every((fact) => facts[fact] !== undefined));
            if (open) expect(decision.reason).toMatch(/validUntil|decidedOn|receivedOn|departedOn/);
          } else {
            const move = moves.find((candidate) => candidate.to === decision.state.stage && candidate.when.every((condition) => facts[condition.fact] === condition.equals));
            expect(move).toBeDefined();
            expect(decision.state.attempt).toBe(state.attempt + (move?.countsAttempt ? 1 : 0));
            state = decision.state;
          }
          if (choice.close && closing.ok) state = closing.state;
        }
      }),
      { numRuns: 150 },
    );
  });
});
