import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import type { CaseSummary, CaseView, CommandInput, CommandName, OpenCaseInput } from '../../src/domain';
import type { CaseActivities } from '../../src/activities/types';
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
  calls: ReturnType<typeof recordingActivities>['calls'];
  caseNumber: string;
  handle: () => WorkflowHandle<typeof caseWorkflow>;
  /** Moves the server clock to a Moscow local date-time, firing every timer on the way. */
  advanceTo: (localDateTime: string) => Promise<void>;
  command: <N extends CommandName>(name: N, input: WithoutActor<CommandInput<N>>) => Promise<CaseSummary>;
  view: () => Promise<CaseView>;
  /** The case once every queued message and register entry has been delivered. */
  settledView: () => Promise<CaseView>;
  firstRunId: string;
}

export function moscow(localDateTime: string): number {
  return DateTime.fromISO(localDateTime, { zone: ZONE }).toMillis();
}

async function executeCommand<N extends CommandName>(handle: WorkflowHandle<typeof caseWorkflow>, name: N, input: CommandInput<N>): Promise<CaseSummary> {
  // The update definitions are keyed by command name; the cast joins the per-name input types.
  return handle.executeUpdate(caseUpdates[name] as (typeof caseUpdates)['reassign'], { args: [input as CommandInput<'reassign'>] });
}

export function openInput(caseNumber: string): OpenCaseInput {
  return {
    caseNumber,
    jurisdiction: 'RU',
    procedure: 'temporary-asylum',
    office: 'moscow-1',
    caseworker: CASEWORKER,
    actor: CASEWORKER,
    applicant: { pseudonym: 'Applicant-K', nationality: 'PRK', languages: ['ko'] },
  };
}

/** Opens a case on a fresh server whose clock starts on 2 Nov 2015, runs `body`, and tears everything down. */
export async function withCase<T>(
  caseNumber: string,
  body: (run: CaseRun) => Promise<T>,
  openOverrides: Partial<OpenCaseInput> = {},
  activityOverrides: Partial<CaseActivities> = {},
): Promise<T> {
  const env = await createCaseTestEnv(SERVER_START_UTC);
  try {
    const { calls, activities: recording } = recordingActivities();
    const activities = { ...recording, ...activityOverrides };
    const taskQueue = `cases-${randomUUID()}`;
    const worker = await createCaseWorker(env, taskQueue, activities);
    const workflowId = caseWorkflowId(caseNumber);
    return await worker.runUntil(async () => {
      const started = await env.client.workflow.start<typeof caseWorkflow>('caseWorkflow', {
        taskQueue,
        workflowId,
        args: [{ open: { ...openInput(caseNumber), ...openOverrides } }],
      });
      const handle = () => env.client.workflow.getHandle<typeof caseWorkflow>(workflowId);
      const run: CaseRun = {
        env,
        calls,
        caseNumber,
        handle,
        firstRunId: started.firstExecutionRunId,
        advanceTo: async (localDateTime) => {
          const gap = moscow(localDateTime) - (await env.currentTimeMs());
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

/** Three refusals, each with its complaint window and a new application. */
export async function foundingCaseUntilFourthApplication(run: CaseRun): Promise<void> {
  await run.advanceTo('2015-11-02T10:00');
  await run.command('recordApplicationLodged', { lodgedOn: '2015-11-02' });
  await run.advanceTo('2015-11-27T14:00');
  await run.command('recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-11-27' });
  await run.advanceTo('2015-12-17T11:00');
  await run.command('recordNewApplication', { lodgedOn: '2015-12-17' });
  await run.advanceTo('2015-12-22T16:00');
  await run.command('recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-12-22' });
  await run.advanceTo('2016-01-11T10:00');
  await run.command('recordNewApplication', { lodgedOn: '2016-01-11' });
  await run.advanceTo('2016-01-26T15:00');
  await run.command('recordDecision', { decision: 'refusal', noticeReceivedOn: '2016-01-26' });
  await run.advanceTo('2016-01-28T10:00');
  await run.command('recordNewApplication', { lodgedOn: '2016-01-28' });
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

/** Staff enter a case's past in one sitting: a refusal whose complaint window had ended, then the new application that followed it. */
export async function backfilledHistory(run: CaseRun): Promise<void> {
  await run.advanceTo('2016-01-10T10:00');
  await run.command('recordApplicationLodged', { lodgedOn: '2015-11-02' });
  await run.command('recordDecision', { decision: 'refusal', noticeReceivedOn: '2015-11-27' });
  await run.advanceTo('2016-01-10T10:20');
  await run.command('recordNewApplication', { lodgedOn: '2015-12-22' });
  await run.advanceTo('2016-01-10T14:00');
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
