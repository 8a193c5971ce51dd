import { reminderOffsets } from '../../src/rules/compute/reminder-offsets';
import type { Rule } from '../../src/rules/pack/schema';
import { PROCEDURAL, day, param, params } from './step-support';

/** The temporary-asylum renewal: remind from `renewalReminderFromMonths` before expiry, then 21, 14, 7, 3, 1 days before and on the day. */
const RENEWAL: Pick<Rule, 'id' | 'reminders' | 'counting'> = {
  id: 'renewal',
  counting: PROCEDURAL,
  reminders: { firstBeforeBase: { amount: { param: 'renewalReminderFromMonths' }, unit: 'months' }, thenDaysBefore: [21, 14, 7, 3, 1, 0] },
};
const TWO_MONTHS = params(param('renewalReminderFromMonths', 2));

function offsets(trigger: string, base: string, due: string, rule = RENEWAL, values = TWO_MONTHS): number[] | undefined {
  return reminderOffsets({ rule, base: day(base), due: day(due), trigger: day(trigger), params: values })?.offsetsDays;
}

describe('reminderOffsets: the rule\'s own reminder days', () => {
  it('starts a period before the base and adds the fixed days before the due date', () => {
    // Expiry 26 May 2017, file by 26 Apr 2017: the first reminder is aimed at 26 Mar 2017, 31 days before the due date.
    expect(offsets('2016-05-26', '2017-05-26', '2017-04-26')).toEqual([31, 21, 14, 7, 3, 1, 0]);
  });

  it('starts no earlier than the trigger, and drops the fixed days before the first reminder', () => {
    // Granted 1 Apr 2017, 25 days before the due date of 26 Apr 2017: the reminder aimed at 26 Mar would come before it.
    expect(offsets('2017-04-01', '2017-05-26', '2017-04-26')).toEqual([25, 21, 14, 7, 3, 1, 0]);
    // Granted 21 Apr 2017, 5 days before: 21, 14 and 7 days before lie before the grant.
    expect(offsets('2017-04-21', '2017-05-26', '2017-04-26')).toEqual([5, 3, 1, 0]);
  });

  it('reminds only on the day when the due date is the trigger itself', () => {
    // Certificate ending 10 Jun 2016, granted 26 May 2016: the file-by date was due at once, on 26 May.
    expect(offsets('2016-05-26', '2016-06-10', '2016-05-26')).toEqual([0]);
  });

  it('never starts after the due date', () => {
    // Filing three months ahead of the expiry on 26 May 2017, due Fri 24 Feb 2017; the two months' reminder (26 Mar) comes after it.
    expect(offsets('2016-05-26', '2017-05-26', '2017-02-24')).toEqual([0]);
  });

  it('lists a fixed day that equals the first reminder once', () => {
    // Three weeks before a base that is the due date itself is 21 days, already one of the fixed days.
    const rule = { ...RENEWAL, reminders: { firstBeforeBase: { amount: 3, unit: 'weeks' as const }, thenDaysBefore: [21, 14, 7, 3, 1, 0] } };
    expect(offsets('2016-01-01', '2016-06-30', '2016-06-30', rule)).toEqual([21, 14, 7, 3, 1, 0]);
  });

  it('gives nothing for a rule without reminders of its own (the default schedule applies)', () => {
    expect(offsets('2016-05-26', '2017-05-26', '2017-04-26', { ...RENEWAL, reminders: undefined })).toBeUndefined();
  });

  it('refuses reminders counted in working days', () => {
    const rule = { ...RENEWAL, reminders: { firstBeforeBase: { amount: 3, unit: 'working-days' as const }, thenDaysBefore: [0] } };
    expect(() => offsets('2016-05-26', '2017-05-26', '2017-04-26', rule)).toThrow(/reminders cannot be counted in working days/);
  });
});
