import { RulesError } from '../../src/rules';
import { resolveBaseDate } from '../../src/rules/compute/base-date';
import type { FactValue } from '../../src/rules/compute/inputs';
import { formatLocalDate } from '../../src/rules/local-date';
import type { Rule } from '../../src/rules/pack/schema';
import { PROCEDURAL, day, param, params } from './step-support';

const NO_FACTS = new Map<string, FactValue>();
const NO_PARAMS = params();

/** The end of a temporary-asylum period (Decree 274 p. 12): the certificate's date, else a year on from the old end, else a year on from the grant. */
const PROTECTION_END: Rule['base'] = [
  { from: 'fact', fact: 'validUntil' },
  { from: 'fact', fact: 'previousValidUntil', plus: { amount: 1, unit: 'years' } },
  { from: 'trigger', plus: { amount: 1, unit: 'years' } },
];
const rule = (base: Rule['base'], counting: Rule['counting'] = PROCEDURAL): Pick<Rule, 'id' | 'base' | 'counting'> => ({ id: 'test-rule', base, counting });

describe('resolveBaseDate: the date a period is measured from', () => {
  it('is the trigger itself when the rule names no other base', () => {
    const base = resolveBaseDate({ rule: rule([{ from: 'trigger' }]), trigger: day('2016-01-26'), facts: NO_FACTS, params: NO_PARAMS });
    expect(formatLocalDate(base.date)).toBe('2016-01-26');
    expect(base.source.from).toBe('trigger');
    expect(base.shift).toBeUndefined();
  });

  it('takes the first alternative whose fact is given: the end date stated on the certificate', () => {
    // Granted 26 May 2016, certificate valid until 25 May 2017: the certificate decides, nothing is added.
    const facts = new Map<string, FactValue>([['validUntil', day('2017-05-25')], ['previousValidUntil', day('2016-05-30')]]);
    const base = resolveBaseDate({ rule: rule(PROTECTION_END), trigger: day('2016-05-26'), facts, params: NO_PARAMS });
    expect(formatLocalDate(base.date)).toBe('2017-05-25');
    expect(base.source).toEqual({ from: 'fact', fact: 'validUntil' });
    expect(base.shift).toBeUndefined();
  });

  it('adds the alternative\'s own period to the fact it starts from', () => {
    // Extension recorded 10 May 2017 with only the old end date, 26 May 2017: one year on is 26 May 2018.
    const facts = new Map<string, FactValue>([['previousValidUntil', day('2017-05-26')]]);
    const base = resolveBaseDate({ rule: rule(PROTECTION_END), trigger: day('2017-05-10'), facts, params: NO_PARAMS });
    expect(formatLocalDate(base.date)).toBe('2018-05-26');
    expect(formatLocalDate(base.start)).toBe('2017-05-26');
    expect(base.shift).toEqual({ by: { amount: 1, unit: 'years' }, clampedFrom: undefined });
  });

  it('falls back to the trigger plus a year, and a 29 February grant ends on 28 February', () => {
    // 2017 has no 29 February; years keep month and day, so the year clamps to the month's last day.
    const base = resolveBaseDate({ rule: rule(PROTECTION_END), trigger: day('2016-02-29'), facts: NO_FACTS, params: NO_PARAMS });
    expect(formatLocalDate(base.date)).toBe('2017-02-28');
    expect(base.source.from).toBe('trigger');
    expect(base.shift).toEqual({ by: { amount: 1, unit: 'years' }, clampedFrom: 29 });
  });

  it('takes a shift given as a parameter, and moves past a short month when the rule overflows', () => {
    // 31 Jan 2016 + 1 month: clamped, 29 Feb 2016 (a leap year); overflowing, the two days February lacks run on: 2 Mar.
    const alternatives: Rule['base'] = [{ from: 'trigger', plus: { amount: { param: 'lead' }, unit: 'months' } }];
    const lead = params(param('lead', 1));
    const clamped = resolveBaseDate({ rule: rule(alternatives), trigger: day('2016-01-31'), facts: NO_FACTS, params: lead });
    expect(formatLocalDate(clamped.date)).toBe('2016-02-29');
    expect(clamped.shift?.clampedFrom).toBe(31);
    const overflowing = resolveBaseDate({ rule: rule(alternatives, { ...PROCEDURAL, monthEnd: 'overflow' }), trigger: day('2016-01-31'), facts: NO_FACTS, params: lead });
    expect(formatLocalDate(overflowing.date)).toBe('2016-03-02');
    expect(overflowing.shift?.clampedFrom).toBeUndefined();
  });

  it('refuses a stated date before the trigger: the deadline would have passed before the event', () => {
    const facts = new Map<string, FactValue>([['validUntil', day('2016-05-01')]]);
    const refuse = (): unknown => resolveBaseDate({ rule: rule(PROTECTION_END), trigger: day('2016-05-26'), facts, params: NO_PARAMS });
    expect(refuse).toThrow(RulesError);
    expect(refuse).toThrow(/fact "validUntil" \(2016-05-01\) is before the event date 2016-05-26; check the facts \(at facts\.validUntil\)/);
  });

  it('judges the derived date, not the fact: an old end date recorded late still gives a future end', () => {
    // Extension recorded 10 May 2017 after the old end of 1 May 2017: a year on, 1 May 2018, lies after the event.
    const facts = new Map<string, FactValue>([['previousValidUntil', day('2017-05-01')]]);
    const base = resolveBaseDate({ rule: rule(PROTECTION_END), trigger: day('2017-05-10'), facts, params: NO_PARAMS });
    expect(formatLocalDate(base.date)).toBe('2018-05-01');
  });
});
