import { ScheduleOverlapPolicy } from '@temporalio/client';
import { digestScheduleId, ensureDigestSchedule } from '../../src/digest/digest-schedule';
import { officeDay, type OfficeDay } from '../../src/digest/office-day';
import type { DigestRun } from '../../src/digest/digest-workflow';
import { VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { seedOfficeStaff } from '../support/office-staff';
import { daysAgo, ESCALATE_LATE_ENTRIES_AT_ONCE, startApiEngine, type ApiEngine } from '../api/support/api-engine';

/** The office days from `before` until now: a workflow that ran between may have seen either, over midnight in Moscow. */
function officeDaysSince(before: OfficeDay): OfficeDay[] {
  return [before, officeDay('RU', new Date())];
}

describe('daily digest for supervisors', () => {
  let engine: ApiEngine;

  beforeAll(async () => {
    engine = await startApiEngine('digest-test');
    await seedOfficeStaff(engine.runtime.staff, 'msk-1', { 'cw-msk': 'caseworker' });
    const open = (caseNumber: string) =>
      engine.cases.open({
        caseNumber,
        jurisdiction: 'RU',
        procedure: 'temporary-asylum',
        office: 'msk-1',
        caseworker: 'cw-msk',
        actor: 'sv-msk',
        reminderPolicy: ESCALATE_LATE_ENTRIES_AT_ONCE,
      });
    await open('RU-TA-2016-0042');
    await open('RU-TA-2016-0045');
    // Refusal notices: 27 days ago (complaint due within the week) and 35 days ago (complaint period over, escalated).
    for (const [caseNumber, refusedDaysAgo] of [
      ['RU-TA-2016-0042', 27],
      ['RU-TA-2016-0045', 35],
    ] as const) {
      await engine.cases.command(caseNumber, 'recordEvent', { actor: 'cw-msk', event: 'application-lodged', on: daysAgo(60) });
      await engine.cases.command(caseNumber, 'recordEvent', { actor: 'cw-msk', event: 'refusal-notice-received', on: daysAgo(refusedDaysAgo) });
    }
    await waitFor(async () => (await engine.runtime.store.outbox.list({ recipientId: 'sv-msk' })).some((message) => message.caseNumber === 'RU-TA-2016-0045'), {
      timeoutMs: VISIBILITY_MS,
      what: 'the escalation of RU-TA-2016-0045 in the outbox',
    });
  });
  afterAll(() => engine?.stop());

  it('sends each supervisor their office’s upcoming and missed deadlines on a working day', async () => {
    const dayBefore = officeDay('RU', new Date());
    const run = await engine.env.client.workflow.execute<(input: { jurisdiction: string }) => Promise<DigestRun>>('digestWorkflow', {
      taskQueue: engine.taskQueue,
      workflowId: 'digest-test-run',
      args: [{ jurisdiction: 'RU' }],
    });
    const today = officeDaysSince(dayBefore).find((day) => day.date === run.date);
    if (!today) throw new Error(`the digest ran for ${run.date}, a day the test did not run on`);
    expect(run).toEqual({ date: today.date, kind: today.kind, sent: today.working ? 2 : 0 });
    const digests = (await engine.runtime.store.outbox.list()).filter((message) => message.caseNumber.startsWith('digest/'));
    if (!today.working) {
      expect(digests).toEqual([]);
      return;
    }
    const moscow = digests.find((message) => message.recipientId === 'sv-msk');
    expect(moscow?.subject).toBe('Deadline digest, office msk-1: 1 due soon, 1 missed');
    expect(moscow?.body).toMatch(/RU-TA-2016-0042 {2}complaint/);
    expect(moscow?.body).toMatch(/RU-TA-2016-0045 {2}Complaint against the refusal/);
    expect(moscow?.body).toContain('http://docket.test/desk');
    const petersburg = digests.find((message) => message.recipientId === 'sv-spb');
    expect(petersburg?.subject).toBe('Deadline digest, office spb-1: 0 due soon, 0 missed');
  });

  it('keeps one daily schedule in the jurisdiction’s zone, however often the engine starts', async () => {
    const options = { taskQueue: engine.taskQueue, jurisdiction: 'RU' };
    expect(await ensureDigestSchedule(engine.env.client, options)).toBe('digest-RU');
    await ensureDigestSchedule(engine.env.client, { ...options, hour: 7, minute: 30 });
    const schedules = [];
    for await (const schedule of engine.env.client.schedule.list()) schedules.push(schedule.scheduleId);
    expect(schedules).toEqual(['digest-RU']);

    const handle = engine.env.client.schedule.getHandle(digestScheduleId('RU'));
    const description = await handle.describe();
    expect(description.spec.timezone).toBe('Europe/Moscow');
    expect(description.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 7, end: 7, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] });
    expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'digestWorkflow', args: [{ jurisdiction: 'RU' }] });
    expect(description.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);

    const dayBefore = officeDay('RU', new Date());
    await handle.trigger();
    const started = await waitFor(async () => (await handle.describe()).info.recentActions[0]?.action.workflow.workflowId, {
      timeoutMs: VISIBILITY_MS,
      what: 'the triggered schedule to start its workflow',
    });
    const result: DigestRun = await engine.env.client.workflow.getHandle(started).result();
    expect(officeDaysSince(dayBefore).map((day) => day.date)).toContain(result.date);
  });
});
