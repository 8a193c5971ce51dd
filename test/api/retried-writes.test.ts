import { CaseClient } from '../../src/client/case-client';
import { caseWorkflowId } from '../../src/workflows/messages';
import { seedOfficeStaff } from '../support/office-staff';
import { foundingCaseOpening } from '../support/founding-case';
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
  let supervisor: string;
  let admin: string;

  beforeAll(async () => {
    engine = await startApiEngine('retried-writes-test');
    caseworker = await engine.tokenFor('caseworker', 'cw-msk', 'msk-1');
    supervisor = await engine.tokenFor('supervisor', 'sv-msk', 'msk-1');
    admin = await engine.tokenFor('admin', 'adm-1', 'hq');
    await seedOfficeStaff(engine.runtime.staff, 'msk-1', { 'cw-msk-2': 'caseworker' });
  });
  afterAll(() => engine?.stop());

  const opening = foundingCaseOpening;
  const audit = async (query: string) => {
    const response = await engine.http('GET', `/api/audit${query}`, { token: admin });
    expect(response.status).toBe(200);
    return response.json().entries as AuditEntry[];
  };
  const summary = ({ source, action, actor, outcome }: AuditEntry) => `${source} ${action} ${actor} ${outcome}`;

  it('answers a retried opening with the case when the first went through unanswered, and still refuses the number to anyone else or other details', async () => {
    const caseNumber = 'RU-TA-2016-0042';
    // The first opening reached Temporal; its answer and its access-log row died with the process.
    const diedMidRequest = new CaseClient({
      client: engine.env.client,
      namespace: engine.env.namespace ?? 'default',
      taskQueue: engine.taskQueue,
      audit: { record: async () => undefined },
      staff: engine.access.staff,
      applicantIndex: engine.applicantIndex,
      via: 'api',
    });
    await diedMidRequest.open({ ...opening(caseNumber), actor: 'cw-msk' });

    const retried = await engine.http('POST', '/api/cases', { token: caseworker, body: opening(caseNumber) });
    expect(retried.status).toBe(201);
    expect(retried.json()).toMatchObject({ caseNumber, stage: 'opened', alreadyOpened: true, events: [expect.objectContaining({ type: 'case-opened', actor: 'cw-msk' })] });
    expect(retried.json().events).toHaveLength(1);

    const otherDetails = await engine.http('POST', '/api/cases', { token: caseworker, body: { ...opening(caseNumber), caseworker: 'cw-msk-2' } });
    expect(otherDetails.status).toBe(409);
    expect(otherDetails.json().message).toBe(
      `Case ${caseNumber} was already opened by you with a different caseworker; nothing was changed: an open case is changed through its commands.`,
    );
    const someoneElse = await engine.http('POST', '/api/cases', { token: supervisor, body: opening(caseNumber) });
    expect(someoneElse.status).toBe(409);
    expect(someoneElse.json().message).toBe(`Case ${caseNumber} already exists, opened by another staff member; case numbers are never reused.`);
    expect((await engine.cases.get(caseNumber)).caseworker).toBe('cw-msk');

    // The opening the access log never saw is in the audit from the case's own record.
    const entries = await waitFor(
      async () => {
        const listed = await audit(`?target=${caseNumber}`);
        return listed.some((entry) => entry.source === 'case-register') && listed;
      },
      { timeoutMs: 15_000, what: 'the case to record its opening in the register' },
    );
    expect(entries.map(summary)).toEqual([
      'access-log case.open sv-msk rejected',
      'access-log case.open cw-msk rejected',
      'access-log case.open cw-msk ok',
      'case-register case.open cw-msk ok',
    ]);
    expect(entries[2]?.detail).toMatchObject({ alreadyOpened: true });
    expect(JSON.stringify(entries)).not.toContain('Applicant-7F3A');
  });

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

  it('recognises a retried opening after the case has continued in a new run', async () => {
    const caseNumber = 'RU-TA-2016-0044';
    expect((await engine.http('POST', '/api/cases', { token: caseworker, body: opening(caseNumber) })).status).toBe(201);
    const handle = engine.env.client.workflow.getHandle(caseWorkflowId(caseNumber));
    const { runId: firstRun } = await handle.describe();
    await engine.cases.command(caseNumber, 'recordEvent', { actor: 'cw-msk', event: 'application-lodged', on: daysAgo(20) });
    // A protection period starts a fresh run of the workflow, carrying the case's state.
    await engine.cases.command(caseNumber, 'recordEvent', { actor: 'cw-msk', event: 'protection-granted', on: daysAgo(2), facts: { validUntil: daysAgo(-363) } });
    await waitFor(
      async () => {
        const run = await handle.describe();
        return run.runId !== firstRun && run.status.name === 'RUNNING';
      },
      { timeoutMs: 15_000, what: 'the case to continue in a new run' },
    );

    const retried = await engine.http('POST', '/api/cases', { token: caseworker, body: opening(caseNumber) });
    expect(retried.status).toBe(201);
    expect(retried.json()).toMatchObject({ caseNumber, stage: 'granted', alreadyOpened: true });
  });
});
