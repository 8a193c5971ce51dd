import { computeDeadlines } from '../../src/rules';
import { reminderDates } from '../../src/rules/compute/reminder-dates';
import { RU, day } from './step-support';
import { TA } from './support';

const POLICY = [30, 14, 7, 3, 1, 0];

function remindersOn(trigger: string, due: string, offsetsDays: number[] = POLICY) {
  return reminderDates({ offsetsDays, due: day(due), trigger: day(trigger), calendar: RU });
}

describe('reminderDates: reminders fall on working days of the Russian production calendar', () => {
  it('moves a reminder off a weekend to the Friday before, and sends one of two that land on the same day', () => {
    // Refusal received Fri 27 Nov 2015, complaint due Mon 28 Dec 2015.
    // 30 days before is Sat 28 Nov -> Fri 27 Nov; 14 -> Mon 14 Dec; 7 -> Mon 21 Dec; 3 -> Fri 25 Dec (not a holiday in Russia);
    // 1 -> Sun 27 Dec -> Fri 25 Dec, which the 3-day reminder already has; 0 -> Mon 28 Dec.
    expect(remindersOn('2015-11-27', '2015-12-28')).toEqual([
      { daysBefore: 30, on: '2015-11-27' },
      { daysBefore: 14, on: '2015-12-14' },
      { daysBefore: 7, on: '2015-12-21' },
      { daysBefore: 3, on: '2015-12-25' },
      { daysBefore: 0, on: '2015-12-28' },
    ]);
  });

  it('moves a reminder back past the Defender of the Fatherland holidays to the Saturday made a working day', () => {
    // 2016 (Decree No. 1017): Mon 22 and Tue 23 Feb are days off, Sat 20 Feb is a working day.
    // Due Tue 1 Mar 2016: 7 days before is Tue 23 Feb -> Mon 22 Feb (off) -> Sun 21 Feb -> Sat 20 Feb (working).
    expect(remindersOn('2016-01-29', '2016-03-01', [7])).toEqual([{ daysBefore: 7, on: '2016-02-20' }]);
  });

  it('moves reminders in the New Year holidays to the last working day of the old year', () => {
    // Due Mon 11 Jan 2016; 1-8 Jan 2016 are days off, 9-10 Jan a weekend, Thu 31 Dec 2015 a working day.
    // 7 days before is Mon 4 Jan -> Thu 31 Dec; 3 (Fri 8 Jan) and 1 (Sun 10 Jan) land on 31 Dec too; 0 is Mon 11 Jan.
    expect(remindersOn('2015-12-10', '2016-01-11', [7, 3, 1, 0])).toEqual([
      { daysBefore: 7, on: '2015-12-31' },
      { daysBefore: 0, on: '2016-01-11' },
    ]);
  });

  it('treats presidential non-working days as days off, since offices are closed on them', () => {
    // Due Tue 11 May 2021: 7 days before is Tue 4 May, a presidential non-working day (4-7 May 2021);
    // Mon 3 May is a holiday, 1-2 May a weekend: the reminder goes out on Fri 30 Apr.
    expect(remindersOn('2021-04-01', '2021-05-11', [7])).toEqual([{ daysBefore: 7, on: '2021-04-30' }]);
  });

  it('never reminds before the trigger', () => {
    // Trigger Sat 28 Nov 2015: the 30-day reminder would move to Fri 27 Nov, before it; 45 days before is earlier still.
    expect(remindersOn('2015-11-28', '2015-12-28', [45, 30, 14])).toEqual([{ daysBefore: 14, on: '2015-12-14' }]);
  });

  it('uses weekends and fixed holidays beyond the calendar years instead of failing', () => {
    // 2029 is not covered. Due Mon 15 Jan 2029: 2 days before is Sat 13 Jan -> Fri 12 Jan.
    expect(remindersOn('2028-12-01', '2029-01-15', [2])).toEqual([{ daysBefore: 2, on: '2029-01-12' }]);
  });
});

describe('computeDeadlines with a reminder schedule', () => {
  const REFUSAL = { ...TA, event: 'refusal-notice-received', date: '2015-11-27' };

  it('gives each deadline someone must act on the working days of the case schedule, and none to one shown for information', () => {
    const deadlines = computeDeadlines(REFUSAL, { offsetsDays: POLICY });
    const complaint = deadlines.find((deadline) => deadline.kind === 'complaint');
    // The same dates as worked out above for the complaint due Mon 28 Dec 2015.
    expect(complaint?.reminderDates).toEqual([
      { daysBefore: 30, on: '2015-11-27' },
      { daysBefore: 14, on: '2015-12-14' },
      { daysBefore: 7, on: '2015-12-21' },
      { daysBefore: 3, on: '2015-12-25' },
      { daysBefore: 0, on: '2015-12-28' },
    ]);
    const courtChallenge = deadlines.find((deadline) => deadline.kind === 'court-challenge');
    expect(courtChallenge?.informational).toBe(true);
    expect(courtChallenge?.reminderDates).toBeUndefined();
  });

  it('prefers the rule’s own reminder days, and gives them without a schedule', () => {
    // Granted 26 May 2016: renewal due Wed 26 Apr 2017. The rule reminds 31 days before (Sun 26 Mar 2017 -> Fri 24 Mar),
    // then 21 (Wed 5 Apr), 14 (Wed 12 Apr), 7 (Wed 19 Apr), 3 (Sun 23 Apr -> Fri 21 Apr), 1 (Tue 25 Apr) and 0 (Wed 26 Apr).
    const grant = { ...TA, event: 'protection-granted', date: '2016-05-26' };
    const renewal = computeDeadlines(grant, { offsetsDays: [5] }).find((deadline) => deadline.kind === 'renewal-filing');
    expect(renewal?.reminderDates).toEqual([
      { daysBefore: 31, on: '2017-03-24' },
      { daysBefore: 21, on: '2017-04-05' },
      { daysBefore: 14, on: '2017-04-12' },
      { daysBefore: 7, on: '2017-04-19' },
      { daysBefore: 3, on: '2017-04-21' },
      { daysBefore: 1, on: '2017-04-25' },
      { daysBefore: 0, on: '2017-04-26' },
    ]);
    expect(computeDeadlines(grant).find((deadline) => deadline.kind === 'renewal-filing')?.reminderDates).toEqual(renewal?.reminderDates);
    expect(computeDeadlines(REFUSAL).find((deadline) => deadline.kind === 'complaint')?.reminderDates).toBeUndefined();
  });

  it('refuses a schedule with a negative offset', () => {
    expect(() => computeDeadlines(REFUSAL, { offsetsDays: [-1] })).toThrow(/reminder offsets are days before the due date/);
  });
});
