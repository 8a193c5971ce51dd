import type { SuspensionEffect } from '../../src/rules/compute/apply-suspensions';
import type { ClockStop } from '../../src/rules/compute/clock-stops';
import { deadlineConfidence, ruleConfidenceFor } from '../../src/rules/compute/confidence';
import type { Confidence } from '../../src/rules/pack/schema';
import { day } from './step-support';

function stopped(confidence?: Confidence): SuspensionEffect {
  const stop: ClockStop = { from: day('2020-03-15'), to: day('2021-06-15'), effect: 'stop-clock', reason: { en: 'x', ru: 'x' }, ...(confidence ? { confidence } : {}) };
  return { kind: 'stopped-while-running', stop, stoppedFrom: stop.from, daysLeft: 10, end: day('2021-06-25') };
}

describe('ruleConfidenceFor: how sure the pack is of a rule for one trigger', () => {
  const complaint = { confidence: 'high' as const, triggers: [{ event: 'refusal-notice-received' }, { event: 'protection-withdrawal-notice-received', confidence: 'low' as const }] };

  it('is the rule\'s, unless the trigger says it is less sure', () => {
    expect(ruleConfidenceFor(complaint, 'refusal-notice-received')).toBe('high');
    // A withdrawal is treated as a refusal, which the law does not confirm.
    expect(ruleConfidenceFor(complaint, 'protection-withdrawal-notice-received')).toBe('low');
  });
});

describe('deadlineConfidence: a date is only as sure as what it relies on', () => {
  it('keeps the rule\'s confidence when no suspension moved the date', () => {
    expect(deadlineConfidence('high', [])).toEqual({ confidence: 'high', loweredBy: [] });
  });

  it('drops to the confidence of a less certain suspension that moved the date, and names it', () => {
    const medium = stopped('medium');
    expect(deadlineConfidence('medium-high', [medium])).toEqual({ confidence: 'medium', loweredBy: [medium] });
  });

  it('names only the suspensions that lowered it further', () => {
    // medium lowers high; a second medium changes nothing; unconfirmed lowers it again.
    const [first, second, third] = [stopped('medium'), stopped('medium'), stopped('unconfirmed')];
    expect(deadlineConfidence('high', [first, second, third])).toEqual({ confidence: 'unconfirmed', loweredBy: [first, third] });
  });

  it('is not raised by a surer suspension, nor touched by the case\'s own periods or a window that only may apply', () => {
    const mayApply: SuspensionEffect = { kind: 'may-apply', stop: { ...stopped('unconfirmed').stop, effect: 'warn' }, end: day('2021-01-15') };
    expect(deadlineConfidence('low', [stopped('medium'), stopped(), mayApply])).toEqual({ confidence: 'low', loweredBy: [] });
  });
});
