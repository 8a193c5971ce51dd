import '../support/quiet-temporal-logs';
import type { CaseView, DeadlineView } from '../../src/domain';
import { withCaseFrom, type CaseRun } from './scenarios';

/**
 * Every procedure the engine ships, run as a case on the time-skipping server with the real rules engine.
 * Each due date below is worked out by hand in the comment beside it, from the rule and the calendar;
 * none is read back from the engine. Case numbers and pseudonyms are invented.
 */

function byRule(view: CaseView, ruleId: string): DeadlineView[] {
  return view.deadlines.filter((tracked) => tracked.deadline.ruleId === ruleId);
}

/** [dueDate, status] of each deadline the rule produced in the case, oldest first. */
function statusesOf(view: CaseView, ruleId: string): [string, string][] {
  return byRule(view, ruleId).map((tracked) => [tracked.deadline.dueDate, tracked.status]);
}

function latest(view: CaseView, ruleId: string): DeadlineView {
  const tracked = byRule(view, ruleId).at(-1);
  if (!tracked) throw new Error(`no deadline of rule ${ruleId} in ${view.caseNumber}: ${view.deadlines.map((d) => d.deadline.ruleId).join(', ')}`);
  return tracked;
}

function eventId(view: CaseView, type: string): number {
  const event = view.events.filter((candidate) => candidate.type === type).at(-1);
  if (!event) throw new Error(`no ${type} event in ${view.caseNumber}`);
  return event.id;
}

function escalationsOf(run: CaseRun) {
  return run.calls.escalations.map(({ request, at }) => ({ ruleId: request.deadline.ruleId, dueDate: request.deadline.dueDate, reason: request.reason, at }));
}

function remindersOf(run: CaseRun, ruleId: string) {
  return run.calls.reminders.filter(({ request }) => request.deadline.ruleId === ruleId).map(({ request }) => ({ dueDate: request.deadline.dueDate, daysBefore: request.daysBefore }));
}

function stepTexts(tracked: DeadlineView, kind: string): string[] {
  return tracked.deadline.explanation.steps.filter((step) => step.kind === kind).map((step) => step.en);
}

const BERLIN_OFFICE = { jurisdiction: 'DE', procedure: 'asylum', office: 'berlin-1', applicant: { pseudonym: 'Applicant-D', nationality: 'AFG', languages: ['fa'] } };

describe('a DE asylum case, from the BAMF decision to departure', () => {
  it('runs the accelerated lawsuit and departure clocks, a stay that stops the departure, and the departure after the lawsuit', async () => {
    await withCaseFrom('DE-AS-2017-0001', { startUtc: '2017-01-23 07:00:00', open: BERLIN_OFFICE }, async (run) => {
      await run.advanceTo('2017-01-23T10:00');
      const refused = await run.command('recordEvent', {
        event: 'decision-served',
        on: '2017-01-23',
        facts: { manifestlyUnfounded: true, land: 'BE' },
      });
      // Served Mon 23 Jan 2017. A week period (BGB 188(2)) ends on the same weekday of the next week:
      // Mon 30 Jan 2017, a working day in Berlin. Lawsuit (AsylG 74(1), 36(3)) and departure (AsylG 36(1)) alike.
      expect(refused).toMatchObject({ stage: 'refused', nextDeadline: { dueDate: '2017-01-30' } });
      let view = await run.view();
      expect(statusesOf(view, 'de-lawsuit-accelerated')).toEqual([['2017-01-30', 'open']]);
      expect(statusesOf(view, 'de-departure-accelerated')).toEqual([['2017-01-30', 'open']]);
      // The regular two-week lawsuit and 30-day departure do not apply to a manifestly unfounded claim.
      expect(byRule(view, 'de-lawsuit')).toEqual([]);
      expect(byRule(view, 'de-departure')).toEqual([]);

      await run.advanceTo('2017-01-27T11:00');
      await run.command('recordEvent', { event: 'complaint-filed', on: '2017-01-27' });
      // The court orders suspensive effect until it decides: the stay stops the accelerated departure clock.
      const stayed = await run.command('recordStay', {
        from: '2017-01-27',
        to: '2017-03-31',
        reason: 'the administrative court ordered suspensive effect (AsylG 36(3)) until it decides the lawsuit',
      });
      expect(stayed.stage).toBe('complaint-pending');
      view = await run.view();
      expect(statusesOf(view, 'de-lawsuit-accelerated')).toEqual([['2017-01-30', 'met']]);
      // The clock ran from Tue 24 Jan; on Fri 27 Jan, 4 days of it were left (27, 28, 29, 30 Jan). The stay lasts
      // 27 Jan..31 Mar (5 + 28 + 31 = 64 days); the 4 days then run 1..4 Apr: Tue 4 Apr 2017, 64 days after 30 Jan.
      const departure = latest(view, 'de-departure-accelerated');
      expect(departure).toMatchObject({ status: 'open', deadline: { dueDate: '2017-04-04' } });
      expect(stepTexts(departure, 'suspension')).toEqual([expect.stringMatching(/2017-01-27\.\.2017-03-31 \(stay recorded on the case/)]);

      await run.advanceTo('2017-03-24T12:00');
      await run.command('recordEvent', { event: 'final-refusal-notice-received', on: '2017-03-24', facts: { land: 'BE' } });
      // AsylG 38(1) s. 2: 30 days from Fri 24 Mar 2017. 24 + 30 = 54 - 31 = 23 Apr, a Sunday (1 Apr 2017 was a
      // Saturday): it moves to Mon 24 Apr 2017 (Easter Monday was 17 Apr).
      view = await run.view();
      expect(view.stage).toBe('departure-period');
      const afterLawsuit = latest(view, 'de-departure-after-lawsuit');
      expect(afterLawsuit).toMatchObject({ status: 'open', deadline: { dueDate: '2017-04-24', explanation: { rawEndDate: '2017-04-23' } } });
      expect(stepTexts(afterLawsuit, 'roll-forward')).toHaveLength(1);
      // The stayed accelerated departure is replaced by the departure the final judgment started.
      expect(latest(view, 'de-departure-accelerated')).toMatchObject({ status: 'superseded', why: 'replaced' });
      expect(view.nextDeadline).toMatchObject({ kind: 'departure', dueDate: '2017-04-24' });

      await run.advanceTo('2017-04-20T10:00');
      await run.command('closeCase', { reason: 'left-country', closedOn: '2017-04-20' });
      const final = await run.handle().result();
      expect(final).toMatchObject({ stage: 'closed', closure: { reason: 'left-country', on: '2017-04-20' } });
      expect(latest(final, 'de-departure-after-lawsuit')).toMatchObject({ status: 'superseded', why: 'case-closed' });
      // Nothing was missed: the lawsuit was filed in time, the stay kept the first departure period from ending.
      expect(escalationsOf(run)).toEqual([]);
      // Reminders only for periods that were open when they fell due: the lawsuit's 3-day reminder (27 Jan) came before it was filed.
      expect(remindersOf(run, 'de-lawsuit-accelerated')).toEqual([{ dueDate: '2017-01-30', daysBefore: 3 }]);
      expect(new Set(remindersOf(run, 'de-departure-accelerated').map((reminder) => reminder.dueDate))).toEqual(new Set(['2017-01-30', '2017-04-04']));
    });
  });
});

describe('a US asylum case, from the last arrival to a grant', () => {
  it('meets the one-year filing deadline, shows the work-permit days, rolls the BIA appeal past Labor Day, and grants on remand', async () => {
    const open = { jurisdiction: 'US', procedure: 'asylum', office: 'nyc-1', applicant: { pseudonym: 'Applicant-U', nationality: 'HND', languages: ['es'] } };
    await withCaseFrom('US-AS-2016-0001', { startUtc: '2016-03-15 13:00:00', open }, async (run) => {
      await run.advanceTo('2016-03-15T10:00');
      const arrived = await run.command('recordEvent', { event: 'last-arrival', on: '2016-03-14' });
      // INA 208(a)(2)(B): one year from Mon 14 Mar 2016 is Tue 14 Mar 2017, a business day.
      expect(arrived).toMatchObject({ stage: 'opened', nextDeadline: { kind: 'filing-deadline', dueDate: '2017-03-14' } });

      await run.advanceTo('2016-11-07T10:00');
      await run.command('recordEvent', { event: 'application-lodged', on: '2016-11-07' });
      let view = await run.view();
      expect(view.stage).toBe('lodged');
      expect(statusesOf(view, 'us-asylum-filing')).toEqual([['2017-03-14', 'met']]);
      // 8 CFR 208.7(a), counted from Mon 7 Nov 2016: 23 days to 30 Nov, 54 to 31 Dec, 85 to 31 Jan, 113 to 28 Feb,
      // 144 to 31 Mar; day 150 is Thu 6 Apr 2017, day 180 (174 at 30 Apr) is Sat 6 May 2017 (these dates never roll).
      expect(latest(view, 'us-work-permit-filing')).toMatchObject({ status: 'open', deadline: { dueDate: '2017-04-06', informational: true } });
      expect(latest(view, 'us-work-permit-earliest-grant')).toMatchObject({ status: 'open', deadline: { dueDate: '2017-05-06', informational: true } });

      await run.advanceTo('2017-08-03T15:00');
      await run.command('recordEvent', { event: 'oral-decision', on: '2017-08-03' });
      view = await run.view();
      expect(view.stage).toBe('refused');
      // The work-permit days passed while the case waited; shown for information, never escalated.
      expect(statusesOf(view, 'us-work-permit-filing')).toEqual([['2017-04-06', 'expired']]);
      expect(statusesOf(view, 'us-work-permit-earliest-grant')).toEqual([['2017-05-06', 'expired']]);
      // 8 CFR 1003.38(b)-(c): 30 days from Thu 3 Aug 2017 end on Sat 2 Sep (3 + 30 = 33 - 31); Sun 3 Sep, then
      // Mon 4 Sep is Labor Day (first Monday of September): the appeal is due Tue 5 Sep 2017.
      const appeal = latest(view, 'us-bia-appeal');
      expect(appeal).toMatchObject({ status: 'open', deadline: { dueDate: '2017-09-05', zone: 'America/New_York', explanation: { rawEndDate: '2017-09-02' } } });
      expect(stepTexts(appeal, 'roll-forward')).toEqual([expect.any(String), expect.any(String), expect.stringMatching(/Labor Day/)]);

      await run.advanceTo('2017-08-28T10:00');
      expect(await run.command('recordEvent', { event: 'complaint-filed', on: '2017-08-28' })).toMatchObject({ stage: 'complaint-pending' });
      await run.advanceTo('2018-02-15T10:00');
      expect(await run.command('recordEvent', { event: 'refusal-overturned', on: '2018-02-15' })).toMatchObject({ stage: 'awaiting-decision' });
      await run.advanceTo('2018-06-12T10:00');
      expect(await run.command('recordEvent', { event: 'protection-granted', on: '2018-06-12' })).toMatchObject({ stage: 'granted' });
      await run.command('closeCase', { reason: 'other-status', closedOn: '2018-06-12', note: 'asylum granted on remand' });
      const final = await run.handle().result();
      expect(final.stage).toBe('closed');
      expect(statusesOf(final, 'us-bia-appeal')).toEqual([['2017-09-05', 'met']]);
      expect(escalationsOf(run)).toEqual([]);
      // The filing deadline was met eight months early: no reminder for it. The appeal's reminders before it was
      // filed: the 30-day one fell on Sun 6 Aug and went out on Fri 4 Aug, 32 days before 5 Sep (27 + 5); the
      // 14-day one on Tue 22 Aug.
      expect(remindersOf(run, 'us-asylum-filing')).toEqual([]);
      expect(remindersOf(run, 'us-bia-appeal').map((reminder) => reminder.daysBefore)).toEqual([32, 14]);
      expect(remindersOf(run, 'us-work-permit-filing')).toEqual([]);
    });
  });
});

describe('a UK asylum appeal, from the refusal to the Tribunal dismissing it', () => {
  it('counts 14 days past the Easter bank holidays', async () => {
    const open = { jurisdiction: 'UK', procedure: 'asylum', office: 'london-1', applicant: { pseudonym: 'Applicant-B', nationality: 'ERI', languages: ['ti'] } };
    await withCaseFrom('UK-AS-2017-0001', { startUtc: '2017-03-31 08:00:00', open }, async (run) => {
      await run.advanceTo('2017-03-31T10:00');
      await run.command('recordEvent', { event: 'application-lodged', on: '2016-10-03' });
      await run.command('recordEvent', { event: 'decision-sent', on: '2017-03-31', facts: { outsideUk: false } });
      let view = await run.view();
      expect(view.stage).toBe('refused');
      // r. 19: 14 days from Fri 31 Mar 2017 end on Fri 14 Apr, Good Friday; Sat 15, Sun 16, then Mon 17 is
      // Easter Monday: the appeal is due Tue 18 Apr 2017.
      const appeal = latest(view, 'uk-ftt-appeal');
      expect(appeal).toMatchObject({ status: 'open', deadline: { dueDate: '2017-04-18', zone: 'Europe/London', explanation: { rawEndDate: '2017-04-14' } } });
      expect(stepTexts(appeal, 'roll-forward')).toEqual([
        expect.stringMatching(/Good Friday/),
        expect.any(String),
        expect.any(String),
        expect.stringMatching(/Easter Monday/),
      ]);
      expect(byRule(view, 'uk-ftt-appeal-outside-uk')).toEqual([]);

      await run.advanceTo('2017-04-10T10:00');
      await run.command('recordEvent', { event: 'complaint-filed', on: '2017-04-10' });
      await run.advanceTo('2017-09-22T10:00');
      expect(await run.command('recordEvent', { event: 'final-refusal-notice-received', on: '2017-09-22' })).toMatchObject({ stage: 'finally-refused' });
      await run.command('closeCase', { reason: 'withdrawn', closedOn: '2017-09-22', note: 'no onward appeal' });
      const final = await run.handle().result();
      expect(final.stage).toBe('closed');
      view = final;
      expect(statusesOf(view, 'uk-ftt-appeal')).toEqual([['2017-04-18', 'met']]);
      expect(escalationsOf(run)).toEqual([]);
    });
  });
});

const MOSCOW_RS = { jurisdiction: 'RU', procedure: 'refugee-status', applicant: { pseudonym: 'Applicant-R', nationality: 'SYR', languages: ['ar'] } };

describe('an RU refugee-status case, from the petition to departure', () => {
  it('runs preliminary consideration, two certificates, the complaint, and after its refusal the departure and the court period', async () => {
    await withCaseFrom('RU-RS-2017-0001', { startUtc: '2017-02-20 06:00:00', open: MOSCOW_RS }, async (run) => {
      await run.advanceTo('2017-02-20T10:00');
      await run.command('recordEvent', { event: 'application-lodged', on: '2017-02-20' });
      let view = await run.view();
      // Law art. 4 p. 5: 5 working days after Mon 20 Feb 2017: Tue 21 (1), Wed 22 (2); 23-24 Feb are days off
      // (Decree No. 756), 25-26 the weekend; Mon 27 (3), Tue 28 (4), Wed 1 Mar 2017 (5).
      expect(latest(view, 'ru-refugee-preliminary-consideration')).toMatchObject({ status: 'open', deadline: { dueDate: '2017-03-01', owner: 'authority' } });

      await run.advanceTo('2017-03-01T12:00');
      await run.command('recordEvent', { event: 'certificate-issued', on: '2017-03-01', facts: { validUntil: '2017-06-01' } });
      view = await run.view();
      expect(view.stage).toBe('under-consideration');
      expect(statusesOf(view, 'ru-refugee-preliminary-consideration')).toEqual([['2017-03-01', 'met']]);
      // The end date stated on the certificate, which never moves.
      expect(statusesOf(view, 'ru-refugee-certificate-expiry')).toEqual([['2017-06-01', 'open']]);

      await run.advanceTo('2017-05-29T10:00');
      await run.command('recordEvent', { event: 'certificate-issued', on: '2017-05-29', facts: { validUntil: '2017-09-01' } });
      view = await run.view();
      // The extended certificate replaces the first one.
      expect(statusesOf(view, 'ru-refugee-certificate-expiry')).toEqual([
        ['2017-06-01', 'superseded'],
        ['2017-09-01', 'open'],
      ]);

      await run.advanceTo('2017-08-14T10:00');
      await run.command('recordEvent', { event: 'refusal-notice-received', on: '2017-08-14' });
      view = await run.view();
      expect(view.stage).toBe('refused');
      expect(statusesOf(view, 'ru-refugee-certificate-expiry')[1]).toEqual(['2017-09-01', 'met']);
      // Law art. 10 p. 3: one month from Mon 14 Aug 2017 is Thu 14 Sep 2017; KAS 219, shown for information:
      // three months, Tue 14 Nov 2017 (the days off that autumn were 4 and 6 Nov).
      expect(latest(view, 'ru-complaint')).toMatchObject({ status: 'open', deadline: { dueDate: '2017-09-14', informational: false } });
      expect(latest(view, 'ru-court-challenge-kas')).toMatchObject({ status: 'open', deadline: { dueDate: '2017-11-14', informational: true } });
      expect(view.nextDeadline).toMatchObject({ kind: 'complaint', dueDate: '2017-09-14' });

      await run.advanceTo('2017-09-08T10:00');
      await run.command('recordEvent', { event: 'complaint-filed', on: '2017-09-08', facts: { forum: 'administrative' } });
      view = await run.view();
      expect(view).toMatchObject({ stage: 'complaint-pending', complaintForum: 'administrative' });
      expect(statusesOf(view, 'ru-complaint')).toEqual([['2017-09-14', 'met']]);

      await run.advanceTo('2017-11-02T10:00');
      await run.command('recordEvent', { event: 'final-refusal-notice-received', on: '2017-11-02' });
      view = await run.view();
      expect(view.stage).toBe('departure-period');
      // 3 working days after Thu 2 Nov 2017: Fri 3 Nov (1); Sat 4 (Unity Day), Sun 5, Mon 6 (its day off moved) are
      // not working days; Tue 7 (2), Wed 8 Nov 2017 (3).
      expect(latest(view, 'ru-departure')).toMatchObject({ status: 'open', deadline: { dueDate: '2017-11-08', informational: false } });
      // KAS 219 p. 1 against the notice refusing the complaint: three months, Fri 2 Feb 2018, a working day; to act on, not for information.
      expect(latest(view, 'ru-court-challenge-after-complaint-kas')).toMatchObject({ status: 'open', deadline: { dueDate: '2018-02-02', informational: false } });
      expect(view.nextDeadline).toMatchObject({ kind: 'departure', dueDate: '2017-11-08' });

      await run.advanceTo('2017-11-07T10:00');
      await run.command('closeCase', { reason: 'left-country', closedOn: '2017-11-07' });
      const final = await run.handle().result();
      expect(final.stage).toBe('closed');
      expect(latest(final, 'ru-departure')).toMatchObject({ status: 'superseded', why: 'case-closed' });
      expect(latest(final, 'ru-court-challenge-after-complaint-kas')).toMatchObject({ status: 'superseded', why: 'case-closed' });
      expect(escalationsOf(run)).toEqual([]);
    });
  });
});

describe('an RU temporary-asylum refusal overturned on complaint', () => {
  it('starts the authority\'s clock for a new decision: one month by default, the date the ruling set once it is entered', async () => {
    await withCaseFrom('RU-TA-2017-0001', { startUtc: '2017-03-06 06:00:00', open: { applicant: { pseudonym: 'Applicant-T', nationality: 'AFG' } } }, async (run) => {
      await run.advanceTo('2017-03-06T10:00');
      await run.command('recordEvent', { event: 'application-lodged', on: '2017-03-06' });
      await run.advanceTo('2017-05-15T10:00');
      await run.command('recordEvent', { event: 'refusal-notice-received', on: '2017-05-15' });
      await run.advanceTo('2017-06-01T10:00');
      await run.command('recordEvent', { event: 'complaint-filed', on: '2017-06-01', facts: { forum: 'administrative' } });
      await run.advanceTo('2017-07-20T10:00');
      const overturned = await run.command('recordEvent', { event: 'refusal-overturned', on: '2017-07-20' });
      expect(overturned.stage).toBe('awaiting-decision');
      let view = await run.view();
      // No date was set: the default month from Thu 20 Jul 2017 ends on Sun 20 Aug, moved to Mon 21 Aug 2017.
      const byDefault = latest(view, 'ru-redecision');
      expect(byDefault).toMatchObject({ status: 'open', deadline: { dueDate: '2017-08-21', owner: 'authority' } });
      expect(byDefault.deadline.warnings.map((warning) => (typeof warning === 'string' ? warning : warning.en))).toEqual(
        expect.arrayContaining([expect.stringMatching(/decideBy/)]),
      );
      expect(view.nextDeadline).toMatchObject({ kind: 'decision-due', dueDate: '2017-08-21' });

      // The ruling arrives: the higher authority must decide by Fri 1 Sep 2017, a working day.
      await run.advanceTo('2017-07-24T10:00');
      await run.command('correctFact', { eventId: eventId(view, 'refusal-overturned'), fact: 'decideBy', value: '2017-09-01', reason: 'the ruling sets 1 September' });
      view = await run.view();
      expect(latest(view, 'ru-redecision')).toMatchObject({ status: 'open', deadline: { dueDate: '2017-09-01' } });

      await run.advanceTo('2017-08-30T12:00');
      const granted = await run.command('recordEvent', { event: 'protection-granted', on: '2017-08-30' });
      // One year from the grant, same month and day (Decree 274 p. 12).
      expect(granted).toMatchObject({ stage: 'granted', protectedUntil: '2018-08-30' });
      view = await run.settledView();
      expect(statusesOf(view, 'ru-redecision')).toEqual([['2017-09-01', 'met']]);
      expect(escalationsOf(run)).toEqual([]);
    });
  });
});

describe('corrections, stays and waivers on a running case', () => {
  it('voids a refusal entered by mistake: the stage goes back and its deadlines are void, never reminded again', async () => {
    await withCaseFrom('RU-TA-2017-0002', { startUtc: '2017-03-06 06:00:00' }, async (run) => {
      await run.advanceTo('2017-03-06T10:00');
      await run.command('recordEvent', { event: 'application-lodged', on: '2017-03-06' });
      await run.advanceTo('2017-04-03T10:00');
      await run.command('recordEvent', { event: 'refusal-notice-received', on: '2017-04-03' });
      // One month from Mon 3 Apr 2017: Wed 3 May 2017 (the May days off were 1, 8 and 9 May).
      expect(statusesOf(await run.view(), 'ru-complaint')).toEqual([['2017-05-03', 'open']]);
      await run.advanceTo('2017-04-20T10:00');
      // The 14-day reminder (19 Apr) went out before anyone noticed.
      expect(remindersOf(run, 'ru-complaint')).toEqual([{ dueDate: '2017-05-03', daysBefore: 14 }]);

      const before = await run.view();
      const voided = await run.command('voidEvent', { eventId: eventId(before, 'refusal-notice-received'), reason: 'the notice belongs to another applicant' });
      // Three months from Mon 6 Mar 2017: Tue 6 Jun 2017, open again now that no decision stands.
      expect(voided).toMatchObject({ stage: 'lodged', attempt: 1, nextDeadline: { kind: 'decision-due', dueDate: '2017-06-06' } });
      const view = await run.view();
      expect(byRule(view, 'ru-complaint')).toEqual([expect.objectContaining({ status: 'void', reason: 'the notice belongs to another applicant' })]);
      expect(byRule(view, 'ru-court-challenge-kas')).toEqual([expect.objectContaining({ status: 'void' })]);
      expect(statusesOf(view, 'ru-ta-decision')).toEqual([['2017-06-06', 'open']]);

      await run.advanceTo('2017-05-10T12:00');
      expect(remindersOf(run, 'ru-complaint')).toHaveLength(1);
      expect(escalationsOf(run)).toEqual([]);
      expect(statusesOf(await run.view(), 'ru-complaint')).toEqual([['2017-05-03', 'void']]);
    });
  });

  it('stops the departure clock for a court\'s interim measure, and says so in the explanation', async () => {
    await withCaseFrom('RU-TA-2017-0003', { startUtc: '2017-06-01 06:00:00' }, async (run) => {
      await run.advanceTo('2017-06-01T10:00');
      await run.command('recordEvent', { event: 'application-lodged', on: '2017-06-01' });
      await run.advanceTo('2017-08-01T10:00');
      await run.command('recordEvent', { event: 'refusal-notice-received', on: '2017-08-01' });
      await run.advanceTo('2017-08-21T10:00');
      await run.command('recordEvent', { event: 'complaint-filed', on: '2017-08-21', facts: { forum: 'administrative' } });
      await run.advanceTo('2017-10-02T10:00');
      await run.command('recordEvent', { event: 'final-refusal-notice-received', on: '2017-10-02' });
      // 3 working days after Mon 2 Oct 2017: Tue 3, Wed 4, Thu 5 Oct 2017.
      expect(latest(await run.view(), 'ru-departure')).toMatchObject({ status: 'open', deadline: { dueDate: '2017-10-05' } });

      await run.advanceTo('2017-10-04T10:00');
      await run.command('recordStay', { from: '2017-10-04', to: '2017-10-10', reason: 'the court suspended removal while it hears the challenge' });
      const view = await run.view();
      // The clock ran on Tue 3 Oct; from Wed 4 Oct it stops for the 7 days of the stay, 4..10 Oct. The two days
      // left (4 and 5 Oct, working days) run on Wed 11 and Thu 12 Oct 2017: 7 days later than before.
      const departure = latest(view, 'ru-departure');
      expect(departure).toMatchObject({ status: 'open', deadline: { dueDate: '2017-10-12' } });
      expect(stepTexts(departure, 'suspension')).toEqual([expect.stringMatching(/2017-10-04\.\.2017-10-10 \(stay recorded on the case/)]);
      // The court period does not stop for a stay: three months from Mon 2 Oct 2017 end on Tue 2 Jan 2018, in the
      // New Year holidays (1-8 Jan 2018): Tue 9 Jan 2018.
      expect(latest(view, 'ru-court-challenge-after-complaint-kas')).toMatchObject({ status: 'open', deadline: { dueDate: '2018-01-09' } });
      expect(view.events.at(-1)).toMatchObject({ type: 'stay-recorded', from: '2017-10-04', to: '2017-10-10' });

      // The original end (5 Oct) passes without an escalation; the moved one is escalated once when it passes.
      await run.advanceTo('2017-10-16T12:00');
      expect(escalationsOf(run).filter((escalation) => escalation.ruleId === 'ru-departure')).toEqual([
        { ruleId: 'ru-departure', dueDate: '2017-10-12', reason: 'missed', at: '2017-10-12T21:00:00.000Z' },
      ]);
    });
  });

  it('does not escalate a complaint period staff waived, and escalates an unwaived one once', async () => {
    await withCaseFrom('RU-TA-2017-0004', { startUtc: '2017-03-06 06:00:00' }, async (run) => {
      await run.advanceTo('2017-03-06T10:00');
      await run.command('recordEvent', { event: 'application-lodged', on: '2017-03-06' });
      await run.advanceTo('2017-04-03T10:00');
      await run.command('recordEvent', { event: 'refusal-notice-received', on: '2017-04-03' });
      await run.advanceTo('2017-04-10T10:00');
      const again = await run.command('recordEvent', { event: 'application-lodged', on: '2017-04-10' });
      expect(again).toMatchObject({ stage: 'lodged', attempt: 2 });
      // A new application does not end the right to complain (due Wed 3 May 2017): staff waive it.
      let view = await run.view();
      expect(statusesOf(view, 'ru-complaint')).toEqual([['2017-05-03', 'open']]);
      await run.command('waiveDeadline', { deadlineId: latest(view, 'ru-complaint').id, reason: 'the applicant chose a new application instead of a complaint' });

      await run.advanceTo('2017-05-22T10:00');
      await run.command('recordEvent', { event: 'refusal-notice-received', on: '2017-05-22' });
      // One month from Mon 22 May 2017: Thu 22 Jun 2017, a working day. Nobody acts on it.
      view = await run.view();
      expect(statusesOf(view, 'ru-complaint')).toEqual([
        ['2017-05-03', 'waived'],
        ['2017-06-22', 'open'],
      ]);

      await run.advanceTo('2017-07-10T12:00');
      view = await run.view();
      expect(statusesOf(view, 'ru-complaint')).toEqual([
        ['2017-05-03', 'waived'],
        ['2017-06-22', 'missed'],
      ]);
      // 24:00 Moscow time on 22 Jun is 21:00 UTC; escalated once, and the waived period never.
      expect(escalationsOf(run)).toEqual([{ ruleId: 'ru-complaint', dueDate: '2017-06-22', reason: 'missed', at: '2017-06-22T21:00:00.000Z' }]);
      expect(view.escalations).toHaveLength(1);
      // The waived period was reminded of neither before nor after its waiver (its first reminder was due on 19 Apr).
      expect(remindersOf(run, 'ru-complaint')).toEqual([30, 14, 7, 3, 1, 0].map((daysBefore) => ({ dueDate: '2017-06-22', daysBefore })));
    });
  });
});
