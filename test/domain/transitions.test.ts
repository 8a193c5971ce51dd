import { type CaseState, type Facts, type FactValue, type Stage } from '../../src/domain';
import { lifecycleOf, type EventFact, type ProcedureLifecycle, type Transition } from '../../src/rules';
import { at, attempt, happened, noon, opened, openedAs, record, tryEvent } from './fixtures';
import { BUILT_IN_PROCEDURES } from '../support/procedures';

/**
 * The founding case's procedural path (public reporting; legal-basis.md §1), under a pseudonym and an
 * invented case number: three refused temporary-asylum applications, the fourth granted.
 */
function foundingCaseUpToGrant(): CaseState {
  let state = opened(at('2015-11-01T10:00'));
  state = happened(state, 'application-lodged', '2015-11-02');
  state = happened(state, 'refusal-notice-received', '2015-11-27');
  state = happened(state, 'application-lodged', '2015-12-17', { note: 'new country information' });
  state = happened(state, 'refusal-notice-received', '2015-12-22');
  state = happened(state, 'application-lodged', '2016-01-11');
  state = happened(state, 'refusal-notice-received', '2016-01-26');
  state = happened(state, 'application-lodged', '2016-01-28');
  return happened(state, 'protection-granted', '2016-05-26');
}

function lodged(): CaseState {
  return happened(opened(), 'application-lodged', '2015-11-02');
}

function refused(): CaseState {
  return happened(lodged(), 'refusal-notice-received', '2015-11-27');
}

describe('the case state machine (RU temporary asylum)', () => {
  it('carries any number of refusal and resubmission rounds, counting attempts 1 to 4', () => {
    const state = foundingCaseUpToGrant();
    expect(state).toMatchObject({ stage: 'granted', attempt: 4 });
    const lodgings = state.events.filter((event) => event.type === 'application-lodged');
    expect(lodgings.map((event) => 'attempt' in event && event.attempt)).toEqual([1, 2, 3, 4]);
    expect(lodgings.map((event) => 'on' in event && event.on)).toEqual(['2015-11-02', '2015-12-17', '2016-01-11', '2016-01-28']);
    expect(lodgings[1]).toMatchObject({ note: 'new country information' });
    expect(state.events.filter((event) => event.type === 'refusal-notice-received')).toHaveLength(3);
  });

  it('keeps the attempt number between applications: a refusal does not count one', () => {
    let state = lodged();
    expect(state).toMatchObject({ stage: 'lodged', attempt: 1 });
    state = happened(state, 'refusal-notice-received', '2015-11-27');
    expect(state).toMatchObject({ stage: 'refused', attempt: 1 });
    state = happened(state, 'application-lodged', '2015-12-17');
    expect(state).toMatchObject({ stage: 'lodged', attempt: 2 });
  });

  it('renews: granted, renewal filed, extended, renewal filed again, renewal refused and challenged', () => {
    let state = foundingCaseUpToGrant();
    state = happened(state, 'renewal-filed', '2017-04-10');
    expect(state.stage).toBe('renewal-filed');
    state = happened(state, 'protection-extended', '2017-05-20');
    expect(state.stage).toBe('extended');
    state = happened(state, 'renewal-filed', '2018-04-10');
    expect(state.stage).toBe('renewal-filed');
    state = happened(state, 'renewal-refusal-notice-received', '2018-05-02');
    expect(state.stage).toBe('renewal-refused');
    state = happened(state, 'complaint-filed', '2018-05-20', { facts: { forum: 'administrative' } });
    expect(state).toMatchObject({ stage: 'complaint-pending', complaintForum: 'administrative', attempt: 4 });
  });

  it('goes from a final refusal to the departure period, where only a court complaint is accepted', () => {
    let state = happened(refused(), 'complaint-filed', '2015-12-10', { facts: { forum: 'administrative' } });
    expect(state).toMatchObject({ stage: 'complaint-pending', complaintForum: 'administrative' });
    state = happened(state, 'final-refusal-notice-received', '2016-01-15');
    expect(state.stage).toBe('departure-period');

    const administrative = tryEvent(state, 'complaint-filed', '2016-01-16', { forum: 'administrative' });
    expect(administrative).toEqual({
      ok: false,
      reason: 'cannot record complaint or appeal filed: Once the complaint is refused, only a court challenge remains. (needs forum=court)',
    });
    const noForum = tryEvent(state, 'complaint-filed', '2016-01-16');
    expect(noForum).toEqual(administrative);

    state = happened(state, 'complaint-filed', '2016-01-16', { facts: { forum: 'court' } });
    expect(state).toMatchObject({ stage: 'complaint-pending', complaintForum: 'court' });
  });

  it('goes from an overturned refusal back to the authority, which may then grant', () => {
    let state = happened(refused(), 'complaint-filed', '2015-12-10', { facts: { forum: 'court' } });
    state = happened(state, 'refusal-overturned', '2016-03-01');
    expect(state.stage).toBe('awaiting-decision');
    state = happened(state, 'protection-granted', '2016-04-01');
    expect(state.stage).toBe('granted');
  });

  it('closes from any open stage, and then accepts nothing more', () => {
    let state = foundingCaseUpToGrant();
    state = record(state, 'closeCase', { reason: 'other-status', closedOn: '2016-07-01' }, noon('2016-07-01'));
    expect(state).toMatchObject({ stage: 'closed', closure: { reason: 'other-status', on: '2016-07-01' } });
    const later = noon('2016-07-02');
    const closed = 'case RU-TA-2015-0042 is closed';
    expect(tryEvent(state, 'renewal-filed', '2016-07-02')).toEqual({ ok: false, reason: `cannot record application to extend filed: ${closed}` });
    expect(attempt(state, 'reassign', { caseworker: 'cw-0200' }, later)).toEqual({ ok: false, reason: `cannot reassign the case: ${closed}` });
    expect(attempt(state, 'voidEvent', { eventId: 9, reason: 'x' }, later)).toEqual({ ok: false, reason: `cannot void an event: ${closed}` });
    expect(attempt(state, 'linkCase', { caseNumber: 'RU-RS-2016-0007', relation: 'parallel-procedure' }, later)).toEqual({
      ok: false,
      reason: `cannot link a related case: ${closed}`,
    });
    expect(attempt(state, 'recordStay', { from: '2016-07-01', to: '2016-07-02', reason: 'x' }, later)).toEqual({ ok: false, reason: `cannot record a stay: ${closed}` });
    expect(attempt(state, 'closeCase', { reason: 'withdrawn', closedOn: '2016-07-02' }, later)).toEqual({ ok: false, reason: `cannot close the case: ${closed}` });
  });
});

describe('recordEvent refuses what the procedure does not allow, saying why, and changes nothing', () => {
  it('refuses an event that is not in the procedure, naming the procedure and its events', () => {
    expect(tryEvent(lodged(), 'decision-served', '2015-11-20')).toEqual({
      ok: false,
      reason:
        'cannot record decision-served: "decision-served" is not an event of RU/temporary-asylum; its events are application-lodged, ' +
        'refusal-notice-received, complaint-filed, final-refusal-notice-received, refusal-overturned, protection-granted, renewal-filed, ' +
        'protection-extended, renewal-refusal-notice-received, protection-withdrawal-notice-received',
    });
  });

  it('refuses an event in a stage that does not allow it, naming the stages that do', () => {
    expect(tryEvent(lodged(), 'renewal-filed', '2015-11-20')).toEqual({
      ok: false,
      reason: 'cannot record application to extend filed while the case is lodged; only when it is granted or extended',
    });
    expect(tryEvent(opened(), 'complaint-filed', '2015-11-20', { forum: 'court' })).toEqual({
      ok: false,
      reason:
        'cannot record complaint or appeal filed while the case is opened; ' +
        'only when it is refused or renewal-refused or protection-withdrawn or departure-period',
    });
  });

  it('refuses a fact the event does not carry', () => {
    expect(tryEvent(lodged(), 'refusal-notice-received', '2015-11-20', { validUntil: '2016-11-20' })).toEqual({
      ok: false,
      reason: 'cannot record written refusal notice received: written refusal notice received carries no fact validUntil; it takes decidedOn',
    });
    expect(tryEvent(opened(), 'application-lodged', '2015-11-02', { forum: 'court' })).toEqual({
      ok: false,
      reason: 'cannot record application lodged: application lodged carries no fact forum; it takes none',
    });
  });

  it('refuses a fact of the wrong type', () => {
    expect(tryEvent(lodged(), 'protection-granted', '2015-11-20', { validUntil: 'next year' })).toEqual({
      ok: false,
      reason: 'cannot record protection granted: fact validUntil must be a date as YYYY-MM-DD',
    });
    expect(tryEvent(refused(), 'complaint-filed', '2015-12-01', { forum: 'tribunal' })).toEqual({
      ok: false,
      reason: 'cannot record complaint or appeal filed: fact forum must be one of administrative, court',
    });
    expect(tryEvent(refused(), 'complaint-filed', '2015-12-01', { forum: true })).toEqual({
      ok: false,
      reason: 'cannot record complaint or appeal filed: fact forum must be one of administrative, court',
    });
  });

  it('refuses a complaint without its forum', () => {
    expect(tryEvent(refused(), 'complaint-filed', '2015-12-01')).toEqual({
      ok: false,
      reason: 'cannot record complaint or appeal filed: fact forum is required here',
    });
  });

  it('refuses a grant whose stated end is not after the grant, and a decision dated after its notice', () => {
    expect(tryEvent(lodged(), 'protection-granted', '2015-11-20', { validUntil: '2015-11-20' })).toEqual({
      ok: false,
      reason: 'cannot record protection granted: validUntil 2015-11-20 must be after 2015-11-20',
    });
    expect(tryEvent(lodged(), 'refusal-notice-received', '2015-11-20', { decidedOn: '2015-11-21' }, at('2015-11-21T12:00'))).toEqual({
      ok: false,
      reason: 'cannot record written refusal notice received: decidedOn 2015-11-21 cannot be after 2015-11-20',
    });
  });

  it('refuses a date in the future', () => {
    expect(tryEvent(lodged(), 'refusal-notice-received', '2015-12-01', undefined, at('2015-11-20T12:00'))).toEqual({
      ok: false,
      reason: 'cannot record written refusal notice received: 2015-12-01 is in the future',
    });
  });

  it('refuses a date before the last recorded event', () => {
    expect(tryEvent(lodged(), 'refusal-notice-received', '2015-10-30', undefined, at('2015-11-20T12:00'))).toEqual({
      ok: false,
      reason: 'cannot record written refusal notice received: 2015-10-30 is before the last recorded event, application lodged on 2015-11-02 (event 2)',
    });
  });

  it('refuses input that does not fit recordEvent, naming the field', () => {
    expect(attempt(lodged(), 'recordEvent', { event: 'refusal-notice-received', on: '27.11.2015' }, noon('2015-11-27'))).toEqual({
      ok: false,
      reason: 'invalid recordEvent input: on: expected a date as YYYY-MM-DD',
    });
    const named = attempt(lodged(), 'reassign', { caseworker: 'Ivan Petrov' }, noon('2015-11-03'));
    expect(!named.ok && named.reason).toMatch(/caseworker: expected a staff id/);
  });

  it('refuses acknowledging a reminder that was never sent, and reassigning to the same person', () => {
    expect(attempt(lodged(), 'acknowledgeReminder', { reminderId: 'x' }, noon('2015-11-03'))).toEqual({
      ok: false,
      reason: 'cannot acknowledge a reminder: no reminder x was sent in this case',
    });
    expect(attempt(lodged(), 'reassign', { caseworker: 'cw-0142' }, noon('2015-11-03'))).toEqual({
      ok: false,
      reason: 'cannot reassign the case: the case is already assigned to cw-0142 at moscow-1',
    });
  });

  it('leaves the state untouched when refusing', () => {
    const state = lodged();
    const snapshot = JSON.stringify(state);
    expect(tryEvent(state, 'renewal-filed', '2015-11-05').ok).toBe(false);
    expect(tryEvent(state, 'refusal-notice-received', '2099-01-01', undefined, noon('2015-11-05')).ok).toBe(false);
    expect(tryEvent(state, 'complaint-filed', '2015-11-05', { forum: 'court' }).ok).toBe(false);
    expect(JSON.stringify(state)).toBe(snapshot);
  });
});

/** A value of the fact's type that the event accepts on 2016-03-01 (a date fact lies after it). */
function sampleValue(fact: EventFact): FactValue {
  if (fact.type === 'boolean') return true;
  if (fact.type === 'enum') return fact.values?.[0] ?? 'x';
  return '2017-03-01';
}

/** The facts a move needs: those it requires, and the values its conditions name. */
function factsFor(lifecycle: ProcedureLifecycle, transition: Transition): Facts {
  const event = lifecycle.events.find((entry) => entry.event === transition.event);
  const facts: Facts = {};
  for (const name of transition.requires) {
    const fact = event?.facts.find((candidate) => candidate.name === name);
    if (!fact) throw new Error(`${transition.event} does not carry ${name}`);
    facts[name] = sampleValue(fact);
  }
  for (const condition of transition.when) facts[condition.fact] = condition.equals;
  return facts;
}

const PROCEDURES = BUILT_IN_PROCEDURES;

describe('every procedure takes each event exactly in the stages its lifecycle table allows', () => {
  const cases = PROCEDURES.flatMap(([jurisdiction, procedure]) => {
    const lifecycle = lifecycleOf(jurisdiction, procedure);
    return lifecycle.transitions.map((transition, index) => ({
      name: `${jurisdiction}/${procedure} #${index}: ${transition.event} from ${transition.from.join('|')} to ${transition.to}`,
      jurisdiction,
      procedure,
      lifecycle,
      transition,
    }));
  });

  it('covers all five procedures', () => {
    expect(new Set(cases.map((entry) => `${entry.jurisdiction}/${entry.procedure}`)).size).toBe(5);
  });

  it.each(cases)('$name', ({ jurisdiction, procedure, lifecycle, transition }) => {
    const facts = factsFor(lifecycle, transition);
    const accepts = (stage: Stage) =>
      lifecycle.transitions.some(
        (move) => move.event === transition.event && move.from.includes(stage) && move.when.every((condition) => facts[condition.fact] === condition.equals),
      );
    const outcomes: Array<[Stage, string]> = [];
    const expected: Array<[Stage, string]> = [];
    for (const stage of lifecycle.stages.filter((candidate) => candidate !== 'closed')) {
      const state: CaseState = { ...openedAs(jurisdiction, procedure), stage, attempt: 1 };
      const decision = tryEvent(state, transition.event, '2016-03-01', facts);
      outcomes.push([stage, decision.ok ? `-> ${decision.state.stage} attempt ${decision.state.attempt}` : 'refused']);
      if (transition.from.includes(stage)) expected.push([stage, `-> ${transition.to} attempt ${transition.countsAttempt ? 2 : 1}`]);
      else if (accepts(stage)) expected.push(outcomes.at(-1) as [Stage, string]); // another move of the same event: its own case
      else expected.push([stage, 'refused']);
      if (!decision.ok && !accepts(stage)) {
        const elsewhere = lifecycle.transitions.some((move) => move.event === transition.event && move.from.includes(stage));
        expect(decision.reason).toContain(elsewhere ? 'needs ' : ` while the case is ${stage}; only when it is `);
      }
    }
    expect(outcomes).toEqual(expected);
  });
});

describe('the legacy update names still decide exactly as before', () => {
  const legacy: Array<[string, () => CaseState, string, Record<string, unknown>, Record<string, unknown>]> = [
    ['recordApplicationLodged', opened, 'recordApplicationLodged', { lodgedOn: '2015-11-02' }, { type: 'application-lodged', on: '2015-11-02', attempt: 1 }],
    [
      'recordDecision grant',
      lodged,
      'recordDecision',
      { decision: 'grant', grantedOn: '2016-05-26', validUntil: '2017-05-25' },
      { type: 'protection-granted', on: '2016-05-26', facts: { validUntil: '2017-05-25' } },
    ],
    [
      'recordDecision refusal',
      lodged,
      'recordDecision',
      { decision: 'refusal', noticeReceivedOn: '2015-11-27', decidedOn: '2015-11-20' },
      { type: 'refusal-notice-received', on: '2015-11-27', facts: { decidedOn: '2015-11-20' } },
    ],
    [
      'recordComplaintFiled',
      refused,
      'recordComplaintFiled',
      { filedOn: '2015-12-10', forum: 'court' },
      { type: 'complaint-filed', on: '2015-12-10', facts: { forum: 'court' } },
    ],
    [
      'recordNewApplication',
      refused,
      'recordNewApplication',
      { lodgedOn: '2015-12-17', changedCircumstances: 'new country report' },
      { type: 'application-lodged', on: '2015-12-17', attempt: 2, note: 'new country report' },
    ],
  ];

  it.each(legacy)('%s reads as the recordEvent it meant', (_title, before, name, input, event) => {
    const on = String(event.on);
    const viaLegacy = record(before(), name as 'recordDecision', input, noon(on));
    expect(viaLegacy.events.at(-1)).toEqual({ ...event, id: viaLegacy.events.length, actor: 'cw-0142', recordedAt: new Date(noon(on)).toISOString() });
    const facts = event.facts as Facts | undefined;
    const viaEvent = happened(before(), String(event.type), on, { ...(facts ? { facts } : {}), ...(event.note ? { note: String(event.note) } : {}) });
    expect({ stage: viaLegacy.stage, attempt: viaLegacy.attempt, events: viaLegacy.events, deadlines: viaLegacy.deadlines }).toEqual({
      stage: viaEvent.stage,
      attempt: viaEvent.attempt,
      events: viaEvent.events,
      deadlines: viaEvent.deadlines,
    });
  });

  it('records a grant with its stated end as protection-granted carrying facts.validUntil', () => {
    const state = record(lodged(), 'recordDecision', { decision: 'grant', grantedOn: '2016-05-26', validUntil: '2017-05-25' }, noon('2016-05-26'));
    expect(state.stage).toBe('granted');
    expect(state.events.at(-1)).toMatchObject({ type: 'protection-granted', on: '2016-05-26', facts: { validUntil: '2017-05-25' } });
  });

  it('records an upheld refusal as final-refusal-notice-received, and an overturned one as refusal-overturned', () => {
    const pending = happened(refused(), 'complaint-filed', '2015-12-10', { facts: { forum: 'administrative' } });
    const upheld = record(pending, 'recordComplaintOutcome', { outcome: 'refusal-upheld', on: '2016-01-15' }, noon('2016-01-15'));
    expect(upheld.stage).toBe('departure-period');
    expect(upheld.events.at(-1)).toMatchObject({ type: 'final-refusal-notice-received', on: '2016-01-15' });
    const overturned = record(pending, 'recordComplaintOutcome', { outcome: 'refusal-overturned', on: '2016-01-15' }, noon('2016-01-15'));
    expect(overturned.stage).toBe('awaiting-decision');
    expect(overturned.events.at(-1)).toMatchObject({ type: 'refusal-overturned', on: '2016-01-15' });
  });

  it('renews through the legacy renewal updates', () => {
    let state = record(lodged(), 'recordDecision', { decision: 'grant', grantedOn: '2016-05-26' }, noon('2016-05-26'));
    state = record(state, 'recordRenewalFiled', { filedOn: '2017-04-10' }, noon('2017-04-10'));
    state = record(state, 'recordRenewalDecision', { decision: 'extended', decidedOn: '2017-05-20', validUntil: '2018-05-26' }, noon('2017-05-20'));
    expect(state.events.at(-1)).toMatchObject({ type: 'protection-extended', facts: { validUntil: '2018-05-26' } });
    state = record(state, 'recordRenewalFiled', { filedOn: '2018-04-10' }, noon('2018-04-10'));
    state = record(state, 'recordRenewalDecision', { decision: 'refused', noticeReceivedOn: '2018-05-02' }, noon('2018-05-02'));
    expect(state.stage).toBe('renewal-refused');
    expect(state.events.at(-1)).toMatchObject({ type: 'renewal-refusal-notice-received', on: '2018-05-02' });
  });

  it('still names the legacy field in a refusal of its input', () => {
    expect(attempt(lodged(), 'recordDecision', { decision: 'grant', grantedOn: '26.05.2016' }, noon('2016-05-26'))).toEqual({
      ok: false,
      reason: 'invalid recordDecision input: grantedOn: expected a date as YYYY-MM-DD',
    });
  });
});

describe('reassignment', () => {
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
