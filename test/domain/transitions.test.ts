import { ALLOWED_STAGES, COMMAND_INPUTS, STAGES, type CaseState, type CommandName, type Stage } from '../../src/domain';
import { at, attempt, opened, record } from './fixtures';

/** The founding case's procedural path (public reporting), under a pseudonym and an invented case number. */
function foundingCaseUpToGrant(): CaseState {
  let state = opened(at('2015-11-01T10:00'));
  state = record(state, 'recordApplicationLodged', { lodgedOn: '2015-11-02' }, at('2015-11-02T12:00'));
  state = record(state, 'recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-11-27' }, at('2015-11-27T15:00'));
  state = record(state, 'recordNewApplication', { lodgedOn: '2015-12-17' }, at('2015-12-17T11:00'));
  state = record(state, 'recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-12-22' }, at('2015-12-22T16:00'));
  state = record(state, 'recordNewApplication', { lodgedOn: '2016-01-11' }, at('2016-01-11T10:00'));
  state = record(state, 'recordDecision', { decision: 'refusal', noticeReceivedOn: '2016-01-26' }, at('2016-01-26T10:00'));
  state = record(state, 'recordNewApplication', { lodgedOn: '2016-01-28' }, at('2016-01-28T10:00'));
  return record(state, 'recordDecision', { decision: 'grant', grantedOn: '2016-05-26' }, at('2016-05-26T14:00'));
}

describe('the case state machine', () => {
  it('carries any number of refusal and resubmission rounds, keeping the attempt number', () => {
    const state = foundingCaseUpToGrant();
    expect(state.stage).toBe('granted');
    expect(state.attempt).toBe(4);
    const lodged = state.events.filter((event) => event.type === 'application-lodged');
    expect(lodged.map((event) => event.type === 'application-lodged' && event.attempt)).toEqual([1, 2, 3, 4]);
    expect(state.events.filter((event) => event.type === 'refusal-notice-received')).toHaveLength(3);
  });

  it('renews: granted, renewal filed, extended, renewal filed again', () => {
    let state = foundingCaseUpToGrant();
    state = record(state, 'recordRenewalFiled', { filedOn: '2017-04-10' }, at('2017-04-10T10:00'));
    expect(state.stage).toBe('renewal-filed');
    state = record(state, 'recordRenewalDecision', { decision: 'extended', decidedOn: '2017-05-20' }, at('2017-05-20T10:00'));
    expect(state.stage).toBe('extended');
    state = record(state, 'recordRenewalFiled', { filedOn: '2018-04-10' }, at('2018-04-10T10:00'));
    expect(state.stage).toBe('renewal-filed');
    state = record(state, 'recordRenewalDecision', { decision: 'refused', noticeReceivedOn: '2018-05-02' }, at('2018-05-02T10:00'));
    expect(state.stage).toBe('renewal-refused');
  });

  it('goes from an upheld refusal to the departure period, and from an overturned one back to the authority', () => {
    let state = opened();
    state = record(state, 'recordApplicationLodged', { lodgedOn: '2015-11-02' }, at('2015-11-02T12:00'));
    state = record(state, 'recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-11-27' }, at('2015-11-27T15:00'));
    state = record(state, 'recordComplaintFiled', { filedOn: '2015-12-10', forum: 'administrative' }, at('2015-12-10T10:00'));
    expect(state).toMatchObject({ stage: 'complaint-pending', complaintForum: 'administrative' });
    state = record(state, 'recordComplaintOutcome', { outcome: 'refusal-upheld', on: '2016-01-15' }, at('2016-01-15T10:00'));
    expect(state.stage).toBe('departure-period');

    const adminAgain = attempt(state, 'recordComplaintFiled', { filedOn: '2016-01-16', forum: 'administrative' }, at('2016-01-16T10:00'));
    expect(adminAgain).toEqual({ ok: false, reason: expect.stringMatching(/only a court appeal/) });

    state = record(state, 'recordComplaintFiled', { filedOn: '2016-01-16', forum: 'court' }, at('2016-01-16T10:00'));
    state = record(state, 'recordComplaintOutcome', { outcome: 'refusal-overturned', on: '2016-03-01' }, at('2016-03-01T10:00'));
    expect(state.stage).toBe('awaiting-decision');
    state = record(state, 'recordDecision', { decision: 'grant', grantedOn: '2016-04-01' }, at('2016-04-01T10:00'));
    expect(state.stage).toBe('granted');
  });

  it('closes from any open stage, and then accepts nothing more', () => {
    let state = foundingCaseUpToGrant();
    state = record(state, 'closeCase', { reason: 'other-status', closedOn: '2016-07-01' }, at('2016-07-01T10:00'));
    expect(state).toMatchObject({ stage: 'closed', closure: { reason: 'other-status', on: '2016-07-01' } });
    const afterwards = attempt(state, 'reassign', { caseworker: 'cw-0200' }, at('2016-07-02T10:00'));
    expect(afterwards).toEqual({ ok: false, reason: 'cannot reassign the case: case RU-TA-2015-0042 is closed' });
  });

  describe('allows each stage-bound command exactly in its stages', () => {
    const sampleInputs: Record<CommandName, Record<string, unknown>> = {
      recordApplicationLodged: { lodgedOn: '2015-11-10' },
      recordDecision: { decision: 'refusal', noticeReceivedOn: '2015-11-10' },
      recordComplaintFiled: { filedOn: '2015-11-10', forum: 'court' },
      recordComplaintOutcome: { outcome: 'refusal-upheld', on: '2015-11-10' },
      recordNewApplication: { lodgedOn: '2015-11-10' },
      recordRenewalFiled: { filedOn: '2015-11-10' },
      recordRenewalDecision: { decision: 'extended', decidedOn: '2015-11-10' },
      correctEventDate: { eventId: 1, correctedDate: '2015-11-10', reason: 'typo' },
      acknowledgeReminder: { reminderId: 'none' },
      reassign: { caseworker: 'cw-0200' },
      closeCase: { reason: 'withdrawn', closedOn: '2015-11-10' },
    };
    const stageBound = Object.entries(ALLOWED_STAGES) as [CommandName, readonly Stage[]][];
    it.each(stageBound.flatMap(([name, allowed]) => STAGES.filter((stage) => stage !== 'closed').map((stage) => [name, stage, allowed.includes(stage)] as const)))(
      '%s in stage %s: allowed=%s',
      (name, stage, allowed) => {
        const state: CaseState = { ...opened(), stage };
        const decision = attempt(state, name, sampleInputs[name], at('2015-11-10T12:00'));
        expect(decision.ok).toBe(allowed);
        if (!decision.ok) expect(decision.reason).toContain(`while the case is ${stage}`);
      },
    );

    it('has a sample for every command', () => {
      expect(Object.keys(sampleInputs).sort()).toEqual(Object.keys(COMMAND_INPUTS).sort());
    });
  });
});

describe('rejections say what was wrong and change nothing', () => {
  const lodged = () => record(opened(), 'recordApplicationLodged', { lodgedOn: '2015-11-02' }, at('2015-11-02T12:00'));

  it('rejects input that does not fit the command, naming the field', () => {
    const decision = attempt(lodged(), 'recordDecision', { decision: 'grant', grantedOn: '26.05.2016' }, at('2016-05-26T12:00'));
    expect(decision).toEqual({ ok: false, reason: 'invalid recordDecision input: grantedOn: expected a date as YYYY-MM-DD' });
  });

  it('rejects a staff id that looks like a name', () => {
    const decision = attempt(lodged(), 'reassign', { caseworker: 'Ivan Petrov' }, at('2015-11-03T12:00'));
    expect(decision.ok).toBe(false);
    expect(!decision.ok && decision.reason).toMatch(/caseworker: expected a staff id/);
  });

  it('rejects a date in the future', () => {
    const decision = attempt(lodged(), 'recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-12-01' }, at('2015-11-20T12:00'));
    expect(decision).toEqual({ ok: false, reason: 'cannot record a decision on an application: 2015-12-01 is in the future' });
  });

  it('rejects a date before the last recorded event', () => {
    const decision = attempt(lodged(), 'recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-10-30' }, at('2015-11-20T12:00'));
    expect(decision).toEqual({
      ok: false,
      reason: 'cannot record a decision on an application: 2015-10-30 is before the last recorded event, application lodged on 2015-11-02 (event 2)',
    });
  });

  it('rejects a grant whose stated end is not after the grant', () => {
    const decision = attempt(lodged(), 'recordDecision', { decision: 'grant', grantedOn: '2015-11-20', validUntil: '2015-11-20' }, at('2015-11-20T12:00'));
    expect(decision).toEqual({ ok: false, reason: 'invalid recordDecision input: validUntil: validUntil must be after grantedOn' });
  });

  it('rejects acknowledging a reminder that was never sent, and reassigning to the same person', () => {
    expect(attempt(lodged(), 'acknowledgeReminder', { reminderId: 'x' }, at('2015-11-03T12:00'))).toEqual({
      ok: false,
      reason: 'cannot acknowledge a reminder: no reminder x was sent in this case',
    });
    expect(attempt(lodged(), 'reassign', { caseworker: 'cw-0142' }, at('2015-11-03T12:00'))).toEqual({
      ok: false,
      reason: 'cannot reassign the case: the case is already assigned to cw-0142 at moscow-1',
    });
  });

  it('leaves the state untouched when rejecting', () => {
    const state = lodged();
    const snapshot = JSON.stringify(state);
    attempt(state, 'recordRenewalFiled', { filedOn: '2015-11-05' }, at('2015-11-05T12:00'));
    attempt(state, 'recordDecision', { decision: 'refusal', noticeReceivedOn: '2099-01-01' }, at('2015-11-05T12:00'));
    expect(JSON.stringify(state)).toBe(snapshot);
  });
});

describe('reassignment and acknowledgement', () => {
  it('moves the case to another caseworker and office, recording who did it', () => {
    const state = record(opened(), 'reassign', { actor: 'sup-01', caseworker: 'cw-0200', office: 'moscow-2' }, at('2015-11-03T12:00'));
    expect(state).toMatchObject({ caseworker: 'cw-0200', office: 'moscow-2' });
    expect(state.events.at(-1)).toMatchObject({
      type: 'case-reassigned',
      actor: 'sup-01',
      from: { office: 'moscow-1', caseworker: 'cw-0142' },
      to: { office: 'moscow-2', caseworker: 'cw-0200' },
      recordedAt: new Date(at('2015-11-03T12:00')).toISOString(),
    });
  });
});
