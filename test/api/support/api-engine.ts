import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities, createActivityDeps, type ActivityRuntime } from '../../../src/activities';
import { assembleApiServer, openAccess } from '../../../src/api';
import type { AccessStore, Role } from '../../../src/api/access';
import { CaseClient } from '../../../src/client/case-client';
import { createDigestActivities } from '../../../src/client/digest-activities';
import { RegisterEscalatedCases, type EscalatedCases } from '../../../src/client/escalated-cases';
import { EncryptionCodec } from '../../../src/codec/encryption-codec';
import { generateKeyMaterial, parseKeyRingSpec } from '../../../src/codec/key-ring';
import { createLogger } from '../../../src/logging';
import { createDevServerEnv } from '../../support/temporal-env';
import { httpClient, listen } from './http';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
const PUBLIC_URL = 'http://docket.test';

/**
 * The engine as a person meets it: the dev server, a worker running the real case workflow with the
 * real activities (register in a SQLite file, messages to the outbox), and the HTTP API on a free port.
 */
export interface ApiEngine {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  cases: CaseClient;
  access: AccessStore;
  escalated: EscalatedCases;
  runtime: ActivityRuntime;
  baseUrl: string;
  http: ReturnType<typeof httpClient>;
  tokenFor(role: Role, staffId: string, office: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startApiEngine(taskQueue = 'api-test'): Promise<ApiEngine> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'docket-api-'));
  const env = await createDevServerEnv();
  const runtime = await createActivityDeps({ dataDir, smtpFrom: 'docket <docket@example.org>' });
  for (const [id, office] of [
    ['sv-msk', 'msk-1'],
    ['sv-spb', 'spb-1'],
  ] as const) {
    await runtime.staff.upsert({ id, displayName: `Supervisor ${office}`, language: 'en', role: 'supervisor', office });
  }
  const { handle, access } = await openAccess({ dataDir });
  const cases = new CaseClient({ client: env.client, namespace: 'default', taskQueue, audit: access.audit, via: 'api' });
  const escalated = new RegisterEscalatedCases(handle.db);
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    workflowsPath: require.resolve('../../../src/workflows'),
    activities: {
      ...createActivities({ ...runtime, logger: createLogger('error') }),
      ...createDigestActivities({ cases, escalated, staff: runtime.staff, notifier: runtime.notifier, dashboardUrl: `${PUBLIC_URL}/dashboard` }),
    },
  });
  const running = worker.run();
  const app = await assembleApiServer({
    cases,
    access,
    escalated,
    outbox: runtime.store.outbox,
    logger: createLogger('error'),
    publicUrl: PUBLIC_URL,
    projectRoot: PROJECT_ROOT,
    codec: { codec: new EncryptionCodec(parseKeyRingSpec(`test-key:${generateKeyMaterial()}`, 'test-key')), corsOrigins: [] },
  });
  const baseUrl = await listen(app);
  return {
    env,
    taskQueue,
    cases,
    access,
    escalated,
    runtime,
    baseUrl,
    http: httpClient(baseUrl),
    tokenFor: async (role, staffId, office) => (await access.tokens.issue({ role, staffId, office, label: 'test' }, 'test-setup')).token,
    stop: async () => {
      await app.close();
      worker.shutdown();
      await running;
      await runtime.close();
      await handle.close();
      await env.teardown();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A date `days` before today in UTC, as staff would enter a recent event. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** The default reminders, with deadlines entered already past escalated at once instead of after an hour. */
export const ESCALATE_LATE_ENTRIES_AT_ONCE = { offsetsDays: [30, 14, 7, 3, 1, 0], localTime: '09:00', lateEntryGraceMinutes: 0 };
