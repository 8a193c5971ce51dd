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
import { caseIdOf, type CaseView, type CaseCommandName } from '../../src/domain';
import { randomApplicantIndex } from '../support/random-applicant-index';
import { createLogger } from '../../src/logging';
import type { RegisterDatabaseHandle } from '../../src/store';
import { caseWorkflowId } from '../../src/workflows/messages';
import { waitFor } from '../support/wait-for';
import { createCaseTestEnv, createCaseWorker } from '../workflows/case-env';
import { seedOfficeStaff } from '../support/office-staff';
import { CLOSING_NOTE, CORRECTION_REASON, REASSIGN_REASON, STORY } from './personal-data';

/**
 * Part 4 of the privacy issue: who did what and when, for every command, in the case register. A case
 * goes through every staff command (each event by recordEvent), some through the case client (as the API and CLI send them, which
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
    const cases = new CaseClient({ client: env.client, namespace: env.namespace ?? 'default', taskQueue, audit: access.audit, staff: access.staff, applicantIndex: randomApplicantIndex(), via: 'cli' });
    const handle = () => env.client.workflow.getHandle(caseWorkflowId(CASE_NUMBER));
    const advanceTo = async (moscowDateTime: string) => {
      const gap = DateTime.fromISO(moscowDateTime, { zone: ZONE }).toMillis() - (await env.currentTimeMs());
      if (gap < 0) throw new Error(`the server clock is already past ${moscowDateTime}`);
      await env.sleep(gap);
    };
    /** Through the case client, as the API and the CLI send commands. */
    const viaClient = (name: CaseCommandName, input: Record<string, unknown>) => cases.command(CASE_NUMBER, name, input);
    /** Straight to the workflow, around the client. */
    const direct = (name: CaseCommandName, input: Record<string, unknown>) => handle().executeUpdate(name, { args: [input] });
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
      await direct('recordEvent', { actor: CASEWORKER, event: 'application-lodged', on: '2015-11-02' });
      await expect(viaClient('recordEvent', { actor: CASEWORKER, event: 'final-refusal-notice-received', on: '2015-11-02' })).rejects.toThrow(
        /cannot record notice refusing the complaint received \(final refusal\) while the case is lodged/,
      );
      await advanceTo('2015-11-27T08:00');
      await viaClient('recordEvent', { actor: CASEWORKER, event: 'refusal-notice-received', on: '2015-11-27' });

      // The complaint's first reminder, 30 days before it ends, would fall on Saturday 28 November: it goes out at 09:00 on the Friday before.
      await advanceTo('2015-11-28T12:00');
      const [reminder] = (await settled()).reminders;
      if (!reminder) throw new Error('no reminder was sent');
      await direct('acknowledgeReminder', { actor: CASEWORKER, reminderId: reminder.id });
      await expect(direct('acknowledgeReminder', { actor: SECOND_CASEWORKER, reminderId: reminder.id })).rejects.toThrow(WorkflowUpdateFailedError);

      await advanceTo('2015-11-30T10:00');
      await viaClient('recordEvent', { actor: SECOND_CASEWORKER, event: 'complaint-filed', on: '2015-11-30', facts: { forum: 'administrative' } });
      await advanceTo('2015-12-10T10:00');
      await direct('recordEvent', { actor: SUPERVISOR, event: 'refusal-overturned', on: '2015-12-10' });
      await advanceTo('2015-12-21T10:00');
      // Starts a protection period: the case continues as new, and its audit trail with it.
      await viaClient('recordEvent', { actor: CASEWORKER, event: 'protection-granted', on: '2015-12-21', facts: { validUntil: '2016-12-21' } });
      await advanceTo('2016-01-15T10:00');
      await direct('recordEvent', { actor: CASEWORKER, event: 'renewal-filed', on: '2016-01-15' });
      await advanceTo('2016-02-01T10:00');
      await viaClient('recordEvent', { actor: CASEWORKER, event: 'renewal-refusal-notice-received', on: '2016-02-01' });
      await advanceTo('2016-02-05T10:00');
      await direct('recordEvent', { actor: CASEWORKER, event: 'application-lodged', on: '2016-02-05', note: STORY });
      // Accepted, then failed: no calendar covers 2013, so no deadline can be counted from that date.
      await expect(direct('correctEventDate', { actor: CASEWORKER, eventId: 2, correctedDate: '2013-06-01', reason: CORRECTION_REASON })).rejects.toThrow(
        WorkflowUpdateFailedError,
      );
      const newApplication = (await cases.get(CASE_NUMBER)).events.at(-1);
      await viaClient('correctEventDate', { actor: CASEWORKER, eventId: newApplication?.id, correctedDate: '2016-02-04', reason: CORRECTION_REASON });
      await viaClient('reassign', { actor: SUPERVISOR, caseworker: SECOND_CASEWORKER, reason: REASSIGN_REASON });
      // The commands that mend a record: a fact corrected, a right waived, a related case linked and the link voided, a stay.
      const refusal = (await cases.get(CASE_NUMBER)).events.find((event) => event.type === 'refusal-notice-received');
      await viaClient('correctFact', { actor: CASEWORKER, eventId: refusal?.id, fact: 'decidedOn', value: '2015-11-25', reason: CORRECTION_REASON });
      // A new application no longer ends the right to complain against the renewal refusal: it runs until waived.
      const complaint = (await cases.get(CASE_NUMBER)).deadlines.find((deadline) => deadline.status === 'open' && deadline.deadline.kind === 'complaint');
      await direct('waiveDeadline', { actor: SUPERVISOR, deadlineId: complaint?.id, reason: CORRECTION_REASON });
      await viaClient('linkCase', { actor: CASEWORKER, caseNumber: 'RU-TA-2015-0732', relation: 'family-member' });
      const link = (await cases.get(CASE_NUMBER)).events.at(-1);
      await viaClient('voidEvent', { actor: SECOND_CASEWORKER, eventId: link?.id, reason: CORRECTION_REASON });
      await direct('recordStay', { actor: SUPERVISOR, from: '2016-02-05', to: '2016-02-20', reason: CORRECTION_REASON });
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
      { command: 'recordEvent', actor: CASEWORKER, type: 'application-lodged' },
      { command: 'recordEvent', actor: CASEWORKER, type: 'refusal-notice-received' },
      { command: 'acknowledgeReminder', actor: CASEWORKER, type: 'reminder-acknowledged' },
      { command: 'recordEvent', actor: SECOND_CASEWORKER, type: 'complaint-filed' },
      { command: 'recordEvent', actor: SUPERVISOR, type: 'refusal-overturned' },
      { command: 'recordEvent', actor: CASEWORKER, type: 'protection-granted' },
      { command: 'recordEvent', actor: CASEWORKER, type: 'renewal-filed' },
      { command: 'recordEvent', actor: CASEWORKER, type: 'renewal-refusal-notice-received' },
      { command: 'recordEvent', actor: CASEWORKER, type: 'application-lodged' },
      { command: 'correctEventDate', actor: CASEWORKER, type: 'event-date-corrected' },
      { command: 'reassign', actor: SUPERVISOR, type: 'case-reassigned' },
      { command: 'correctFact', actor: CASEWORKER, type: 'fact-corrected' },
      { command: 'waiveDeadline', actor: SUPERVISOR, type: 'deadline-waived' },
      { command: 'linkCase', actor: CASEWORKER, type: 'case-linked' },
      { command: 'voidEvent', actor: SECOND_CASEWORKER, type: 'event-voided' },
      { command: 'recordStay', actor: SUPERVISOR, type: 'stay-recorded' },
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
      '2016-02-05',
      '2016-02-05',
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
      { action: 'case.recordEvent', actor: CASEWORKER, outcome: 'rejected', via: 'cli' },
      { action: 'case.recordEvent', actor: CASEWORKER, outcome: 'ok', via: 'cli' },
      { action: 'case.recordEvent', actor: SECOND_CASEWORKER, outcome: 'ok', via: 'cli' },
      { action: 'case.recordEvent', actor: CASEWORKER, outcome: 'ok', via: 'cli' },
      { action: 'case.recordEvent', actor: CASEWORKER, outcome: 'ok', via: 'cli' },
      { action: 'case.correctEventDate', actor: CASEWORKER, outcome: 'ok', via: 'cli' },
      { action: 'case.reassign', actor: SUPERVISOR, outcome: 'ok', via: 'cli' },
      { action: 'case.correctFact', actor: CASEWORKER, outcome: 'ok', via: 'cli' },
      { action: 'case.linkCase', actor: CASEWORKER, outcome: 'ok', via: 'cli' },
      { action: 'case.voidEvent', actor: SECOND_CASEWORKER, outcome: 'ok', via: 'cli' },
    ]);
  }, 180_000);
});
