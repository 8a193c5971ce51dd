import { seedOfficeStaff } from '../support/office-staff';
import { VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { startCaseEngine, type CaseEngine } from './support/case-engine';

const CASE_NUMBER = 'RU-TA-2016-0077';

describe('the cases list reads a missed protection as the case page does', () => {
  let engine: CaseEngine;
  beforeAll(async () => {
    engine = await startCaseEngine({ taskQueue: 'lapsed-listing-test' });
    await seedOfficeStaff(engine.staff, 'msk-1', { 'cw-1': 'caseworker' });
  });
  afterAll(() => engine?.stop());

  it('lists a grant recorded after its one-year period ended as lapsed, not granted, before the workflow records the lapse', async () => {
    await engine.cases.open({ caseNumber: CASE_NUMBER, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-1', actor: 'cw-1' });
    await engine.cases.command(CASE_NUMBER, 'recordEvent', { actor: 'cw-1', event: 'application-lodged', on: '2016-01-28' });
    // Granted on 26.05.2016 for one year: protected until 26.05.2017, long past when it is recorded.
    await engine.cases.command(CASE_NUMBER, 'recordEvent', { actor: 'cw-1', event: 'protection-granted', on: '2016-05-26' });
    const view = await engine.cases.get(CASE_NUMBER);
    // The late-entry grace holds the escalation back, so the lapse is not recorded yet.
    expect(view.events.map((event) => event.type)).not.toContain('protection-lapsed');
    expect(view.stage).toBe('lapsed');

    const listed = async (stage: 'granted' | 'lapsed') => (await engine.cases.listing.page({ stages: [stage] })).cases.map((item) => item.caseNumber);
    await waitFor(async () => (await listed('lapsed')).includes(CASE_NUMBER), { timeoutMs: VISIBILITY_MS, what: 'the case to be listed as lapsed' });
    expect(await listed('granted')).toEqual([]);
    const [item] = (await engine.cases.listing.page({ caseNumber: CASE_NUMBER })).cases;
    expect(item).toMatchObject({ stage: 'lapsed' });
    expect(item?.protectedUntil).toBeUndefined();
  });
});
