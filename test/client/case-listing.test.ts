import { InvalidInputError } from '../../src/errors/docket-errors';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { caseIdOf } from '../../src/domain/identifiers';
import { CaseListing } from '../../src/client/case-listing';
import { visibilityQuery } from '../../src/client/case-filter';
import { Attempt, CaseStage, Caseworker, Jurisdiction, NextDeadline, NextDeadlineKind, Office, Procedure } from '../../src/workflows/search-attributes';
import { createDevServerEnv, VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';

describe('visibility query', () => {
  it('leaves out closed cases and earlier runs, and quotes every value', () => {
    expect(visibilityQuery({ office: 'msk-1', nextDeadlineBefore: '2016-03-01T00:00:00+03:00' })).toBe(
      'WorkflowType = "caseWorkflow" AND ExecutionStatus != "ContinuedAsNew" AND `CaseStage` != "closed" AND `Office` = "msk-1" AND `NextDeadline` < "2016-02-29T21:00:00.000Z"',
    );
    expect(visibilityQuery({ stages: ['refused', 'closed'] })).toContain('`CaseStage` IN ("refused", "closed")');
  });
});

describe('case listing on the dev server', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = 'listing-test';

  beforeAll(async () => {
    env = await createDevServerEnv();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./fixtures/indexed-case-workflow'),
    });
    running = worker.run();
    const cases = [
      { n: 'RU-TA-2016-0001', stage: 'refused', office: 'msk-1', caseworker: 'cw-1', due: '2016-02-26T21:00:00Z', kind: 'complaint' },
      { n: 'RU-TA-2016-0002', stage: 'lodged', office: 'msk-1', caseworker: 'cw-2', due: '2016-04-28T21:00:00Z', kind: 'decision-due' },
      { n: 'RU-TA-2016-0003', stage: 'refused', office: 'spb-1', caseworker: 'cw-3', due: '2016-02-10T21:00:00Z', kind: 'complaint' },
      { n: 'RU-TA-2016-0004', stage: 'closed', office: 'msk-1', caseworker: 'cw-1' },
    ];
    for (const c of cases) {
      await env.client.workflow.start('caseWorkflow', {
        taskQueue,
        workflowId: caseIdOf(c.n),
        typedSearchAttributes: [
          { key: CaseStage, value: c.stage },
          { key: Jurisdiction, value: 'RU' },
          { key: Procedure, value: 'temporary-asylum' },
          { key: Office, value: c.office },
          { key: Caseworker, value: c.caseworker },
          { key: Attempt, value: 1 },
          ...(c.due ? [{ key: NextDeadline, value: new Date(c.due) }, { key: NextDeadlineKind, value: c.kind as string }] : []),
        ],
      });
    }
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  it('counts by filter and by stage, leaving closed cases out unless asked', async () => {
    const listing = new CaseListing(env.client, 'default');
    await waitFor(async () => (await listing.count({ includeClosed: true })) === 4, { timeoutMs: VISIBILITY_MS, what: 'all four cases to be counted' });
    expect(await listing.count({})).toBe(3);
    expect(await listing.count({ office: 'msk-1' })).toBe(2);
    const byStage = await listing.countByStage({ includeClosed: true });
    expect(byStage).toMatchObject({ refused: 2, lodged: 1, closed: 1, granted: 0 });
  });

  it('pages through results with opaque tokens and sorts by next deadline', async () => {
    const listing = new CaseListing(env.client, 'default');
    const first = await listing.page({}, { pageSize: 2 });
    expect(first.cases).toHaveLength(2);
    expect(first.nextPageToken).toBeDefined();
    const second = await listing.page({}, { pageSize: 2, pageToken: first.nextPageToken! });
    const seen = [...first.cases, ...second.cases].map((c) => c.caseNumber).sort();
    expect(seen).toEqual(['RU-TA-2016-0001', 'RU-TA-2016-0002', 'RU-TA-2016-0003']);

    const sorted = await listing.byNextDeadline({});
    expect(sorted.map((c) => c.caseNumber)).toEqual(['RU-TA-2016-0003', 'RU-TA-2016-0001', 'RU-TA-2016-0002']);
    expect(sorted[0]).toMatchObject({ stage: 'refused', office: 'spb-1', nextDeadline: { endsAt: '2016-02-10T21:00:00.000Z', dueDate: '2016-02-10', kind: 'complaint' } });

    const window = await listing.byNextDeadline({ nextDeadlineFrom: '2016-02-20T00:00:00Z', nextDeadlineBefore: '2016-03-01T00:00:00Z' });
    expect(window.map((c) => c.caseNumber)).toEqual(['RU-TA-2016-0001']);
  });

  it('refuses a page token it did not issue', async () => {
    const listing = new CaseListing(env.client, 'default');
    await expect(listing.page({}, { pageToken: 'not a token!' })).rejects.toThrow(/pageToken/);
    // Well-formed but never issued: refused as bad input at once, not retried by the SDK as if the server were down.
    const startedMs = Date.now();
    await expect(listing.page({}, { pageToken: 'AAAA' })).rejects.toThrow(InvalidInputError);
    expect(Date.now() - startedMs).toBeLessThan(5_000);
    await expect(listing.page({}, { pageSize: 0 })).rejects.toThrow(/pageSize/);
  });
});
