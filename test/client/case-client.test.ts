import { CommandRejectedError, ConflictError, InvalidInputError, NotFoundError } from '../../src/errors/docket-errors';
import { VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { seedOfficeStaff } from '../support/office-staff';
import { daysAgo, startCaseEngine, type CaseEngine } from './support/case-engine';

describe('case client facade on the dev server', () => {
  let engine: CaseEngine;
  beforeAll(async () => {
    engine = await startCaseEngine();
    await seedOfficeStaff(engine.staff, 'msk-1', { 'cw-1': 'caseworker', 'cw-2': 'caseworker', 'cw-left': 'caseworker', 'sv-1': 'supervisor' });
    await seedOfficeStaff(engine.staff, 'spb-1', { 'cw-spb': 'caseworker' });
    await engine.staff.deactivate('cw-left');
  });
  afterAll(() => engine?.stop());

  const opening = {
    caseNumber: 'RU-TA-2016-0042',
    jurisdiction: 'RU',
    procedure: 'temporary-asylum',
    office: 'msk-1',
    caseworker: 'cw-1',
    actor: 'cw-1',
  };

  it('opens a case, indexes it at once and refuses the same number twice', async () => {
    const opened = await engine.cases.open({ ...opening, applicant: { pseudonym: 'Applicant-7F3A' } });
    expect(opened).toMatchObject({ caseNumber: 'RU-TA-2016-0042', stage: 'opened', office: 'msk-1', caseworker: 'cw-1' });
    expect(await engine.cases.locate('RU-TA-2016-0042')).toEqual({ office: 'msk-1', caseworker: 'cw-1' });
    await waitFor(async () => (await engine.cases.listing.count({ office: 'msk-1' })) === 1, { timeoutMs: VISIBILITY_MS, what: 'the case to be counted in its office' });

    await expect(engine.cases.open(opening)).rejects.toThrow(ConflictError);
    expect(engine.audit.entries.slice(-2)).toEqual([
      expect.objectContaining({ actor: 'cw-1', action: 'case.open', target: 'RU-TA-2016-0042', outcome: 'ok' }),
      expect.objectContaining({ action: 'case.open', outcome: 'rejected', detail: expect.objectContaining({ reason: 'conflict' }) }),
    ]);
  });

  // Issue 13 item 15: an opening whose answer was lost (a cut connection, an engine killed mid-request) is retried safely.
  it('answers an opening retried by the same caller with the same details with the case already opened, and refuses anyone else or other details', async () => {
    const retried = { ...opening, caseNumber: 'RU-TA-2016-0044', applicant: { pseudonym: 'Applicant-2B9D', nationality: 'PRK' } };
    expect(await engine.cases.open(retried)).toMatchObject({ caseNumber: 'RU-TA-2016-0044', alreadyOpened: false });
    // The same content, sent again as a new request would send it: its fields in another order.
    const again = await engine.cases.open({ applicant: { nationality: 'PRK', pseudonym: 'Applicant-2B9D' }, ...opening, caseNumber: 'RU-TA-2016-0044' });
    expect(again).toMatchObject({ caseNumber: 'RU-TA-2016-0044', stage: 'opened', caseworker: 'cw-1', alreadyOpened: true });
    expect(again.events.map((event) => event.type)).toEqual(['case-opened']);

    await expect(engine.cases.open({ ...retried, caseworker: 'cw-2', applicant: { pseudonym: 'Applicant-5E1C' } })).rejects.toThrow(
      new ConflictError('Case RU-TA-2016-0044 was already opened by you with a different applicant, caseworker; nothing was changed: an open case is changed through its commands.'),
    );
    await expect(engine.cases.open({ ...retried, actor: 'sv-1' })).rejects.toThrow(
      new ConflictError('Case RU-TA-2016-0044 already exists, opened by another staff member; case numbers are never reused.'),
    );
    expect((await engine.cases.get('RU-TA-2016-0044')).caseworker).toBe('cw-1');
    expect(engine.audit.entries.slice(-4).map(({ actor, outcome, detail }) => ({ actor, outcome, alreadyOpened: detail?.alreadyOpened, reason: detail?.reason }))).toEqual([
      { actor: 'cw-1', outcome: 'ok', alreadyOpened: false, reason: undefined },
      { actor: 'cw-1', outcome: 'ok', alreadyOpened: true, reason: undefined },
      { actor: 'cw-1', outcome: 'rejected', alreadyOpened: undefined, reason: 'conflict' },
      { actor: 'sv-1', outcome: 'rejected', alreadyOpened: undefined, reason: 'conflict' },
    ]);
  });

  it('records events through updates and answers with the new summary', async () => {
    const lodged = await engine.cases.command('RU-TA-2016-0042', 'recordEvent', { actor: 'cw-1', event: 'application-lodged', on: daysAgo(10) });
    expect(lodged).toMatchObject({ stage: 'lodged', attempt: 1, nextDeadline: expect.objectContaining({ kind: 'decision-due' }) });
    const view = await engine.cases.get('RU-TA-2016-0042');
    expect(view.events.map((event) => event.type)).toEqual(['case-opened', 'application-lodged']);
    expect(view.deadlines[0]?.deadline.explanation.citation).toBeTruthy();
    expect(engine.audit.entries.at(-1)).toMatchObject({ action: 'case.recordEvent', outcome: 'ok', actor: 'cw-1' });
  });

  it('says what was wrong with a bad command and changes nothing', async () => {
    const before = await engine.cases.get('RU-TA-2016-0042');
    await expect(engine.cases.command('RU-TA-2016-0042', 'recordEvent', { actor: 'cw-1', event: 'protection-granted', on: 'yesterday' })).rejects.toThrow(
      InvalidInputError,
    );
    await expect(engine.cases.command('RU-TA-2016-0042', 'recordEvent', { actor: 'cw-1', event: 'renewal-filed', on: daysAgo(1) })).rejects.toThrow(
      CommandRejectedError,
    );
    expect(engine.audit.entries.at(-1)).toMatchObject({ action: 'case.recordEvent', outcome: 'rejected' });
    expect((await engine.cases.get('RU-TA-2016-0042')).events).toEqual(before.events);
  });

  it('refuses commands to a closed case, which can still be read', async () => {
    await engine.cases.open({ ...opening, caseNumber: 'RU-TA-2016-0043' });
    await engine.cases.command('RU-TA-2016-0043', 'closeCase', { actor: 'cw-1', reason: 'withdrawn', closedOn: daysAgo(0) });
    // Refused by the case itself while it finishes its last deliveries, by the server once its workflow has completed.
    await waitFor(async () => {
      const refusal = await engine.cases.command('RU-TA-2016-0043', 'recordEvent', { actor: 'cw-1', event: 'application-lodged', on: daysAgo(1) }).catch((error: unknown) => error);
      return refusal instanceof CommandRejectedError && refusal.message === 'Case RU-TA-2016-0043 is closed and accepts no more commands.';
    }, { timeoutMs: VISIBILITY_MS, what: 'the closed case to refuse a command' });
    expect((await engine.cases.get('RU-TA-2016-0043')).stage).toBe('closed');
  });

  // Issue 13 item 2: a case goes only to someone its reminders can reach.
  it.each([
    ['is not in the staff directory', 'cw-ghost', /^caseworker: no staff member "cw-ghost" in the staff directory/],
    ['is deactivated', 'cw-left', /^caseworker: "cw-left" is deactivated/],
    ['is a supervisor', 'sv-1', /^caseworker: "sv-1" is a supervisor, not a caseworker/],
    ['works for another office', 'cw-spb', /^caseworker: "cw-spb" works for office "spb-1", not "msk-1"/],
  ])('refuses to open a case for a caseworker who %s, and starts nothing', async (_why, caseworker, problem) => {
    const refused = engine.cases.open({ ...opening, caseNumber: 'RU-TA-2016-0077', caseworker });
    await expect(refused).rejects.toThrow(InvalidInputError);
    await expect(refused).rejects.toMatchObject({ problems: [expect.stringMatching(problem)] });
    await expect(engine.cases.get('RU-TA-2016-0077')).rejects.toThrow(NotFoundError);
    expect(engine.audit.entries.at(-1)).toMatchObject({ action: 'case.open', target: 'RU-TA-2016-0077', outcome: 'rejected' });
  });

  it('reassigns only to an active caseworker of the office the case will be in', async () => {
    await expect(engine.cases.command('RU-TA-2016-0042', 'reassign', { actor: 'sv-1', caseworker: 'cw-spb' })).rejects.toMatchObject({
      problems: ['caseworker: "cw-spb" works for office "spb-1", not "msk-1"'],
    });
    await expect(engine.cases.command('RU-TA-2016-0042', 'reassign', { actor: 'sv-1', caseworker: 'cw-left' })).rejects.toThrow(InvalidInputError);
    expect((await engine.cases.locate('RU-TA-2016-0042')).caseworker).toBe('cw-1');
    await engine.cases.command('RU-TA-2016-0042', 'reassign', { actor: 'sv-1', caseworker: 'cw-spb', office: 'spb-1' });
    await waitFor(async () => (await engine.cases.locate('RU-TA-2016-0042')).caseworker === 'cw-spb', { timeoutMs: VISIBILITY_MS, what: 'the reassignment to be indexed' });
  });

  it('reports an unknown case as not found', async () => {
    await expect(engine.cases.get('RU-TA-2016-9999')).rejects.toThrow(NotFoundError);
    await expect(engine.cases.locate('RU-TA-2016-9999')).rejects.toThrow('There is no case RU-TA-2016-9999.');
    await expect(engine.cases.command('RU-TA-2016-9999', 'recordEvent', { actor: 'cw-1', event: 'application-lodged', on: daysAgo(1) })).rejects.toThrow(NotFoundError);
    await expect(engine.cases.get('not a case number')).rejects.toThrow(/expected a case number/);
  });
});
