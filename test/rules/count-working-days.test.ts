import { RulesError } from '../../src/rules';
import { countWorkingDays } from '../../src/rules/compute/count-working-days';
import { formatLocalDate } from '../../src/rules/local-date';
import type { Rule } from '../../src/rules/pack/schema';
import { RU, day } from './step-support';

type Options = { direction?: Rule['direction']; start?: Rule['counting']['start']; honours?: boolean; fallback?: boolean };

function count(base: string, amount: number, options: Options = {}) {
  const result = countWorkingDays({
    base: day(base),
    amount,
    direction: options.direction ?? 'after',
    counting: { start: options.start ?? 'day-after-trigger', honoursPresidentialNonWorkingDays: options.honours ?? false },
    calendar: RU,
    allowCalendarFallback: options.fallback ?? false,
  });
  return {
    date: formatLocalDate(result.date),
    firstDay: formatLocalDate(result.firstDay),
    days: result.days.map((entry) => `${formatLocalDate(entry.day)} ${entry.info.kind}${entry.counted ? ' counted' : ''}`),
  };
}

describe('countWorkingDays: a period in working days', () => {
  it('counts a working Saturday and skips a Sunday, a transferred day off and a holiday', () => {
    // Final refusal Friday 19 Feb 2016, 3 working days (decree of 24.09.2015): Sat 20 Feb was made a working day (1),
    // Sun 21 is a weekend, Mon 22 the day off moved from Sat 20, Tue 23 Defender of the Fatherland Day; Wed 24 (2), Thu 25 (3).
    expect(count('2016-02-19', 3)).toEqual({
      date: '2016-02-25',
      firstDay: '2016-02-20',
      days: [
        '2016-02-20 working-weekend counted',
        '2016-02-21 weekend',
        '2016-02-22 transferred-day-off',
        '2016-02-23 holiday',
        '2016-02-24 working counted',
        '2016-02-25 working counted',
      ],
    });
  });

  it('counts presidential non-working days as working days, unless the rule honours them', () => {
    // From Friday 27 Mar 2020: Sat 28 and Sun 29 are skipped; 30 Mar, 31 Mar and 1 Apr are presidential days, which count.
    expect(count('2020-03-27', 3).date).toBe('2020-04-01');
    // Honouring them, nothing counts until May: 30 Mar-30 Apr presidential, 1 May holiday, 2-3 May weekend, 4-5 May days off,
    // 6-8 May presidential, 9 May Victory Day, 10 May Sunday, 11 May day off; then Tue 12 (1), Wed 13 (2), Thu 14 May (3).
    expect(count('2020-03-27', 3, { honours: true }).date).toBe('2020-05-14');
  });

  it('counts backwards from the base', () => {
    // Two working days before Monday 14 Mar 2016: Sun 13 and Sat 12 are skipped, Fri 11 (1), Thu 10 (2).
    expect(count('2016-03-14', 2, { direction: 'before' })).toMatchObject({ date: '2016-03-10', firstDay: '2016-03-13' });
  });

  it('counts the trigger day itself when the rule says so', () => {
    // Monday 14 Mar 2016 is a working day and is the first of the period.
    expect(count('2016-03-14', 1, { start: 'trigger-day' })).toMatchObject({ date: '2016-03-14', firstDay: '2016-03-14' });
  });

  it('fails on a day outside the covered years, or counts weekends and fixed holidays only when allowed', () => {
    // From Thursday 30 Dec 2027: 31 Dec 2027 is a day off; 2028 is not in the calendar.
    expect(() => count('2027-12-30', 3)).toThrow(RulesError);
    expect(() => count('2027-12-30', 3)).toThrow(/2028-01-01 is outside the Russian production calendar/);
    // Allowed: 1-8 Jan are the fixed New Year holidays and Christmas (Labour Code art. 112), Sun 9 Jan; Mon 10 (1), Tue 11 (2), Wed 12 (3).
    expect(count('2027-12-30', 3, { fallback: true }).date).toBe('2028-01-12');
  });
});
