import { attachDeadlines, deadlineStatus, nextStaleComputation, type CaseState } from '../../src/domain';
import { at, attempt, deadline, deadlineOfKind, happened, opened, record, tryEvent } from './fixtures';

function refused(): CaseState {
  const state = happened(opened(), 'application-lodged', '2015-11-02');
  return happened(state, 'refusal-notice-received', '2015-11-27', { nowMs: at('2015-11-27T15:00') });
}

describe('deadline status, worked out from the events that follow', () => {
  it('is met by a later event the rule names, on or before the due date', () => {
    const state = refused();
    expect(deadlineStatus(state, deadlineOfKind(state, 'decision-due'), at('2015-11-28T00:00'))).toEqual({
      status: 'met',
      byEventId: 3,
      on: '2015-11-27',
    });
    const complained = happened(state, 'complaint-filed', '2015-12-20', { facts: { forum: 'administrative' }, nowMs: at('2015-12-20T10:00') });
    expect(deadlineStatus(complained, deadlineOfKind(complained, 'complaint'), at('2016-03-01T00:00'))).toMatchObject({ status: 'met', byEventId: 4 });
  });

  it('is superseded by a later event its rule names in supersededBy', () => {
    // The stand-in complaint rule names application-lodged; the real RU rules no longer do (case-commands.test.ts).
    const state = happened(refused(), 'application-lodged', '2015-12-17', { nowMs: at('2015-12-17T11:00') });
    expect(deadlineStatus(state, deadlineOfKind(state, 'complaint'), at('2016-01-30T00:00'))).toEqual({
      status: 'superseded',
      byEventId: 4,
      on: '2015-12-17',
      why: 'superseded-by-event',
    });
  });

  it('stays open until 24:00 local time of the due date, then is missed; an informational one expires instead', () => {
    const state = refused();
    const complaint = deadlineOfKind(state, 'complaint');
    expect(complaint.deadline.dueDate).toBe('2015-12-27');
    expect(deadlineStatus(state, complaint, at('2015-12-27T23:59'))).toEqual({ status: 'open' });
    expect(deadlineStatus(state, complaint, at('2015-12-28T00:00'))).toEqual({ status: 'missed', since: complaint.deadline.endsAt });
    const court = deadlineOfKind(state, 'court-challenge');
    expect(deadlineStatus(state, court, at('2016-03-01T00:00'))).toEqual({ status: 'expired', since: court.deadline.endsAt });
  });

  it('stays missed when the act comes after the due date', () => {
    const state = happened(refused(), 'complaint-filed', '2016-01-05', { facts: { forum: 'court' }, nowMs: at('2016-01-05T10:00') });
    expect(deadlineStatus(state, deadlineOfKind(state, 'complaint'), at('2016-01-05T10:00')).status).toBe('missed');
  });

  it('is replaced by a deadline of the same kind from a later event', () => {
    // A resubmission without a recorded decision: the first decision period gives way to the second.
    let state = happened(opened(), 'application-lodged', '2015-11-02');
    state = { ...state, stage: 'refused' };
    state = happened(state, 'application-lodged', '2015-11-20', { nowMs: at('2015-11-20T11:00') });
    const replaced = state.deadlines.find((tracked) => tracked.id === '2:test.decision-due')!;
    expect(deadlineStatus(state, replaced, at('2015-11-21T00:00'))).toEqual({ status: 'superseded', byEventId: 3, on: '2015-11-20', why: 'replaced' });
  });

  it('is superseded for every open deadline when the case closes', () => {
    const state = record(refused(), 'closeCase', { reason: 'left-country', closedOn: '2015-12-01' }, at('2015-12-01T10:00'));
    expect(deadlineStatus(state, deadlineOfKind(state, 'complaint'), at('2016-05-01T00:00'))).toMatchObject({
      status: 'superseded',
      why: 'case-closed',
    });
  });
});

describe('deadline computation requests', () => {
  it('asks the rules engine once per event that starts a clock, with the case parameters', () => {
    let state: CaseState = { ...opened(), ruleParams: { renewalLeadMonths: 2 } };
    const decision = tryEvent(state, 'application-lodged', '2015-11-02');
    if (!decision.ok) throw new Error(decision.reason);
    state = decision.state;
    expect(nextStaleComputation(state)).toEqual({
      eventId: 2,
      request: {
        jurisdiction: 'RU',
        procedure: 'temporary-asylum',
        event: 'application-lodged',
        date: '2015-11-02',
        params: { renewalLeadMonths: 2 },
      },
    });
    state = attachDeadlines(state, nextStaleComputation(state)!, [], at('2015-11-02T12:00'));
    expect(nextStaleComputation(state)).toBeUndefined();
  });

  it('passes the stated end of protection, and for an extension the end of the period it extends', () => {
    let state = happened(opened(), 'application-lodged', '2015-11-02');
    state = happened(state, 'protection-granted', '2016-05-26', { facts: { validUntil: '2017-05-25' } });
    expect(state.computations.at(-1)?.request.facts).toEqual({ validUntil: '2017-05-25' });
    state = happened(state, 'renewal-filed', '2017-04-01');
    state = happened(state, 'protection-extended', '2017-05-10');
    expect(state.computations.at(-1)?.request.facts).toEqual({ previousValidUntil: '2017-05-25' });
    expect(deadlineOfKind(state, 'protection-expiry').deadline.dueDate).toBe('2018-05-25');
  });

  it('registers each computed deadline for the case register', () => {
    const state = refused();
    const deadlineEntries = state.outbox.filter((item) => item.kind === 'register' && item.entry.kind === 'deadline');
    expect(deadlineEntries.map((item) => item.key)).toEqual([
      'case-RU-TA-2015-0042/deadline/2:test.decision-due/2016-02-02',
      'case-RU-TA-2015-0042/deadline/3:test.complaint/2015-12-27',
      'case-RU-TA-2015-0042/deadline/3:test.court-challenge/2016-02-27',
    ]);
  });
});

describe('correcting the date of an earlier event', () => {
  it('recomputes the deadlines that event started and records the correction', () => {
    const state = refused();
    const corrected = record(state, 'correctEventDate', { eventId: 3, correctedDate: '2015-11-20', reason: 'date misread from the notice' }, at('2015-11-30T10:00'));
    expect(deadlineOfKind(corrected, 'complaint').deadline.dueDate).toBe('2015-12-20');
    expect(deadlineOfKind(corrected, 'complaint').knownSince).toBe(new Date(at('2015-11-30T10:00')).toISOString());
    expect(corrected.events.find((event) => event.id === 3)).toMatchObject({ on: '2015-11-20' });
    expect(corrected.events.at(-1)).toMatchObject({ type: 'event-date-corrected', eventId: 3, from: '2015-11-27', to: '2015-11-20' });
  });

  it('keeps a deadline whose value did not change, with its history', () => {
    const state = refused();
    const complaint = deadlineOfKind(state, 'complaint');
    const computation = state.computations.find((done) => done.eventId === 3)!;
    const same = state.deadlines.filter((tracked) => tracked.sourceEventId === 3).map((tracked) => tracked.deadline);
    const again = attachDeadlines(state, computation, same, at('2015-12-01T10:00'));
    expect(deadlineOfKind(again, 'complaint').knownSince).toBe(complaint.knownSince);
    expect(attempt(state, 'correctEventDate', { eventId: 2, correctedDate: '2015-11-02', reason: 'same' }, at('2015-11-30T10:00'))).toEqual({
      ok: false,
      reason: 'cannot correct the date of an event: event 2 is already dated 2015-11-02',
    });
  });

  it('moves a later extension with the protection period it extends', () => {
    let state = happened(opened(), 'application-lodged', '2015-11-02');
    state = happened(state, 'protection-granted', '2016-05-26');
    state = happened(state, 'renewal-filed', '2017-04-01');
    state = happened(state, 'protection-extended', '2017-05-10');
    expect(deadlineOfKind(state, 'protection-expiry').deadline.dueDate).toBe('2018-05-26');
    state = record(state, 'correctEventDate', { eventId: 3, correctedDate: '2016-05-20', reason: 'grant date from the certificate' }, at('2017-05-11T12:00'));
    expect(deadlineOfKind(state, 'protection-expiry').deadline.dueDate).toBe('2018-05-20');
  });

  it('refuses a date that would reorder events, an event without a date, and an engine event', () => {
    const state = refused();
    const now = at('2015-11-30T10:00');
    expect(attempt(state, 'correctEventDate', { eventId: 3, correctedDate: '2015-11-01', reason: 'x' }, now)).toEqual({
      ok: false,
      reason: 'cannot correct the date of an event: 2015-11-01 would put event 3 before application lodged on 2015-11-02 (event 2)',
    });
    expect(attempt(state, 'correctEventDate', { eventId: 2, correctedDate: '2015-11-28', reason: 'x' }, now)).toEqual({
      ok: false,
      reason: 'cannot correct the date of an event: 2015-11-28 would put event 2 after refusal notice received on 2015-11-27 (event 3)',
    });
    expect(attempt(state, 'correctEventDate', { eventId: 1, correctedDate: '2015-11-01', reason: 'x' }, now)).toEqual({
      ok: false,
      reason: 'cannot correct the date of an event: event 1 (case-opened) has no date to correct',
    });
    expect(attempt(state, 'correctEventDate', { eventId: 9, correctedDate: '2015-11-01', reason: 'x' }, now)).toEqual({
      ok: false,
      reason: 'cannot correct the date of an event: there is no event 9 in this case',
    });
    const lapsedEvent = { id: 4, type: 'protection-lapsed' as const, actor: 'engine', recordedAt: '2015-11-28T00:00:00.000Z', on: '2015-11-27' };
    expect(attempt({ ...state, events: [...state.events, lapsedEvent] }, 'correctEventDate', { eventId: 4, correctedDate: '2015-11-28', reason: 'x' }, now)).toEqual({
      ok: false,
      reason: 'cannot correct the date of an event: event 4 (protection-lapsed) was recorded by the engine and follows from other dates',
    });
  });
});

describe('fixture sanity', () => {
  it('places the end of a Moscow day at 21:00 UTC', () => {
    expect(deadline({ kind: 'x', dueDate: '2016-02-26' }).endsAt).toBe('2016-02-26T21:00:00.000Z');
  });
});
