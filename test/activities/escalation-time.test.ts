import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { createTimeSkippingEnv } from '../support/temporal-env';
import '../support/quiet-temporal-logs';
import { TEST_DATABASES } from '../store/register-databases';
import { reminderFor, startHarness, type Harness } from './activity-harness';
import { escalateAfter } from './drill-workflows';

describe('an escalation sent through a real worker', () => {
  let env: TestWorkflowEnvironment;
  let h: Harness;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    h = await startHarness(TEST_DATABASES[0]!);
  });
  afterAll(async () => {
    await h?.stop();
    await env?.teardown();
  });

  it('counts the days overdue on the workflow’s clock, not the worker’s', async () => {
    const serverToday = DateTime.fromMillis(await env.currentTimeMs(), { zone: 'Europe/Moscow' }).toISODate()!;
    const request = {
      ...reminderFor('cw-petrova'),
      idempotencyKey: 'case-RU-TA-2016-0042/escalation/time',
      reason: 'missed' as const,
    };
    request.deadline = { ...request.deadline, dueDate: serverToday };

    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'escalation-time',
      workflowsPath: require.resolve('./drill-workflows'),
      activities: { escalate: h.activities.escalate },
    });
    await worker.runUntil(
      env.client.workflow.execute(escalateAfter, { taskQueue: 'escalation-time', workflowId: 'escalation-time', args: [5, request] }),
    );

    const [mail] = h.mailbox.messages;
    expect(mail?.to).toEqual(['smith@office.example']);
    expect(mail?.parsed.text).toContain('5 days overdue.');
  });
});
