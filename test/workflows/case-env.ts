import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { activityInfo } from '@temporalio/activity';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createConfirmActor } from '../../src/activities/confirm-actor';
import type { CaseActivities, DeadlineChangeNotice, EscalationRequest, RegisterEntry, ReminderRequest } from '../../src/activities/types';
import { computeDeadlines } from '../../src/rules';
import type { StaffMember } from '../../src/store';
import { CASE_SEARCH_ATTRIBUTES } from '../../src/workflows/search-attributes';
import { TEMPORAL_TEST_SERVER } from '../support/temporal-env';
import { createTestWorker } from '../support/test-worker';

/**
 * A time-skipping server whose clock starts at a chosen past instant, so the founding case runs on its
 * real 2015-2017 dates against the real rules engine and calendars. The Java test server cannot be told
 * a start time; libfaketime (Debian package `libfaketime`) sets its clock, and time skipping moves on from there.
 */
const LIBFAKETIME_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1',
  '/usr/lib/faketime/libfaketimeMT.so.1',
];

function testServerStartingAt(startUtc: string): string {
  const library = LIBFAKETIME_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!library) throw new Error('libfaketime is missing: install it (apt-get install libfaketime) to run the case workflow tests');
  if (!existsSync(TEMPORAL_TEST_SERVER)) throw new Error(`${TEMPORAL_TEST_SERVER} is missing: run \`bash scripts/setup.sh\` first`);
  const script = path.join(mkdtempSync(path.join(os.tmpdir(), 'case-test-server-')), 'temporal-test-server');
  // `exec`, so the SDK's shutdown reaches the server itself.
  writeFileSync(
    script,
    `#!/bin/sh\nexec env LD_PRELOAD=${library} FAKETIME="@${startUtc}" FAKETIME_DONT_RESET=1 "${TEMPORAL_TEST_SERVER}" "$@"\n`,
    { mode: 0o755 },
  );
  return script;
}

const INDEXED_VALUE_TYPE = {
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  INT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
} as const;

/**
 * The time-skipping server knows only its predefined search attributes; the case's typed ones are added
 * through the operator service, as a cluster operator would, so the workflow upserts them unchanged.
 */
async function registerCaseSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  const searchAttributes = Object.fromEntries(
    CASE_SEARCH_ATTRIBUTES.map((key) => [key.name, INDEXED_VALUE_TYPE[key.type as keyof typeof INDEXED_VALUE_TYPE]]),
  );
  await env.connection.operatorService.addSearchAttributes({ namespace: env.namespace ?? 'default', searchAttributes });
}

export async function createCaseTestEnv(startUtc: string): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServerStartingAt(startUtc) } },
  });
  await registerCaseSearchAttributes(env);
  return env;
}

export interface Sent<T> {
  request: T;
  /** Server time (the case's clock) when the call was scheduled. */
  at: string;
}

/**
 * Activities that record every call; computeDeadlines is the real rules engine, and confirmActor the real
 * check against a staff directory that holds only `staff`, the people the scenario has act.
 */
export function recordingActivities(staff: readonly StaffMember[]) {
  const calls = {
    reminders: [] as Sent<ReminderRequest>[],
    escalations: [] as Sent<EscalationRequest>[],
    changeNotices: [] as Sent<DeadlineChangeNotice>[],
    register: [] as Sent<RegisterEntry>[],
  };
  // To the second: the server schedules a few milliseconds after the timer that led to the call.
  const scheduledAt = () => new Date(Math.floor(activityInfo().currentAttemptScheduledTimestampMs / 1000) * 1000).toISOString();
  const activities: CaseActivities = {
    computeDeadlines: async ({ caseId: _caseId, reminderPolicyOffsetsDays, eventId: _eventId, rulePin: _rulePin, ...request }) =>
      computeDeadlines(request, reminderPolicyOffsetsDays && { offsetsDays: reminderPolicyOffsetsDays }),
    sendReminder: async (request) => {
      calls.reminders.push({ request, at: scheduledAt() });
      return { channel: 'log', messageId: request.idempotencyKey, duplicate: false };
    },
    escalate: async (request) => {
      calls.escalations.push({ request, at: scheduledAt() });
      return { channel: 'log', messageId: request.idempotencyKey, duplicate: false };
    },
    tellDeadlineChanged: async (request) => {
      calls.changeNotices.push({ request, at: scheduledAt() });
      return { channel: 'log', messageId: request.idempotencyKey, duplicate: false };
    },
    recordOutcome: async (entry) => {
      calls.register.push({ request: entry, at: scheduledAt() });
    },
    confirmActor: createConfirmActor({ get: async (id) => staff.find((member) => member.id === id) }),
  };
  return { calls, activities };
}

export async function createCaseWorker(env: TestWorkflowEnvironment, taskQueue: string, activities: CaseActivities): Promise<Worker> {
  return createTestWorker(env, { taskQueue, workflowsPath: require.resolve('../../src/workflows'), activities });
}
