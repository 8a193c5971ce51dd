import { createSmtpChannel, messageIdFor, type OutgoingMessage } from '../../src/notify';
import type { StaffMember } from '../../src/store';
import { SmtpMailbox } from './smtp-mailbox';
import { failureOf } from './failure-of';

const caseworker: StaffMember = {
  id: 'cw-petrova',
  displayName: 'Caseworker Petrova',
  email: 'petrova@office.example',
  language: 'ru',
  role: 'caseworker',
  office: 'ru-ta-msk',
  active: true,
};

const message: OutgoingMessage = {
  purpose: 'reminder',
  idempotencyKey: 'case-RU-TA-2016-0042/reminder/complaint/7',
  messageId: messageIdFor('case-RU-TA-2016-0042/reminder/complaint/7', 'office.example'),
  caseNumber: 'RU-TA-2016-0042',
  language: 'ru',
  subject: '[asylum-docket] Напоминание: Жалоба на отказ до 26.02.2016 (дело RU-TA-2016-0042)',
  text: 'Срок: 26.02.2016',
  data: {},
};

describe('the SMTP channel against a real SMTP server', () => {
  const mailbox = new SmtpMailbox({ rejectRecipients: ['gone@office.example'], deferRecipients: ['full@office.example'] });
  beforeAll(() => mailbox.start());
  afterAll(() => mailbox.stop());

  it('delivers the message with its Message-ID, idempotency key and language', async () => {
    const channel = createSmtpChannel({ url: mailbox.url, from: 'asylum-docket <docket@office.example>' });
    await channel.send(caseworker, message);
    await channel.close();

    const received = mailbox.messages.find((mail) => mail.parsed.messageId === message.messageId);
    expect(received?.to).toEqual(['petrova@office.example']);
    expect(received?.parsed.subject).toBe(message.subject);
    expect(received?.parsed.text?.trim()).toBe(message.text);
    expect(received?.parsed.headers.get('x-docket-idempotency-key')).toBe(message.idempotencyKey);
    expect(received?.parsed.headers.get('content-language')).toBe('ru');
  });

  it('calls a rejected address permanent and a full mailbox transient', async () => {
    const channel = createSmtpChannel({ url: mailbox.url, from: 'docket@office.example' });
    const rejected = await failureOf(channel.send({ ...caseworker, email: 'gone@office.example' }, message));
    expect(rejected).toMatchObject({ permanent: true, channel: 'email' });
    expect(rejected.message).toMatch(/550/);

    const deferred = await failureOf(channel.send({ ...caseworker, email: 'full@office.example' }, message));
    expect(deferred.permanent).toBe(false);
    expect(deferred.message).toMatch(/452/);
  });

  it('calls a server that is down transient', async () => {
    const channel = createSmtpChannel({ url: await SmtpMailbox.closedPortUrl(), from: 'docket@office.example' });
    const down = await failureOf(channel.send(caseworker, message));
    expect(down.permanent).toBe(false);
    expect(down.message).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
  });

  it('refuses a recipient without an address permanently, before connecting', async () => {
    const channel = createSmtpChannel({ url: await SmtpMailbox.closedPortUrl(), from: 'docket@office.example' });
    const { email: _none, ...withoutEmail } = caseworker;
    expect(await failureOf(channel.send(withoutEmail, message))).toMatchObject({ permanent: true });
  });
});
