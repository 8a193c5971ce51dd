import { deadlineRequestFor, nextStaleComputation, upgradeState, type CaseEvent, type CaseState } from '../../src/domain';
import { happened, opened } from './fixtures';

/**
 * States carried over from runs recorded before the lifecycle tables held procedure events in the old
 * shapes: facts as fields of their own (validUntil, decidedOn, forum), the complaint's failure as
 * `refusal-upheld`, and a resubmission's reasons as `changedCircumstances`.
 */

/** A case through every old shape: refused, complaint refused (upheld), resubmitted, granted, extended. */
function todaysCase(): CaseState {
  let state = happened(opened(), 'application-lodged', '2015-11-02');
  state = happened(state, 'refusal-notice-received', '2015-11-27', { facts: { decidedOn: '2015-11-20' } });
  state = happened(state, 'complaint-filed', '2015-12-10', { facts: { forum: 'administrative' } });
  state = happened(state, 'final-refusal-notice-received', '2016-01-15');
  state = happened(state, 'application-lodged', '2016-01-28', { note: 'new country report' });
  state = happened(state, 'protection-granted', '2016-05-26', { facts: { validUntil: '2017-05-25' } });
  state = happened(state, 'renewal-filed', '2017-04-10');
  return happened(state, 'protection-extended', '2017-05-20', { facts: { validUntil: '2018-05-25' } });
}

/** The same events as the old domain stored them. */
function asRecordedBefore(event: CaseEvent): CaseEvent {
  const old: Record<string, unknown> = { ...event };
  const facts = (old.facts ?? {}) as Record<string, unknown>;
  delete old.facts;
  if (event.type === 'final-refusal-notice-received') Object.assign(old, { type: 'refusal-upheld', forum: 'administrative' });
  if (event.type === 'application-lodged' && 'note' in event) {
    old.changedCircumstances = event.note;
    delete old.note;
  }
  return { ...old, ...facts } as unknown as CaseEvent;
}

function legacyState(): CaseState {
  const state = todaysCase();
  return { ...state, events: state.events.map(asRecordedBefore) };
}

describe('upgradeState', () => {
  it('reads a legacy state into today’s shape', () => {
    const legacy = legacyState();
    expect(legacy.events.map((event) => event.type)).toContain('refusal-upheld');
    expect(legacy.events[6]).toMatchObject({ type: 'protection-granted', validUntil: '2017-05-25' });

    const upgraded = upgradeState(legacy);
    const today = todaysCase().events;
    // Except that the upheld refusal keeps the forum it carried (next test), the events are as recorded today.
    expect(upgraded.events.map((event, index) => (index === 4 ? today[4] : event))).toEqual(today);
    expect(upgraded.events[2]).toMatchObject({ type: 'refusal-notice-received', facts: { decidedOn: '2015-11-20' } });
    expect(upgraded.events[3]).toMatchObject({ type: 'complaint-filed', facts: { forum: 'administrative' } });
    expect(upgraded.events[5]).toMatchObject({ type: 'application-lodged', attempt: 2, note: 'new country report' });
    expect(upgraded.events[5]).not.toHaveProperty('changedCircumstances');
    expect(upgraded.events[6]).toEqual(expect.objectContaining({ type: 'protection-granted', facts: { validUntil: '2017-05-25' } }));
    expect(upgraded.events[6]).not.toHaveProperty('validUntil');
  });

  it('keeps the upheld refusal’s forum as a fact', () => {
    // Old `refusal-upheld` events carried the forum of the complaint they answered; the rules never read it.
    expect(upgradeState(legacyState()).events[4]).toMatchObject({ type: 'final-refusal-notice-received', on: '2016-01-15', facts: { forum: 'administrative' } });
  });

  it('yields the deadline requests the old domain asked for, so nothing is recomputed', () => {
    const upgraded = upgradeState(legacyState());
    const base = { jurisdiction: 'RU', procedure: 'temporary-asylum' };
    // Written out as the old domain built them: only a grant's or extension's stated end (and the end
    // of the period an extension extends: the grant's 2017-05-25) travelled; a refusal's decision date
    // and a complaint's forum never did; `refusal-upheld` was asked as final-refusal-notice-received.
    expect(upgraded.events.map((event) => deadlineRequestFor(upgraded, event))).toEqual([
      undefined,
      { ...base, event: 'application-lodged', date: '2015-11-02' },
      { ...base, event: 'refusal-notice-received', date: '2015-11-27' },
      { ...base, event: 'complaint-filed', date: '2015-12-10' },
      { ...base, event: 'final-refusal-notice-received', date: '2016-01-15' },
      { ...base, event: 'application-lodged', date: '2016-01-28' },
      { ...base, event: 'protection-granted', date: '2016-05-26', facts: { validUntil: '2017-05-25' } },
      { ...base, event: 'renewal-filed', date: '2017-04-10' },
      { ...base, event: 'protection-extended', date: '2017-05-20', facts: { validUntil: '2018-05-25', previousValidUntil: '2017-05-25' } },
    ]);
    expect(nextStaleComputation(upgraded)).toBeUndefined();
  });

  it('leaves a state already in today’s shape as it is', () => {
    const state = todaysCase();
    expect(upgradeState(state)).toBe(state);
  });
});
