import type { DateTime } from 'luxon';
import { toDay } from '../local-date';
import type { LocalizedText } from '../localized-text';
import type { Confidence, Rule, RulePack, SuspensionWindowDefinition } from '../pack/schema';
import type { SuspensionPeriod } from '../types';

/** A window of days (both inclusive) during which a rule's clock may stop. */
export interface ClockStop {
  from: DateTime;
  to: DateTime;
  /** `stop-clock` moves the date; `warn` only says the window may apply, because that is not confirmed. */
  effect: 'stop-clock' | 'warn';
  reason: LocalizedText;
  /** The act that suspends; a case's own suspension has none. */
  citation?: LocalizedText;
  /** How sure the pack is that the window applies; a case's own suspension is the caller's statement. */
  confidence?: Confidence;
}

/** The pack's suspension windows the rule names, then the request's own periods if the rule stops for them. */
export function clockStopsFor(rule: Pick<Rule, 'suspensions' | 'stopsForRequestSuspensions'>, pack: Pick<RulePack, 'suspensionWindows'>, requestSuspensions: readonly SuspensionPeriod[]): ClockStop[] {
  const fromPack = rule.suspensions.map((reference): ClockStop => {
    // Every referenced window was checked to exist when the pack was loaded.
    const window = pack.suspensionWindows.find((candidate) => candidate.id === reference.window) as SuspensionWindowDefinition;
    return { from: toDay(window.from), to: toDay(window.to), effect: reference.effect, reason: window.reason, citation: window.citation, confidence: window.confidence };
  });
  // The caller's reason is free text in one language; both versions of the explanation quote it as given.
  const fromRequest = rule.stopsForRequestSuspensions
    ? requestSuspensions.map((period): ClockStop => ({ from: toDay(period.from), to: toDay(period.to), effect: 'stop-clock', reason: { en: period.reason, ru: period.reason } }))
    : [];
  return [...fromPack, ...fromRequest];
}
