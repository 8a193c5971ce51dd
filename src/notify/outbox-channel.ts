import type { Outbox } from '../store';
import type { Channel } from './channel';

/** The embedded default: the message is kept in the register's outbox, where the staff desk and GET /api/messages show it. */
export function createOutboxChannel(outbox: Outbox): Channel {
  return {
    name: 'outbox',
    async send(recipient, message) {
      await outbox.put({
        idempotencyKey: message.idempotencyKey,
        messageId: message.messageId,
        recipientId: recipient.id,
        language: message.language,
        subject: message.subject,
        body: message.text,
        caseNumber: message.caseNumber,
      });
    },
    async close() {},
  };
}
