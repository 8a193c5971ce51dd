import { applySuspensions, type SuspensionEffect } from '../../src/rules/compute/apply-suspensions';
import type { BaseDate } from '../../src/rules/compute/base-date';
import type { ClockStop } from '../../src/rules/compute/clock-stops';
import type { ResolvedPeriod } from '../../src/rules/compute/rule-params';
import { formatLocalDate } from '../../src/rules/local-date';
import type { Rule } from '../../src/rules/pack/schema';
import { PROCEDURAL, RU, day } from './step-support';
import { TA, deadlineOf } from './support';

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
    calendar: RU,
    allowCalendarFallback: false,
  });
  const effect = (entry: SuspensionEffect) => ({
    kind: entry.kind,
    end: formatLocalDate(entry.end),
    ...(entry.kind === 'stopped-before-start' ? { runsFrom: formatLocalDate(entry.runsFrom) } : {}),
    ...(entry.kind === 'stopped-while-running' ? { stoppedFrom: formatLocalDate(entry.stoppedFrom), daysLeft: entry.daysLeft } : {}),
    ...(entry.kind !== 'may-apply' && entry.workingDays ? { workingDays: entry.workingDays.amount } : {}),
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

  it('keeps the number of days of a period measured from a stated date when the stop covers its start', () => {
    // Event 1 Jun 2020, stated end 1 Jul 2020: 30 days, which run after 15 Jun 2021: 15 Jul 2021.
    const stated: BaseDate = { date: day('2020-07-01'), source: { from: 'fact', fact: 'validUntil' }, start: day('2020-07-01') };
    expect(suspend({ trigger: '2020-06-01', rawEnd: '2020-07-01', stops: [COVID], base: stated, period: undefined }).date).toBe('2021-07-15');
  });

  it('counts a period in working days again in working days after a stop that covers its start', () => {
    // Five working days from Fri 5 Jun 2020: Mon 8, Tue 9, Wed 10, Thu 11 (Fri 12 Jun is Russia Day), Mon 15 Jun 2020,
    // 10 calendar days. The stop covers the start, so the five working days run after Tue 15 Jun 2021: Wed 16 (1),
    // Thu 17 (2), Fri 18 (3), Sat 19 and Sun 20 not counted, Mon 21 (4), Tue 22 Jun 2021 (5). Ten calendar days
    // (the old, wrong count) would have given Fri 25 Jun 2021.
    expect(suspend({ trigger: '2020-06-05', rawEnd: '2020-06-15', stops: [COVID], period: { amount: 5, unit: 'working-days' } })).toEqual({
      date: '2021-06-22',
      effects: [{ kind: 'stopped-before-start', end: '2021-06-22', runsFrom: '2021-06-16', workingDays: 5 }],
    });
  });

  it('counts the working days left on the first stopped day again as working days after the stop', () => {
    // Three working days from Tue 24 Nov 2026: Wed 25, Thu 26, Fri 27 Nov. Stopped Thu 26 Nov-Wed 9 Dec: left on 26 Nov
    // are Thu 26 and Fri 27 (2 working days), counted after 9 Dec: Thu 10 and Fri 11 Dec 2026 (the same as two calendar
    // days here). Stopped Mon 30 Nov-Thu 10 Dec a five-day period from Wed 25 Nov (Thu 26, Fri 27, Mon 30 Nov, Tue 1,
    // Wed 2 Dec): Mon 30 Nov, Tue 1 and Wed 2 Dec are left (3 working days, and 3 calendar days), counted after 10 Dec:
    // Fri 11, Mon 14, Tue 15 Dec 2026, where three calendar days would have ended on Sun 13 Dec.
    const three: ResolvedPeriod = { amount: 3, unit: 'working-days' };
    expect(suspend({ trigger: '2026-11-24', rawEnd: '2026-11-27', stops: [stop('2026-11-26', '2026-12-09')], period: three })).toEqual({
      date: '2026-12-11',
      effects: [{ kind: 'stopped-while-running', end: '2026-12-11', stoppedFrom: '2026-11-26', daysLeft: 2, workingDays: 2 }],
    });
    expect(suspend({ trigger: '2026-11-25', rawEnd: '2026-12-02', stops: [stop('2026-11-30', '2026-12-10')], period: { amount: 5, unit: 'working-days' } })).toEqual({
      date: '2026-12-15',
      effects: [{ kind: 'stopped-while-running', end: '2026-12-15', stoppedFrom: '2026-11-30', daysLeft: 3, workingDays: 3 }],
    });
    // Over the New Year: three working days from Mon 28 Dec 2026 are Tue 29, Wed 30 Dec and, after 31 Dec 2026 (a day off)
    // and 1-10 Jan 2027 (holidays, then a weekend), Mon 11 Jan 2027. Stopped Wed 30 Dec 2026-Tue 12 Jan 2027: left on 30 Dec
    // are 30 Dec and 11 Jan (2 working days out of 13 calendar days), counted after 12 Jan: Wed 13, Thu 14 Jan 2027.
    // Thirteen calendar days would have given Mon 25 Jan 2027.
    expect(suspend({ trigger: '2026-12-28', rawEnd: '2027-01-11', stops: [stop('2026-12-30', '2027-01-12')], period: three })).toEqual({
      date: '2027-01-14',
      effects: [{ kind: 'stopped-while-running', end: '2027-01-14', stoppedFrom: '2026-12-30', daysLeft: 2, workingDays: 2 }],
    });
  });

  it('counts overlapping stops of a period in working days once', () => {
    // Three working days from Tue 24 Nov 2026 end Fri 27 Nov. Stopped 26 Nov-2 Dec: Thu 26, Fri 27 Nov are left, counted
    // after Wed 2 Dec: Thu 3, Fri 4 Dec. A second stop 1-7 Dec overlaps the first, so only Thu 3-Mon 7 Dec stop the clock
    // again: left on 3 Dec are Thu 3 and Fri 4 Dec (2), counted after Mon 7 Dec: Tue 8, Wed 9 Dec 2026.
    const stops = [stop('2026-12-01', '2026-12-07'), stop('2026-11-26', '2026-12-02')];
    expect(suspend({ trigger: '2026-11-24', rawEnd: '2026-11-27', stops, period: { amount: 3, unit: 'working-days' } })).toEqual({
      date: '2026-12-09',
      effects: [
        { kind: 'stopped-while-running', end: '2026-12-04', stoppedFrom: '2026-11-26', daysLeft: 2, workingDays: 2 },
        { kind: 'stopped-while-running', end: '2026-12-09', stoppedFrom: '2026-12-03', daysLeft: 2, workingDays: 2 },
      ],
    });
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

describe('computeDeadlines: a stay stops the departure clock, counted in working days', () => {
  it('runs the three working days after a stay that covers the start of the period', () => {
    // Final refusal received Tue 24 Nov 2026; the stay 25 Nov-10 Dec 2026 covers the period's start (Wed 25 Nov). The three
    // working days run after Thu 10 Dec: Fri 11 Dec (1), Sat 12 and Sun 13 Dec not counted, Mon 14 (2), Tue 15 Dec 2026 (3).
    // The 2026 calendar (Decree No. 1466) has no day off in December before the 31st. The rule does not roll (roll none).
    const departure = deadlineOf(
      { ...TA, event: 'final-refusal-notice-received', date: '2026-11-24', suspensions: [{ from: '2026-11-25', to: '2026-12-10', reason: 'stay' }] },
      'departure',
    );
    expect(departure.ruleId).toBe('ru-departure');
    expect(departure.dueDate).toBe('2026-12-15');
    expect(departure.explanation.rawEndDate).toBe('2026-11-27');
    const suspension = departure.explanation.steps.find((step) => step.kind === 'suspension');
    expect(suspension).toMatchObject({
      date: '2026-12-15',
      en: expect.stringContaining('2026-11-25..2026-12-10 (stay): its 3 working days are counted from'),
      ru: expect.stringContaining('3 рабочих дня срока считаются с'),
    });
    const after = departure.explanation.steps.slice(departure.explanation.steps.indexOf(suspension as never));
    expect(after.filter((step) => step.kind === 'skip-non-working').map((step) => step.date)).toEqual(['2026-12-12', '2026-12-13']);
  });

  it('counts the working days left when a stay starts while the period runs', () => {
    // Final refusal received Mon 28 Dec 2026: Tue 29 (1), Wed 30 Dec (2), Thu 31 Dec 2026 and 1-10 Jan 2027 off, Mon 11 Jan
    // 2027 (3). A stay 30 Dec 2026-12 Jan 2027: on 30 Dec, 30 Dec and 11 Jan are left, two working days, counted after
    // Tue 12 Jan: Wed 13, Thu 14 Jan 2027.
    const departure = deadlineOf(
      { ...TA, event: 'final-refusal-notice-received', date: '2026-12-28', suspensions: [{ from: '2026-12-30', to: '2027-01-12', reason: 'stay' }] },
      'departure',
    );
    expect(departure.dueDate).toBe('2027-01-14');
    expect(departure.explanation.rawEndDate).toBe('2027-01-11');
    const suspension = departure.explanation.steps.find((step) => step.kind === 'suspension');
    expect(suspension?.en).toContain('the 2 working days of the period left on 2026-12-30 are counted after the stop');
    expect(suspension?.ru).toContain('оставшиеся на 2026-12-30 рабочие дни (2) считаются после приостановления');
  });

  it('says one working day in the singular', () => {
    // Stay 27 Nov-10 Dec 2026 while the period (Wed 25, Thu 26, Fri 27 Nov) runs: Fri 27 Nov is left, counted after 10 Dec: Fri 11 Dec.
    const left = deadlineOf(
      { ...TA, event: 'final-refusal-notice-received', date: '2026-11-24', suspensions: [{ from: '2026-11-27', to: '2026-12-10', reason: 'stay' }] },
      'departure',
    );
    expect(left.dueDate).toBe('2026-12-11');
    expect(left.explanation.steps.find((step) => step.kind === 'suspension')?.en).toContain('the 1 working day of the period left on 2026-11-27 is counted after the stop');
    // One working day to leave (the parameter) and a stay that covers its start: it is Fri 11 Dec 2026.
    const one = deadlineOf(
      {
        ...TA,
        event: 'final-refusal-notice-received',
        date: '2026-11-24',
        params: { departureWorkingDays: 1 },
        suspensions: [{ from: '2026-11-25', to: '2026-12-10', reason: 'stay' }],
      },
      'departure',
    );
    expect(one.dueDate).toBe('2026-12-11');
    expect(one.explanation.steps.find((step) => step.kind === 'suspension')).toMatchObject({
      en: expect.stringContaining('its 1 working day is counted from Fri 11 Dec 2026 and ends on Fri 11 Dec 2026'),
      ru: expect.stringContaining('1 рабочий день срока считается с пт, 11.12.2026 и истекает пт, 11.12.2026'),
    });
  });
});
