import { createHmac } from 'node:crypto';
import {
  createWebhookChannel,
  messageIdFor,
  signWebhook,
  verifyWebhookSignature,
  type OutgoingMessage,
} from '../../src/notify';
import type { StaffMember } from '../../src/store';
import { reservePort } from '../support/free-port';
import { WebhookReceiver } from './webhook-receiver';
import { failureOf } from './failure-of';

const SECRET = 'test-only-secret-7f3a';
const secrets: Record<string, string> = { DOCKET_WEBHOOK_SECRET_SMITH: SECRET };
const resolveSecret = (ref: string) => secrets[ref];

const message: OutgoingMessage = {
  purpose: 'escalation',
  idempotencyKey: 'case-RU-TA-2016-0042/escalation/complaint/sv-smith',
  messageId: messageIdFor('case-RU-TA-2016-0042/escalation/complaint/sv-smith', 'office.example'),
  caseNumber: 'RU-TA-2016-0042',
  language: 'en',
  subject: '[asylum-docket] Escalation',
  text: 'The deadline passed.',
  data: { type: 'escalation', caseNumber: 'RU-TA-2016-0042', reason: 'missed' },
};

function supervisorAt(url: string): StaffMember {
  return {
    id: 'sv-smith',
    displayName: 'Supervisor Smith',
    webhook: { url, secretRef: 'DOCKET_WEBHOOK_SECRET_SMITH' },
    language: 'en',
    role: 'supervisor',
    office: 'ru-ta-msk',
    active: true,
  };
}

describe('webhook signatures', () => {
  const body = '{"caseNumber":"RU-TA-2016-0042"}';
  const now = 1_456_444_800;

  it('verifies a signature made with the documented recipe', () => {
    const documented = createHmac('sha256', SECRET).update(`${now}.${body}`).digest('hex');
    expect(signWebhook(SECRET, body, now)).toBe(`t=${now},v1=${documented}`);
    expect(verifyWebhookSignature(SECRET, `t=${now},v1=${documented}`, Buffer.from(body), 300, now + 10)).toEqual({
      valid: true,
      timestamp: now,
    });
  });

  it('accepts any one of several v1 values, for secret rotation', () => {
    const header = `${signWebhook('old-secret', body, now)},v1=${signWebhook(SECRET, body, now).split('v1=')[1]}`;
    expect(verifyWebhookSignature(SECRET, header, body, 300, now).valid).toBe(true);
  });

  it.each([
    ['a changed body', SECRET, signWebhook(SECRET, body, now), `${body} `, now, /no v1 signature matches/],
    ['another secret', 'wrong', signWebhook(SECRET, body, now), body, now, /no v1 signature matches/],
    ['an old timestamp', SECRET, signWebhook(SECRET, body, now), body, now + 301, /more than 300 s/],
    ['a missing header', SECRET, undefined, body, now, /header is missing/],
    ['no timestamp', SECRET, 'v1=abcd', body, now, /no t=/],
    ['no signature', SECRET, `t=${now}`, body, now, /no v1=/],
    ['a truncated signature', SECRET, signWebhook(SECRET, body, now).slice(0, -2), body, now, /no v1 signature matches/],
  ])('refuses %s', (_case, secret, header, received, at, reason) => {
    const result = verifyWebhookSignature(secret, header, received, 300, at);
    expect(result.valid).toBe(false);
    expect(result.valid === false && result.reason).toMatch(reason);
  });
});

describe('the webhook channel against a real HTTP receiver', () => {
  const receiver = new WebhookReceiver(SECRET);
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  beforeEach(() => {
    receiver.answers = [];
  });

  it('posts signed JSON that the receiver verifies', async () => {
    await createWebhookChannel({ resolveSecret }).send(supervisorAt(receiver.url()), message);

    const received = receiver.accepted.at(-1);
    expect(received?.body).toEqual({
      ...message.data,
      messageId: message.messageId,
      idempotencyKey: message.idempotencyKey,
      language: 'en',
      subject: message.subject,
      text: message.text,
    });
    expect(received?.headers['idempotency-key']).toBe(message.idempotencyKey);
  });

  it.each([
    [503, false],
    [500, false],
    [429, false],
    [408, false],
    [400, true],
    [404, true],
    [410, true],
    [302, true],
  ])('treats HTTP %i as permanent: %s', async (status, permanent) => {
    receiver.answers = [status];
    const failure = await failureOf(createWebhookChannel({ resolveSecret }).send(supervisorAt(receiver.url()), message));
    expect(failure.permanent).toBe(permanent);
    expect(failure.message).toContain(`HTTP ${status}`);
  });

  it('gives up on a receiver that does not answer in time, as a transient failure', async () => {
    const slow = new WebhookReceiver(SECRET, 2_000);
    await slow.start();
    try {
      const failure = await failureOf(createWebhookChannel({ resolveSecret, timeoutMs: 200 }).send(supervisorAt(slow.url()), message));
      expect(failure).toMatchObject({ permanent: false, message: expect.stringMatching(/no answer within 200 ms/) });
    } finally {
      await slow.stop();
    }
  });

  it('calls a missing secret permanent and says which variable to set, without sending', async () => {
    const before = receiver.accepted.length + receiver.refused.length;
    const failure = await failureOf(createWebhookChannel({ resolveSecret: () => undefined }).send(supervisorAt(receiver.url()), message));
    expect(failure).toMatchObject({ permanent: true, message: expect.stringContaining('DOCKET_WEBHOOK_SECRET_SMITH') });
    expect(receiver.accepted.length + receiver.refused.length).toBe(before);
  });

  it('calls a refused connection transient', async () => {
    const url = `http://127.0.0.1:${await reservePort(0)}/hook`;
    expect((await failureOf(createWebhookChannel({ resolveSecret }).send(supervisorAt(url), message))).permanent).toBe(false);
  });
});
