import type { CaseState } from './case';
import type { CaseEvent, Facts } from './events';

/**
 * States carried over from runs recorded before every procedure had its lifecycle table held procedure
 * events in the old shapes: the complaint's failure as `refusal-upheld`, and facts as fields of their own.
 * They are read into today's shape once, when a run starts from such a state; the deadline requests they
 * give are the same, so nothing is recomputed.
 */
const LEGACY_FACT_FIELDS = ['validUntil', 'decidedOn', 'forum'] as const;
const RENAMED_EVENTS: Record<string, CaseEvent['type']> = { 'refusal-upheld': 'final-refusal-notice-received' };

type LegacyEvent = Record<string, unknown> & { type: string };

function upgradeEvent(raw: CaseEvent): CaseEvent {
  const event = raw as unknown as LegacyEvent;
  const legacyFacts = LEGACY_FACT_FIELDS.filter((field) => event[field] !== undefined);
  const renamed = RENAMED_EVENTS[event.type];
  if (legacyFacts.length === 0 && !renamed && event.changedCircumstances === undefined) return raw;
  const upgraded: LegacyEvent = { ...event, type: renamed ?? event.type };
  const facts: Facts = { ...((event.facts as Facts | undefined) ?? {}) };
  for (const field of legacyFacts) {
    facts[field] = event[field] as string;
    delete upgraded[field];
  }
  if (Object.keys(facts).length > 0) upgraded.facts = facts;
  if (event.changedCircumstances !== undefined) {
    upgraded.note = event.changedCircumstances;
    delete upgraded.changedCircumstances;
  }
  return upgraded as unknown as CaseEvent;
}

export function upgradeState(state: CaseState): CaseState {
  const events = state.events.map(upgradeEvent);
  return events.every((event, index) => event === state.events[index]) ? state : { ...state, events };
}
