import { advance, markDelivered, nextWakeUpMs, type AdvanceOptions, type CaseState } from '../../src/domain';
import { at, happened, opened, record } from './fixtures';

function lodged(): CaseState {
  return happened(opened(), 'application-lodged', '2015-11-02', { nowMs: at('2015-11-02T12:00') });
}

function refusedOn(noticeReceivedOn: string, recordedAt: number): CaseState {
  return happened(lodged(), 'refusal-notice-received', noticeReceivedOn, { nowMs: recordedAt });
}

/** Runs the clock from `fromMs` to `untilMs`, waking only when the case asks to, as the workflow does. */
function runClock(state: CaseState, fromMs: number, untilMs: number, options?: AdvanceOptions): { state: CaseState; wakeUps: string[] } {
  let current = advance(state, fromMs, options);
  const wakeUps: string[] = [];
  for (let wake = nextWakeUpMs(current, fromMs, options); wake !== undefined && wake <= untilMs; wake = nextWakeUpMs(current, wake, options)) {
    wakeUps.push(new Date(wake).toISOString());
    current = advance(current, wake, options);
  }
  return { state: current, wakeUps };
}

function remindersFor(state: CaseState, deadlineId: string): Array<[number, string]> {
  return state.reminders.filter((reminder) => reminder.deadlineId === deadlineId).map((reminder) => [reminder.daysBefore, reminder.plannedFor]);
}

describe('reminders', () => {
  it('go out at 09:00 local time on each offset before the due date and on the day, from when the deadline is known', () => {
    // Known at 15:00 on 27 Nov, after the 30-days-before reminder time (09:00 that day): that one is not sent.
    const state = refusedOn('2015-11-27', at('2015-11-27T15:00'));
    const { state: after } = runClock(state, at('2015-11-27T15:00'), at('2015-12-27T23:00'));
    expect(remindersFor(after, '3:test.complaint')).toEqual([
      [14, '2015-12-13T06:00:00.000Z'],
      [7, '2015-12-20T06:00:00.000Z'],
      [3, '2015-12-24T06:00:00.000Z'],
      [1, '2015-12-26T06:00:00.000Z'],
      [0, '2015-12-27T06:00:00.000Z'],
    ]);
    expect(after.outbox.filter((item) => item.kind === 'reminder').map((item) => item.key)).toContain(
      'case-RU-TA-2015-0042/reminder/3:test.complaint@2015-12-27-0d',
    );
  });

  it('use the rule pack offsets for a deadline when it sets its own', () => {
    let state = happened(lodged(), 'protection-granted', '2016-05-26', { nowMs: at('2016-05-26T12:00') });
    ({ state } = runClock(state, at('2016-05-26T12:00'), at('2017-04-27T00:00')));
    expect(remindersFor(state, '3:test.renewal-filing')).toEqual([
      [30, '2017-03-27T06:00:00.000Z'],
      [7, '2017-04-19T06:00:00.000Z'],
      [0, '2017-04-26T06:00:00.000Z'],
    ]);
  });

  it('stop once the deadline is met', () => {
    let state = refusedOn('2015-11-27', at('2015-11-27T15:00'));
    ({ state } = runClock(state, at('2015-11-27T15:00'), at('2015-12-14T00:00')));
    state = happened(state, 'complaint-filed', '2015-12-14', { facts: { forum: 'administrative' }, nowMs: at('2015-12-14T10:00') });
    ({ state } = runClock(state, at('2015-12-14T10:00'), at('2016-03-01T00:00')));
    expect(remindersFor(state, '3:test.complaint').map(([days]) => days)).toEqual([14]);
    expect(state.escalations).toEqual([]);
  });

  it('send only the latest of several reminder times that passed unsent', () => {
    const state = refusedOn('2015-11-27', at('2015-11-27T08:00'));
    const after = advance(state, at('2015-12-25T12:00'));
    expect(remindersFor(after, '3:test.complaint')).toEqual([[3, '2015-12-24T06:00:00.000Z']]);
    expect(advance(after, at('2015-12-25T13:00')).reminders).toHaveLength(1);
  });

  it('can be delivered and acknowledged, once', () => {
    let state = advance(refusedOn('2015-11-27', at('2015-11-27T15:00')), at('2015-12-13T09:00'));
    const key = 'case-RU-TA-2015-0042/reminder/3:test.complaint@2015-12-27-14d';
    const delivery = { channel: 'log', messageId: 'm-1', deliveredAt: '2015-12-13T06:00:01.000Z', duplicate: false };
    state = markDelivered(state, key, delivery);
    expect(state.outbox.map((item) => item.key)).not.toContain(key);
    expect(state.reminders[0]?.delivery).toEqual(delivery);
    state = record(state, 'acknowledgeReminder', { reminderId: '3:test.complaint@2015-12-27-14d' }, at('2015-12-13T10:00'));
    expect(state.reminders[0]?.acknowledged).toEqual({ by: 'cw-0142', at: '2015-12-13T07:00:00.000Z' });
  });
});

/** The state with a deadline's reminder days as the rules engine gives them, from a production calendar. */
function withReminderDates(state: CaseState, deadlineId: string, reminderDates: Array<{ daysBefore: number; on: string }>): CaseState {
  const deadlines = state.deadlines.map((tracked) =>
    tracked.id === deadlineId ? { ...tracked, deadline: { ...tracked.deadline, reminderDates } } : tracked,
  );
  return { ...state, deadlines };
}

describe('reminders on working days', () => {
  it('go out at 09:00 Moscow on the working day the rules engine gave, telling the days actually left, named by their offset', () => {
    // The complaint is due Sun 27 Dec 2015. By the Russian production calendar the policy's days fall on:
    // 30 before, Fri 27 Nov (before the refusal was entered at 15:00 that day, so not sent); 14, Sun 13 Dec -> Fri 11 Dec;
    // 7, Sun 20 Dec -> Fri 18 Dec; 3, Thu 24 Dec; 1, Sat 26 Dec -> Fri 25 Dec; 0, Sun 27 Dec -> Fri 25 Dec, one reminder that day.
    const refused = withReminderDates(refusedOn('2015-11-27', at('2015-11-27T15:00')), '3:test.complaint', [
      { daysBefore: 30, on: '2015-11-27' },
      { daysBefore: 14, on: '2015-12-11' },
      { daysBefore: 7, on: '2015-12-18' },
      { daysBefore: 3, on: '2015-12-24' },
      { daysBefore: 1, on: '2015-12-25' },
    ]);
    const { state, wakeUps } = runClock(refused, at('2015-11-27T15:00'), at('2015-12-28T00:00'));
    // 09:00 Moscow is 06:00 UTC; from Fri 11 Dec 16 days are left, from Fri 18 Dec 9, from Fri 25 Dec 2.
    expect(remindersFor(state, '3:test.complaint')).toEqual([
      [16, '2015-12-11T06:00:00.000Z'],
      [9, '2015-12-18T06:00:00.000Z'],
      [3, '2015-12-24T06:00:00.000Z'],
      [2, '2015-12-25T06:00:00.000Z'],
    ]);
    expect(state.reminders.map((reminder) => reminder.id)).toEqual([
      '3:test.complaint@2015-12-27-14d',
      '3:test.complaint@2015-12-27-7d',
      '3:test.complaint@2015-12-27-3d',
      '3:test.complaint@2015-12-27-1d',
    ]);
    expect(wakeUps).not.toContain('2015-12-13T06:00:00.000Z');
    // A deadline without reminder days (computed before the engine gave them) keeps the plain days: see 'reminders' above.
  });

  it('go out at once when the working day before a day off came before the deadline was known', () => {
    // A refusal received Sat 28 Nov 2015 and entered that day at 08:00 makes the complaint due Mon 28 Dec.
    // Its 30-day reminder falls on Sat 28 Nov 09:00, after the entry; moved to Fri 27 Nov, it would lie before
    // the entry and never go out. It goes out at the entry instead, 08:00 Moscow = 05:00 UTC, 31 days before.
    const refused = withReminderDates(refusedOn('2015-11-28', at('2015-11-28T08:00')), '3:test.complaint', [
      { daysBefore: 30, on: '2015-11-27' },
      { daysBefore: 14, on: '2015-12-14' },
    ]);
    const { state } = runClock(refused, at('2015-11-28T08:00'), at('2015-12-15T00:00'));
    expect(remindersFor(state, '3:test.complaint')).toEqual([
      [31, '2015-11-28T05:00:00.000Z'],
      [14, '2015-12-14T06:00:00.000Z'],
    ]);
  });
});

describe('acknowledging a reminder', () => {
  const FOURTEEN_DAYS = '3:test.complaint@2015-12-27-14d';

  /** Refused on 27 Nov 2015 (complaint due 27 Dec); the 14-day reminder went out on 13 Dec and the caseworker acknowledged it. */
  function acknowledged(): CaseState {
    const { state } = runClock(refusedOn('2015-11-27', at('2015-11-27T15:00')), at('2015-11-27T15:00'), at('2015-12-13T10:00'));
    return record(state, 'acknowledgeReminder', { reminderId: FOURTEEN_DAYS }, at('2015-12-13T10:00'));
  }

  it('silences the later reminders of that deadline for that caseworker, but not its escalation', () => {
    const { state, wakeUps } = runClock(acknowledged(), at('2015-12-13T10:00'), at('2016-01-01T00:00'));
    expect(remindersFor(state, '3:test.complaint').map(([days]) => days)).toEqual([14]);
    expect(wakeUps).not.toContain('2015-12-20T06:00:00.000Z');
    expect(state.escalations).toEqual([expect.objectContaining({ deadlineId: '3:test.complaint', reason: 'missed', at: '2015-12-27T21:00:00.000Z' })]);
  });

  it('silences nothing in runs recorded before acknowledgements did', () => {
    const options = { lateEntryGraceMs: 0, acknowledgementSilencesReminders: false };
    const { state } = runClock(acknowledged(), at('2015-12-13T10:00'), at('2016-01-01T00:00'), options);
    expect(remindersFor(state, '3:test.complaint').map(([days]) => days)).toEqual([14, 7, 3, 1, 0]);
  });

  it('reminds the caseworker the case is reassigned to, starting with the reminder the first one no longer got', () => {
    let { state } = runClock(acknowledged(), at('2015-12-13T10:00'), at('2015-12-22T12:00'));
    state = record(state, 'reassign', { caseworker: 'cw-0200' }, at('2015-12-22T12:00'));
    ({ state } = runClock(state, at('2015-12-22T12:00'), at('2016-01-01T00:00')));
    // The 7-day reminder (Sun 20 Dec) was silenced; the new caseworker gets it at once, then the 3-day, 1-day and on-the-day ones.
    expect(remindersFor(state, '3:test.complaint')).toEqual([
      [14, '2015-12-13T06:00:00.000Z'],
      [7, '2015-12-20T06:00:00.000Z'],
      [3, '2015-12-24T06:00:00.000Z'],
      [1, '2015-12-26T06:00:00.000Z'],
      [0, '2015-12-27T06:00:00.000Z'],
    ]);
  });

  it('does not silence a deadline whose due date was corrected since: the new value is news', () => {
    let state = record(acknowledged(), 'correctEventDate', { eventId: 3, correctedDate: '2015-11-20', reason: 'received on 20 November' }, at('2015-12-13T11:00'));
    ({ state } = runClock(state, at('2015-12-13T11:00'), at('2016-01-01T00:00')));
    // Now due Sun 20 Dec 2015: its 7-day reminder time (13 Dec, 09:00) had passed when it became known at 11:00.
    const newValue = state.reminders.filter((reminder) => reminder.dueDate === '2015-12-20').map((reminder) => reminder.daysBefore);
    expect(newValue).toEqual([3, 1, 0]);
  });
});

/** Escalations of the deadlines the grant (event 3) started; the authority's late decision is escalated too. */
function grantDeadlineEscalations(state: CaseState): Array<[string, string]> {
  return state.escalations.filter((escalation) => escalation.deadlineId.startsWith('3:')).map((escalation) => [escalation.deadlineId, escalation.reason]);
}

describe('escalation', () => {
  it('escalates a missed complaint deadline exactly once, at 24:00 local time of the due date', () => {
    const { state, wakeUps } = runClock(refusedOn('2015-11-27', at('2015-11-27T15:00')), at('2015-11-27T15:00'), at('2016-06-01T00:00'));
    expect(state.escalations).toEqual([
      { id: '3:test.complaint@2015-12-27', deadlineId: '3:test.complaint', dueDate: '2015-12-27', reason: 'missed', at: '2015-12-27T21:00:00.000Z' },
    ]);
    expect(wakeUps).toContain('2015-12-27T21:00:00.000Z');
    expect(state.outbox.filter((item) => item.kind === 'escalation')).toHaveLength(1);
    expect(advance(state, at('2016-07-01T00:00')).escalations).toHaveLength(1);
  });

  it('escalates an authority that has not decided in time as authority-overdue', () => {
    const { state } = runClock(lodged(), at('2015-11-02T12:00'), at('2016-02-03T00:00'));
    expect(state.escalations.map((escalation) => [escalation.deadlineId, escalation.reason])).toEqual([['2:test.decision-due', 'authority-overdue']]);
  });

  it('escalates a deadline that had already passed when it became known an hour later, giving staff time to enter the rest', () => {
    const refused = refusedOn('2015-11-27', at('2016-01-10T10:00'));
    expect(advance(refused, at('2016-01-10T10:59')).escalations).toEqual([]);
    expect(nextWakeUpMs(refused, at('2016-01-10T10:00'))).toBe(at('2016-01-10T11:00'));
    const state = advance(refused, at('2016-01-10T11:00'));
    expect(state.escalations.map((escalation) => escalation.deadlineId)).toEqual(['3:test.complaint']);
    expect(state.reminders).toEqual([]);
  });

  it('does not escalate a late-entered deadline that the next entry shows was met', () => {
    let state = refusedOn('2015-11-27', at('2016-01-10T10:00'));
    state = happened(state, 'application-lodged', '2015-12-22', { nowMs: at('2016-01-10T10:05') });
    expect(advance(state, at('2016-01-10T12:00')).escalations.map((escalation) => escalation.deadlineId)).not.toContain('3:test.complaint');
  });

  it('escalates late-entered deadlines at once when the case’s reminder policy sets no grace', () => {
    const refused = refusedOn('2015-11-27', at('2016-01-10T10:00'));
    const withoutGrace = { ...refused, reminderPolicy: { ...refused.reminderPolicy, lateEntryGraceMinutes: 0 } };
    expect(advance(withoutGrace, at('2016-01-10T10:00')).escalations.map((escalation) => escalation.deadlineId)).toEqual(['3:test.complaint']);
  });

  it('escalates late-entered deadlines at once when asked to behave as runs recorded before the grace', () => {
    const state = advance(refusedOn('2015-11-27', at('2016-01-10T10:00')), at('2016-01-10T10:00'), {
      lateEntryGraceMs: 0,
      acknowledgementSilencesReminders: true,
    });
    expect(state.escalations.map((escalation) => escalation.deadlineId)).toEqual(['3:test.complaint']);
  });

  it('lapses a case whose protection expires unrenewed, and alerts the supervisor', () => {
    let state = happened(lodged(), 'protection-granted', '2016-05-26', { nowMs: at('2016-05-26T12:00') });
    ({ state } = runClock(state, at('2016-05-26T12:00'), at('2017-06-01T00:00')));
    expect(state.stage).toBe('lapsed');
    expect(state.events.at(-1)).toMatchObject({ type: 'protection-lapsed', actor: 'engine', on: '2017-05-26', recordedAt: '2017-05-26T21:00:00.000Z' });
    expect(grantDeadlineEscalations(state)).toEqual([
      ['3:test.renewal-filing', 'missed'],
      ['3:test.protection-expiry', 'lapsed'],
    ]);
  });

  it('alerts but does not lapse a case whose renewal is pending at expiry', () => {
    let state = happened(lodged(), 'protection-granted', '2016-05-26', { nowMs: at('2016-05-26T12:00') });
    state = happened(state, 'renewal-filed', '2017-04-20', { nowMs: at('2017-04-20T12:00') });
    ({ state } = runClock(state, at('2017-04-20T12:00'), at('2017-06-01T00:00')));
    expect(state.stage).toBe('renewal-filed');
    expect(grantDeadlineEscalations(state)).toEqual([['3:test.protection-expiry', 'lapsed']]);
  });
});

describe('waking up', () => {
  it('has nothing to wait for when no deadline is open', () => {
    expect(nextWakeUpMs(opened(), at('2015-11-01T10:00'))).toBeUndefined();
  });

  it('wakes for the next reminder, then for the end of the period', () => {
    const state = refusedOn('2015-11-27', at('2015-11-27T15:00'));
    expect(new Date(nextWakeUpMs(state, at('2015-12-26T10:00'))!).toISOString()).toBe('2015-12-27T06:00:00.000Z');
    expect(new Date(nextWakeUpMs(state, at('2015-12-27T10:00'))!).toISOString()).toBe('2015-12-27T21:00:00.000Z');
  });
});

describe('waking up for information', () => {
  it('wakes when an informational period ends, so the case shows it expired', () => {
    const state = advance(refusedOn('2015-11-27', at('2015-11-27T15:00')), at('2015-12-29T00:00'));
    expect(new Date(nextWakeUpMs(state, at('2015-12-29T00:00'))!).toISOString()).toBe('2016-02-27T21:00:00.000Z');
  });
});
