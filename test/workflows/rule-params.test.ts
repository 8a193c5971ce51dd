import '../support/quiet-temporal-logs';
import { WorkflowFailedError } from '@temporalio/client';
import { waitFor } from '../support/wait-for';
import { withCase, withCaseFrom } from './scenarios';

/**
 * Issue 13 item 5 on the time-skipping server: a case opened with rule parameters its pack does not take
 * could never count a deadline, and nothing could mend it. The RU temporary-asylum pack takes
 * renewalLeadMonths from 0 to 6 (default 1): the renewal is filed that many months before protection ends,
 * on the working day before when that is a day off.
 */
describe('caseWorkflow rule parameters', () => {
  it('refuses to open a case with a rule parameter its pack does not take, naming it, and records nothing', async () => {
    await withCase(
      'RU-TA-2015-0061',
      async (run) => {
        // Today the case would run on, unable to count a deadline: the wait fails instead of hanging.
        await waitFor(async () => (await run.handle().describe()).status.name === 'FAILED', { timeoutMs: 15_000, what: 'the opening to be refused' });
        const result = run.handle().result();
        await expect(result).rejects.toThrow(WorkflowFailedError);
        await expect(result).rejects.toMatchObject({
          cause: { type: 'InvalidCase', nonRetryable: true, message: 'invalid case to open: ruleParams.renewalLeadMonths: must be a whole number from 0 to 6' },
        });
        expect(run.calls.register).toEqual([]);
      },
      { ruleParams: { renewalLeadMonths: 9 } },
    );
  });

  /**
   * Lodged 2016-05-20, granted 2016-05-26 until 2017-05-25. With the default lead of one month the renewal
   * is due 2017-04-25 (a Tuesday); corrected to two months it is due 2017-03-25, a Saturday, so Friday
   * 2017-03-24 (not a day off in the 2017 production calendar). Unfiled, it is missed after 24:00 Moscow
   * that Friday, 21:00 UTC.
   */
  it('corrects the rule parameters by a staff command, moving the deadlines that read them and their timers', async () => {
    await withCaseFrom('RU-TA-2016-0062', { startUtc: '2016-05-20 06:00:00' }, async (run) => {
      await run.advanceTo('2016-05-20T10:00');
      await run.command('recordEvent', { event: 'application-lodged', on: '2016-05-20' });
      await run.advanceTo('2016-05-26T10:00');
      await run.command('recordEvent', { event: 'protection-granted', on: '2016-05-26', facts: { validUntil: '2017-05-25' } });
      const renewalDue = async () => (await run.settledView()).deadlines.filter((tracked) => tracked.deadline.kind === 'renewal-filing').map((tracked) => tracked.deadline.dueDate);
      expect(await renewalDue()).toEqual(['2017-04-25']);

      const summary = await run.command('correctRuleParams', { ruleParams: { renewalLeadMonths: 2 }, reason: 'office policy: two months ahead' });
      expect(summary.lastEvent).toMatchObject({ type: 'rule-params-corrected' });
      expect(await renewalDue()).toEqual(['2017-03-24']);
      expect((await run.view()).ruleParams).toEqual({ renewalLeadMonths: 2 });

      await run.advanceTo('2017-03-25T12:00');
      const renewalReminders = run.calls.reminders.filter(({ request }) => request.deadline.kind === 'renewal-filing');
      expect(renewalReminders.length).toBeGreaterThan(0);
      expect(new Set(renewalReminders.map(({ request }) => request.deadline.dueDate))).toEqual(new Set(['2017-03-24']));
      const escalated = run.calls.escalations.map(({ request, at }) => ({ kind: request.deadline.kind, dueDate: request.deadline.dueDate, reason: request.reason, at }));
      expect(escalated).toContainEqual({ kind: 'renewal-filing', dueDate: '2017-03-24', reason: 'missed', at: '2017-03-24T21:00:00.000Z' });
    });
  });
});
