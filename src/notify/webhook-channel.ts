import type { Channel } from './channel';
import { DeliveryError } from './delivery-error';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';

export interface WebhookChannelOptions {
  /** Looks up a secret by the reference stored with the staff member; by default, the environment. */
  resolveSecret?: (secretRef: string) => string | undefined;
  timeoutMs?: number;
  now?: () => Date;
}

/** 408, 425 and 429 ask the sender to come back later, like a 5xx; any other 4xx says the request itself is wrong. */
const TRANSIENT_STATUSES = new Set([408, 425, 429]);

/** JSON over HTTP POST, signed (see docs/webhooks.md). */
export function createWebhookChannel(options: WebhookChannelOptions = {}): Channel {
  const resolveSecret = options.resolveSecret ?? ((secretRef: string) => process.env[secretRef]);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? (() => new Date());

  return {
    name: 'webhook',
    async send(recipient, message) {
      if (!recipient.webhook) {
        throw new DeliveryError('webhook', true, `staff member "${recipient.id}" has no webhook`);
      }
      const secret = resolveSecret(recipient.webhook.secretRef);
      if (!secret) {
        throw new DeliveryError(
          'webhook',
          true,
          `the webhook secret for staff member "${recipient.id}" is not set (environment variable ${recipient.webhook.secretRef})`,
        );
      }
      const body = JSON.stringify({
        ...message.data,
        messageId: message.messageId,
        idempotencyKey: message.idempotencyKey,
        language: message.language,
        subject: message.subject,
        text: message.text,
      });
      const timestamp = Math.floor(now().getTime() / 1000);
      let response: Response;
      try {
        response = await fetch(recipient.webhook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'idempotency-key': message.idempotencyKey,
            [SIGNATURE_HEADER]: signWebhook(secret, body, timestamp),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body?.cancel();
      } catch (error) {
        const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : String((error as Error).cause ?? error);
        throw new DeliveryError('webhook', false, `webhook for "${recipient.id}" failed: ${reason}`, { cause: error });
      }
      if (response.status >= 200 && response.status < 300) return;
      const permanent = response.status < 500 && !TRANSIENT_STATUSES.has(response.status);
      throw new DeliveryError('webhook', permanent, `webhook for "${recipient.id}" answered HTTP ${response.status}`);
    },
    async close() {},
  };
}
