import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { ActivityRuntime } from '../../../src/activities';
import type { ApplicantIndex } from '../../../src/codec/applicant-index';
import type { AccessStore, Role } from '../../../src/access';
import { openAccess } from '../../../src/access/open-access';
import { assembleApiServer } from '../../../src/api';
import { CaseClient } from '../../../src/client/case-client';
import { EncryptionCodec } from '../../../src/codec/encryption-codec';
import { createLogger } from '../../../src/logging';
import type { EscalatedCases } from '../../../src/store';
import { startTestEngine, TEST_PUBLIC_URL } from '../../support/test-engine';
import { httpClient, listen } from './http';

export { daysAgo } from '../../support/test-engine';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The engine as a person meets it: the dev server, the engine's worker with the real activities
 * (register in a SQLite file, messages to the outbox), and the HTTP API on a free port.
 */
export interface ApiEngine {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  cases: CaseClient;
  applicantIndex: ApplicantIndex;
  access: AccessStore;
  escalated: EscalatedCases;
  runtime: ActivityRuntime;
  baseUrl: string;
  http: ReturnType<typeof httpClient>;
  tokenFor(role: Role, staffId: string, office: string): Promise<string>;
  stop(): Promise<void>;
}

/** `logger`: what the API and the activities log to, for tests that read their lines (errors only, to stderr, otherwise); `tracing`: see startTestEngine. */
export async function startApiEngine(taskQueue = 'api-test', options: Omit<Parameters<typeof startTestEngine>[0], 'taskQueue' | 'tuning'> = {}): Promise<ApiEngine> {
  const engine = await startTestEngine({ taskQueue, ...options });
  const { runtime } = engine;
  for (const [id, office] of [
    ['sv-msk', 'msk-1'],
    ['sv-spb', 'spb-1'],
  ] as const) {
    await runtime.staff.upsert({ id, displayName: `Supervisor ${office}`, language: 'en', role: 'supervisor', office });
  }
  const { handle, access } = await openAccess({ dataDir: engine.dataDir });
  const cases = new CaseClient({ client: engine.env.client, namespace: engine.env.namespace ?? 'default', taskQueue, audit: access.audit, staff: access.staff, applicantIndex: engine.applicantIndex, via: 'api' });
  const escalated = runtime.store.escalated;
  const app = await assembleApiServer({
    cases,
    access,
    escalated,
    outbox: runtime.store.outbox,
    ruleData: { computations: runtime.computations, rulebook: runtime.rulebook },
    logger: options.logger ?? createLogger('error'),
    publicUrl: TEST_PUBLIC_URL,
    projectRoot: PROJECT_ROOT,
    codec: { codec: new EncryptionCodec(engine.keyRing), corsOrigins: [] },
  });
  const baseUrl = await listen(app);
  return {
    env: engine.env,
    taskQueue,
    cases,
    applicantIndex: engine.applicantIndex,
    access,
    escalated,
    runtime,
    baseUrl,
    http: httpClient(baseUrl),
    tokenFor: async (role, staffId, office) => {
      // A token stands for a member of the directory, so the member is put there with the role and office the test wants.
      const known = await access.staff.get(staffId);
      if (!known?.active || known.role !== role || known.office !== office) {
        await access.staff.upsert({ ...(known ?? { displayName: `Test ${role} ${staffId}`, language: 'en' as const }), id: staffId, role, office });
      }
      return (await access.tokens.issue({ staffId, label: 'test' }, 'test-setup')).token;
    },
    stop: async () => {
      await app.close();
      await handle.close();
      await engine.stop();
    },
  };
}

/** The default reminders, with deadlines entered already past escalated at once instead of after an hour. */
export const ESCALATE_LATE_ENTRIES_AT_ONCE = { offsetsDays: [30, 14, 7, 3, 1, 0], localTime: '09:00', lateEntryGraceMinutes: 0 };
