import { advance, caseView, deadlineRequestFor, deadlineStatus, nextStaleComputation, nextWakeUpMs, type CaseState } from '../../src/domain';
import { computeDeadlines } from '../../src/rules';
import { at, attempt, deadlineOfKind, happened, noon, opened, openedAs, record, tryEvent } from './fixtures';

/**
 * The commands that fix or qualify a running case rather than move it: voids, fact corrections,
 * stays, waivers and links. Deadlines here come from the fixtures' plain-arithmetic stand-in for the
 * rules (complaint: 1 calendar month after the refusal notice), except where a test says it uses the
 * real rule pack.
 */

function lodged(): CaseState {
  return happened(opened(), 'application-lodged', '2015-11-02');
}

/** Events: 1 opened, 2 application lodged 2015-11-02, 3 refusal notice received 2015-11-27. */
function refused(): CaseState {
  return happened(lodged(), 'refusal-notice-received', '2015-11-27');
}

/** Runs the clock from `fromMs` to `untilMs`, waking only when the case asks to, as the workflow does. */
function runClock(state: CaseState, fromMs: number, untilMs: number): CaseState {
  let current = advance(state, fromMs);
  for (let wake = nextWakeUpMs(current, fromMs); wake !== undefined && wake <= untilMs; wake = nextWakeUpMs(current, wake)) {
    current = advance(current, wake);
  }
  return current;
}

describe('voidEvent', () => {
  it('re-derives the stage and attempt from the events that remain', () => {
    let state = happened(refused(), 'application-lodged', '2015-12-17');
    expect(state).toMatchObject({ stage: 'lodged', attempt: 2 });
    state = record(state, 'voidEvent', { eventId: 4, reason: 'lodged in another case' }, noon('2015-12-18'));
    expect(state).toMatchObject({ stage: 'refused', attempt: 1 });
    expect(state.events.at(-1)).toMatchObject({ id: 5, type: 'event-voided', eventId: 4, reason: 'lodged in another case' });
    // The voided application's decision period shows as void; it is never recomputed.
    expect(deadlineStatus(state, state.deadlines.find((tracked) => tracked.id === '4:test.decision-due')!, noon('2015-12-18'))).toEqual({
      status: 'void',
      byEventId: 5,
      reason: 'lodged in another case',
    });
    expect(nextStaleComputation(state)).toBeUndefined();
    expect(deadlineRequestFor(state, state.events[3]!)).toBeUndefined();
  });

  it('shows the deadlines the voided event started as void with the reason, and reopens what it had met', () => {
    const state = record(refused(), 'voidEvent', { eventId: 3, reason: 'the notice belongs to another applicant' }, noon('2015-11-30'));
    expect(state.stage).toBe('lodged');
    const view = caseView(state, noon('2015-11-30'));
    expect(view.deadlines.map((deadline) => [deadline.id, deadline.status, 'reason' in deadline ? deadline.reason : undefined])).toEqual([
      // Lodged 2015-11-02 + 3 months = 2016-02-02: open again, since the refusal that met it no longer counts.
      ['2:test.decision-due', 'open', undefined],
      ['3:test.complaint', 'void', 'the notice belongs to another applicant'],
      ['3:test.court-challenge', 'void', 'the notice belongs to another applicant'],
    ]);
    expect(view.nextDeadline?.id).toBe('2:test.decision-due');
  });

  it('lets the right event be recorded in place of the voided one, even on an earlier date', () => {
    let state = record(refused(), 'voidEvent', { eventId: 3, reason: 'wrong notice' }, noon('2015-11-30'));
    state = happened(state, 'refusal-notice-received', '2015-11-25', { nowMs: noon('2015-11-30') });
    expect(state.stage).toBe('refused');
    // 2015-11-25 + 1 month = 2015-12-25.
    expect(deadlineOfKind(state, 'complaint').deadline.dueDate).toBe('2015-12-25');
  });

  it('refuses to void an event that a later one depends on, naming it', () => {
    const state = happened(refused(), 'complaint-filed', '2015-12-10', { facts: { forum: 'administrative' } });
    expect(attempt(state, 'voidEvent', { eventId: 3, reason: 'x' }, noon('2015-12-11'))).toEqual({
      ok: false,
      reason: 'cannot void an event: event 4 (complaint-filed) follows from it: void that first',
    });
  });

  it('refuses an event already voided, one that does not exist, and the opening', () => {
    const state = record(refused(), 'voidEvent', { eventId: 3, reason: 'wrong notice' }, noon('2015-11-30'));
    const now = noon('2015-12-01');
    expect(attempt(state, 'voidEvent', { eventId: 3, reason: 'again' }, now)).toEqual({
      ok: false,
      reason: 'cannot void an event: event 3 (refusal-notice-received) was voided',
    });
    expect(attempt(state, 'voidEvent', { eventId: 42, reason: 'x' }, now)).toEqual({ ok: false, reason: 'cannot void an event: there is no event 42 in this case' });
    expect(attempt(state, 'voidEvent', { eventId: 1, reason: 'x' }, now)).toEqual({
      ok: false,
      reason: 'cannot void an event: event 1 (case-opened) cannot be voided; correct it or record what happened next',
    });
  });

  it('refuses an event the engine recorded', () => {
    // Granted 2016-05-26 with no stated end: the stand-in protection ends 2017-05-26, and lapses at its end.
    let state = happened(lodged(), 'protection-granted', '2016-05-26');
    state = advance(state, at('2017-06-01T00:00'));
    expect(state.stage).toBe('lapsed');
    const lapse = state.events.at(-1)!;
    expect(lapse).toMatchObject({ type: 'protection-lapsed', actor: 'engine', on: '2017-05-26' });
    expect(attempt(state, 'voidEvent', { eventId: lapse.id, reason: 'x' }, noon('2017-06-01'))).toEqual({
      ok: false,
      reason: `cannot void an event: event ${lapse.id} (protection-lapsed) was recorded by the engine`,
    });
  });
});

describe('correctFact', () => {
  /** Events: ..., 3 protection granted 2016-05-26, valid until 2017-05-25 as first read. */
  function granted(): CaseState {
    return happened(lodged(), 'protection-granted', '2016-05-26', { facts: { validUntil: '2017-05-25' } });
  }

  it('corrects a grant’s validUntil: the deadline request changes, so its deadlines are recomputed', () => {
    const state = granted();
    expect(deadlineOfKind(state, 'protection-expiry').deadline.dueDate).toBe('2017-05-25');
    const decision = attempt(state, 'correctFact', { eventId: 3, fact: 'validUntil', value: '2017-05-20', reason: 'misread the certificate' }, noon('2016-06-01'));
    if (!decision.ok) throw new Error(decision.reason);
    expect(decision.state.events.find((event) => event.id === 3)).toMatchObject({ facts: { validUntil: '2017-05-20' } });
    expect(decision.event).toMatchObject({ type: 'fact-corrected', eventId: 3, fact: 'validUntil', from: '2017-05-25', to: '2017-05-20', reason: 'misread the certificate' });
    expect(nextStaleComputation(decision.state)).toEqual({
      eventId: 3,
      request: { jurisdiction: 'RU', procedure: 'temporary-asylum', event: 'protection-granted', date: '2016-05-26', facts: { validUntil: '2017-05-20' } },
    });
    const corrected = record(state, 'correctFact', { eventId: 3, fact: 'validUntil', value: '2017-05-20', reason: 'misread the certificate' }, noon('2016-06-01'));
    // Renewal filing is due a month before the end: 2017-04-20.
    expect(deadlineOfKind(corrected, 'protection-expiry').deadline.dueDate).toBe('2017-05-20');
    expect(deadlineOfKind(corrected, 'renewal-filing').deadline.dueDate).toBe('2017-04-20');
  });

  it('corrects a refugee-status certificate’s validUntil, which the rules read', () => {
    let state = happened(openedAs('RU', 'refugee-status'), 'application-lodged', '2016-01-11');
    state = happened(state, 'certificate-issued', '2016-02-01', { facts: { validUntil: '2016-05-01' } });
    expect(state.stage).toBe('under-consideration');
    const decision = attempt(state, 'correctFact', { eventId: 3, fact: 'validUntil', value: '2016-06-01', reason: 'end date misread' }, noon('2016-02-02'));
    if (!decision.ok) throw new Error(decision.reason);
    expect(nextStaleComputation(decision.state)).toEqual({
      eventId: 3,
      request: { jurisdiction: 'RU', procedure: 'refugee-status', event: 'certificate-issued', date: '2016-02-01', facts: { validUntil: '2016-06-01' } },
    });
  });

  it('refuses a value of the wrong type, a validUntil not after the event, a fact the event does not carry, and no change', () => {
    const state = granted();
    const now = noon('2016-06-01');
    const correct = (fact: string, value: unknown) => attempt(state, 'correctFact', { eventId: 3, fact, value, reason: 'x' }, now);
    expect(correct('validUntil', 'next May')).toEqual({ ok: false, reason: 'cannot correct a fact of an event: fact validUntil must be a date as YYYY-MM-DD' });
    expect(correct('validUntil', true)).toEqual({ ok: false, reason: 'cannot correct a fact of an event: fact validUntil must be a date as YYYY-MM-DD' });
    expect(correct('validUntil', '2016-05-26')).toEqual({ ok: false, reason: 'cannot correct a fact of an event: validUntil 2016-05-26 must be after 2016-05-26' });
    expect(correct('validUntil', '2016-01-01')).toEqual({ ok: false, reason: 'cannot correct a fact of an event: validUntil 2016-01-01 must be after 2016-05-26' });
    expect(correct('forum', 'court')).toEqual({
      ok: false,
      reason: 'cannot correct a fact of an event: protection granted carries no fact forum; it takes validUntil',
    });
    expect(correct('validUntil', '2017-05-25')).toEqual({ ok: false, reason: 'cannot correct a fact of an event: validUntil of event 3 is already 2017-05-25' });
    expect(attempt(state, 'correctFact', { eventId: 1, fact: 'validUntil', value: '2017-05-25', reason: 'x' }, now)).toEqual({
      ok: false,
      reason: 'cannot correct a fact of an event: event 1 (case-opened) carries no facts',
    });
  });

  it('refuses a correction after which the events would no longer fit the lifecycle', () => {
    let state = happened(refused(), 'complaint-filed', '2015-12-10', { facts: { forum: 'administrative' } });
    state = happened(state, 'final-refusal-notice-received', '2016-01-15');
    state = happened(state, 'complaint-filed', '2016-01-20', { facts: { forum: 'court' } });
    expect(attempt(state, 'correctFact', { eventId: 6, fact: 'forum', value: 'administrative', reason: 'x' }, noon('2016-01-21'))).toEqual({
      ok: false,
      reason:
        'cannot correct a fact of an event: with forum=administrative, event 6 would no longer fit: ' +
        'Once the complaint is refused, only a court challenge remains. (needs forum=court)',
    });
    const earlier = record(state, 'correctFact', { eventId: 4, fact: 'forum', value: 'court', reason: 'it went to court' }, noon('2016-01-21'));
    expect(earlier.events.find((event) => event.id === 4)).toMatchObject({ facts: { forum: 'court' } });
    expect(earlier).toMatchObject({ stage: 'complaint-pending', complaintForum: 'court' });
  });
});

describe('recordStay', () => {
  const REASON = 'Applicant-K in hospital, certificate from the clinic';

  /**
   * Events: 2 lodged 2015-11-02, 3 refusal received 2015-11-27, 4 complaint filed 2015-12-10,
   * 5 notice refusing the complaint received 2016-01-15 (its departure clock is the one in the RU pack that
   * stops for a case's stays), 6 stay 2016-01-16..2016-01-25.
   */
  function finallyRefused(): CaseState {
    const state = happened(refused(), 'complaint-filed', '2015-12-10', { facts: { forum: 'administrative' } });
    return happened(state, 'final-refusal-notice-received', '2016-01-15');
  }

  function stayed(): CaseState {
    return record(finallyRefused(), 'recordStay', { from: '2016-01-16', to: '2016-01-25', reason: REASON }, noon('2016-01-26'));
  }

  it('passes the stay as suspensions in the request of the events before its end whose clocks stop for it, without its reason', () => {
    let state = stayed();
    expect(state.events.at(-1)).toMatchObject({ id: 6, type: 'stay-recorded', from: '2016-01-16', to: '2016-01-25', reason: REASON });
    const suspensions = [{ from: '2016-01-16', to: '2016-01-25', reason: 'stay recorded on the case (event 6)' }];
    expect(state.computations.map((done) => [done.eventId, done.request.suspensions])).toEqual([
      // No clock these events start stops for a case's stay (RU pack): they are asked as before.
      [2, undefined],
      [3, undefined],
      [4, undefined],
      [5, suspensions],
    ]);
    // A later final refusal, received after the stay's end, is not stopped by it.
    state = happened(state, 'application-lodged', '2016-02-01');
    state = happened(state, 'refusal-notice-received', '2016-02-10');
    state = happened(state, 'complaint-filed', '2016-02-15', { facts: { forum: 'court' } });
    state = happened(state, 'final-refusal-notice-received', '2016-03-01');
    expect(state.computations.find((done) => done.eventId === 10)?.request).toEqual({
      jurisdiction: 'RU',
      procedure: 'temporary-asylum',
      event: 'final-refusal-notice-received',
      date: '2016-03-01',
    });
    expect(JSON.stringify(state.computations)).not.toMatch(/Applicant-K|hospital|clinic/);
    const register = state.outbox.flatMap((item) => (item.kind === 'register' ? [item.entry] : []));
    expect(register.map((entry) => entry.payload['type'])).toContain('stay-recorded');
    expect(JSON.stringify(register)).not.toMatch(/Applicant-K|hospital|clinic/);
  });

  it('makes the deadlines of the event it stops stale', () => {
    const decision = attempt(finallyRefused(), 'recordStay', { from: '2016-01-16', to: '2016-01-25', reason: REASON }, noon('2016-01-26'));
    if (!decision.ok) throw new Error(decision.reason);
    expect(nextStaleComputation(decision.state)).toEqual({
      eventId: 5,
      request: {
        jurisdiction: 'RU',
        procedure: 'temporary-asylum',
        event: 'final-refusal-notice-received',
        date: '2016-01-15',
        suspensions: [{ from: '2016-01-16', to: '2016-01-25', reason: 'stay recorded on the case (event 6)' }],
      },
    });
  });

  it('stops no clock once voided', () => {
    const state = record(stayed(), 'voidEvent', { eventId: 6, reason: 'entered in the wrong case' }, noon('2016-01-27'));
    expect(state.computations.map((done) => done.request.suspensions)).toEqual([undefined, undefined, undefined, undefined]);
    expect(state.stage).toBe('departure-period');
  });

  it('may run into the future, but not start there, nor end before it starts', () => {
    const state = happened(opened(), 'application-lodged', '2016-01-11');
    expect(attempt(state, 'recordStay', { from: '2016-02-01', to: '2016-03-31', reason: 'x' }, noon('2016-02-12')).ok).toBe(true);
    expect(attempt(state, 'recordStay', { from: '2016-02-20', to: '2016-03-31', reason: 'x' }, noon('2016-02-12'))).toEqual({
      ok: false,
      reason: 'cannot record a stay: 2016-02-20 is in the future',
    });
    expect(attempt(state, 'recordStay', { from: '2016-02-10', to: '2016-02-01', reason: 'x' }, noon('2016-02-12'))).toEqual({
      ok: false,
      reason: 'invalid recordStay input: to: the stay cannot end before it starts',
    });
  });
});

describe('waiveDeadline', () => {
  it('marks an open right as waived, after which it is neither reminded nor escalated', () => {
    // Refusal received 2015-11-27 (recorded 15:00): complaint due 2015-12-27; the 14-day reminder is 2015-12-13 09:00.
    let state = happened(lodged(), 'refusal-notice-received', '2015-11-27', { nowMs: at('2015-11-27T15:00') });
    state = runClock(state, at('2015-11-27T15:00'), at('2015-12-14T00:00'));
    expect(state.reminders.filter((sent) => sent.deadlineId === '3:test.complaint').map((sent) => sent.daysBefore)).toEqual([14]);
    state = record(state, 'waiveDeadline', { deadlineId: '3:test.complaint', reason: 'the applicant will not complain; new application instead' }, noon('2015-12-14'));
    expect(state.events.at(-1)).toMatchObject({ id: 4, type: 'deadline-waived', deadlineId: '3:test.complaint', dueDate: '2015-12-27' });
    expect(deadlineStatus(state, deadlineOfKind(state, 'complaint'), noon('2016-01-10'))).toEqual({
      status: 'waived',
      byEventId: 4,
      reason: 'the applicant will not complain; new application instead',
    });
    state = runClock(state, noon('2015-12-14'), at('2016-03-01T00:00'));
    expect(state.reminders.filter((sent) => sent.deadlineId === '3:test.complaint').map((sent) => sent.daysBefore)).toEqual([14]);
    expect(state.escalations).toEqual([]);
  });

  it('waives a missed right too, so it is not escalated', () => {
    const late = happened(lodged(), 'refusal-notice-received', '2015-11-27', { nowMs: noon('2016-01-10') });
    const state = record(late, 'waiveDeadline', { deadlineId: '3:test.complaint', reason: 'entered late; the right was not used' }, noon('2016-01-10'));
    expect(advance(state, noon('2016-01-11')).escalations).toEqual([]);
  });

  it('stays waived when a later refusal brings a complaint deadline of its own', () => {
    // Waived on 14 Dec; the new application (17 Dec) and its refusal (22 Dec) come after, and do not undo the waiver.
    let state = record(refused(), 'waiveDeadline', { deadlineId: '3:test.complaint', reason: 'new application instead' }, noon('2015-12-14'));
    state = happened(state, 'application-lodged', '2015-12-17');
    state = happened(state, 'refusal-notice-received', '2015-12-22');
    const first = state.deadlines.find((tracked) => tracked.id === '3:test.complaint');
    if (!first) throw new Error('the first complaint deadline is gone');
    expect(deadlineStatus(state, first, noon('2015-12-23'))).toMatchObject({ status: 'waived', byEventId: 4 });
  });

  it('refuses the authority’s deadlines, met ones, waived ones and unknown ones', () => {
    const now = noon('2015-12-11');
    expect(attempt(lodged(), 'waiveDeadline', { deadlineId: '2:test.decision-due', reason: 'x' }, noon('2015-11-03'))).toEqual({
      ok: false,
      reason: "cannot waive a deadline: deadline 2:test.decision-due is the authority's to meet; only the applicant's rights can be waived",
    });
    const complained = happened(refused(), 'complaint-filed', '2015-12-10', { facts: { forum: 'administrative' } });
    expect(attempt(complained, 'waiveDeadline', { deadlineId: '3:test.complaint', reason: 'x' }, now)).toEqual({
      ok: false,
      reason: 'cannot waive a deadline: deadline 3:test.complaint is met; only an open or missed one can be waived',
    });
    const waived = record(refused(), 'waiveDeadline', { deadlineId: '3:test.complaint', reason: 'x' }, now);
    expect(attempt(waived, 'waiveDeadline', { deadlineId: '3:test.complaint', reason: 'again' }, now)).toEqual({
      ok: false,
      reason: 'cannot waive a deadline: deadline 3:test.complaint is waived; only an open or missed one can be waived',
    });
    expect(attempt(refused(), 'waiveDeadline', { deadlineId: '9:nothing', reason: 'x' }, now)).toEqual({
      ok: false,
      reason: 'cannot waive a deadline: there is no deadline 9:nothing in this case',
    });
  });

  it('is undone by voiding the waiver', () => {
    let state = record(refused(), 'waiveDeadline', { deadlineId: '3:test.complaint', reason: 'x' }, noon('2015-12-01'));
    state = record(state, 'voidEvent', { eventId: 4, reason: 'waived by mistake' }, noon('2015-12-02'));
    expect(deadlineStatus(state, deadlineOfKind(state, 'complaint'), noon('2015-12-02'))).toEqual({ status: 'open' });
  });
});

describe('linkCase', () => {
  it('shows the linked case in the view', () => {
    const state = record(opened(), 'linkCase', { caseNumber: 'RU-RS-2016-0007', relation: 'parallel-procedure', note: 'refugee-status litigation' }, noon('2015-11-03'));
    expect(state.events.at(-1)).toMatchObject({ id: 2, type: 'case-linked', caseNumber: 'RU-RS-2016-0007', relation: 'parallel-procedure' });
    expect(caseView(state, noon('2015-11-03')).linkedCases).toEqual([{ caseNumber: 'RU-RS-2016-0007', relation: 'parallel-procedure', eventId: 2 }]);
  });

  it('refuses a link to the case itself, a duplicate, and a case number that is not one', () => {
    const now = noon('2015-11-04');
    const state = record(opened(), 'linkCase', { caseNumber: 'RU-RS-2016-0007', relation: 'parallel-procedure' }, noon('2015-11-03'));
    expect(attempt(state, 'linkCase', { caseNumber: 'RU-TA-2015-0042', relation: 'earlier-procedure' }, now)).toEqual({
      ok: false,
      reason: 'cannot link a related case: a case cannot be linked to itself',
    });
    expect(attempt(state, 'linkCase', { caseNumber: 'RU-RS-2016-0007', relation: 'family-member' }, now)).toEqual({
      ok: false,
      reason: 'cannot link a related case: case RU-RS-2016-0007 is already linked',
    });
    const named = attempt(state, 'linkCase', { caseNumber: 'Kim refugee case', relation: 'parallel-procedure' }, now);
    expect(!named.ok && named.reason).toMatch(/^invalid linkCase input: caseNumber: expected a case number/);
  });

  it('drops a voided link from the view, and allows linking again', () => {
    let state = record(opened(), 'linkCase', { caseNumber: 'RU-RS-2016-0007', relation: 'parallel-procedure' }, noon('2015-11-03'));
    state = record(state, 'voidEvent', { eventId: 2, reason: 'wrong number' }, noon('2015-11-04'));
    expect(caseView(state, noon('2015-11-04')).linkedCases).toEqual([]);
    state = record(state, 'linkCase', { caseNumber: 'RU-RS-2016-0007', relation: 'earlier-procedure' }, noon('2015-11-05'));
    expect(caseView(state, noon('2015-11-05')).linkedCases).toEqual([{ caseNumber: 'RU-RS-2016-0007', relation: 'earlier-procedure', eventId: 4 }]);
  });
});

describe('a new application leaves the right to complain running (real RU rules)', () => {
  /**
   * The founding case's third round with the real rule pack: refusal received 2016-01-26 (Tue); the
   * complaint period is one month (Law art. 10 p. 3), so it ends 2016-02-26, a Friday and a working day
   * in the 2016 production calendar (the days off in February are 20 (worked), 22 and 23): no roll-forward.
   * The fourth application, lodged 2016-01-28, does not end that right.
   */
  function thirdRound(): CaseState {
    const rules = computeDeadlines;
    let state = happened(opened(at('2016-01-10T10:00')), 'application-lodged', '2016-01-11', { rules });
    state = happened(state, 'refusal-notice-received', '2016-01-26', { rules });
    return happened(state, 'application-lodged', '2016-01-28', { rules });
  }

  it('keeps the complaint open after the new application, and misses it after 24:00 Moscow on 2016-02-26', () => {
    const state = thirdRound();
    const complaint = deadlineOfKind(state, 'complaint');
    expect(complaint).toMatchObject({ id: '3:ru-complaint', deadline: { dueDate: '2016-02-26', endsAt: '2016-02-26T21:00:00.000Z' } });
    expect(deadlineStatus(state, complaint, at('2016-02-26T23:59'))).toEqual({ status: 'open' });
    expect(deadlineStatus(state, complaint, at('2016-02-27T00:00'))).toEqual({ status: 'missed', since: '2016-02-26T21:00:00.000Z' });
    expect(advance(state, at('2016-02-27T01:00')).escalations.map((escalation) => [escalation.deadlineId, escalation.reason])).toContainEqual([
      '3:ru-complaint',
      'missed',
    ]);
  });

  it('is not missed once staff waive it', () => {
    const state = record(thirdRound(), 'waiveDeadline', { deadlineId: '3:ru-complaint', reason: 'new application preferred' }, noon('2016-01-29'));
    expect(deadlineStatus(state, deadlineOfKind(state, 'complaint'), at('2016-02-27T00:00'))).toMatchObject({ status: 'waived' });
    expect(advance(state, at('2016-02-27T01:00')).escalations.map((escalation) => escalation.deadlineId)).not.toContain('3:ru-complaint');
  });
});

describe('refusals leave the case untouched', () => {
  it('does not change the state it refuses', () => {
    const state = refused();
    const snapshot = JSON.stringify(state);
    tryEvent(state, 'complaint-filed', '2015-12-01');
    attempt(state, 'voidEvent', { eventId: 2, reason: 'x' }, noon('2015-12-01'));
    attempt(state, 'waiveDeadline', { deadlineId: '2:test.decision-due', reason: 'x' }, noon('2015-12-01'));
    attempt(state, 'correctFact', { eventId: 3, fact: 'decidedOn', value: '2015-12-01', reason: 'x' }, noon('2015-12-01'));
    expect(JSON.stringify(state)).toBe(snapshot);
  });
});
