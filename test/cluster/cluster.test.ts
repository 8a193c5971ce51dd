import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import type { RegisterDatabaseHandle } from '../../src/store';
import type { AccessStore } from '../../src/access';
import { openAccess } from '../../src/access/open-access';
import { createDataConverter } from '../../src/codec/data-converter';
import { generateKeyMaterial, parseKeyRingSpec } from '../../src/codec/key-ring';
import { inspectCluster } from '../../src/temporal/cluster-setup';
import { digestScheduleId } from '../../src/digest/digest-schedule';
import { mapLimit } from '../../src/client/map-limit';
import { httpClient, type HttpResult } from '../api/support/http';
import { startTemporalCluster, type TemporalCluster } from '../support/temporal-cluster';
import { FOUNDING_CASE_EVENTS, foundingCaseOpening } from '../support/founding-case';
import { daysAgo } from '../support/test-engine';
import { waitFor } from '../support/wait-for';
import { machineEnvironment, runEngineToEnd, startEngineProcess, type EngineProcess } from './engine-processes';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const NAMESPACE = 'docket-cluster';
const TASK_QUEUE = 'cluster-suite';
/**
 * A case's past is entered event by event, so a deadline that ended long ago waits out a late-entry grace
 * before it counts as missed (the next event may show it was met): one minute here instead of an hour.
 */
const SHORT_GRACE = { offsetsDays: [0], localTime: '09:00', lateEntryGraceMinutes: 1 };

interface CaseDeadline {
  id: string;
  status: string;
  deadline: { kind: string; dueDate: string };
}

/**
 * Issue 16: the engine the way an organisation runs it. A Temporal server of four processes (frontend,
 * history, matching, worker) on PostgreSQL with SQL visibility; the register on PostgreSQL; two engine
 * worker processes on one task queue and the API in a third, each `node dist/main.js --role ...`, all
 * connecting with mutual TLS.
 */
describe('the engine on a multi-service Temporal cluster behind mutual TLS', () => {
  let cluster: TemporalCluster;
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  let register: { handle: RegisterDatabaseHandle; access: AccessStore };
  let temporal: Connection;
  const workers: EngineProcess[] = [];
  let api: EngineProcess;
  let http: ReturnType<typeof httpClient>;
  let caseworker: string;
  let supervisor: string;

  const docket = (...args: string[]) => run(path.join(ROOT, 'bin', 'docket'), args, { env, cwd: ROOT });
  const as = (token: string) => ({
    get: (url: string) => http('GET', url, { token }),
    post: (url: string, body: unknown) => http('POST', url, { token, body }),
  });
  const ok = (response: HttpResult, status = 200) => {
    if (response.status !== status) {
      const log = response.status >= 500 && api ? `\n--- the API process's output:\n${api.output().slice(-4000)}` : '';
      throw new Error(`expected ${status}, got ${response.status}: ${response.text}${log}`);
    }
    return response.json();
  };

  beforeAll(async () => {
    cluster = await startTemporalCluster();
    const registerDatabase = `docket_cluster_${randomBytes(4).toString('hex')}`;
    await cluster.postgres.createDatabase(registerDatabase);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'docket-cluster-engine-'));
    const encryptionKey = generateKeyMaterial();
    env = {
      ...machineEnvironment(),
      TEMPORAL_ADDRESS: cluster.address,
      TEMPORAL_NAMESPACE: NAMESPACE,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      DATABASE_URL: cluster.postgres.urlOf(registerDatabase),
      DOCKET_DATA_DIR: dataDir,
      DOCKET_ENCRYPTION_KEYS: `cluster-key:${encryptionKey}`,
      DOCKET_ENCRYPTION_KEY_ID: 'cluster-key',
      DOCKET_APPLICANT_INDEX_KEY: generateKeyMaterial(),
      DOCKET_LOG_LEVEL: 'warn',
      // Mutual TLS, by Temporal's own variable names, as the Temporal CLI reads them.
      TEMPORAL_TLS_CLIENT_CERT_PATH: cluster.certificates.clientCertFile,
      TEMPORAL_TLS_CLIENT_KEY_PATH: cluster.certificates.clientKeyFile,
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: cluster.certificates.caFile,
      TEMPORAL_TLS_SERVER_NAME: cluster.certificates.serverName,
    };
    temporal = await Connection.connect({ address: cluster.address, tls: cluster.certificates.sdkTls() });
    register = await openAccess({ databaseUrl: env.DATABASE_URL!, dataDir });
    await register.access.staff.upsert({ id: 'cw-msk', displayName: 'Caseworker Moscow', language: 'en', role: 'caseworker', office: 'msk-1' });
    await register.access.staff.upsert({ id: 'sv-msk', displayName: 'Supervisor Moscow', language: 'en', role: 'supervisor', office: 'msk-1' });
    caseworker = (await register.access.tokens.issue({ staffId: 'cw-msk', label: 'cluster suite' }, 'test-setup')).token;
    supervisor = (await register.access.tokens.issue({ staffId: 'sv-msk', label: 'cluster suite' }, 'test-setup')).token;
  }, 20 * 60_000);

  afterAll(async () => {
    await Promise.all([...workers, ...(api ? [api] : [])].map((engine) => engine.kill()));
    await register?.handle.close();
    await temporal?.close();
    await cluster?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('is set up by docket admin setup-cluster, once and idempotently', async () => {
    const first = JSON.parse((await docket('admin', 'setup-cluster', '--json')).stdout);
    expect(first).toMatchObject({ namespace: NAMESPACE, namespaceCreated: true });
    expect([...first.added].sort()).toEqual(
      ['ApplicantIndex', 'Attempt', 'CaseStage', 'Caseworker', 'Jurisdiction', 'NextDeadline', 'NextDeadlineKind', 'Office', 'Procedure', 'ProtectedUntil'],
    );
    const again = JSON.parse((await docket('admin', 'setup-cluster', '--json')).stdout);
    expect(again).toEqual({ namespace: NAMESPACE, namespaceCreated: false, added: [] });
  });

  it('refuses to start on a namespace without its search attributes when it may not add them, and adds them when it may', async () => {
    const bare = `${NAMESPACE}-bare`;
    await temporal.workflowService.registerNamespace({ namespace: bare, workflowExecutionRetentionPeriod: msToTs('1 day') });
    await waitFor(async () => (await inspectCluster(temporal, bare)).namespaceExists, { timeoutMs: 30_000, what: 'the new namespace to be known' });

    const refused = await runEngineToEnd(['--role', 'worker'], { ...env, TEMPORAL_NAMESPACE: bare, DOCKET_CLUSTER_SETUP: 'check' });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/lacks the search attributes CaseStage \(KEYWORD\), .*DOCKET_CLUSTER_SETUP=check/);
    expect(refused.output).toContain('docket admin setup-cluster');
    expect((await inspectCluster(temporal, bare)).missing).toHaveLength(10);

    // The one-shot role on the default setting: adds them, sets up its schedules, and exits.
    const added = await runEngineToEnd(['--role', 'schedules'], { ...env, TEMPORAL_NAMESPACE: bare });
    expect(added).toMatchObject({ code: 0 });
    expect(await inspectCluster(temporal, bare)).toEqual({ namespaceExists: true, missing: [], mistyped: [] });

    // Without its client certificate an engine is turned away by the cluster, and stops saying where it tried.
    const { TEMPORAL_TLS_CLIENT_CERT_PATH: _cert, TEMPORAL_TLS_CLIENT_KEY_PATH: _key, ...withoutCertificate } = env;
    const anonymous = await runEngineToEnd(['--role', 'api'], withoutCertificate);
    expect(anonymous.code).not.toBe(0);
    expect(anonymous.output).toContain(`asylum-docket: failed to start: cannot connect to Temporal at ${cluster.address} (TLS)`);

    const noNamespace = await runEngineToEnd(['--role', 'api'], { ...env, TEMPORAL_NAMESPACE: `${NAMESPACE}-typo` });
    expect(noNamespace.code).not.toBe(0);
    expect(noNamespace.output).toContain(`has no namespace "${NAMESPACE}-typo" (TEMPORAL_NAMESPACE)`);
  });

  it('runs two worker processes and the API in a third, each ready only when its parts answer', async () => {
    expect((await runEngineToEnd(['--role', 'schedules'], env)).code).toBe(0);
    workers.push(...(await Promise.all([startEngineProcess('worker', env), startEngineProcess('worker', env)])));
    api = await startEngineProcess('api', env);
    http = httpClient(api.url);
    for (const worker of workers) {
      expect(ok(await httpClient(worker.url)('GET', '/health/ready'))).toEqual({ status: 'ready', checks: { temporal: 'ok', worker: 'ok', register: 'ok' } });
    }
    expect(ok(await http('GET', '/health/ready'))).toEqual({ status: 'ready', checks: { temporal: 'ok', register: 'ok' } });
    // Each worker's port serves the SDK's metrics (task slots, polls, latencies) with the engine's own.
    const workerMetrics = await (await fetch(`${workers[0]!.url}/metrics`)).text();
    expect(workerMetrics).toMatch(/^temporal_\w+/m);
    expect(workerMetrics).toMatch(/^docket_sdk_metrics_up 1$/m);
  });

  it('runs the founding case end to end: four applications, three refusals, a grant, a renewal, the lapse and its escalation', async () => {
    const caseNumber = 'RU-TA-2016-0042';
    ok(
      await as(caseworker).post('/api/cases', { ...foundingCaseOpening(caseNumber), reminderPolicy: SHORT_GRACE }),
      201,
    );
    for (const [event, on] of FOUNDING_CASE_EVENTS) {
      ok(await as(caseworker).post(`/api/cases/${caseNumber}/commands/recordEvent`, { event, on }));
    }
    // Worked out by hand from the rules: a month to complain after each refusal notice, moved past a weekend
    // (27 Dec 2015 is a Sunday: Mon 28 Dec; 22 Jan 2016 and 26 Feb 2016 are Fridays and stay); a year of
    // protection from the grant (26 May 2017), extended by a year from its end (26 May 2018).
    const view = await waitFor(
      async () => {
        const read = ok(await as(supervisor).get(`/api/cases/${caseNumber}`));
        return read.events.some((event: { type: string }) => event.type === 'protection-lapsed') ? read : undefined;
      },
      { timeoutMs: 180_000, intervalMs: 1_000, what: 'the case to record, after the grace, that its protection lapsed on 26 May 2018' },
    );
    expect(view).toMatchObject({ attempt: 4 });
    expect(view.events.at(-1)).toMatchObject({ type: 'protection-lapsed', actor: 'engine', on: '2018-05-26' });
    const complaints = (view.deadlines as CaseDeadline[]).filter((tracked) => tracked.deadline.kind === 'complaint').map((tracked) => tracked.deadline.dueDate);
    expect(complaints).toEqual(['2015-12-28', '2016-01-22', '2016-02-26']);
    const expiries = (view.deadlines as CaseDeadline[]).filter((tracked) => tracked.deadline.kind === 'protection-expiry').map((tracked) => tracked.deadline.dueDate);
    expect(expiries).toEqual(['2017-05-26', '2018-05-26']);
    // The missed deadlines reach the register, where supervisors read them.
    const missed = await waitFor(
      async () => {
        const listed = ok(await as(supervisor).get('/api/deadlines/missed?office=msk-1'));
        const ours = (listed.deadlines ?? listed).filter((entry: { caseNumber: string }) => entry.caseNumber === caseNumber);
        const kinds = ours.map((entry: { kind: string; dueDate: string }) => `${entry.kind} ${entry.dueDate}`);
        return kinds.includes('protection-expiry 2018-05-26') ? kinds : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 500, what: 'the lapse to be listed among the missed deadlines' },
    );
    // The third refusal's month passed unused (a new application is no complaint), as the case page shows it.
    expect(missed).toEqual(expect.arrayContaining(['complaint 2016-02-26', 'protection-expiry 2018-05-26']));
  });

  it('lists a few hundred cases from SQL visibility, by office, stage and in case-number order', async () => {
    const numbers = Array.from({ length: 300 }, (_, index) => `RU-TA-2026-${String(1000 + index)}`);
    await mapLimit(numbers, 12, async (caseNumber) => {
      const index = numbers.indexOf(caseNumber);
      ok(await as(supervisor).post('/api/cases', { caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk' }), 201);
      if (index % 2 === 0) ok(await as(supervisor).post(`/api/cases/${caseNumber}/commands/recordEvent`, { event: 'application-lodged', on: daysAgo(3) }));
    });
    const listed = await waitFor(
      async () => {
        const all = ok(await as(supervisor).get('/api/cases?office=msk-1&sort=case-number&procedure=temporary-asylum'));
        const ours = all.cases.filter((item: { caseNumber: string }) => numbers.includes(item.caseNumber));
        const lodged = ours.filter((item: { stage: string }) => item.stage === 'lodged');
        return ours.length === numbers.length && lodged.length === numbers.length / 2 ? ours : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: 'every case to be listed at its stage' },
    );
    expect(listed.map((item: { caseNumber: string }) => item.caseNumber)).toEqual(numbers);
    const counted = ok(await as(supervisor).get('/api/cases/count?office=msk-1&stage=lodged'));
    expect(counted.byStage.lodged).toBe(numbers.length / 2);
  });

  it('runs the morning digest from its schedule on a worker', async () => {
    // The schedule's action carries the digest's input, encrypted like every payload: read with the engine's keys.
    const client = new Client({ connection: temporal, namespace: NAMESPACE, dataConverter: createDataConverter(parseKeyRingSpec(env.DOCKET_ENCRYPTION_KEYS!, 'cluster-key')) });
    const schedule = client.schedule.getHandle(digestScheduleId('RU'));
    const described = await schedule.describe();
    expect(described.spec.timezone).toBe('Europe/Moscow');
    const before = described.info.recentActions.length;
    await schedule.trigger();
    const action = await waitFor(
      async () => {
        const { info } = await schedule.describe();
        return info.recentActions.length > before ? info.recentActions.at(-1) : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: 'the schedule to start a digest' },
    );
    const started = client.workflow.getHandle(action!.action.workflow.workflowId, action!.action.workflow.firstExecutionRunId);
    // The workflow's result says whether today is a working day in Moscow; on one, each supervisor gets a digest.
    const result = (await started.result()) as { date: string; kind: string; sent: number };
    const moscowToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
    expect(result.date).toBe(moscowToday);
    const working = result.kind === 'working' || result.kind === 'working-weekend';
    expect(result.sent).toBe(working ? 1 : 0);
    if (working) {
      const messages = ok(await as(supervisor).get('/api/messages'));
      expect(JSON.stringify(messages)).toContain('digest');
    }
  });

  it('loses nothing when a worker process is killed mid-burst: the other worker takes its cases', async () => {
    const numbers = Array.from({ length: 40 }, (_, index) => `RU-TA-2026-${String(2000 + index)}`);
    const burst = mapLimit(numbers, 6, async (caseNumber) => {
      ok(await as(supervisor).post('/api/cases', { caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk' }), 201);
      ok(await as(supervisor).post(`/api/cases/${caseNumber}/commands/recordEvent`, { event: 'application-lodged', on: daysAgo(2) }));
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const killed = workers.shift()!;
    await killed.kill();
    await burst;
    for (const caseNumber of numbers) {
      const view = ok(await as(supervisor).get(`/api/cases/${caseNumber}`));
      expect(view.stage).toBe('lodged');
      expect((view.deadlines as CaseDeadline[]).map((tracked) => tracked.deadline.kind)).toContain('decision-due');
    }
    workers.push(await startEngineProcess('worker', env));
  });

  it('loses nothing when the history service is killed and restarted mid-burst: writes meeting the outage wait for it or are refused and sent again, and none is applied twice', async () => {
    const numbers = Array.from({ length: 40 }, (_, index) => `RU-TA-2026-${String(3000 + index)}`);
    let refusedWhileDown = 0;
    let slowestWriteMs = 0;
    // What staff do when the API says it cannot reach Temporal now: send the same request again a moment later.
    // A command whose first try was applied although its answer was lost is refused when sent again (its
    // stage has moved on): that refusal, after a 503, is the command having been applied once.
    const untilAccepted = async (send: () => Promise<HttpResult>, status: number) => {
      for (let afterOutage = false; ; afterOutage = true) {
        const sentAt = Date.now();
        const response = await send();
        slowestWriteMs = Math.max(slowestWriteMs, Date.now() - sentAt);
        if (response.status === status || (afterOutage && response.status === 422)) return response;
        if (response.status !== 503) throw new Error(`unexpected ${response.status}: ${response.text}`);
        refusedWhileDown += 1;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    const burst = mapLimit(numbers, 6, async (caseNumber) => {
      const opening = { caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk' };
      await untilAccepted(() => as(supervisor).post('/api/cases', opening), 201);
      await untilAccepted(() => as(supervisor).post(`/api/cases/${caseNumber}/commands/recordEvent`, { event: 'application-lodged', on: daysAgo(1) }), 200);
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Down for 5 s: longer than the frontend's own retries, so some writes meet the outage.
    await cluster.restart('history', 5_000);
    await burst;
    for (const caseNumber of numbers) {
      const view = ok(await as(supervisor).get(`/api/cases/${caseNumber}`));
      expect(view.events.filter((event: { type: string }) => event.type === 'application-lodged')).toHaveLength(1);
    }
    // Not figures the test needs, but the issue's note gives them: how the outage showed to the writers.
    process.stdout.write(`history restart: ${refusedWhileDown} writes answered 503 and were sent again; the slowest write took ${slowestWriteMs} ms\n`);
  });
});
