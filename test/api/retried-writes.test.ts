import { caseWorkflowId } from '../../src/workflows/messages';
import { waitFor } from '../support/wait-for';
import { daysAgo, startApiEngine, type ApiEngine } from './support/api-engine';

/**
 * Issue 13 item 15: after `kill -9` of the engine, requests whose connection was cut had been applied
 * anyway; a retried opening then answered 409 and the API's audit missed those writes. The cut is
 * simulated without killing anything: the write reaches Temporal by a path that logs nothing, as when
 * the API process dies between Temporal's answer and its own audit row.
 */
type AuditEntry = { source: string; action: string; actor: string; outcome: string; detail: Record<string, unknown> };

describe('writes whose request was cut off after Temporal applied them', () => {
  let engine: ApiEngine;
  let caseworker: string;
  let admin: string;

  beforeAll(async () => {
    engine = await startApiEngine('retried-writes-test');
    caseworker = await engine.tokenFor('caseworker', 'cw-msk', 'msk-1');
    admin = await engine.tokenFor('admin', 'adm-1', 'hq');
  });
  afterAll(() => engine?.stop());

  const opening = (caseNumber: string) => ({
    caseNumber,
    jurisdiction: 'RU',
    procedure: 'temporary-asylum',
    office: 'msk-1',
    caseworker: 'cw-msk',
    applicant: { pseudonym: 'Applicant-7F3A' },
  });
  const audit = async (query: string) => {
    const response = await engine.http('GET', `/api/audit${query}`, { token: admin });
    expect(response.status).toBe(200);
    return response.json().entries as AuditEntry[];
  };
  const summary = ({ source, action, actor, outcome }: AuditEntry) => `${source} ${action} ${actor} ${outcome}`;

  it('audits from the case’s own record a command the case applied although nothing logged it', async () => {
    const caseNumber = 'RU-TA-2016-0043';
    expect((await engine.http('POST', '/api/cases', { token: caseworker, body: opening(caseNumber) })).status).toBe(201);
    // Straight to Temporal, as the API sends it, with no access-log row after it.
    await engine.env.client.workflow
      .getHandle(caseWorkflowId(caseNumber))
      .executeUpdate('recordEvent', { args: [{ actor: 'cw-msk', event: 'application-lodged', on: daysAgo(3) }] });

    const applied = await waitFor(
      async () => (await audit(`?target=${caseNumber}&source=case-register`)).find((entry) => entry.action === 'case.recordEvent'),
      { timeoutMs: 15_000, what: 'the case to record the command in the register' },
    );
    expect(applied).toMatchObject({ source: 'case-register', actor: 'cw-msk', outcome: 'ok', via: 'engine', detail: { eventId: 2, event: 'application-lodged' } });
    expect((await audit(`?target=${caseNumber}&source=access-log`)).map(summary)).toEqual(['access-log case.open cw-msk ok']);
    expect((await audit('?source=case-register')).map(summary)).toContain('case-register case.recordEvent cw-msk ok');
    // Merged, newest first: a request and its effect side by side where both were recorded.
    expect((await audit(`?target=${caseNumber}`)).map(summary)).toEqual([
      'case-register case.recordEvent cw-msk ok',
      'access-log case.open cw-msk ok',
      'case-register case.open cw-msk ok',
    ]);

    const badSource = await engine.http('GET', '/api/audit?source=memory', { token: admin });
    expect(badSource.status).toBe(400);
    expect(badSource.json().message).toMatch(/source: /);
  });
});
