import { advance, markDelivered, nextWakeUpMs, type CaseState } from '../../src/domain';
import { at, opened, record } from './fixtures';

function lodged(): CaseState {
  return record(opened(), 'recordApplicationLodged', { lodgedOn: '2015-11-02' }, at('2015-11-02T12:00'));
}

function refusedOn(noticeReceivedOn: string, recordedAt: number): CaseState {
  return record(lodged(), 'recordDecision', { decision: 'refusal', noticeReceivedOn }, recordedAt);
}

/** Runs the clock from `fromMs` to `untilMs`, waking only when the case asks to, as the workflow does. */
function runClock(state: CaseState, fromMs: number, untilMs: number): { state: CaseState; wakeUps: string[] } {
  let current = advance(state, fromMs);
  const wakeUps: string[] = [];
  for (let wake = nextWakeUpMs(current, fromMs); wake !== undefined && wake <= untilMs; wake = nextWakeUpMs(current, wake)) {
    wakeUps.push(new Date(wake).toISOString());
    current = advance(current, wake);
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
    let state = record(lodged(), 'recordDecision', { decision: 'grant', grantedOn: '2016-05-26' }, at('2016-05-26T12:00'));
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
    state = record(state, 'recordComplaintFiled', { filedOn: '2015-12-14', forum: 'administrative' }, at('2015-12-14T10:00'));
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
    state = record(state, 'recordNewApplication', { lodgedOn: '2015-12-22' }, at('2016-01-10T10:05'));
    expect(advance(state, at('2016-01-10T12:00')).escalations.map((escalation) => escalation.deadlineId)).not.toContain('3:test.complaint');
  });

  it('escalates late-entered deadlines at once when the case’s reminder policy sets no grace', () => {
    const refused = refusedOn('2015-11-27', at('2016-01-10T10:00'));
    const withoutGrace = { ...refused, reminderPolicy: { ...refused.reminderPolicy, lateEntryGraceMinutes: 0 } };
    expect(advance(withoutGrace, at('2016-01-10T10:00')).escalations.map((escalation) => escalation.deadlineId)).toEqual(['3:test.complaint']);
  });

  it('escalates late-entered deadlines at once when asked to behave as runs recorded before the grace', () => {
    const state = advance(refusedOn('2015-11-27', at('2016-01-10T10:00')), at('2016-01-10T10:00'), { lateEntryGraceMs: 0 });
    expect(state.escalations.map((escalation) => escalation.deadlineId)).toEqual(['3:test.complaint']);
  });

  it('lapses a case whose protection expires unrenewed, and alerts the supervisor', () => {
    let state = record(lodged(), 'recordDecision', { decision: 'grant', grantedOn: '2016-05-26' }, at('2016-05-26T12:00'));
    ({ state } = runClock(state, at('2016-05-26T12:00'), at('2017-06-01T00:00')));
    expect(state.stage).toBe('lapsed');
    expect(state.events.at(-1)).toMatchObject({ type: 'protection-lapsed', actor: 'engine', on: '2017-05-26', recordedAt: '2017-05-26T21:00:00.000Z' });
    expect(grantDeadlineEscalations(state)).toEqual([
      ['3:test.renewal-filing', 'missed'],
      ['3:test.protection-expiry', 'lapsed'],
    ]);
  });

  it('alerts but does not lapse a case whose renewal is pending at expiry', () => {
    let state = record(lodged(), 'recordDecision', { decision: 'grant', grantedOn: '2016-05-26' }, at('2016-05-26T12:00'));
    state = record(state, 'recordRenewalFiled', { filedOn: '2017-04-20' }, at('2017-04-20T12:00'));
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
