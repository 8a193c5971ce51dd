import { daysAgo, startApiEngine, type ApiEngine } from './support/api-engine';

/**
 * Issue 13 item 5 through the HTTP API. The RU temporary-asylum pack takes renewalLeadMonths
 * from 0 to 6 (default 1); the Russian production calendar covers 2014-2027.
 */
describe('HTTP API: cases whose deadlines can be counted', () => {
  let engine: ApiEngine;
  let caseworker: string;
  beforeAll(async () => {
    engine = await startApiEngine('countable-cases-test');
    caseworker = await engine.tokenFor('caseworker', 'cw-msk', 'msk-1');
  });
  afterAll(() => engine?.stop());

  const opening = (caseNumber: string, extra: Record<string, unknown> = {}) => ({
    caseNumber,
    jurisdiction: 'RU',
    procedure: 'temporary-asylum',
    office: 'msk-1',
    caseworker: 'cw-msk',
    ...extra,
  });
  const command = (caseNumber: string, name: string, body: unknown) =>
    engine.http('POST', `/api/cases/${caseNumber}/commands/${name}`, { token: caseworker, body });

  it('refuses to open a case with rule parameters its pack does not take, naming the JSON field, and opens nothing', async () => {
    const junk = Object.fromEntries(Array.from({ length: 2500 }, (_, index) => [`junk${index}`, index]));
    const tooMany = await engine.http('POST', '/api/cases', { token: caseworker, body: opening('RU-TA-2016-0301', { ruleParams: junk }) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json().problems).toEqual([
      'ruleParams: at most 20 rule parameters can be given; RU/temporary-asylum takes departureWorkingDays, redecisionMonths, renewalLeadMonths, renewalReminderFromMonths',
    ]);
    const outOfBounds = await engine.http('POST', '/api/cases', { token: caseworker, body: opening('RU-TA-2016-0301', { ruleParams: { renewalLeadMonths: 9 } }) });
    expect(outOfBounds.status).toBe(400);
    expect(outOfBounds.json().problems).toEqual(['ruleParams.renewalLeadMonths: must be a whole number from 0 to 6']);
    expect((await engine.http('GET', '/api/cases/RU-TA-2016-0301', { token: caseworker })).status).toBe(404);
  });

  it('refuses an event date the calendar cannot count from, naming the field, and changes nothing', async () => {
    expect((await engine.http('POST', '/api/cases', { token: caseworker, body: opening('RU-TA-2016-0302') })).status).toBe(201);
    const yearZero = await command('RU-TA-2016-0302', 'recordEvent', { event: 'application-lodged', on: '0000-01-01' });
    expect(yearZero.status).toBe(400);
    expect(yearZero.json().problems).toEqual([
      'on: no deadline can be counted from 0000-01-01: it lies before the years the calendar covers (Russian production calendar, 2014-2027)',
    ]);
    expect((await command('RU-TA-2016-0302', 'recordEvent', { event: 'application-lodged', on: daysAgo(10) })).status).toBe(200);
    const before = (await engine.http('GET', '/api/cases/RU-TA-2016-0302', { token: caseworker })).json();
    const backdated = await command('RU-TA-2016-0302', 'correctEventDate', { eventId: 2, correctedDate: '2013-06-01', reason: 'entered in the wrong year' });
    expect(backdated.status).toBe(400);
    expect(backdated.json().problems).toEqual([
      'correctedDate: no deadline can be counted from 2013-06-01: it lies before the years the calendar covers (Russian production calendar, 2014-2027)',
    ]);
    const after = (await engine.http('GET', '/api/cases/RU-TA-2016-0302', { token: caseworker })).json();
    expect(after.events).toEqual(before.events);
    expect(after.deadlines).toEqual(before.deadlines);
  });

  /**
   * Granted 2016-05-26 until 2017-05-25: the renewal is due renewalLeadMonths months before the end, on
   * the working day before when that is a day off. One month: 2017-04-25, a Tuesday. Two: 2017-03-25, a
   * Saturday, so Friday 2017-03-24.
   */
  it('corrects the rule parameters of a running case, recomputing its deadlines, and refuses values out of bounds', async () => {
    expect((await engine.http('POST', '/api/cases', { token: caseworker, body: opening('RU-TA-2016-0303') })).status).toBe(201);
    expect((await command('RU-TA-2016-0303', 'recordEvent', { event: 'application-lodged', on: '2016-05-20' })).status).toBe(200);
    expect((await command('RU-TA-2016-0303', 'recordEvent', { event: 'protection-granted', on: '2016-05-26', facts: { validUntil: '2017-05-25' } })).status).toBe(200);
    const renewalDue = async () => {
      const view = (await engine.http('GET', '/api/cases/RU-TA-2016-0303', { token: caseworker })).json();
      return { ruleParams: view.ruleParams, due: view.deadlines.filter((tracked: { deadline: { kind: string } }) => tracked.deadline.kind === 'renewal-filing').map((tracked: { deadline: { dueDate: string } }) => tracked.deadline.dueDate) };
    };
    expect(await renewalDue()).toEqual({ ruleParams: {}, due: ['2017-04-25'] });

    const corrected = await command('RU-TA-2016-0303', 'correctRuleParams', { ruleParams: { renewalLeadMonths: 2 }, reason: 'office policy: file two months ahead' });
    expect(corrected.status).toBe(200);
    expect(corrected.json().lastEvent).toMatchObject({ type: 'rule-params-corrected' });
    expect(await renewalDue()).toEqual({ ruleParams: { renewalLeadMonths: 2 }, due: ['2017-03-24'] });

    const outOfBounds = await command('RU-TA-2016-0303', 'correctRuleParams', { ruleParams: { renewalLeadMonths: 7 }, reason: 'typo' });
    expect(outOfBounds.status).toBe(422);
    expect(outOfBounds.json().message).toBe(
      'Case RU-TA-2016-0303 refused the command: cannot correct the rule parameters: renewalLeadMonths must be a whole number from 0 to 6',
    );
    const notANumber = await command('RU-TA-2016-0303', 'correctRuleParams', { ruleParams: { renewalLeadMonths: 'two' }, reason: 'typo' });
    expect(notANumber.status).toBe(400);
    expect(notANumber.json().problems).toEqual([expect.stringMatching(/^ruleParams\.renewalLeadMonths: /)]);
    expect(await renewalDue()).toEqual({ ruleParams: { renewalLeadMonths: 2 }, due: ['2017-03-24'] });
  });

  it('documents the correction in the OpenAPI document', async () => {
    const document = (await engine.http('GET', '/openapi.json')).json();
    const operation = document.paths['/api/cases/{caseNumber}/commands/correctRuleParams'];
    expect(operation.post.operationId).toBe('correctRuleParams');
    expect(JSON.stringify(operation)).toContain('rule parameters in full from now on');
  });
});
