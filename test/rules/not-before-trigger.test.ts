import { notBeforeTrigger } from '../../src/rules/compute/not-before-trigger';
import { formatLocalDate } from '../../src/rules/local-date';
import { day } from './step-support';

function check(due: string, trigger: string): { date: string; wouldHaveBeen?: string } {
  const result = notBeforeTrigger(day(due), day(trigger));
  return { date: formatLocalDate(result.date), ...(result.wouldHaveBeen ? { wouldHaveBeen: formatLocalDate(result.wouldHaveBeen) } : {}) };
}

describe('notBeforeTrigger: a date cannot be met before the event that starts it', () => {
  it('keeps a date on or after the trigger', () => {
    expect(check('2017-04-26', '2016-05-26')).toEqual({ date: '2017-04-26' });
    expect(check('2016-05-26', '2016-05-26')).toEqual({ date: '2016-05-26' });
  });

  it('makes a date counted back to before the trigger due at once, and keeps the date it would have been', () => {
    // Granted 26 May 2016 with a certificate ending 10 Jun 2016: one month before the end, 10 May, has passed.
    expect(check('2016-05-10', '2016-05-26')).toEqual({ date: '2016-05-26', wouldHaveBeen: '2016-05-10' });
  });
});
