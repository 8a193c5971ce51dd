import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createTimeSkippingEnv } from '../support/temporal-env';
import '../support/quiet-temporal-logs';
import { waitFor } from '../support/wait-for';
import { TEST_DATABASES } from '../store/register-databases';
import { reminderFor, startHarness, type Harness } from './activity-harness';
import { sendRemindersWithRetries } from './drill-workflows';

const CASE_NUMBERS = ['RU-TA-2016-0042', 'RU-TA-2016-0043', 'RU-TA-2016-0044', 'RU-TA-2016-0045'];

/**
 * The SMTP server is down while Temporal retries the reminders, then comes back; one worker "crashes"
 * after its message went out but before Temporal heard of it. Every reminder must arrive exactly once.
 */
describe.each(TEST_DATABASES)('an SMTP outage drill through a real worker, register on $name', (database) => {
  let env: TestWorkflowEnvironment;
  let h: Harness;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(() => env?.teardown());
  beforeEach(async () => {
    h = await startHarness(database);
  });
  afterEach(() => h.stop());

  it('delivers every reminder exactly once after the server comes back', async () => {
    const requests = CASE_NUMBERS.map((caseNumber) => reminderFor('cw-petrova', 7, caseNumber));
    const crashAfterSending = requests[1]!.idempotencyKey;
    const attempts = new Map<string, number>();
    let crashed = false;

    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: `smtp-drill-${database.name}`,
      workflowsPath: require.resolve('./drill-workflows'),
      activities: {
        sendReminder: async (request: (typeof requests)[number]) => {
          attempts.set(request.idempotencyKey, Context.current().info.attempt);
          const receipt = await h.activities.sendReminder(request);
          if (request.idempotencyKey === crashAfterSending && !crashed) {
            crashed = true;
            throw new Error('the worker was lost after sending, before it reported the result');
          }
          return receipt;
        },
      },
    });

    await h.mailbox.goDown();
    const outage = (async () => {
      await waitFor(() => requests.every((request) => (attempts.get(request.idempotencyKey) ?? 0) >= 3), {
        timeoutMs: 60_000,
        what: 'every reminder to fail at least twice while the SMTP server is down',
      });
      expect(h.mailbox.messages).toEqual([]);
      await h.mailbox.comeBack();
    })();

    const receipts = await worker.runUntil(async () => {
      const result = await env.client.workflow.execute(sendRemindersWithRetries, {
        taskQueue: `smtp-drill-${database.name}`,
        workflowId: `smtp-drill-${database.name}`,
        args: [requests],
      });
      await outage;
      return result;
    });

    const messageIds = h.mailbox.messages.map((mail) => mail.parsed.messageId);
    expect(messageIds).toHaveLength(requests.length);
    expect(new Set(messageIds)).toEqual(new Set(receipts.map((receipt) => receipt.messageId)));
    expect(h.mailbox.messages.map((mail) => mail.parsed.subject).sort()).toEqual(
      CASE_NUMBERS.map((caseNumber) => `[asylum-docket] Напоминание: Жалоба на отказ до 26.02.2016 (дело ${caseNumber})`).sort(),
    );
    expect(crashed).toBe(true);
    expect(receipts.map((receipt) => receipt.duplicate)).toEqual(requests.map((request) => request.idempotencyKey === crashAfterSending));

    for (const request of requests) {
      const { deliveries } = await h.runtime.register.caseTrail(request.caseId);
      expect(deliveries).toEqual([expect.objectContaining({ channel: 'email', recipientId: 'cw-petrova' })]);
    }
  });
});
