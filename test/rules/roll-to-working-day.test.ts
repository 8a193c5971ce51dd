import { RulesError } from '../../src/rules';
import { rollToWorkingDay } from '../../src/rules/compute/roll-to-working-day';
import { formatLocalDate } from '../../src/rules/local-date';
import type { Rule } from '../../src/rules/pack/schema';
import { RU, dates, day } from './step-support';

type Options = { honours?: boolean; countedInWorkingDays?: boolean; fallback?: boolean };

function roll(date: string, how: Rule['counting']['roll'], options: Options = {}) {
  const result = rollToWorkingDay({
    day: day(date),
    counting: { roll: how, honoursPresidentialNonWorkingDays: options.honours ?? false },
    countedInWorkingDays: options.countedInWorkingDays ?? false,
    calendar: RU,
    allowCalendarFallback: options.fallback ?? false,
  });
  return { date: formatLocalDate(result.date), days: dates(result.days), kinds: result.days.map((entry) => entry.info.kind) };
}

describe('rollToWorkingDay: a last day that is not a working day', () => {
  it('moves forward past a transferred day off and a holiday', () => {
    // Mon 7 Mar 2016 is the day off moved from Sat 20 Feb, Tue 8 Mar is International Women's Day: due Wed 9 Mar.
    expect(roll('2016-03-07', 'next-working-day')).toEqual({
      date: '2016-03-09',
      days: ['2016-03-07', '2016-03-08', '2016-03-09'],
      kinds: ['transferred-day-off', 'holiday', 'working'],
    });
  });

  it('leaves a working day, and a weekend day made a working day, where they are', () => {
    expect(roll('2016-03-09', 'next-working-day')).toMatchObject({ date: '2016-03-09', kinds: ['working'] });
    // Sat 20 Feb 2016 was a working day by the decree of 24.09.2015.
    expect(roll('2016-02-20', 'next-working-day')).toMatchObject({ date: '2016-02-20', kinds: ['working-weekend'] });
  });

  it('moves a "file by" date back, so that it never becomes later', () => {
    // Sun 26 Mar 2017, then Sat 25: file by Fri 24 Mar.
    expect(roll('2017-03-26', 'previous-working-day')).toMatchObject({ date: '2017-03-24', days: ['2017-03-26', '2017-03-25', '2017-03-24'] });
  });

  it('does not move off a presidential non-working day, unless the rule honours such days', () => {
    // Thu 30 Apr 2020 was a presidential non-working day: procedural deadlines are not extended by it.
    expect(roll('2020-04-30', 'next-working-day')).toMatchObject({ date: '2020-04-30', kinds: ['presidential-non-working'] });
    // Honoured: 1 May holiday, 2-3 May weekend, 4-5 May days off, 6-8 May presidential, 9 May Victory Day, 10 May Sunday,
    // 11 May day off: the first working day is Tue 12 May.
    expect(roll('2020-04-30', 'next-working-day', { honours: true }).date).toBe('2020-05-12');
  });

  it('never moves a date that does not roll, but looks it up inside the covered years', () => {
    // 12 Jun 2017 is Russia Day; the end of a certificate's validity stays on it.
    expect(roll('2017-06-12', 'none')).toEqual({ date: '2017-06-12', days: ['2017-06-12'], kinds: ['holiday'] });
    // Beyond the covered years a validity date needs no calendar, so it does not fail for want of one.
    expect(roll('2031-01-01', 'none')).toEqual({ date: '2031-01-01', days: [], kinds: [] });
    // A period counted in working days has looked at its last day already.
    expect(roll('2020-04-30', 'none', { countedInWorkingDays: true }).days).toEqual([]);
  });

  it('fails outside the covered years, or uses weekends and fixed holidays when allowed', () => {
    expect(() => roll('2028-01-08', 'next-working-day')).toThrow(RulesError);
    // Sat 8 Jan 2028 is a fixed New Year holiday, Sun 9 Jan a weekend: Mon 10 Jan.
    expect(roll('2028-01-08', 'next-working-day', { fallback: true })).toMatchObject({ date: '2028-01-10', kinds: ['holiday', 'weekend', 'working'] });
  });
});
