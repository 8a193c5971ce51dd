import {
  legacyOpenCaseInputSchema,
  nextStaleComputation,
  openCase,
  openCaseInputSchema,
  parseWith,
  type CaseState,
} from '../../src/domain';
import { computeDeadlines } from '../../src/rules';
import { attempt, deadlineOfKind, happened, noon, OPEN_INPUT, record, settle } from './fixtures';

/**
 * Issue 13 item 5: rule parameters the pack does not take used to be accepted at the opening, and then
 * no deadline of the case could ever be computed. The RU temporary-asylum pack takes departureWorkingDays
 * (1-30), redecisionMonths, renewalLeadMonths (0-6, default 1) and renewalReminderFromMonths.
 */
const PARAMS_OF_TA = 'departureWorkingDays, redecisionMonths, renewalLeadMonths, renewalReminderFromMonths';
const rules = computeDeadlines;

function openingProblem(ruleParams: Record<string, unknown>) {
  const parsed = parseWith(openCaseInputSchema, { ...OPEN_INPUT, ruleParams }, 'case to open');
  return parsed.ok ? undefined : parsed.reason;
}

describe('opening a case with rule parameters', () => {
  it('takes the parameters its pack declares, with values in their bounds', () => {
    expect(openingProblem({ renewalLeadMonths: 2, departureWorkingDays: 30 })).toBeUndefined();
  });

  it('refuses a parameter the pack does not take, naming it and the ones it does', () => {
    expect(openingProblem({ renewalLeadMonths: 2, frobnicate: 1 })).toBe(
      `invalid case to open: ruleParams.frobnicate: is not a parameter of RU/temporary-asylum, whose parameters are ${PARAMS_OF_TA}`,
    );
    // Names an object has by inheritance are no parameters either.
    expect(openingProblem({ constructor: 1 })).toMatch(/^invalid case to open: ruleParams\.constructor: is not a parameter/);
  });

  it('refuses a value outside the parameter’s definition without repeating it', () => {
    const outOfBounds = 'invalid case to open: ruleParams.renewalLeadMonths: must be a whole number from 0 to 6';
    expect(openingProblem({ renewalLeadMonths: 9 })).toBe(outOfBounds);
    expect(openingProblem({ renewalLeadMonths: 1.5 })).toBe(outOfBounds);
    expect(openingProblem({ renewalLeadMonths: 'Pseudonym-Orlov' })).toBe(outOfBounds);
    expect(openingProblem({ departureWorkingDays: 0 })).toBe('invalid case to open: ruleParams.departureWorkingDays: must be a whole number from 1 to 30');
  });

  it('refuses 2,500 junk keys in one message', () => {
    const junk = Object.fromEntries(Array.from({ length: 2500 }, (_, index) => [`junk${index}`, index]));
    expect(openingProblem(junk)).toBe(`invalid case to open: ruleParams: at most 20 rule parameters can be given; RU/temporary-asylum takes ${PARAMS_OF_TA}`);
  });

  it('still reads such an opening as runs recorded before these checks did, so that they replay', () => {
    expect(legacyOpenCaseInputSchema.safeParse({ ...OPEN_INPUT, ruleParams: { frobnicate: 1 } }).success).toBe(true);
  });
});

describe('correctRuleParams', () => {
  /**
   * Lodged 2015-11-02, granted 2016-05-26 until 2017-05-25 (real RU rules). The renewal is filed
   * renewalLeadMonths months before the end, on the working day before when that is a day off:
   * with the default 1, 2017-04-25 (a Tuesday); with 2, 2017-03-25, a Saturday, so Friday 2017-03-24.
   */
  function granted(state: CaseState = openCase(OPEN_INPUT, noon('2015-11-01'))): CaseState {
    const lodged = happened(state, 'application-lodged', '2015-11-02', { rules });
    return happened(lodged, 'protection-granted', '2016-05-26', { facts: { validUntil: '2017-05-25' }, rules });
  }
  const correction = (ruleParams: Record<string, unknown>) => ({ ruleParams, reason: 'lead time set by the office policy of 2016' });

  it('sets the case’s parameters in full and recomputes the deadlines that use them', () => {
    const state = granted();
    expect(deadlineOfKind(state, 'renewal-filing').deadline.dueDate).toBe('2017-04-25');
    const decision = attempt(state, 'correctRuleParams', correction({ renewalLeadMonths: 2 }), noon('2016-06-01'));
    if (!decision.ok) throw new Error(decision.reason);
    expect(decision.event).toMatchObject({ type: 'rule-params-corrected', to: { renewalLeadMonths: 2 }, reason: 'lead time set by the office policy of 2016' });
    expect(decision.state.ruleParams).toEqual({ renewalLeadMonths: 2 });
    expect(nextStaleComputation(decision.state)?.request).toMatchObject({ event: 'application-lodged', params: { renewalLeadMonths: 2 } });

    const corrected = settle(decision.state, noon('2016-06-01'), rules);
    expect(corrected.deadlines).toHaveLength(state.deadlines.length);
    expect(deadlineOfKind(corrected, 'renewal-filing').deadline.dueDate).toBe('2017-03-24');
    expect(deadlineOfKind(corrected, 'protection-expiry').deadline.dueDate).toBe('2017-05-25');
  });

  it('mends a case opened with parameters its pack never took, so that its deadlines can be counted', () => {
    const broken = openCase({ ...OPEN_INPUT, ruleParams: { frobnicate: 'Pseudonym-Orlov', renewalLeadMonths: 99 } }, noon('2015-11-01'));
    expect(() => granted(broken)).toThrow(/unknown parameter "frobnicate"/);
    const mended = record(broken, 'correctRuleParams', correction({}), noon('2015-11-01'));
    expect(mended.ruleParams).toEqual({});
    expect(deadlineOfKind(granted(mended), 'renewal-filing').deadline.dueDate).toBe('2017-04-25');
  });

  it('refuses parameters the pack does not take, values out of bounds, too many, and no change, and changes nothing', () => {
    const state = granted();
    const snapshot = JSON.stringify(state);
    const refusal = (ruleParams: Record<string, unknown>) => {
      const decision = attempt(state, 'correctRuleParams', correction(ruleParams), noon('2016-06-01'));
      return decision.ok ? 'accepted' : decision.reason;
    };
    expect(refusal({ frobnicate: 1 })).toBe(
      `cannot correct the rule parameters: frobnicate is not a parameter of RU/temporary-asylum, whose parameters are ${PARAMS_OF_TA}`,
    );
    expect(refusal({ renewalLeadMonths: 7 })).toBe('cannot correct the rule parameters: renewalLeadMonths must be a whole number from 0 to 6');
    expect(refusal({ renewalLeadMonths: '2' })).toMatch(/^invalid correctRuleParams input: ruleParams\.renewalLeadMonths: /);
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`junk${index}`, index]));
    expect(refusal(many)).toBe('invalid correctRuleParams input: ruleParams: at most 20 rule parameters can be given');
    expect(refusal({})).toBe('cannot correct the rule parameters: the case already has these rule parameters');
    expect(JSON.stringify(state)).toBe(snapshot);
  });
});
