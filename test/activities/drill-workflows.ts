import { proxyActivities, sleep } from '@temporalio/workflow';
import type { CaseActivities, DeliveryReceipt, EscalationRequest, ReminderRequest } from '../../src/activities/types';

const { sendReminder } = proxyActivities<Pick<CaseActivities, 'sendReminder'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Sends a batch of reminders the way the case workflow does: one activity each, retried by Temporal. */
export async function sendRemindersWithRetries(requests: ReminderRequest[]): Promise<DeliveryReceipt[]> {
  return Promise.all(requests.map((request) => sendReminder(request)));
}

const { escalate } = proxyActivities<Pick<CaseActivities, 'escalate'>>({ startToCloseTimeout: '30 seconds' });

/** Waits as the case workflow does after a missed deadline, then escalates. */
export async function escalateAfter(waitDays: number, request: EscalationRequest): Promise<DeliveryReceipt> {
  await sleep(`${waitDays} days`);
  return escalate(request);
}
