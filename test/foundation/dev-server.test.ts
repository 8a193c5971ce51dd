import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { CaseStage, NextDeadline, Office } from '../../src/workflows/search-attributes';
import { createDevServerEnv, VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { labelQuery, searchableWorkflow } from './workflows';

describe('dev server with the case search attributes', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createDevServerEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('starts a workflow with typed search attributes, queries it and lists it by attribute', async () => {
    const taskQueue = 'foundation-dev-server';
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./workflows'),
    });
    await worker.runUntil(async () => {
      const started = await Promise.all(
        ['refused', 'granted'].map((stage, index) =>
          env.client.workflow.start(searchableWorkflow, {
            taskQueue,
            workflowId: `foundation-searchable-${stage}`,
            args: [`label-${stage}`, `2016-02-2${index + 6}T21:00:00.000Z`],
            typedSearchAttributes: [
              { key: CaseStage, value: stage },
              { key: Office, value: 'office-test' },
            ],
          }),
        ),
      );
      expect(await started[0]!.query(labelQuery)).toBe('label-refused');

      const refused = await waitFor(async () => {
        const found: string[] = [];
        for await (const execution of env.client.workflow.list({
          query: `CaseStage = "refused" AND Office = "office-test" AND NextDeadline < "2016-02-27T00:00:00Z"`,
        })) {
          found.push(execution.workflowId);
        }
        return found.length > 0 ? found : undefined;
      }, { timeoutMs: VISIBILITY_MS, what: 'the refused workflow to be listed by its search attributes' });
      expect(refused).toEqual(['foundation-searchable-refused']);

      const description = await started[1]!.describe();
      expect(description.typedSearchAttributes.get(CaseStage)).toBe('granted');
      expect(description.typedSearchAttributes.get(NextDeadline)?.toISOString()).toBe('2016-02-27T21:00:00.000Z');
      await Promise.all(started.map((handle) => handle.terminate('test finished')));
    });
  });
});
