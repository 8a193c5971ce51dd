import type { Confidence, Rule } from '../pack/schema';
import type { SuspensionEffect } from './apply-suspensions';

const WEAKEST_FIRST: readonly Confidence[] = ['unconfirmed', 'low', 'medium', 'medium-high', 'high'];

function isLessSure(a: Confidence, b: Confidence): boolean {
  return WEAKEST_FIRST.indexOf(a) < WEAKEST_FIRST.indexOf(b);
}

/** The rule's confidence for this trigger: a trigger may be less certain than the rule (a withdrawal read as a refusal). */
export function ruleConfidenceFor(rule: Pick<Rule, 'triggers' | 'confidence'>, event: string): Confidence {
  return rule.triggers.find((trigger) => trigger.event === event)?.confidence ?? rule.confidence;
}

export interface DeadlineConfidence {
  confidence: Confidence;
  /** The suspensions that lowered it, in order; the explanation warns where each one moved the date. */
  loweredBy: SuspensionEffect[];
}

/**
 * A deadline is only as sure as its rule and every suspension that moved it. A window that only may apply
 * did not move the date, so it leaves the confidence alone.
 */
export function deadlineConfidence(ruleConfidence: Confidence, suspensions: readonly SuspensionEffect[]): DeadlineConfidence {
  let confidence = ruleConfidence;
  const loweredBy: SuspensionEffect[] = [];
  for (const effect of suspensions) {
    const windowConfidence = effect.stop.confidence;
    if (effect.kind === 'may-apply' || !windowConfidence || !isLessSure(windowConfidence, confidence)) continue;
    confidence = windowConfidence;
    loweredBy.push(effect);
  }
  return { confidence, loweredBy };
}
