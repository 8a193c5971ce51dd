import { countPeriod } from '../../src/rules/compute/count-period';
import type { ResolvedPeriod } from '../../src/rules/compute/rule-params';
import { formatLocalDate } from '../../src/rules/local-date';
import type { Rule } from '../../src/rules/pack/schema';
import { PROCEDURAL, RU, day } from './step-support';

function end(base: string, period: ResolvedPeriod, rule: Partial<Pick<Rule, 'direction'>> & { counting?: Partial<Rule['counting']> } = {}) {
  const result = countPeriod({
    base: day(base),
    period,
    rule: { direction: rule.direction ?? 'after', counting: { ...PROCEDURAL, ...rule.counting } },
    calendar: RU,
    allowCalendarFallback: false,
  });
  return { ...result, date: formatLocalDate(result.date), firstDay: formatLocalDate(result.firstDay) };
}

describe('countPeriod: where a period in calendar units ends, before any roll', () => {
  it('starts on the day after the trigger and ends on the day with the same number (Civil Code art. 192(3))', () => {
    // Refusal received 26 Jan 2016: the month runs from 27 Jan and ends on 26 Feb.
    expect(end('2016-01-26', { amount: 1, unit: 'months' })).toMatchObject({ kind: 'calendar', date: '2016-02-26', firstDay: '2016-01-27', clampedFrom: undefined });
  });

  it('ends on the last day of a month that has no such number, and says which number it aimed at', () => {
    // 31 Jan 2016 + 1 month aims at 31 Feb; February 2016 has 29 days.
    expect(end('2016-01-31', { amount: 1, unit: 'months' })).toMatchObject({ date: '2016-02-29', clampedFrom: 31 });
    // 29 Feb 2016 + 1 year aims at 29 Feb 2017, which does not exist.
    expect(end('2016-02-29', { amount: 1, unit: 'years' })).toMatchObject({ date: '2017-02-28', clampedFrom: 29 });
  });

  it('runs into the next month instead when the rule overflows', () => {
    // 31 Jan 2015 + 1 month: 28 days of February, then the three days it lacks, 1-3 March.
    expect(end('2015-01-31', { amount: 1, unit: 'months' }, { counting: { monthEnd: 'overflow' } })).toMatchObject({ date: '2015-03-03', clampedFrom: undefined });
  });

  it('ends a day sooner when the trigger day itself counts', () => {
    // Counting 26 Jan as the first day, one month is 26 Jan to 25 Feb.
    expect(end('2016-01-26', { amount: 1, unit: 'months' }, { counting: { start: 'trigger-day' } })).toMatchObject({ date: '2016-02-25', firstDay: '2016-01-26' });
  });

  it('ends a week period on the weekday of the trigger (BGB 188(2))', () => {
    // Served Thursday 10 Mar 2016: two weeks end on Thursday 24 Mar.
    expect(end('2016-03-10', { amount: 2, unit: 'weeks' }).date).toBe('2016-03-24');
  });

  it('counts half a month as 15 days, after the whole months (Civil Code art. 192(2))', () => {
    // 10 Feb + 15 days = 25 Feb; 10 Jan + 1 month = 10 Feb, + 15 days = 25 Feb.
    expect(end('2016-02-10', { amount: 0.5, unit: 'months' }).date).toBe('2016-02-25');
    expect(end('2016-01-10', { amount: 1.5, unit: 'months' }).date).toBe('2016-02-25');
  });

  it('counts back from the base for a "file before" date', () => {
    // One month before the expiry on 26 May 2017 is 26 Apr 2017.
    expect(end('2017-05-26', { amount: 1, unit: 'months' }, { direction: 'before' })).toMatchObject({ date: '2017-04-26', firstDay: '2017-05-25' });
    // Counting the base day itself, the month back covers 26 May to 27 Apr.
    expect(end('2017-05-26', { amount: 1, unit: 'months' }, { direction: 'before', counting: { start: 'trigger-day' } }).date).toBe('2017-04-27');
  });

  it('leaves a period in working days to the working-day count', () => {
    // Friday 19 Feb 2016 + 1 working day: Saturday 20 Feb 2016 was made a working day.
    expect(end('2016-02-19', { amount: 1, unit: 'working-days' }, { counting: { roll: 'none' } })).toMatchObject({ kind: 'working-days', date: '2016-02-20' });
  });
});
