import '../support/quiet-temporal-logs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { createActivities, createActivityDeps, type ActivityRuntime } from '../../src/activities';
import { openAccess } from '../../src/access/open-access';
import type { AccessStore } from '../../src/access';
import { CaseClient } from '../../src/client/case-client';
import { caseIdOf, type CaseView, type CommandName } from '../../src/domain';
import { createLogger } from '../../src/logging';
import type { RegisterDatabaseHandle } from '../../src/store';
import { caseWorkflowId } from '../../src/workflows/messages';
import { waitFor } from '../support/wait-for';
import { createCaseTestEnv, createCaseWorker } from '../workflows/case-env';
import { seedOfficeStaff } from './office-staff';
import { CLOSING_NOTE, CORRECTION_REASON, REASSIGN_REASON, STORY } from './personal-data';

/**
 * Part 4 of the privacy issue: who did what and when, for every command, in the case register. A case
 * goes through every staff command, some through the case client (as the API and CLI send them, which
 * also write their own access log) and some straight to the workflow (as a script holding the keys
 * could); refused commands and one that fails after it was accepted are mixed in. The register must
 * hold one audit row per accepted command, with its command, actor and time, and nothing for the others.
 * On a time-skipping server whose clock starts in 2015, so that a reminder can fall due and be acknowledged.
 */
const ZONE = 'Europe/Moscow';
const CASE_NUMBER = 'RU-TA-2015-0731';
const OFFICE = 'msk-audit';
const CASEWORKER = 'cw-audit-1';
const SECOND_CASEWORKER = 'cw-audit-2';
const SUPERVISOR = 'sv-audit';

interface AuditRow {
  command: unknown;
  actor: string;
  type: unknown;
  at: string;
}

describe('audit trail of staff commands in the case register', () => {
  let env: TestWorkflowEnvironment;
  let dataDir: string;
  let runtime: ActivityRuntime;
  let accessDatabase: RegisterDatabaseHandle;
  let access: AccessStore;

  beforeAll(async () => {
    env = await createCaseTestEnv('2015-11-02 06:00:00');
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'docket-audit-'));
    runtime = await createActivityDeps({ dataDir, smtpFrom: 'docket <docket@example.org>' });
    await seedOfficeStaff(runtime.staff, OFFICE, { [CASEWORKER]: 'caseworker', [SECOND_CASEWORKER]: 'caseworker', [SUPERVISOR]: 'supervisor' });
    ({ handle: accessDatabase, access } = await openAccess({ dataDir }));
  });

  afterAll(async () => {
    await accessDatabase?.close();
    await runtime?.close();
    await env?.teardown();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds one row per accepted command with its command, actor and time, whichever way it came, and none for refused ones', async () => {
    const taskQueue = 'privacy-audit';
    const worker = await createCaseWorker(env, taskQueue, createActivities({ ...runtime, logger: createLogger('error') }));
    const cases = new CaseClient({ client: env.client, namespace: env.namespace ?? 'default', taskQueue, audit: access.audit, via: 'cli' });
    const handle = () => env.client.workflow.getHandle(caseWorkflowId(CASE_NUMBER));
    const advanceTo = async (moscowDateTime: string) => {
      const gap = DateTime.fromISO(moscowDateTime, { zone: ZONE }).toMillis() - (await env.currentTimeMs());
      if (gap < 0) throw new Error(`the server clock is already past ${moscowDateTime}`);
      await env.sleep(gap);
    };
    /** Through the case client, as the API and the CLI send commands. */
    const viaClient = (name: CommandName, input: Record<string, unknown>) => cases.command(CASE_NUMBER, name, input);
    /** Straight to the workflow, around the client. */
    const direct = (name: CommandName, input: Record<string, unknown>) => handle().executeUpdate(name, { args: [input] });
    const settled = (): Promise<CaseView> =>
      waitFor(
        async () => {
          const view = await cases.get(CASE_NUMBER);
          return view.pendingDeliveries === 0 && view;
        },
        { timeoutMs: 30_000, what: `the deliveries of ${CASE_NUMBER} to settle` },
      );

    const final = await worker.runUntil(async () => {
      await cases.open({ caseNumber: CASE_NUMBER, jurisdiction: 'RU', procedure: 'temporary-asylum', office: OFFICE, caseworker: CASEWORKER, actor: CASEWORKER });
      await advanceTo('2015-11-02T10:00');
      await direct('recordApplicationLodged', { actor: CASEWORKER, lodgedOn: '2015-11-02' });
      await expect(viaClient('recordComplaintOutcome', { actor: CASEWORKER, outcome: 'refusal-upheld', on: '2015-11-02' })).rejects.toThrow(
        /cannot record the outcome of a complaint or appeal while the case is lodged/,
      );
      await advanceTo('2015-11-27T14:00');
      await viaClient('recordDecision', { actor: CASEWORKER, decision: 'refusal', noticeReceivedOn: '2015-11-27' });

      // The complaint's first reminder falls due at 09:00 the next morning.
      await advanceTo('2015-11-28T12:00');
      const [reminder] = (await settled()).reminders;
      if (!reminder) throw new Error('no reminder was sent');
      await direct('acknowledgeReminder', { actor: CASEWORKER, reminderId: reminder.id });
      await expect(direct('acknowledgeReminder', { actor: SECOND_CASEWORKER, reminderId: reminder.id })).rejects.toThrow(WorkflowUpdateFailedError);

      await advanceTo('2015-11-30T10:00');
      await viaClient('recordComplaintFiled', { actor: SECOND_CASEWORKER, filedOn: '2015-11-30', forum: 'administrative' });
      await advanceTo('2015-12-10T10:00');
      await direct('recordComplaintOutcome', { actor: SUPERVISOR, outcome: 'refusal-overturned', on: '2015-12-10' });
      await advanceTo('2015-12-21T10:00');
      // Starts a protection period: the case continues as new, and its audit trail with it.
      await viaClient('recordDecision', { actor: CASEWORKER, decision: 'grant', grantedOn: '2015-12-21', validUntil: '2016-12-21' });
      await advanceTo('2016-01-15T10:00');
      await direct('recordRenewalFiled', { actor: CASEWORKER, filedOn: '2016-01-15' });
      await advanceTo('2016-02-01T10:00');
      await viaClient('recordRenewalDecision', { actor: CASEWORKER, decision: 'refused', noticeReceivedOn: '2016-02-01' });
      await advanceTo('2016-02-05T10:00');
      await direct('recordNewApplication', { actor: CASEWORKER, lodgedOn: '2016-02-05', changedCircumstances: STORY });
      // Accepted, then failed: no calendar covers 2013, so no deadline can be counted from that date.
      await expect(direct('correctEventDate', { actor: CASEWORKER, eventId: 2, correctedDate: '2013-06-01', reason: CORRECTION_REASON })).rejects.toThrow(
        WorkflowUpdateFailedError,
      );
      const newApplication = (await cases.get(CASE_NUMBER)).events.at(-1);
      await viaClient('correctEventDate', { actor: CASEWORKER, eventId: newApplication?.id, correctedDate: '2016-02-04', reason: CORRECTION_REASON });
      await viaClient('reassign', { actor: SUPERVISOR, caseworker: SECOND_CASEWORKER, reason: REASSIGN_REASON });
      await advanceTo('2016-02-10T10:00');
      await direct('closeCase', { actor: SECOND_CASEWORKER, reason: 'withdrawn', closedOn: '2016-02-10', note: CLOSING_NOTE });
      const closed = (await handle().result()) as CaseView;
      await expect(direct('closeCase', { actor: SECOND_CASEWORKER, reason: 'withdrawn', closedOn: '2016-02-10' })).rejects.toThrow(WorkflowNotFoundError);
      return closed;
    });

    const trail = await runtime.register.caseTrail(caseIdOf(CASE_NUMBER));
    const audit: AuditRow[] = trail.events
      .filter((entry) => entry.kind === 'case-event')
      .map((entry) => ({ command: entry.payload.command, actor: entry.actor, type: entry.payload.type, at: entry.at }));
    expect(audit.map(({ at: _at, ...row }) => row)).toEqual([
      { command: 'openCase', actor: CASEWORKER, type: 'case-opened' },
      { command: 'recordApplicationLodged', actor: CASEWORKER, type: 'application-lodged' },
      { command: 'recordDecision', actor: CASEWORKER, type: 'refusal-notice-received' },
      { command: 'acknowledgeReminder', actor: CASEWORKER, type: 'reminder-acknowledged' },
      { command: 'recordComplaintFiled', actor: SECOND_CASEWORKER, type: 'complaint-filed' },
      { command: 'recordComplaintOutcome', actor: SUPERVISOR, type: 'refusal-overturned' },
      { command: 'recordDecision', actor: CASEWORKER, type: 'protection-granted' },
      { command: 'recordRenewalFiled', actor: CASEWORKER, type: 'renewal-filed' },
      { command: 'recordRenewalDecision', actor: CASEWORKER, type: 'renewal-refusal-notice-received' },
      { command: 'recordNewApplication', actor: CASEWORKER, type: 'application-lodged' },
      { command: 'correctEventDate', actor: CASEWORKER, type: 'event-date-corrected' },
      { command: 'reassign', actor: SUPERVISOR, type: 'case-reassigned' },
      { command: 'closeCase', actor: SECOND_CASEWORKER, type: 'case-closed' },
    ]);
    // The time of each row is when the case accepted the command, on the case's clock.
    expect(audit.map((row) => row.at)).toEqual(final.events.map((event) => event.recordedAt));
    expect(audit.map((row) => row.at.slice(0, 10))).toEqual([
      '2015-11-02',
      '2015-11-02',
      '2015-11-27',
      '2015-11-28',
      '2015-11-30',
      '2015-12-10',
      '2015-12-21',
      '2016-01-15',
      '2016-02-01',
      '2016-02-05',
      '2016-02-05',
      '2016-02-05',
      '2016-02-10',
    ]);
    expect(trail.events.every((entry) => entry.caseNumber === CASE_NUMBER)).toBe(true);

    // The case client's own log (the API's and CLI's) agrees, and also keeps the refused attempt.
    const clientLog = (await access.audit.list({ target: CASE_NUMBER })).reverse();
    expect(clientLog.map(({ action, actor, outcome, via }) => ({ action, actor, outcome, via }))).toEqual([
      { action: 'case.open', actor: CASEWORKER, outcome: 'ok', via: 'cli' },
      { action: 'case.recordComplaintOutcome', actor: CASEWORKER, outcome: 'rejected', via: 'cli' },
      { action: 'case.recordDecision', actor: CASEWORKER, outcome: 'ok', via: 'cli' },
      { action: 'case.recordComplaintFiled', actor: SECOND_CASEWORKER, outcome: 'ok', via: 'cli' },
      { action: 'case.recordDecision', actor: CASEWORKER, outcome: 'ok', via: 'cli' },
      { action: 'case.recordRenewalDecision', actor: CASEWORKER, outcome: 'ok', via: 'cli' },
      { action: 'case.correctEventDate', actor: CASEWORKER, outcome: 'ok', via: 'cli' },
      { action: 'case.reassign', actor: SUPERVISOR, outcome: 'ok', via: 'cli' },
    ]);
  }, 180_000);
});
