import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import type { CaseSummary, CaseView, CommandInput, CommandName, OpenCaseInput } from '../../src/domain';
import type { CaseActivities } from '../../src/activities/types';
import type { StaffMember } from '../../src/store';
import { BUILT_IN_JURISDICTIONS } from '../../src/rules/jurisdictions';
import type { caseWorkflow } from '../../src/workflows/case-workflow';
import { caseUpdates, caseWorkflowId, getCase } from '../../src/workflows/messages';
import { waitFor } from '../support/wait-for';
import { createCaseTestEnv, createCaseWorker, recordingActivities } from './case-env';

/**
 * The founding case and its variants as runs on the time-skipping server, shared by the workflow tests
 * and by the script that records their histories for replay tests.
 * Public reporting gives the procedural dates; the person is "Applicant-K", the case number is invented.
 */
export const ZONE = 'Europe/Moscow';
export const CASEWORKER = 'cw-0142';
export const SERVER_START_UTC = '2015-11-02 06:00:00';

type WithoutActor<T> = T extends unknown ? Omit<T, 'actor'> : never;

export interface CaseRun {
  env: TestWorkflowEnvironment;
  /** The zone of the case's jurisdiction, in which `advanceTo` reads its local date-times. */
  zone: string;
  calls: ReturnType<typeof recordingActivities>['calls'];
  caseNumber: string;
  handle: () => WorkflowHandle<typeof caseWorkflow>;
  /** Moves the server clock to a local date-time of the case's jurisdiction (Moscow by default), firing every timer on the way. */
  advanceTo: (localDateTime: string) => Promise<void>;
  command: <N extends CommandName>(name: N, input: WithoutActor<CommandInput<N>>) => Promise<CaseSummary>;
  view: () => Promise<CaseView>;
  /** The case once every queued message and register entry has been delivered. */
  settledView: () => Promise<CaseView>;
  firstRunId: string;
}

export function moscow(localDateTime: string): number {
  return localMs(localDateTime, ZONE);
}

export function localMs(localDateTime: string, zone: string): number {
  return DateTime.fromISO(localDateTime, { zone }).toMillis();
}

/** The zone of a jurisdiction the engine ships with; Moscow for codes it does not know (tests of unknown procedures). */
export function zoneOf(jurisdiction: string): string {
  return BUILT_IN_JURISDICTIONS.find((candidate) => candidate.code === jurisdiction)?.zone ?? ZONE;
}

async function executeCommand<N extends CommandName>(handle: WorkflowHandle<typeof caseWorkflow>, name: N, input: CommandInput<N>): Promise<CaseSummary> {
  // The update definitions are keyed by command name; the cast joins the per-name input types.
  return handle.executeUpdate(caseUpdates[name] as (typeof caseUpdates)['reassign'], { args: [input as CommandInput<'reassign'>] });
}

/** The founding case's opening (RU temporary asylum, Moscow); `overrides` open a case of another jurisdiction, procedure or person. */
export function openInput(caseNumber: string, overrides: Partial<OpenCaseInput> = {}): OpenCaseInput {
  return {
    caseNumber,
    jurisdiction: 'RU',
    procedure: 'temporary-asylum',
    office: 'moscow-1',
    caseworker: CASEWORKER,
    actor: CASEWORKER,
    applicant: { pseudonym: 'Applicant-K', nationality: 'PRK', languages: ['ko'] },
    ...overrides,
  };
}

export interface CaseOptions {
  /** The UTC instant the server clock starts at, as `YYYY-MM-DD HH:mm:ss` (libfaketime); the founding case's 2 Nov 2015 by default. */
  startUtc?: string;
  open?: Partial<OpenCaseInput>;
  activities?: Partial<CaseActivities>;
  /** Staff in the directory besides CASEWORKER, who sends the scenario's commands. */
  staff?: StaffMember[];
}

/** CASEWORKER, active in the case's office, so the case accepts the scenario's commands from them. */
function scenarioCaseworker(office: string): StaffMember {
  return { id: CASEWORKER, displayName: 'Caseworker of the scenario', language: 'en', role: 'caseworker', office, active: true };
}

/** Opens a case on a fresh server whose clock starts on 2 Nov 2015, runs `body`, and tears everything down. */
export async function withCase<T>(
  caseNumber: string,
  body: (run: CaseRun) => Promise<T>,
  openOverrides: Partial<OpenCaseInput> = {},
  activityOverrides: Partial<CaseActivities> = {},
): Promise<T> {
  return withCaseFrom(caseNumber, { open: openOverrides, activities: activityOverrides }, body);
}

/** The same, for a case that starts in its own year and jurisdiction: the server clock starts at `options.startUtc`. */
export async function withCaseFrom<T>(caseNumber: string, options: CaseOptions, body: (run: CaseRun) => Promise<T>): Promise<T> {
  const open = openInput(caseNumber, options.open);
  const zone = zoneOf(open.jurisdiction);
  const env = await createCaseTestEnv(options.startUtc ?? SERVER_START_UTC);
  try {
    const { calls, activities: recording } = recordingActivities([scenarioCaseworker(open.office), ...(options.staff ?? [])]);
    const activities = { ...recording, ...options.activities };
    const taskQueue = `cases-${randomUUID()}`;
    const worker = await createCaseWorker(env, taskQueue, activities);
    const workflowId = caseWorkflowId(caseNumber);
    return await worker.runUntil(async () => {
      const started = await env.client.workflow.start<typeof caseWorkflow>('caseWorkflow', {
        taskQueue,
        workflowId,
        args: [{ open }],
      });
      const handle = () => env.client.workflow.getHandle<typeof caseWorkflow>(workflowId);
      const run: CaseRun = {
        env,
        zone,
        calls,
        caseNumber,
        handle,
        firstRunId: started.firstExecutionRunId,
        advanceTo: async (localDateTime) => {
          const gap = localMs(localDateTime, zone) - (await env.currentTimeMs());
          if (gap < 0) throw new Error(`the server clock is already past ${localDateTime}`);
          await env.sleep(gap);
        },
        command: (name, input) => executeCommand(handle(), name, { actor: CASEWORKER, ...input } as CommandInput<typeof name>),
        view: () => handle().query(getCase),
        settledView: () =>
          waitFor(
            async () => {
              const view = await handle().query(getCase);
              return view.pendingDeliveries === 0 && view;
            },
            { timeoutMs: 30_000, what: `the deliveries of ${caseNumber} to settle` },
          ),
      };
      return body(run);
    });
  } finally {
    await env.teardown();
  }
}

/** Why the applicant let a complaint period go: the reason staff give when they waive it. */
export const APPLIED_AGAIN = 'the applicant chose a new application instead of a complaint';

/**
 * Staff waive the complaint against the latest refusal: a new application does not end the right to
 * complain, so a caseworker whose applicant will not use it says so, or the period is escalated when it passes.
 */
export async function waiveLatestComplaint(run: CaseRun, reason = APPLIED_AGAIN): Promise<void> {
  const view = await run.view();
  const complaint = view.deadlines.filter((tracked) => tracked.deadline.kind === 'complaint' && tracked.status !== 'void').at(-1);
  if (!complaint) throw new Error(`case ${run.caseNumber} has no complaint period to waive`);
  await run.command('waiveDeadline', { deadlineId: complaint.id, reason });
}

/** Three refusals, each followed by a new application instead of a complaint (whose period staff waive). */
export async function foundingCaseUntilFourthApplication(run: CaseRun): Promise<void> {
  await run.advanceTo('2015-11-02T10:00');
  await run.command('recordApplicationLodged', { lodgedOn: '2015-11-02' });
  await run.advanceTo('2015-11-27T14:00');
  await run.command('recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-11-27' });
  await run.advanceTo('2015-12-17T11:00');
  await run.command('recordNewApplication', { lodgedOn: '2015-12-17' });
  await waiveLatestComplaint(run);
  await run.advanceTo('2015-12-22T16:00');
  await run.command('recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-12-22' });
  await run.advanceTo('2016-01-11T10:00');
  await run.command('recordNewApplication', { lodgedOn: '2016-01-11' });
  await waiveLatestComplaint(run);
  await run.advanceTo('2016-01-26T15:00');
  await run.command('recordDecision', { decision: 'refusal', noticeReceivedOn: '2016-01-26' });
  await run.advanceTo('2016-01-28T10:00');
  await run.command('recordNewApplication', { lodgedOn: '2016-01-28' });
  await waiveLatestComplaint(run);
  await run.advanceTo('2016-05-26T14:00');
}

/** ... and a grant on the fourth. */
export async function foundingCaseUntilGrant(run: CaseRun): Promise<void> {
  await foundingCaseUntilFourthApplication(run);
  await run.command('recordDecision', { decision: 'grant', grantedOn: '2016-05-26' });
}

/** After the grant: reminders before the one-year expiry, renewal filed, protection extended. */
export async function foundingCaseRenewed(run: CaseRun): Promise<void> {
  await foundingCaseUntilGrant(run);
  await run.advanceTo('2017-04-10T11:00');
  await run.command('recordRenewalFiled', { filedOn: '2017-04-10' });
  await run.advanceTo('2017-05-15T12:00');
  await run.command('recordRenewalDecision', { decision: 'extended', decidedOn: '2017-05-15' });
  await run.advanceTo('2017-06-01T12:00');
}

/** The variant: nobody files for renewal, and the protection lapses. */
export async function foundingCaseLapsed(run: CaseRun): Promise<void> {
  await foundingCaseUntilGrant(run);
  await run.advanceTo('2017-06-01T12:00');
}

/** A refusal that nobody complains about in time. */
export async function missedComplaint(run: CaseRun): Promise<void> {
  await run.advanceTo('2015-11-02T10:00');
  await run.command('recordApplicationLodged', { lodgedOn: '2015-11-02' });
  await run.advanceTo('2015-11-27T14:00');
  await run.command('recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-11-27' });
  await run.advanceTo('2016-03-31T12:00');
}

/** A refusal notice entered with the wrong date and corrected three days later. */
export async function correctedRefusalDate(run: CaseRun): Promise<void> {
  await run.advanceTo('2015-11-02T10:00');
  await run.command('recordApplicationLodged', { lodgedOn: '2015-11-02' });
  await run.advanceTo('2015-11-27T14:00');
  await run.command('recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-11-27' });
  await run.advanceTo('2015-11-30T10:00');
  await run.command('correctEventDate', { eventId: 3, correctedDate: '2015-11-20', reason: 'the notice was received on 20 November' });
  await run.advanceTo('2016-01-10T12:00');
}

/**
 * Staff enter a case's past in one sitting: a refusal whose complaint window had ended, the new application
 * that followed it, and the waiver of the complaint the applicant never made.
 */
export async function backfilledHistory(run: CaseRun): Promise<void> {
  await run.advanceTo('2016-01-10T10:00');
  await run.command('recordApplicationLodged', { lodgedOn: '2015-11-02' });
  await run.command('recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-11-27' });
  await run.advanceTo('2016-01-10T10:20');
  await run.command('recordNewApplication', { lodgedOn: '2015-12-22' });
  await waiveLatestComplaint(run);
  await run.advanceTo('2016-01-10T14:00');
}

/**
 * A court extends the complaint period by order, set by hand; later the case is migrated to the installed
 * rule data (the same data here, so no date moves) and the override stands.
 */
export async function overriddenThenMigrated(run: CaseRun): Promise<void> {
  await run.advanceTo('2015-11-02T10:00');
  await run.command('recordEvent', { event: 'application-lodged', on: '2015-11-02' });
  await run.advanceTo('2015-11-27T14:00');
  await run.command('recordEvent', { event: 'refusal-notice-received', on: '2015-11-27' });
  await run.advanceTo('2015-12-01T10:00');
  const complaint = (await run.view()).deadlines.find((tracked) => tracked.deadline.kind === 'complaint')!;
  await run.command('overrideDeadline', { deadlineId: complaint.id, dueDate: '2016-01-15', reason: 'court order extending the period' });
  await run.advanceTo('2015-12-02T10:00');
  await run.command('migrateRules', { reason: 'new production calendar' });
  await run.advanceTo('2016-01-16T12:00');
}

/** A refused applicant leaves the country during the complaint window; the case closes. */
export async function closedAfterRefusal(run: CaseRun): Promise<void> {
  await run.advanceTo('2015-11-02T10:00');
  await run.command('recordApplicationLodged', { lodgedOn: '2015-11-02' });
  await run.advanceTo('2015-11-27T14:00');
  await run.command('recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-11-27' });
  await run.advanceTo('2015-12-01T10:00');
  await run.command('closeCase', { reason: 'left-country', closedOn: '2015-12-01' });
  await run.handle().result();
}
