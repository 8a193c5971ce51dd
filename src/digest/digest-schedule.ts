import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { listJurisdictions } from '../rules';
import { InvalidInputError } from '../errors/docket-errors';
import { DIGEST_WORKFLOW_TYPE, type DigestWorkflowInput } from './digest-workflow';

export interface DigestScheduleOptions {
  taskQueue: string;
  /** Whose production calendar decides which mornings are working ones, and in whose zone. */
  jurisdiction: string;
  /** Defaults to the jurisdiction's own zone from the rules engine. */
  zone?: string;
  hour?: number;
  minute?: number;
}

function zoneOf(jurisdiction: string): string {
  const known = listJurisdictions().find((candidate) => candidate.code === jurisdiction);
  if (!known) throw new InvalidInputError(`No jurisdiction "${jurisdiction}" to schedule a digest for`);
  return known.zone;
}

export const digestScheduleId = (jurisdiction: string) => `digest-${jurisdiction}`;

/**
 * Creates the schedule that starts the digest workflow every morning at 08:00 in the jurisdiction's zone,
 * or brings an existing one up to date, so calling it at every engine start is safe. It fires every day:
 * the workflow asks the production calendar, which alone knows holidays and weekend days made working.
 */
export async function ensureDigestSchedule(client: Client, options: DigestScheduleOptions): Promise<string> {
  const scheduleId = digestScheduleId(options.jurisdiction);
  const args: [DigestWorkflowInput] = [{ jurisdiction: options.jurisdiction }];
  const spec: ScheduleOptions['spec'] = {
    calendars: [{ hour: options.hour ?? 8, minute: options.minute ?? 0, comment: 'every morning; non-working days are skipped by the workflow' }],
    timezone: options.zone ?? zoneOf(options.jurisdiction),
  };
  const action: ScheduleOptions['action'] = {
    type: 'startWorkflow',
    workflowType: DIGEST_WORKFLOW_TYPE,
    args,
    taskQueue: options.taskQueue,
    workflowExecutionTimeout: '1 hour',
  };
  try {
    await client.schedule.create({
      scheduleId,
      spec,
      action,
      // A digest missed while the engine was down is not worth sending hours late.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action }));
  }
  return scheduleId;
}
