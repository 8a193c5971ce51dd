import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/logging';
import { createActivities, createActivityDeps, type ActivityRuntime } from '../../src/activities';
import type { CaseActivities, ReminderRequest } from '../../src/activities/types';
import type { StaffMemberInput } from '../../src/store';
import { SmtpMailbox } from '../notify/smtp-mailbox';
import { WebhookReceiver } from '../notify/webhook-receiver';
import { complaintDeadline } from '../store/founding-case';
import type { TestDatabase } from '../store/register-databases';

export const WEBHOOK_SECRET = 'test-only-webhook-secret';
export const OFFICE = 'ru-ta-msk';

/** Invented staff of two offices; the addresses are on a reserved example domain. */
export function staffFor(receiver: WebhookReceiver): StaffMemberInput[] {
  const hook = (path: string) => ({ url: receiver.url(path), secretRef: 'DOCKET_TEST_WEBHOOK_SECRET' });
  return [
    { id: 'cw-petrova', displayName: 'Caseworker Petrova', email: 'petrova@office.example', language: 'ru', role: 'caseworker', office: OFFICE },
    { id: 'cw-hook', displayName: 'Caseworker Hook', webhook: hook('/cw-hook'), language: 'en', role: 'caseworker', office: OFFICE },
    { id: 'cw-gone', displayName: 'Caseworker Gone', email: 'gone@office.example', language: 'en', role: 'caseworker', office: OFFICE },
    { id: 'sv-smith', displayName: 'Supervisor Smith', email: 'smith@office.example', language: 'en', role: 'supervisor', office: OFFICE },
    { id: 'sv-ivanova', displayName: 'Supervisor Ivanova', webhook: hook('/sv-ivanova'), language: 'ru', role: 'supervisor', office: OFFICE },
    { id: 'sv-spb', displayName: 'Supervisor Spb', email: 'spb@office.example', language: 'ru', role: 'supervisor', office: 'ru-ta-spb' },
    { id: 'admin-hq', displayName: 'Admin HQ', email: 'admin@office.example', language: 'en', role: 'admin', office: 'hq' },
  ];
}

export interface Harness {
  mailbox: SmtpMailbox;
  receiver: WebhookReceiver;
  runtime: ActivityRuntime;
  activities: CaseActivities;
  clock: { now: Date };
  stop(): Promise<void>;
}

/** Real everything on loopback: an SMTP server, a webhook receiver, the register on `database`. */
export async function startHarness(database: TestDatabase, options: { smtp?: boolean } = {}): Promise<Harness> {
  const mailbox = new SmtpMailbox({ rejectRecipients: ['gone@office.example'] });
  const receiver = new WebhookReceiver(WEBHOOK_SECRET);
  await Promise.all([mailbox.start(), receiver.start()]);
  const created = await database.create();
  const clock = { now: new Date('2016-02-19T07:00:00.000Z') };
  const from = 'asylum-docket <docket@office.example>';
  const runtime = await createActivityDeps(
    {
      // The SQLite test database is a register.sqlite in its own directory: that directory is the data dir.
      ...('databaseUrl' in created.options
        ? { databaseUrl: created.options.databaseUrl, dataDir: tmpdir() }
        : { dataDir: path.dirname(created.options.sqliteFile) }),
      ...(options.smtp === false ? {} : { smtp: { url: mailbox.url, from } }),
      smtpFrom: from,
    },
    { clock: () => clock.now, logger: createLogger('error'), resolveSecret: (ref) => (ref === 'DOCKET_TEST_WEBHOOK_SECRET' ? WEBHOOK_SECRET : undefined) },
  );
  for (const member of staffFor(receiver)) await runtime.staff.add(member);
  return {
    mailbox,
    receiver,
    runtime,
    activities: createActivities(runtime),
    clock,
    async stop() {
      await runtime.close();
      await Promise.all([mailbox.stop(), receiver.stop()]);
      await created.drop();
    },
  };
}

export function reminderFor(caseworker: string, daysBefore = 7, caseNumber = 'RU-TA-2016-0042'): ReminderRequest {
  return {
    idempotencyKey: `case-${caseNumber}/reminder/complaint/2016-02-26/${daysBefore}`,
    caseId: `case-${caseNumber}`,
    caseNumber,
    office: OFFICE,
    caseworker,
    deadline: complaintDeadline(),
    daysBefore,
  };
}
