import { defineQuery, setHandler, sleep, upsertSearchAttributes } from '@temporalio/workflow';
import { NextDeadline } from '../../src/workflows/search-attributes';

/** Minimal workflows that prove the servers are real: a year-long sleep and a queryable, searchable one. */
export async function sleepForAYear(): Promise<string> {
  await sleep('365 days');
  return 'woke';
}

export const labelQuery = defineQuery<string>('label');

export async function searchableWorkflow(label: string, nextDeadlineIso: string): Promise<void> {
  setHandler(labelQuery, () => label);
  upsertSearchAttributes([{ key: NextDeadline, value: new Date(nextDeadlineIso) }]);
  await sleep('30 days');
}
