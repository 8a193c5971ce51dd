import nodemailer from 'nodemailer';
import type { Channel } from './channel';
import { DeliveryError } from './delivery-error';

export interface SmtpChannelOptions {
  /** smtp:// or smtps:// with optional user:password@. */
  url: string;
  from: string;
  /** Per connection phase (connect, greeting, each socket read); a hung server counts as down. */
  timeoutMs?: number;
}

/** E-mail over SMTP. One connection per message, so a retry after an outage starts clean. */
export function createSmtpChannel(options: SmtpChannelOptions): Channel {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  } as nodemailer.TransportOptions);

  return {
    name: 'email',
    async send(recipient, message) {
      if (!recipient.email) {
        throw new DeliveryError('email', true, `staff member "${recipient.id}" has no e-mail address`);
      }
      try {
        await transport.sendMail({
          from: options.from,
          to: { name: recipient.displayName, address: recipient.email },
          subject: message.subject,
          text: message.text,
          messageId: message.messageId,
          headers: { 'X-Docket-Idempotency-Key': message.idempotencyKey, 'Content-Language': message.language },
        });
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * 5xx replies (a rejected address, a refused message) and envelope errors are permanent; 4xx replies,
 * refused connections, timeouts and dropped sockets are transient.
 */
function classifySmtpError(error: unknown): DeliveryError {
  const { code, responseCode, message } = error as { code?: string; responseCode?: number; message?: string };
  const permanent =
    (typeof responseCode === 'number' && responseCode >= 500) || (code === 'EENVELOPE' && responseCode === undefined);
  const detail = [code, responseCode].filter((part) => part !== undefined).join(' ');
  return new DeliveryError('email', permanent, `SMTP ${permanent ? 'rejected' : 'failed'}${detail ? ` (${detail})` : ''}: ${message ?? String(error)}`, {
    cause: error,
  });
}
