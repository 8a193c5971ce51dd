import { applySuspensions, type SuspensionEffect } from '../../src/rules/compute/apply-suspensions';
import type { BaseDate } from '../../src/rules/compute/base-date';
import type { ClockStop } from '../../src/rules/compute/clock-stops';
import type { ResolvedPeriod } from '../../src/rules/compute/rule-params';
import { formatLocalDate } from '../../src/rules/local-date';
import type { Rule } from '../../src/rules/pack/schema';
import { PROCEDURAL, day } from './step-support';

/** The 2020-2021 suspension of refugee-procedure certificates (Presidential Decree No. 274 of 18.04.2020). */
const COVID: ClockStop = {
  from: day('2020-03-15'),
  to: day('2021-06-15'),
  effect: 'stop-clock',
  reason: { en: 'certificates suspended', ru: 'свидетельства приостановлены' },
  citation: { en: 'Decree 274', ru: 'Указ 274' },
  confidence: 'medium',
};
const THREE_MONTHS: ResolvedPeriod = { amount: 3, unit: 'months' };

function fromTrigger(trigger: string): BaseDate {
  return { date: day(trigger), source: { from: 'trigger' }, start: day(trigger) };
}

interface Case {
  trigger: string;
  rawEnd: string;
  stops: ClockStop[];
  base?: BaseDate;
  period?: ResolvedPeriod;
  counting?: Partial<Rule['counting']>;
}

function suspend({ trigger, rawEnd, stops, base, period = THREE_MONTHS, counting }: Case) {
  const result = applySuspensions({
    trigger: day(trigger),
    rawEnd: day(rawEnd),
    stops,
    base: base ?? fromTrigger(trigger),
    period,
    counting: { ...PROCEDURAL, ...counting },
  });
  const effect = (entry: SuspensionEffect) => ({
    kind: entry.kind,
    end: formatLocalDate(entry.end),
    ...(entry.kind === 'stopped-before-start' ? { runsFrom: formatLocalDate(entry.runsFrom) } : {}),
    ...(entry.kind === 'stopped-while-running' ? { stoppedFrom: formatLocalDate(entry.stoppedFrom), daysLeft: entry.daysLeft } : {}),
  });
  return { date: formatLocalDate(result.date), effects: result.effects.map(effect) };
}

function stop(from: string, to: string, effect: ClockStop['effect'] = 'stop-clock'): ClockStop {
  return { from: day(from), to: day(to), effect, reason: { en: `${from}..${to}`, ru: `${from}..${to}` } };
}

describe('applySuspensions: a stopped clock', () => {
  it('adds the days left on the first stopped day after the stop', () => {
    // Issued 1 Feb 2020, 3 months to 1 May 2020. Stopped from 15 Mar: 15-31 Mar (17) + April (30) + 1 May = 48 days left,
    // which run from 16 Jun 2021: 15 in June, 31 in July, 2 in August: 2 Aug 2021.
    expect(suspend({ trigger: '2020-02-01', rawEnd: '2020-05-01', stops: [COVID] })).toEqual({
      date: '2021-08-02',
      effects: [{ kind: 'stopped-while-running', end: '2021-08-02', stoppedFrom: '2020-03-15', daysLeft: 48 }],
    });
  });

  it('leaves one day when the period would have ended on the first stopped day', () => {
    // Issued 15 Dec 2019, due 15 Mar 2020, the first day of the stop: that day is left, 16 Jun 2021.
    expect(suspend({ trigger: '2019-12-15', rawEnd: '2020-03-15', stops: [COVID] }).date).toBe('2021-06-16');
  });

  it('runs the whole period after a stop that covers its start, counted as the rule counts it', () => {
    // Issued 1 Jun 2020, during the stop: three months run from 16 Jun 2021 and end on 15 Sep 2021.
    expect(suspend({ trigger: '2020-06-01', rawEnd: '2020-09-01', stops: [COVID] })).toEqual({
      date: '2021-09-15',
      effects: [{ kind: 'stopped-before-start', end: '2021-09-15', runsFrom: '2021-06-16' }],
    });
    // Counting the first day of the run itself, the three months end a day sooner, 14 Sep 2021.
    expect(suspend({ trigger: '2020-06-01', rawEnd: '2020-08-31', stops: [COVID], counting: { start: 'trigger-day' } }).date).toBe('2021-09-14');
    // A base a year after the trigger and a month's period: 15 Jun 2021 + 1 year = 15 Jun 2022, + 1 month = 15 Jul 2022.
    const yearOn: BaseDate = { ...fromTrigger('2020-06-01'), date: day('2021-06-01'), shift: { by: { amount: 1, unit: 'years' } } };
    expect(suspend({ trigger: '2020-06-01', rawEnd: '2021-07-01', stops: [COVID], base: yearOn, period: { amount: 1, unit: 'months' } }).date).toBe('2022-07-15');
  });

  it('keeps the number of days of a period measured from a stated date, or in working days, when the stop covers its start', () => {
    // Event 1 Jun 2020, stated end 1 Jul 2020: 30 days, which run after 15 Jun 2021: 15 Jul 2021.
    const stated: BaseDate = { date: day('2020-07-01'), source: { from: 'fact', fact: 'validUntil' }, start: day('2020-07-01') };
    expect(suspend({ trigger: '2020-06-01', rawEnd: '2020-07-01', stops: [COVID], base: stated, period: undefined }).date).toBe('2021-07-15');
    // Five working days from 1 Jun 2020 ended on 8 Jun, 7 days on: 22 Jun 2021.
    expect(suspend({ trigger: '2020-06-01', rawEnd: '2020-06-08', stops: [COVID], period: { amount: 5, unit: 'working-days' } }).date).toBe('2021-06-22');
  });

  it('ignores stops that end before the period starts or begin after it ends', () => {
    // Issued 14 Dec 2019, due 14 Mar 2020, the day before the stop.
    expect(suspend({ trigger: '2019-12-14', rawEnd: '2020-03-14', stops: [COVID] })).toEqual({ date: '2020-03-14', effects: [] });
    // Issued 1 Jul 2021, after the stop.
    expect(suspend({ trigger: '2021-07-01', rawEnd: '2021-10-01', stops: [COVID] })).toEqual({ date: '2021-10-01', effects: [] });
  });

  it('counts overlapping stops once, in the order of their first days', () => {
    // Work-permit clock from 1 Jan 2016, 150 days to 30 May. Stopped 1-10 Feb: 1 Feb-30 May is 29 + 31 + 30 + 30 = 120 days,
    // which run from 11 Feb to 9 Jun. The second stop, 5-12 Feb, overlaps the first, so only 11-12 Feb stop the clock again:
    // the 120 days left on 11 Feb (11 Feb-9 Jun) run from 13 Feb to 11 Jun.
    const later = stop('2016-02-05', '2016-02-12');
    const earlier = stop('2016-02-01', '2016-02-10');
    expect(suspend({ trigger: '2016-01-01', rawEnd: '2016-05-30', stops: [later, earlier], period: { amount: 150, unit: 'days' } })).toEqual({
      date: '2016-06-11',
      effects: [
        { kind: 'stopped-while-running', end: '2016-06-09', stoppedFrom: '2016-02-01', daysLeft: 120 },
        { kind: 'stopped-while-running', end: '2016-06-11', stoppedFrom: '2016-02-11', daysLeft: 120 },
      ],
    });
  });

  it('only records a window that may apply, without moving the date', () => {
    // Temporary asylum granted 15 Jan 2020 until 15 Jan 2021: the period overlaps the certificate suspension.
    expect(suspend({ trigger: '2020-01-15', rawEnd: '2021-01-15', stops: [{ ...COVID, effect: 'warn' }], period: undefined })).toEqual({
      date: '2021-01-15',
      effects: [{ kind: 'may-apply', end: '2021-01-15' }],
    });
    // A window entirely before the period is not mentioned.
    expect(suspend({ trigger: '2021-07-01', rawEnd: '2022-07-01', stops: [{ ...COVID, effect: 'warn' }], period: undefined }).effects).toEqual([]);
  });
});
