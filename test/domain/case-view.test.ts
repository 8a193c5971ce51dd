import { caseIndexValues, caseSummary, caseView, markDelivered, markUndeliverable, openCaseInputSchema, parseWith } from '../../src/domain';
import { at, happened, OPEN_INPUT, opened, record } from './fixtures';

describe('opening a case', () => {
  it('starts in the opened stage with no application yet, and queues the opening for the register', () => {
    const state = opened(at('2015-11-01T10:00'));
    expect(state).toMatchObject({ caseId: 'case-RU-TA-2015-0042', stage: 'opened', attempt: 0, reminderPolicy: { offsetsDays: [30, 14, 7, 3, 1, 0], localTime: '09:00' } });
    expect(state.events).toEqual([
      { id: 1, type: 'case-opened', actor: 'cw-0142', recordedAt: '2015-11-01T07:00:00.000Z', office: 'moscow-1', caseworker: 'cw-0142' },
    ]);
    expect(state.outbox).toEqual([
      expect.objectContaining({ key: 'case-RU-TA-2015-0042/event/1', kind: 'register', entry: expect.objectContaining({ kind: 'case-event' }) }),
    ]);
  });

  it.each([
    [{ caseNumber: 'Kim-2015' }, 'caseNumber: expected a case number like RU-TA-2016-0042'],
    [{ caseNumber: 'DE-TA-2015-0042' }, 'caseNumber: the case number must start with the jurisdiction code'],
    [{ caseworker: 'Anna Ivanova' }, 'caseworker: expected a staff id'],
    [{ reminderPolicy: { offsetsDays: [7, 7], localTime: '09:00' } }, 'reminderPolicy.offsetsDays: reminder offsets must not repeat'],
    [{ reminderPolicy: { offsetsDays: [7], localTime: '9am' } }, 'reminderPolicy.localTime: expected a local time as HH:mm'],
    [{ applicant: { pseudonym: 'Applicant-K', nationality: 'North Korea' } }, 'applicant.nationality: expected an ISO 3166 alpha-3 code'],
    [{ surprise: true }, 'Unrecognized key'],
  ])('rejects %j with a message naming the field', (change, message) => {
    const parsed = parseWith(openCaseInputSchema, { ...OPEN_INPUT, ...change }, 'case');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(message);
  });
});

describe('what a case shows', () => {
  const granted = () => {
    const state = happened(opened(), 'application-lodged', '2016-01-28');
    return happened(state, 'protection-granted', '2016-05-26', { nowMs: at('2016-05-26T14:00') });
  };

  it('summarises stage, attempt, protection and the next deadline someone must act on', () => {
    expect(caseSummary(granted(), at('2016-05-26T14:00'))).toEqual({
      caseId: 'case-RU-TA-2015-0042',
      caseNumber: 'RU-TA-2015-0042',
      jurisdiction: 'RU',
      procedure: 'temporary-asylum',
      office: 'moscow-1',
      caseworker: 'cw-0142',
      stage: 'granted',
      attempt: 1,
      protectedUntil: '2017-05-26',
      nextDeadline: {
        id: '3:test.renewal-filing',
        kind: 'renewal-filing',
        title: { en: 'renewal-filing', ru: 'renewal-filing' },
        dueDate: '2017-04-26',
        endsAt: '2017-04-26T21:00:00.000Z',
      },
      openDeadlines: 2,
      // The authority took four months, one more than the decision period allows.
      missedDeadlines: 1,
      lastEvent: { id: 3, type: 'protection-granted', recordedAt: '2016-05-26T11:00:00.000Z', on: '2016-05-26' },
    });
  });

  it('shows every deadline with its status and explanation, and the applicant to staff', () => {
    const view = caseView(granted(), at('2016-05-26T14:00'));
    expect(view.deadlines.map((deadline) => [deadline.id, deadline.status])).toEqual([
      ['2:test.decision-due', 'missed'],
      ['3:test.protection-expiry', 'open'],
      ['3:test.renewal-filing', 'open'],
    ]);
    expect(view.deadlines[0]?.deadline.explanation.citation).toBe('test rule');
    expect(view.applicant).toEqual({ pseudonym: 'Applicant-K', nationality: 'PRK' });
    expect(view.pendingDeliveries).toBeGreaterThan(0);
  });

  it('indexes codes and instants only, never the applicant', () => {
    const values = caseIndexValues(granted(), at('2016-05-26T14:00'));
    expect(values).toEqual({
      caseStage: 'granted',
      nextDeadline: '2017-04-26T21:00:00.000Z',
      nextDeadlineKind: 'renewal-filing',
      jurisdiction: 'RU',
      procedure: 'temporary-asylum',
      office: 'moscow-1',
      caseworker: 'cw-0142',
      attempt: 1,
      protectedUntil: '2017-05-26T21:00:00.000Z',
    });
    expect(JSON.stringify(values)).not.toMatch(/Applicant-K|PRK/);
  });

  it('keeps free text that staff typed out of register entries', () => {
    let state = happened(opened(), 'application-lodged', '2016-01-28', { note: 'Applicant-K fears return to Pyongyang' });
    state = record(state, 'reassign', { caseworker: 'cw-0200', reason: 'Applicant-K asked for a Korean speaker' }, at('2016-01-29T12:00'));
    state = record(state, 'closeCase', { reason: 'withdrawn', closedOn: '2016-01-30', note: 'Applicant-K left for Seoul' }, at('2016-01-30T12:00'));
    const entries = state.outbox.flatMap((item) => (item.kind === 'register' ? [item.entry] : []));
    expect(entries.map((entry) => entry.payload['type'] ?? entry.kind)).toContain('case-closed');
    expect(JSON.stringify(entries)).not.toMatch(/Applicant-K|Seoul|Korean|Pyongyang/);
  });

  it('forgets an outbox item once delivered, and ignores an unknown one', () => {
    const state = opened();
    const delivered = markDelivered(state, 'case-RU-TA-2015-0042/event/1');
    expect(delivered.outbox).toEqual([]);
    expect(markDelivered(delivered, 'nothing')).toBe(delivered);
  });

  it('takes a refused item out of the outbox and shows the refusal in the view', () => {
    const state = opened();
    const refused = markUndeliverable(state, 'case-RU-TA-2015-0042/event/1', 'InvalidInput: unknown field', Date.parse('2016-01-28T09:00:00Z'));
    expect(refused.outbox).toEqual([]);
    expect(caseView(refused, Date.parse('2016-01-28T10:00:00Z')).failedDeliveries).toEqual([
      { key: 'case-RU-TA-2015-0042/event/1', kind: 'register', reason: 'InvalidInput: unknown field', failedAt: '2016-01-28T09:00:00.000Z' },
    ]);
    expect(markUndeliverable(refused, 'nothing', 'x', 0)).toBe(refused);
  });
});
