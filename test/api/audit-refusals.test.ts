import { startApiEngine, type ApiEngine } from './support/api-engine';

/**
 * Issue 13 item 10: a refusal's message can quote what the caller typed, and the API's audit
 * (`api_audit.detail.reason`) used to keep that message. The pseudonym is invented.
 */
describe('HTTP API: the audit of refused commands', () => {
  let engine: ApiEngine;
  let caseworker: string;
  let supervisor: string;
  beforeAll(async () => {
    engine = await startApiEngine('audit-refusals-test');
    caseworker = await engine.tokenFor('caseworker', 'cw-msk', 'msk-1');
    supervisor = await engine.tokenFor('supervisor', 'sv-msk', 'msk-1');
  });
  afterAll(() => engine?.stop());

  it('records the kind of refusal, never the text the caller sent, which the caller is still told', async () => {
    const opening = { caseNumber: 'RU-TA-2016-0304', jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk' };
    expect((await engine.http('POST', '/api/cases', { token: caseworker, body: opening })).status).toBe(201);
    const typed = 'Applicant-Zorin-7Q2F phoned';
    const refused = await engine.http('POST', '/api/cases/RU-TA-2016-0304/commands/acknowledgeReminder', { token: caseworker, body: { reminderId: typed } });
    expect(refused.status).toBe(422);
    expect(refused.json().message).toContain(typed);

    const audit = (await engine.http('GET', '/api/audit?target=RU-TA-2016-0304', { token: supervisor })).json();
    expect(audit.entries).toContainEqual(
      expect.objectContaining({ action: 'case.acknowledgeReminder', actor: 'cw-msk', outcome: 'rejected', detail: { reason: 'rejected' } }),
    );
    expect(JSON.stringify(audit)).not.toContain('Zorin');
  });
});
