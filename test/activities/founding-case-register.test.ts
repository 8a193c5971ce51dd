import { CASEWORKER, foundingCaseRenewed, withCase } from '../workflows/scenarios';
import { TEST_DATABASES } from '../store/register-databases';
import { startHarness, type Harness } from './activity-harness';

/**
 * The founding case through the real case workflow and the real activities: every event, deadline,
 * outcome and reminder must reach the register and the mailbox, each exactly once.
 */
describe('the founding case with the real register and a real mailbox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(TEST_DATABASES[0]!);
    await h.runtime.staff.add({
      id: CASEWORKER,
      displayName: 'Caseworker 0142',
      email: 'cw-0142@office.example',
      language: 'ru',
      role: 'caseworker',
      office: 'moscow-1',
    });
    await h.runtime.staff.add({
      id: 'sv-moscow-1',
      displayName: 'Supervisor Moscow',
      email: 'sv-moscow-1@office.example',
      language: 'en',
      role: 'supervisor',
      office: 'moscow-1',
    });
  });
  afterAll(() => h?.stop());

  it('leaves the full trail, the outcomes and the reminders, once each', async () => {
    const caseNumber = 'RU-TA-2016-0042';
    const view = await withCase(
      caseNumber,
      async (run) => {
        await foundingCaseRenewed(run);
        return run.view();
      },
      {},
      h.activities,
    );
    const trail = await h.runtime.register.caseTrail(`case-${caseNumber}`);

    expect(trail.events.filter((entry) => entry.kind === 'case-event').map((entry) => [entry.payload.type, entry.payload.on])).toEqual([
      ['case-opened', undefined],
      ['application-lodged', '2015-11-02'],
      ['refusal-notice-received', '2015-11-27'],
      ['application-lodged', '2015-12-17'],
      ['deadline-waived', undefined],
      ['refusal-notice-received', '2015-12-22'],
      ['application-lodged', '2016-01-11'],
      ['deadline-waived', undefined],
      ['refusal-notice-received', '2016-01-26'],
      ['application-lodged', '2016-01-28'],
      ['deadline-waived', undefined],
      ['protection-granted', '2016-05-26'],
      ['renewal-filed', '2017-04-10'],
      ['protection-extended', '2017-05-15'],
    ]);
    expect(trail.outcomes.map((entry) => entry.payload.outcome)).toEqual(
      expect.arrayContaining(['refusal', 'refusal', 'refusal', 'grant', 'extension']),
    );
    expect(trail.deadlines.map((row) => row.deadline.kind)).toEqual(expect.arrayContaining(['complaint', 'protection-expiry']));

    // What the workflow shows as sent is what the register recorded and what the mailbox received.
    const sentByWorkflow = view.reminders.flatMap((reminder) => (reminder.delivery ? [reminder.delivery.messageId] : []));
    const reminderRows = trail.deliveries.filter((row) => row.purpose === 'reminder');
    expect(reminderRows.map((row) => row.messageId).sort()).toEqual(sentByWorkflow.sort());
    const mailed = h.mailbox.messages.filter((mail) => mail.to.includes('cw-0142@office.example')).map((mail) => mail.parsed.messageId);
    expect(mailed.sort()).toEqual(sentByWorkflow.sort());
    expect(new Set(mailed).size).toBe(mailed.length);
    expect(h.mailbox.messages.map((mail) => mail.parsed.subject)).toContain(
      '[asylum-docket] Напоминание: Жалоба на отказ до 26.02.2016 (дело RU-TA-2016-0042)',
    );
    const escalated = trail.deliveries.filter((row) => row.purpose === 'escalation').map((row) => row.messageId);
    const mailedToSupervisor = h.mailbox.messages.filter((mail) => mail.to.includes('sv-moscow-1@office.example')).map((mail) => mail.parsed.messageId);
    expect(mailedToSupervisor.sort()).toEqual(escalated.sort());
    expect(trail.failures).toEqual([]);
  });
});
