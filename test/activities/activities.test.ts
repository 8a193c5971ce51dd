import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../src/activities';
import type { RegisterEntry } from '../../src/activities/types';
import { computeDeadlines } from '../../src/rules';
import { REFUSAL_RECEIVED } from '../store/founding-case';
import { TEST_DATABASES } from '../store/register-databases';
import { OFFICE, reminderFor, startHarness, type Harness } from './activity-harness';

async function applicationFailureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

describe.each(TEST_DATABASES)('the case activities with the register on $name', (database) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(database);
  });
  afterEach(() => h.stop());

  describe('computeDeadlines', () => {
    it('returns the rules engine’s deadlines and records them once, however often it is retried', async () => {
      const input = { caseId: 'case-RU-TA-2016-0042', ...REFUSAL_RECEIVED };
      const first = await h.activities.computeDeadlines(input);
      const retried = await h.activities.computeDeadlines(input);

      // A case's first computation uses the installed rule data, and says so.
      expect(first).toEqual(computeDeadlines(REFUSAL_RECEIVED).map((deadline) => ({ ...deadline, ruleData: { ...deadline.ruleData!, applied: 'installed' } })));
      expect(retried).toEqual(first);
      const { deadlines } = await h.runtime.register.caseTrail('case-RU-TA-2016-0042');
      expect(deadlines.map((row) => row.deadline)).toEqual(first);
    });

    it('computes a pinned case with its pinned versions, and keeps what each event holds now for the impact report', async () => {
      const first = await h.activities.computeDeadlines({ caseId: 'case-RU-TA-2016-0042', ...REFUSAL_RECEIVED, eventId: 3 });
      const { pack, calendar } = first[0]!.ruleData!;
      const pinned = await h.activities.computeDeadlines({ caseId: 'case-RU-TA-2016-0042', ...REFUSAL_RECEIVED, eventId: 3, rulePin: { pack, calendar } });
      expect(pinned.map((deadline) => deadline.ruleData?.applied)).toEqual(['pinned', 'pinned']);
      expect(pinned.map((deadline) => deadline.dueDate)).toEqual(first.map((deadline) => deadline.dueDate));
      const [held] = await h.runtime.computations.ofCases(['case-RU-TA-2016-0042']);
      expect(held).toMatchObject({ eventId: '3', request: expect.objectContaining({ event: 'refusal-notice-received' }), deadlines: pinned });
    });

    it('says so in every deadline when the pinned version is not in the archive, and computes with the installed one', async () => {
      const first = await h.activities.computeDeadlines({ caseId: 'case-RU-TA-2016-0042', ...REFUSAL_RECEIVED });
      const { pack, calendar } = first[0]!.ruleData!;
      const lost = { pack: { ...pack, label: '2016.1', hash: '0123456789ab' }, calendar };
      const deadlines = await h.activities.computeDeadlines({ caseId: 'case-RU-TA-2016-0043', ...REFUSAL_RECEIVED, rulePin: lost });
      expect(deadlines.map((deadline) => deadline.ruleData?.applied)).toEqual(['installed', 'installed']);
      for (const deadline of deadlines) {
        expect(deadline.warnings).toContainEqual({ en: expect.stringContaining('#0123456789ab'), ru: expect.stringContaining('не найдены в архиве') });
      }
    });

    it('counts past the covered calendar years with an explicit warning rather than stopping the case', async () => {
      const grant = { jurisdiction: 'RU', procedure: 'temporary-asylum', event: 'protection-granted', date: '2027-06-01' };
      expect(() => computeDeadlines(grant)).toThrow(/2028/);
      const deadlines = await h.activities.computeDeadlines({ caseId: 'case-RU-TA-2027-0007', ...grant });
      expect(deadlines.find((deadline) => deadline.kind === 'protection-expiry')?.dueDate).toBe('2028-06-01');
      const renewal = deadlines.find((deadline) => deadline.kind === 'renewal-filing');
      expect(renewal?.dueDate).toBe('2028-04-28');
      expect(renewal?.warnings).toContainEqual({
        en: expect.stringMatching(/^No calendar data for 2028: only weekends and fixed holidays/),
        ru: expect.stringMatching(/^Нет календаря на 2028 год: учтены только выходные и фиксированные праздники/),
      });
    });

    it('still refuses a trigger date before the covered calendar years', async () => {
      const failure = await applicationFailureOf(
        h.activities.computeDeadlines({ caseId: 'case-RU-TA-2013-0001', ...REFUSAL_RECEIVED, date: '2013-06-01' }),
      );
      expect(failure).toMatchObject({ nonRetryable: true, type: FAILURE_TYPES.rules });
      expect(failure.message).toMatch(/2013-\d\d-\d\d is outside the Russian production calendar/);
    });

    it('turns a bad request into a non-retryable failure with the engine’s message, recording nothing', async () => {
      const failure = await applicationFailureOf(
        h.activities.computeDeadlines({ caseId: 'case-RU-TA-2016-0042', ...REFUSAL_RECEIVED, jurisdiction: 'XX' }),
      );
      expect(failure).toMatchObject({ nonRetryable: true, type: FAILURE_TYPES.rules });
      expect(failure.message).toMatch(/XX/);
      expect((await h.runtime.register.caseTrail('case-RU-TA-2016-0042')).deadlines).toEqual([]);
    });
  });

  describe('sendReminder', () => {
    it('e-mails the caseworker once in their language and answers a retry from the register', async () => {
      const request = reminderFor('cw-petrova');
      const receipt = await h.activities.sendReminder(request);
      const retry = await h.activities.sendReminder(request);

      expect(receipt).toEqual({ channel: 'email', messageId: expect.stringMatching(/^<[0-9a-f]{40}@office\.example>$/), duplicate: false });
      expect(retry).toEqual({ ...receipt, duplicate: true });
      expect(h.mailbox.messages).toHaveLength(1);
      const [mail] = h.mailbox.messages;
      expect(mail?.to).toEqual(['petrova@office.example']);
      expect(mail?.parsed.messageId).toBe(receipt.messageId);
      expect(mail?.parsed.subject).toBe('[asylum-docket] Напоминание: Жалоба на отказ до 26.02.2016 (дело RU-TA-2016-0042)');
      expect(mail?.parsed.text).toContain('Осталось 7 дней.');

      const { deliveries } = await h.runtime.register.caseTrail('case-RU-TA-2016-0042');
      expect(deliveries).toEqual([
        expect.objectContaining({ purpose: 'reminder', recipientId: 'cw-petrova', channel: 'email', messageId: receipt.messageId, detail: '7' }),
      ]);
    });

    it('posts to a caseworker’s webhook, signed', async () => {
      const receipt = await h.activities.sendReminder(reminderFor('cw-hook', 3));
      expect(receipt.channel).toBe('webhook');
      expect(h.receiver.refused).toEqual([]);
      expect(h.receiver.accepted).toEqual([
        expect.objectContaining({ body: expect.objectContaining({ type: 'reminder', daysBefore: 3, messageId: receipt.messageId }) }),
      ]);
    });

    it('fails a transient SMTP outage as retryable and records nothing', async () => {
      await h.mailbox.stop();
      const failure = await applicationFailureOf(h.activities.sendReminder(reminderFor('cw-petrova')));
      expect(failure).toMatchObject({ nonRetryable: false, type: FAILURE_TYPES.transientDelivery });
      const trail = await h.runtime.register.caseTrail('case-RU-TA-2016-0042');
      expect(trail.deliveries).toEqual([]);
      expect(trail.failures).toEqual([]);
    });

    it('fails a rejected address at once, tells the supervisors, and keeps the reminder in the outbox', async () => {
      const request = reminderFor('cw-gone');
      const failure = await applicationFailureOf(h.activities.sendReminder(request));
      expect(failure).toMatchObject({ nonRetryable: true, type: FAILURE_TYPES.permanentDelivery });
      expect(failure.message).toMatch(/550/);

      // The supervisors of the office, in the order of their ids: Ivanova by webhook, Smith by e-mail; not the other office's.
      expect(h.mailbox.messages.map((mail) => [mail.to, mail.parsed.subject])).toEqual([
        [['smith@office.example'], '[asylum-docket] Undeliverable reminder (case RU-TA-2016-0042)'],
      ]);
      expect(h.receiver.accepted.map((hook) => [hook.body.type, hook.body.caseworker])).toEqual([['delivery-failed', 'cw-gone']]);

      const trail = await h.runtime.register.caseTrail('case-RU-TA-2016-0042');
      expect(trail.failures).toEqual([expect.objectContaining({ recipientId: 'cw-gone', channel: 'email' })]);
      expect(trail.deliveries.map((row) => [row.purpose, row.recipientId, row.channel])).toEqual([
        ['delivery-failed', 'sv-ivanova', 'webhook'],
        ['delivery-failed', 'sv-smith', 'email'],
        ['reminder', 'cw-gone', 'outbox'],
      ]);
      expect(await h.runtime.store.outbox.list({ recipientId: 'cw-gone' })).toHaveLength(1);
    });

    // Issue 13 item 2: a reminder with nobody to receive it is recorded as failed and reaches the supervisors at once.
    it.each([
      ['not in the directory', 'cw-nobody', 'unknown', /is not in the staff directory/],
      ['deactivated', 'cw-petrova', 'deactivated', /is deactivated/],
    ] as const)('records a reminder for a caseworker %s as a failed delivery and tells the supervisors at once', async (_why, caseworker, status, wording) => {
      if (status === 'deactivated') await h.runtime.staff.deactivate(caseworker);
      const failure = await applicationFailureOf(h.activities.sendReminder(reminderFor(caseworker)));
      expect(failure).toMatchObject({ nonRetryable: true, type: FAILURE_TYPES.noRecipient });
      expect(failure.message).toMatch(wording);

      const trail = await h.runtime.register.caseTrail('case-RU-TA-2016-0042');
      expect(trail.failures).toEqual([expect.objectContaining({ purpose: 'reminder', recipientId: caseworker, error: expect.stringMatching(/^no active caseworker/) })]);
      expect(trail.deliveries.map((row) => [row.purpose, row.recipientId])).toEqual([
        ['delivery-failed', 'sv-ivanova'],
        ['delivery-failed', 'sv-smith'],
      ]);
      expect(h.mailbox.messages.map((mail) => mail.to)).toEqual([['smith@office.example']]);
      expect(h.receiver.accepted.map((hook) => [hook.body.type, hook.body.caseworker, hook.body.noActiveCaseworker])).toEqual([
        ['delivery-failed', caseworker, status],
      ]);
    });

    it('sends a reminder without a caseworker to the admins when the office has no supervisor', async () => {
      await applicationFailureOf(h.activities.sendReminder({ ...reminderFor('cw-nobody'), office: 'ru-ta-kzn' }));
      expect(h.mailbox.messages.map((mail) => mail.to)).toEqual([['admin@office.example']]);
    });

    it('refuses a malformed request as non-retryable, naming the field', async () => {
      const failure = await applicationFailureOf(h.activities.sendReminder({ ...reminderFor('cw-petrova'), daysBefore: -1 }));
      expect(failure).toMatchObject({ nonRetryable: true, type: FAILURE_TYPES.invalidInput });
      expect(failure.message).toMatch(/daysBefore/);
      expect(h.mailbox.messages).toEqual([]);
    });
  });

  describe('escalate', () => {
    const escalation = (office = OFFICE) => ({
      ...reminderFor('cw-petrova'),
      idempotencyKey: 'case-RU-TA-2016-0042/escalation/complaint/2016-02-26',
      office,
      reason: 'missed' as const,
    });

    it('reaches every supervisor of the office once, each in their language and channel', async () => {
      h.clock.now = new Date('2016-02-28T09:00:00.000Z');
      const receipt = await h.activities.escalate(escalation());
      const retry = await h.activities.escalate(escalation());

      // The receipt is the first supervisor's, by id.
      expect(receipt).toMatchObject({ channel: 'webhook', duplicate: false });
      expect(retry).toEqual({ ...receipt, duplicate: true });
      expect(h.mailbox.messages.map((mail) => mail.to)).toEqual([['smith@office.example']]);
      expect(h.mailbox.messages[0]?.parsed.text).toContain('2 days overdue.\nCaseworker: cw-petrova');
      expect(h.receiver.accepted.map((hook) => [hook.body.subject, hook.body.daysOverdue])).toEqual([
        ['[asylum-docket] Эскалация: Жалоба на отказ до 26.02.2016 (дело RU-TA-2016-0042)', 2],
      ]);
    });

    it('goes to the admins when an office has no supervisor, and fails clearly when nobody can receive it', async () => {
      expect(await h.activities.escalate(escalation('ru-ta-kzn'))).toMatchObject({ channel: 'email' });
      expect(h.mailbox.messages.map((mail) => mail.to)).toEqual([['admin@office.example']]);

      await h.runtime.staff.deactivate('admin-hq');
      const failure = await applicationFailureOf(
        h.activities.escalate({ ...escalation('ru-ta-kzn'), idempotencyKey: 'case-RU-TA-2016-0042/escalation/other' }),
      );
      expect(failure).toMatchObject({ nonRetryable: true, type: FAILURE_TYPES.noRecipient });
      expect(failure.message).toMatch(/Office "ru-ta-kzn" has no active supervisor/);
    });

    it('counts as escalated when one supervisor’s channel refuses it, which then lands in the outbox', async () => {
      h.receiver.answers = [410];
      const receipt = await h.activities.escalate(escalation());
      expect(receipt.channel).toBe('email');
      expect(h.mailbox.messages.map((mail) => mail.to)).toEqual([['smith@office.example']]);
      const trail = await h.runtime.register.caseTrail('case-RU-TA-2016-0042');
      expect(trail.failures).toEqual([expect.objectContaining({ recipientId: 'sv-ivanova', channel: 'webhook' })]);
      expect(await h.runtime.store.outbox.list({ recipientId: 'sv-ivanova' })).toHaveLength(1);
    });
  });

  describe('recordOutcome', () => {
    const grant: RegisterEntry = {
      idempotencyKey: 'case-RU-TA-2016-0042/outcome/grant/2016-05-26',
      caseId: 'case-RU-TA-2016-0042',
      caseNumber: 'RU-TA-2016-0042',
      kind: 'outcome',
      actor: 'cw-petrova',
      at: '2016-05-26T09:00:00.000Z',
      payload: { outcome: 'grant', validUntil: '2017-05-26', attempt: 4 },
    };

    it('appends the outcome once', async () => {
      await h.activities.recordOutcome(grant);
      await h.activities.recordOutcome(grant);
      expect((await h.runtime.register.caseTrail(grant.caseId)).outcomes).toEqual([expect.objectContaining(grant)]);
    });

    it('files the decisions among the case events as outcomes too, once', async () => {
      const event = (id: number, type: string, extra: Record<string, unknown> = {}): RegisterEntry => ({
        idempotencyKey: `case-RU-TA-2016-0042/event/${id}`,
        caseId: 'case-RU-TA-2016-0042',
        caseNumber: 'RU-TA-2016-0042',
        kind: 'case-event',
        actor: 'cw-petrova',
        at: '2016-05-26T09:00:00.000Z',
        payload: { id, type, actor: 'cw-petrova', recordedAt: '2016-05-26T09:00:00.000Z', on: '2016-05-26', ...extra },
      });
      await h.activities.recordOutcome(event(7, 'application-lodged', { attempt: 4 }));
      await h.activities.recordOutcome(event(8, 'protection-granted', { validUntil: '2017-05-26' }));
      await h.activities.recordOutcome(event(8, 'protection-granted', { validUntil: '2017-05-26' }));

      const trail = await h.runtime.register.caseTrail('case-RU-TA-2016-0042');
      expect(trail.events.map((entry) => entry.payload.type)).toEqual(['application-lodged', 'protection-granted']);
      expect(trail.outcomes).toEqual([
        expect.objectContaining({
          idempotencyKey: 'case-RU-TA-2016-0042/event/8/outcome',
          payload: expect.objectContaining({ outcome: 'grant', type: 'protection-granted', validUntil: '2017-05-26' }),
        }),
      ]);
    });

    it('accepts what the engine concludes about a missed deadline as an outcome', async () => {
      await h.activities.recordOutcome({ ...grant, idempotencyKey: 'case-RU-TA-2016-0042/outcome/esc-1', actor: 'engine', payload: { outcome: 'missed', deadlineId: 'd-1', dueDate: '2016-02-26' } });
      expect((await h.runtime.register.caseTrail(grant.caseId)).outcomes.map((entry) => entry.payload.outcome)).toEqual(['missed']);
    });

    it('refuses personal data and reused keys as non-retryable', async () => {
      await h.activities.recordOutcome(grant);
      const personal = await applicationFailureOf(
        h.activities.recordOutcome({ ...grant, idempotencyKey: 'k2', payload: { outcome: 'grant', surname: 'x' } }),
      );
      expect(personal).toMatchObject({ nonRetryable: true, type: FAILURE_TYPES.invalidInput });
      const reused = await applicationFailureOf(h.activities.recordOutcome({ ...grant, at: '2016-05-27T09:00:00.000Z' }));
      expect(reused.message).toMatch(/already used in outcomes for different content/);
    });
  });
});

describe('the outbox as the embedded default', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(TEST_DATABASES[0]!, { smtp: false });
  });
  afterEach(() => h.stop());

  it('keeps a reminder in the outbox when no SMTP server is configured', async () => {
    const receipt = await h.activities.sendReminder(reminderFor('cw-petrova'));
    expect(receipt).toMatchObject({ channel: 'outbox', duplicate: false });
    const [message] = await h.runtime.store.outbox.list({ recipientId: 'cw-petrova' });
    expect(message).toMatchObject({ messageId: receipt.messageId, language: 'ru', caseNumber: 'RU-TA-2016-0042' });
    expect(message?.body).toContain('Осталось 7 дней.');
    expect(h.mailbox.messages).toEqual([]);
  });
});
