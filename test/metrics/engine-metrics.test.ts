import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { createActivities, createActivityDeps, type ActivityRuntime } from '../../src/activities';
import type { CaseActivities, EscalationRequest, ReminderRequest } from '../../src/activities/types';
import { openAccessStore } from '../../src/access';
import { CaseClient } from '../../src/client/case-client';
import { createLogger } from '../../src/logging';
import { metricsExposition, METRICS_CONTENT_TYPE } from '../../src/metrics/exposition';
import { observeApiRequest, registry, timeRegisterWrite } from '../../src/metrics/engine-metrics';
import { openRegisterDatabase, type RegisterDatabaseHandle } from '../../src/store';
import { complaintDeadline, REFUSAL_RECEIVED } from '../store/founding-case';
import { randomApplicantIndex } from '../support/random-applicant-index';

/** The value of one series, read from the registry as Prometheus would scrape it. */
async function valueOf(name: string, labels: Record<string, string> = {}): Promise<number> {
  const family = name.replace(/_(bucket|sum|count)$/, '');
  const metric = registry.getSingleMetric(family);
  if (!metric) throw new Error(`no metric ${family}`);
  const { values } = await metric.get();
  const sample = values.find(
    // Histograms list their _bucket, _sum and _count samples under the family, each with its own name.
    (value) => ((value as { metricName?: string }).metricName ?? family) === name && Object.entries(labels).every(([key, expected]) => String(value.labels[key]) === expected),
  );
  return sample?.value ?? 0;
}

const OFFICE = 'ru-ta-msk';

describe("the engine's metrics: names and labels", () => {
  it('are all named docket_, beside the default process metrics under the same prefix', async () => {
    const names = (await registry.getMetricsAsJSON()).map((metric) => metric.name);
    expect(names.filter((name) => !name.startsWith('docket_'))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining([
        'docket_messages_sent_total',
        'docket_messages_failed_total',
        'docket_reminder_lateness_seconds',
        'docket_deadlines_computed_total',
        'docket_deadlines_missed_total',
        'docket_escalations_total',
        'docket_commands_total',
        'docket_api_request_duration_seconds',
        'docket_register_write_duration_seconds',
        'docket_sdk_metrics_up',
        'docket_process_cpu_seconds_total',
        'docket_nodejs_eventloop_lag_seconds',
      ]),
    );
  });

  it('count a request by method, route pattern and status class, and a request no route matched as unmatched', async () => {
    observeApiRequest({ method: 'GET', route: '/api/cases/:caseNumber', status: 200, seconds: 0.02 });
    observeApiRequest({ method: 'BREW', route: undefined, status: 503, seconds: 0.5 });
    expect(await valueOf('docket_api_request_duration_seconds_count', { method: 'GET', route: '/api/cases/:caseNumber', status_class: '2xx' })).toBe(1);
    // A made-up method and an unrouted URL could otherwise each mint a series of their own.
    expect(await valueOf('docket_api_request_duration_seconds_count', { method: 'other', route: 'unmatched', status_class: '5xx' })).toBe(1);
  });

  it('time a failed register write too, and pass its error on', async () => {
    const before = await valueOf('docket_register_write_duration_seconds_count', { operation: 'append' });
    await expect(timeRegisterWrite('append', async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(await valueOf('docket_register_write_duration_seconds_count', { operation: 'append' })).toBe(before + 1);
  });

  it('serve the text format, saying that no SDK metrics are included in a process that exports none', async () => {
    const text = await metricsExposition();
    expect(METRICS_CONTENT_TYPE).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toContain('# TYPE docket_commands_total counter');
    expect(text).toMatch(/^docket_sdk_metrics_up 0$/m);
    expect(text).not.toMatch(/^(# (HELP|TYPE) )?temporal_/m);
  });
});

describe("the engine's metrics: recorded where the work happens", () => {
  let dataDir: string;
  let runtime: ActivityRuntime;
  let activities: CaseActivities;
  const clock = { now: new Date('2016-02-19T09:00:00.000Z') };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'docket-metrics-'));
    // No SMTP and nobody with a webhook: every message goes to the outbox, so nothing listens or connects.
    runtime = await createActivityDeps({ dataDir, smtpFrom: 'docket <docket@office.example>' }, { clock: () => clock.now, logger: createLogger('error') });
    await runtime.staff.add({ id: 'cw-petrova', displayName: 'Caseworker Petrova', language: 'ru', role: 'caseworker', office: OFFICE });
    await runtime.staff.add({ id: 'sv-smith', displayName: 'Supervisor Smith', language: 'en', role: 'supervisor', office: OFFICE });
    activities = createActivities(runtime);
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const reminder = (overrides: Partial<ReminderRequest> = {}): ReminderRequest => ({
    idempotencyKey: 'case-RU-TA-2016-0042/reminder/complaint/2016-02-26/7',
    caseId: 'case-RU-TA-2016-0042',
    caseNumber: 'RU-TA-2016-0042',
    office: OFFICE,
    caseworker: 'cw-petrova',
    deadline: complaintDeadline(),
    daysBefore: 7,
    // Planned for 09:00 Moscow time; the clock says it goes out at 12:00 Moscow time, three hours late.
    plannedFor: '2016-02-19T06:00:00.000Z',
    ...overrides,
  });

  it('counts the deadlines a computation returned, by jurisdiction, and times the register write', async () => {
    const writes = await valueOf('docket_register_write_duration_seconds_count', { operation: 'computed-deadlines' });
    const deadlines = await activities.computeDeadlines({ caseId: 'case-RU-TA-2016-0042', ...REFUSAL_RECEIVED });
    expect(deadlines.length).toBeGreaterThan(0);
    expect(await valueOf('docket_deadlines_computed_total', { jurisdiction: 'RU' })).toBe(deadlines.length);
    expect(await valueOf('docket_register_write_duration_seconds_count', { operation: 'computed-deadlines' })).toBe(writes + 1);
  });

  it('counts a reminder sent once by purpose and channel, with its lateness, and not its retry', async () => {
    await activities.sendReminder(reminder());
    await activities.sendReminder(reminder());
    expect(await valueOf('docket_messages_sent_total', { purpose: 'reminder', channel: 'outbox' })).toBe(1);
    expect(await valueOf('docket_reminder_lateness_seconds_count')).toBe(1);
    expect(await valueOf('docket_reminder_lateness_seconds_sum')).toBe(3 * 3600);
    expect(await valueOf('docket_register_write_duration_seconds_count', { operation: 'delivery' })).toBeGreaterThanOrEqual(1);
  });

  it('counts a reminder that reaches nobody as failed', async () => {
    await expect(activities.sendReminder(reminder({ idempotencyKey: 'case-RU-TA-2016-0042/reminder/x/1', caseworker: 'cw-left' }))).rejects.toThrow(/cw-left/);
    expect(await valueOf('docket_messages_failed_total', { purpose: 'reminder', channel: 'outbox' })).toBe(1);
    // The supervisors were told instead.
    expect(await valueOf('docket_messages_sent_total', { purpose: 'delivery-failed', channel: 'outbox' })).toBe(1);
  });

  it('counts an escalation by reason, and a missed deadline, once', async () => {
    const escalation = (reason: EscalationRequest['reason'], key: string): EscalationRequest => ({
      idempotencyKey: key,
      caseId: 'case-RU-TA-2016-0042',
      caseNumber: 'RU-TA-2016-0042',
      office: OFFICE,
      caseworker: 'cw-petrova',
      deadline: complaintDeadline(),
      reason,
    });
    clock.now = new Date('2016-02-28T09:00:00.000Z');
    await activities.escalate(escalation('missed', 'case-RU-TA-2016-0042/escalation/complaint'));
    await activities.escalate(escalation('missed', 'case-RU-TA-2016-0042/escalation/complaint'));
    await activities.escalate({ ...escalation('moved-earlier', 'case-RU-TA-2016-0042/escalation/moved'), previousDueDate: '2016-03-01' });
    expect(await valueOf('docket_escalations_total', { reason: 'missed' })).toBe(1);
    expect(await valueOf('docket_escalations_total', { reason: 'moved-earlier' })).toBe(1);
    // A date a migration moved earlier is escalated, but was not missed.
    expect(await valueOf('docket_deadlines_missed_total', { reason: 'missed' })).toBe(1);
    expect(await valueOf('docket_deadlines_missed_total', { reason: 'moved-earlier' })).toBe(0);
  });

  describe('case commands', () => {
    let register: RegisterDatabaseHandle;
    let cases: CaseClient;
    beforeAll(async () => {
      register = await openRegisterDatabase({ sqliteFile: ':memory:' });
      const access = await openAccessStore(register);
      // Every command below is refused before it reaches Temporal, so the client is never called.
      cases = new CaseClient({
        client: {} as Client,
        namespace: 'default',
        taskQueue: 'asylum-docket',
        audit: access.audit,
        staff: access.staff,
        applicantIndex: randomApplicantIndex(),
        via: 'api',
      });
    });
    afterAll(() => register.close());

    it('counts a refused command by its name and the kind of refusal, never by what was typed', async () => {
      await expect(cases.command('RU-TA-2016-0042', 'recordEvent', { actor: 'cw-petrova', type: 'no-such-event' })).rejects.toThrow();
      await expect(cases.open({ caseNumber: 'RU-TA-2016-0099', jurisdiction: 'RU' })).rejects.toThrow();
      expect(await valueOf('docket_commands_total', { command: 'recordEvent', outcome: 'refused', reason: 'invalid-input' })).toBe(1);
      expect(await valueOf('docket_commands_total', { command: 'open', outcome: 'refused', reason: 'invalid-input' })).toBe(1);
    });

    it('does not count a name that is no command, so a caller cannot invent label values', async () => {
      await expect(cases.command('RU-TA-2016-0042', 'made-up' as 'recordEvent', {})).rejects.toThrow(/Unknown command/);
      expect(await metricsExposition()).not.toContain('made-up');
    });
  });

  it('name no case, staff member or pseudonym anywhere', async () => {
    const text = await metricsExposition();
    for (const personal of ['RU-TA-2016', 'case-', 'cw-petrova', 'sv-smith', 'cw-left', 'Petrova']) expect(text).not.toContain(personal);
  });
});
