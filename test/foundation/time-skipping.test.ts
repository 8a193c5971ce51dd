import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTimeSkippingEnv } from '../support/temporal-env';
import { sleepForAYear } from './workflows';

describe('time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('runs a workflow that sleeps for a year in seconds of wall time', async () => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'foundation-time-skipping',
      workflowsPath: require.resolve('./workflows'),
    });
    const serverTimeBefore = await env.currentTimeMs();
    const result = await worker.runUntil(
      env.client.workflow.execute(sleepForAYear, { taskQueue: 'foundation-time-skipping', workflowId: 'sleep-a-year' }),
    );
    const serverElapsedDays = (await env.currentTimeMs() - serverTimeBefore) / 86_400_000;
    expect(result).toBe('woke');
    expect(serverElapsedDays).toBeGreaterThanOrEqual(365);
  });
});
