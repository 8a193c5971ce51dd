import { proxyActivities } from '@temporalio/workflow';
import type { DigestActivities } from './digest-activities';

export const DIGEST_WORKFLOW_TYPE = 'digestWorkflow';

export interface DigestWorkflowInput {
  jurisdiction: string;
}

export interface DigestRun {
  date: string;
  /** The calendar's kind of day: digests go out on working days only. */
  kind: string;
  sent: number;
}

const activities = proxyActivities<DigestActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/**
 * Started by the daily schedule: on a working day in the jurisdiction's calendar, every supervisor
 * receives their office's upcoming and missed deadlines. Each supervisor's message is its own activity,
 * so a failed channel delays one digest and resends nobody else's.
 */
export async function digestWorkflow(input: DigestWorkflowInput): Promise<DigestRun> {
  const at = new Date(Date.now()).toISOString();
  const day = await activities.digestDay({ jurisdiction: input.jurisdiction, at });
  if (!day.working) return { date: day.date, kind: day.kind, sent: 0 };
  const recipients = await activities.digestRecipients();
  await Promise.all(recipients.map((recipient) => activities.sendDigest({ ...recipient, date: day.date, at })));
  return { date: day.date, kind: day.kind, sent: recipients.length };
}
