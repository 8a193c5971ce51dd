import type { CaseEventType } from '../domain/events';
import type { Outcome } from '../store';
import type { RegisterEntry } from './types';

/**
 * The case events that are decisions in the procedure, and the outcome each one is. A lapse is not
 * here: the workflow records it itself, with the escalation that goes with it.
 */
const OUTCOME_OF_EVENT: Partial<Record<CaseEventType, Outcome>> = {
  'protection-granted': 'grant',
  'refusal-notice-received': 'refusal',
  'decision-served': 'refusal',
  'decision-sent': 'refusal',
  'oral-decision': 'refusal',
  'written-decision-mailed': 'refusal',
  'final-refusal-notice-received': 'refusal',
  'renewal-refusal-notice-received': 'refusal',
  // Loss or withdrawal of protection is challenged like a refusal, and counts as one.
  'protection-withdrawal-notice-received': 'refusal',
  'protection-extended': 'extension',
  'case-closed': 'closure',
};

/**
 * The outcome entry a case event implies, so that the register's outcomes list every grant, refusal,
 * extension and closure however the workflow records them. Its key derives from the event's key.
 */
export function outcomeOfEvent(entry: RegisterEntry): RegisterEntry | undefined {
  if (entry.kind !== 'case-event') return undefined;
  const outcome = OUTCOME_OF_EVENT[entry.payload.type as CaseEventType];
  if (!outcome) return undefined;
  return { ...entry, idempotencyKey: `${entry.idempotencyKey}/outcome`, kind: 'outcome', payload: { ...entry.payload, outcome } };
}
