import '../support/quiet-temporal-logs';
import { waitFor } from '../support/wait-for';
import { WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { CaseView } from '../../src/domain';
import {
  Attempt,
  CaseStage,
  Caseworker,
  NextDeadlineKind,
  Office,
  ProtectedUntil,
} from '../../src/workflows/search-attributes';
import {
  backfilledHistory,
  closedAfterRefusal,
  correctedRefusalDate,
  foundingCaseLapsed,
  foundingCaseRenewed,
  foundingCaseUntilFourthApplication,
  missedComplaint,
  withCase,
  type CaseRun,
} from './scenarios';

function escalationsOf(run: CaseRun) {
  return run.calls.escalations.map(({ request, at }) => ({ kind: request.deadline.kind, dueDate: request.deadline.dueDate, reason: request.reason, at }));
}

function remindersOf(run: CaseRun, kind: string) {
  return run.calls.reminders
    .filter(({ request }) => request.deadline.kind === kind)
    .map(({ request, at }) => ({ dueDate: request.deadline.dueDate, daysBefore: request.daysBefore, at }));
}

function statusesOf(view: CaseView, kind: string) {
  return view.deadlines.filter((deadline) => deadline.deadline.kind === kind).map((deadline) => [deadline.deadline.dueDate, deadline.status]);
}

describe('caseWorkflow, the founding case end to end', () => {
  it('carries three refusals and resubmissions, a grant on the fourth, renewal reminders, renewal and extension', async () => {
    await withCase('RU-TA-2015-0042', async (run) => {
      await foundingCaseRenewed(run);
      const view = await run.view();
      expect(view).toMatchObject({ stage: 'extended', attempt: 4, protectedUntil: '2018-05-26' });
      expect(view.events.map((event) => event.type)).toEqual([
        'case-opened',
        'application-lodged',
        'refusal-notice-received',
        'application-lodged',
        'deadline-waived',
        'refusal-notice-received',
        'application-lodged',
        'deadline-waived',
        'refusal-notice-received',
        'application-lodged',
        'deadline-waived',
        'protection-granted',
        'renewal-filed',
        'protection-extended',
      ]);
      expect(view.events.every((event) => event.actor === 'cw-0142' && event.recordedAt.startsWith('201'))).toBe(true);

      // A new application does not end the right to complain: staff waived each complaint the applicant
      // chose not to make, with the reason, when they recorded the new application; none was missed. A waiver
      // counts from when it was recorded, so the first one stays waived although the next refusal (22 Dec,
      // within its period) started a complaint period of its own after it.
      expect(statusesOf(view, 'complaint')).toEqual([
        ['2015-12-28', 'waived'],
        ['2016-01-22', 'waived'],
        ['2016-02-26', 'waived'],
      ]);
      expect(view.deadlines.filter((tracked) => tracked.status === 'waived')).toEqual([
        expect.objectContaining({ reason: 'the applicant chose a new application instead of a complaint' }),
        expect.objectContaining({ reason: 'the applicant chose a new application instead of a complaint' }),
        expect.objectContaining({ reason: 'the applicant chose a new application instead of a complaint' }),
      ]);
      // Worked out by hand: the policy's 30, 14, 7, 3, 1, 0 days before, at 09:00 Moscow (UTC+3, so 06:00Z);
      // one aimed at a day off goes out on the working day before, with the days then actually left.
      // 1st refusal Fri 27 Nov 2015 (entered 14:00 Moscow): 1 month -> Sun 27 Dec -> next working day Mon 28 Dec.
      //   30 before = Sat 28 Nov -> Fri 27 Nov, 31 days left; 09:00 on 27 Nov lies before the deadline was known
      //   (14:00) while Sat 28 Nov lies after, so it goes out at once, at 14:00 Moscow = 11:00Z.
      //   14 before = Mon 14 Dec (working). 7 before = Mon 21 Dec comes after the waiver of Thu 17 Dec: none.
      // 2nd refusal Tue 22 Dec 2015: 1 month -> Fri 22 Jan 2016 (working).
      //   30 before = Wed 23 Dec 2015 (working).
      //   14 before = Fri 8 Jan 2016, off (New Year holidays 1-8 Jan 2016); back through 7..1 Jan, all off, to
      //   Thu 31 Dec 2015, a working day (not in the 2015 table): 22 days left.
      //   7 before = Fri 15 Jan comes after the waiver of Mon 11 Jan: none.
      // 3rd refusal Tue 26 Jan 2016: 1 month -> Fri 26 Feb 2016 (working; 22-23 Feb are the February days off).
      //   30 before = Wed 27 Jan (working); 14 before = Fri 12 Feb comes after the waiver of Thu 28 Jan: none.
      expect(remindersOf(run, 'complaint')).toEqual([
        { dueDate: '2015-12-28', daysBefore: 31, at: '2015-11-27T11:00:00.000Z' },
        { dueDate: '2015-12-28', daysBefore: 14, at: '2015-12-14T06:00:00.000Z' },
        { dueDate: '2016-01-22', daysBefore: 30, at: '2015-12-23T06:00:00.000Z' },
        { dueDate: '2016-01-22', daysBefore: 22, at: '2015-12-31T06:00:00.000Z' },
        { dueDate: '2016-02-26', daysBefore: 30, at: '2016-01-27T06:00:00.000Z' },
      ]);

      // No complaint reminder after its waiver.
      // Renewal reminders before the one-year expiry, at 09:00 Moscow time, until the renewal was filed (Mon 10 Apr 2017).
      // Grant Thu 26 May 2016 -> expiry Fri 26 May 2017; file 1 month before: Wed 26 Apr 2017 (working, stays).
      // The rule reminds from 2 months before expiry (Sun 26 Mar 2017 = 31 days before the file-by date), then 21, 14, ...
      //   31 before = Sun 26 Mar -> Sat 25 -> Fri 24 Mar 2017 (working; March 2017 has only 8 Mar off): 33 days left.
      //   21 before = Wed 5 Apr (working). 14 before = Wed 12 Apr comes after the filing: none.
      expect(remindersOf(run, 'renewal-filing')).toEqual([
        { dueDate: '2017-04-26', daysBefore: 33, at: '2017-03-24T06:00:00.000Z' },
        { dueDate: '2017-04-26', daysBefore: 21, at: '2017-04-05T06:00:00.000Z' },
      ]);
      // Expiry Fri 26 May 2017 on the policy's offsets: 30 before = Wed 26 Apr, 14 before = Fri 12 May (May 2017's
      // days off are 1, 8 and 9 May), both working; 7 before = Fri 19 May comes after the extension of Mon 15 May.
      expect(remindersOf(run, 'protection-expiry')).toEqual([
        { dueDate: '2017-05-26', daysBefore: 30, at: '2017-04-26T06:00:00.000Z' },
        { dueDate: '2017-05-26', daysBefore: 14, at: '2017-05-12T06:00:00.000Z' },
      ]);
      expect(statusesOf(view, 'protection-expiry')).toEqual([
        ['2017-05-26', 'met'],
        ['2018-05-26', 'open'],
      ]);

      // The only escalation: the authority decided the fourth application a month late.
      expect(escalationsOf(run)).toEqual([{ kind: 'decision-due', dueDate: '2016-04-28', reason: 'authority-overdue', at: '2016-04-28T21:00:00.000Z' }]);
      expect(view.reminders.every((reminder) => reminder.delivery?.channel === 'log')).toBe(true);
      expect(view.pendingDeliveries).toBe(0);

      // A fresh run at each protection period, carrying the state.
      const description = await run.handle().describe();
      expect(description.runId).not.toBe(run.firstRunId);
      expect(description.typedSearchAttributes.get(CaseStage)).toBe('extended');
      expect(description.typedSearchAttributes.get(Attempt)).toBe(4);
      expect(description.typedSearchAttributes.get(Office)).toBe('moscow-1');
      expect(description.typedSearchAttributes.get(Caseworker)).toBe('cw-0142');
      expect(description.typedSearchAttributes.get(NextDeadlineKind)).toBe('renewal-filing');
      expect(description.typedSearchAttributes.get(ProtectedUntil)?.toISOString()).toBe('2018-05-26T21:00:00.000Z');
      expect(JSON.stringify(description.typedSearchAttributes.getAll())).not.toMatch(/Applicant-K|PRK/);
      expect(description.workflowId).toBe('case-RU-TA-2015-0042');
    });
  });

  it('lapses without a renewal and alerts the supervisor', async () => {
    await withCase('RU-TA-2015-0043', async (run) => {
      await foundingCaseLapsed(run);
      const view = await run.view();
      expect(view.stage).toBe('lapsed');
      expect(view.events.at(-1)).toMatchObject({ type: 'protection-lapsed', actor: 'engine', on: '2017-05-26' });
      expect(escalationsOf(run)).toEqual([
        { kind: 'decision-due', dueDate: '2016-04-28', reason: 'authority-overdue', at: '2016-04-28T21:00:00.000Z' },
        { kind: 'renewal-filing', dueDate: '2017-04-26', reason: 'missed', at: '2017-04-26T21:00:00.000Z' },
        { kind: 'protection-expiry', dueDate: '2017-05-26', reason: 'lapsed', at: '2017-05-26T21:00:00.000Z' },
      ]);
      // File-by date Wed 26 Apr 2017, reminded 31, 21, 14, 7, 3, 1, 0 days before (worked out by hand):
      //   31 = Sun 26 Mar -> Fri 24 Mar (33 left); 21 = Wed 5 Apr; 14 = Wed 12 Apr; 7 = Wed 19 Apr;
      //   3 = Sun 23 Apr -> Sat 22 -> Fri 21 Apr (5 left); 1 = Tue 25 Apr; 0 = Wed 26 Apr. No April 2017 holiday.
      expect(remindersOf(run, 'renewal-filing').map((reminder) => reminder.daysBefore)).toEqual([33, 21, 14, 7, 5, 1, 0]);
      expect((await run.handle().describe()).typedSearchAttributes.get(CaseStage)).toBe('lapsed');
    });
  });
});

describe('caseWorkflow deadlines', () => {
  it('escalates a missed complaint deadline exactly once', async () => {
    await withCase('RU-TA-2015-0044', async (run) => {
      await missedComplaint(run);
      expect(escalationsOf(run)).toEqual([{ kind: 'complaint', dueDate: '2015-12-28', reason: 'missed', at: '2015-12-28T21:00:00.000Z' }]);
      const view = await run.view();
      expect(statusesOf(view, 'complaint')).toEqual([['2015-12-28', 'missed']]);
      // The court period is shown for information and never escalated.
      expect(statusesOf(view, 'court-challenge')).toEqual([['2016-02-29', 'expired']]);
      expect(view.escalations).toEqual([expect.objectContaining({ reason: 'missed', delivery: expect.objectContaining({ channel: 'log' }) })]);
      // Refusal Fri 27 Nov 2015 -> complaint due Mon 28 Dec 2015 (27 Dec is a Sunday). By hand, the policy's offsets:
      //   30 = Sat 28 Nov -> Fri 27 Nov, 31 days left (at once, when the refusal was entered); 14 = Mon 14 Dec;
      //   7 = Mon 21 Dec; 3 = Fri 25 Dec (a working day in Russia); 1 = Sun 27 Dec -> Sat 26 -> Fri 25 Dec, the day
      //   the 3-day reminder already goes out, so only that one (more days before) is kept; 0 = Mon 28 Dec.
      expect(remindersOf(run, 'complaint').map((reminder) => reminder.daysBefore)).toEqual([31, 14, 7, 3, 0]);
    });
  });

  it('moves the timers when a date is corrected', async () => {
    await withCase('RU-TA-2015-0045', async (run) => {
      await correctedRefusalDate(run);
      // The 30-day reminder for the wrong date had gone out before the correction; all later ones follow the corrected date.
      // Worked out by hand (09:00 Moscow = 06:00Z):
      // Wrong date Fri 27 Nov 2015 -> due Mon 28 Dec; 30 before = Sat 28 Nov -> Fri 27 Nov, 31 days left, which lies
      //   before the refusal was entered (14:00) while Sat 28 Nov lies after: sent at once, 14:00 Moscow = 11:00Z.
      // Corrected Fri 20 Nov 2015 (on Mon 30 Nov) -> 1 month = Sun 20 Dec -> Mon 21 Dec.
      //   30 before = Sat 21 Nov -> Fri 20 Nov: both before the correction, so never sent;
      //   14 = Mon 7 Dec; 7 = Mon 14 Dec; 3 = Fri 18 Dec; 1 = Sun 20 Dec -> Sat 19 -> Fri 18 Dec, taken by the
      //   3-day reminder, so dropped; 0 = Mon 21 Dec. No holiday in Nov-Dec 2015 after 4 Nov.
      expect(remindersOf(run, 'complaint')).toEqual([
        { dueDate: '2015-12-28', daysBefore: 31, at: '2015-11-27T11:00:00.000Z' },
        { dueDate: '2015-12-21', daysBefore: 14, at: '2015-12-07T06:00:00.000Z' },
        { dueDate: '2015-12-21', daysBefore: 7, at: '2015-12-14T06:00:00.000Z' },
        { dueDate: '2015-12-21', daysBefore: 3, at: '2015-12-18T06:00:00.000Z' },
        { dueDate: '2015-12-21', daysBefore: 0, at: '2015-12-21T06:00:00.000Z' },
      ]);
      expect(escalationsOf(run)).toEqual([{ kind: 'complaint', dueDate: '2015-12-21', reason: 'missed', at: '2015-12-21T21:00:00.000Z' }]);
      const view = await run.view();
      expect(view.events.find((event) => event.id === 3)).toMatchObject({ on: '2015-11-20' });
      expect(view.events.at(-1)).toMatchObject({ type: 'event-date-corrected', from: '2015-11-27', to: '2015-11-20' });
    });
  });
});

describe('caseWorkflow when staff enter a case history', () => {
  it('escalates nothing that the entries made within the hour show was handled', async () => {
    await withCase('RU-TA-2015-0050', async (run) => {
      await backfilledHistory(run);
      const view = await run.settledView();
      // The complaint period had ended when it was entered; the waiver entered with it keeps it from being escalated.
      expect(statusesOf(view, 'complaint')).toEqual([['2015-12-28', 'waived']]);
      expect(statusesOf(view, 'decision-due')).toEqual([['2016-02-02', 'met'], ['2016-03-22', 'open']]);
      expect(escalationsOf(run)).toEqual([]);
    });
  });
});

describe('caseWorkflow commands', () => {
  it('rejects an invalid command with a clear message and leaves the case unchanged', async () => {
    await withCase('RU-TA-2015-0046', async (run) => {
      await run.advanceTo('2015-11-02T10:00');
      await run.command('recordApplicationLodged', { lodgedOn: '2015-11-02' });
      const before = await run.settledView();

      const wrongStage = run.command('recordRenewalFiled', { filedOn: '2015-11-02' });
      await expect(wrongStage).rejects.toThrow(WorkflowUpdateFailedError);
      await expect(wrongStage).rejects.toMatchObject({
        cause: { message: 'cannot record application to extend filed while the case is lodged; only when it is granted or extended' },
      });
      await expect(run.command('recordDecision', { decision: 'refusal', noticeReceivedOn: '2 Nov 2015' })).rejects.toMatchObject({
        cause: { message: 'invalid recordDecision input: noticeReceivedOn: expected a date as YYYY-MM-DD' },
      });
      await expect(run.command('recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-12-01' })).rejects.toMatchObject({
        // A legacy refusal is recorded as the pack's event, and a refusal names the event by its title.
        cause: { message: 'cannot record written refusal notice received: 2015-12-01 is in the future' },
      });

      expect(await run.settledView()).toEqual(before);
      const history = await run.handle().fetchHistory();
      const accepted = history.events?.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes) ?? [];
      expect(accepted).toHaveLength(1);
    });
  });

  it('continues as new at a grant without losing an update sent alongside it', async () => {
    await withCase('RU-TA-2015-0047', async (run) => {
      await foundingCaseUntilFourthApplication(run);
      const before = await run.settledView();
      const [granted, reassigned] = await Promise.all([
        run.command('recordDecision', { decision: 'grant', grantedOn: '2016-05-26' }),
        run.command('reassign', { caseworker: 'cw-0200' }),
      ]);
      expect(granted.stage).toBe('granted');
      expect(reassigned.caseworker).toBe('cw-0200');

      // The new run starts after a timer of its own (see the workflow), which may fire after the deliveries settle.
      const newRunId = await waitFor(
        async () => {
          const { runId } = await run.handle().describe();
          return runId !== run.firstRunId && runId;
        },
        { timeoutMs: 30_000, what: 'the case to continue as new' },
      );
      expect(newRunId).not.toBe(run.firstRunId);
      const after = await run.settledView();
      expect(after.events.slice(0, before.events.length)).toEqual(before.events);
      expect(after.events.slice(before.events.length).map((event) => event.type).sort()).toEqual(['case-reassigned', 'protection-granted']);
      expect(after).toMatchObject({ stage: 'granted', attempt: 4, caseworker: 'cw-0200', protectedUntil: '2017-05-26' });
      expect(after.reminders).toEqual(before.reminders.map((reminder) => expect.objectContaining({ id: reminder.id })));
      expect(after.deadlines.map((deadline) => deadline.id)).toEqual(expect.arrayContaining(before.deadlines.map((deadline) => deadline.id)));
    });
  });
});

describe('caseWorkflow closing', () => {
  it('completes with the final case once everything is delivered, sending nothing more for its deadlines', async () => {
    await withCase('RU-TA-2015-0050', async (run) => {
      await closedAfterRefusal(run);
      const final = await run.handle().result();
      expect(final).toMatchObject({ stage: 'closed', closure: { reason: 'left-country', on: '2015-12-01' }, pendingDeliveries: 0 });
      expect(statusesOf(final, 'complaint')).toEqual([['2015-12-28', 'superseded']]);
      expect(run.calls.register.map(({ request }) => request.payload['type'])).toContain('case-closed');
      const remindersAtClose = run.calls.reminders.length;
      await run.env.sleep('60 days');
      expect(run.calls.reminders).toHaveLength(remindersAtClose);
      expect(run.calls.escalations).toEqual([]);
    });
  });
});

describe('caseWorkflow when deadlines cannot be computed', () => {
  it('fails the command with the rules engine reason and records nothing', async () => {
    await withCase('RU-TA-2015-0048', async (run) => {
      await run.advanceTo('2015-11-02T10:00');
      await run.command('recordApplicationLodged', { lodgedOn: '2015-11-02' });
      const before = await run.settledView();
      // The case accepts the correction, but the Russian calendar covers only 2014-2027: no deadline can be
      // counted from 1 Jun 2013, so the command fails with the engine's reason and the case stays as it was.
      const intoUncoveredYear = run.command('correctEventDate', { eventId: 2, correctedDate: '2013-06-01', reason: 'entered in the wrong year' });
      await expect(intoUncoveredYear).rejects.toThrow(WorkflowUpdateFailedError);
      await expect(intoUncoveredYear).rejects.toMatchObject({
        cause: {
          message: expect.stringMatching(
            /^deadlines for application-lodged on 2013-06-01 could not be computed: .*2013-\d\d-\d\d is outside the .*\(covered years 2014-2027\)/,
          ),
        },
      });
      expect(await run.settledView()).toEqual(before);
    });
  });

  it('refuses to open a case of a procedure without a lifecycle table', async () => {
    await withCase('RU-RS-2015-0051', async (run) => {
      // The start is accepted by the server; the workflow's first task validates the case and fails it for good.
      const result = run.handle().result();
      await expect(result).rejects.toThrow(WorkflowFailedError);
      await expect(result).rejects.toMatchObject({
        cause: {
          type: 'InvalidCase',
          nonRetryable: true,
          message: 'invalid case to open: procedure: unknown procedure "resettlement" for RU; known: temporary-asylum, refugee-status',
        },
      });
      expect(run.calls.register).toEqual([]);
    }, { procedure: 'resettlement' });
  });
});

describe('caseWorkflow when a channel refuses a message for good', () => {
  it('keeps the case running and shows the refused escalation to staff', async () => {
    const noSupervisor = async (): Promise<never> => {
      throw ApplicationFailure.nonRetryable('Office "moscow-1" has no active supervisor and there is no active admin to escalate to.', 'NoRecipient');
    };
    await withCase('RU-TA-2015-0049', async (run) => {
      await missedComplaint(run);
      const view = await run.settledView();
      expect(view.failedDeliveries).toEqual([
        expect.objectContaining({ kind: 'escalation', reason: expect.stringMatching(/^NoRecipient: Office "moscow-1" has no active supervisor/) }),
      ]);
      expect(view.escalations).toEqual([expect.not.objectContaining({ delivery: expect.anything() })]);
      const summary = await run.command('recordNewApplication', { lodgedOn: '2016-03-31' });
      expect(summary).toMatchObject({ stage: 'lodged', attempt: 2 });
    }, {}, { escalate: noSupervisor });
  });
});
