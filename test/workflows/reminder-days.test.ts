import '../support/quiet-temporal-logs';
import { withCase, type CaseRun } from './scenarios';

/**
 * Reminders on the working days of the Russian production calendar, on the time-skipping server with the
 * real rules engine. A refusal received on Tue 1 Dec 2015 gives one month to complain: 1 Jan 2016 is a
 * holiday, 1-8 Jan are days off and 9-10 Jan a weekend, so the complaint is due Mon 11 Jan 2016. The
 * case's policy reminds 30, 14, 7, 3, 1 days before and on the day, at 09:00 Moscow (06:00 UTC):
 * - 30 days before is Sat 12 Dec 2015: out on Fri 11 Dec, 31 days before;
 * - 14 days before is Mon 28 Dec, a working day;
 * - 7 days before is Mon 4 Jan, 3 is Fri 8 Jan, 1 is Sun 10 Jan: all out once, on Thu 31 Dec 2015 (11 days before);
 * - on the day, Mon 11 Jan.
 */
async function refusedOnFirstDecember(run: CaseRun): Promise<void> {
  await run.advanceTo('2015-11-02T10:00');
  await run.command('recordEvent', { event: 'application-lodged', on: '2015-11-02' });
  await run.advanceTo('2015-12-01T14:00');
  await run.command('recordEvent', { event: 'refusal-notice-received', on: '2015-12-01' });
}

function complaintReminders(run: CaseRun) {
  return run.calls.reminders
    .filter(({ request }) => request.deadline.kind === 'complaint')
    .map(({ request, at }) => ({ dueDate: request.deadline.dueDate, daysBefore: request.daysBefore, at }));
}

function escalations(run: CaseRun) {
  return run.calls.escalations.map(({ request, at }) => ({ kind: request.deadline.kind, reason: request.reason, at }));
}

describe('caseWorkflow reminders on working days', () => {
  it('moves a reminder off a weekend, and those in the New Year holidays, to the working day before', async () => {
    await withCase('RU-TA-2015-0101', async (run) => {
      await refusedOnFirstDecember(run);
      await run.advanceTo('2016-01-12T12:00');
      expect(complaintReminders(run)).toEqual([
        { dueDate: '2016-01-11', daysBefore: 31, at: '2015-12-11T06:00:00.000Z' },
        { dueDate: '2016-01-11', daysBefore: 14, at: '2015-12-28T06:00:00.000Z' },
        { dueDate: '2016-01-11', daysBefore: 11, at: '2015-12-31T06:00:00.000Z' },
        { dueDate: '2016-01-11', daysBefore: 0, at: '2016-01-11T06:00:00.000Z' },
      ]);
      // Named by the offsets they were planned at, so each stays one reminder ever.
      const view = await run.settledView();
      expect(view.reminders.filter((reminder) => reminder.dueDate === '2016-01-11').map((reminder) => reminder.id.replace(/^.*-/, ''))).toEqual([
        '30d',
        '14d',
        '7d',
        '0d',
      ]);
      expect(escalations(run)).toEqual([{ kind: 'complaint', reason: 'missed', at: '2016-01-11T21:00:00.000Z' }]);
    });
  });

  it('sends the caseworker no more reminders of a deadline once they acknowledged one, and still escalates it when missed', async () => {
    await withCase('RU-TA-2015-0102', async (run) => {
      await refusedOnFirstDecember(run);
      await run.advanceTo('2015-12-11T10:00');
      const first = (await run.settledView()).reminders.find((reminder) => reminder.dueDate === '2016-01-11');
      expect(first?.id).toMatch(/@2016-01-11-30d$/);
      await run.command('acknowledgeReminder', { reminderId: first?.id ?? '' });
      await run.advanceTo('2016-01-12T12:00');
      expect(complaintReminders(run).map((reminder) => reminder.at)).toEqual(['2015-12-11T06:00:00.000Z']);
      expect(escalations(run)).toEqual([{ kind: 'complaint', reason: 'missed', at: '2016-01-11T21:00:00.000Z' }]);
    });
  });
});
