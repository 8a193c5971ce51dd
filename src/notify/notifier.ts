import type { StaffMember } from '../store';
import type { Channel, ChannelName, OutgoingMessage } from './channel';
import { messageIdFor } from './message-id';

export interface Notifier {
  /** The channel a message to this recipient goes through. */
  channelFor(recipient: StaffMember): ChannelName;
  messageIdFor(idempotencyKey: string): string;
  /** Sends through the recipient's channel; throws `DeliveryError` when it does not arrive. */
  send(recipient: StaffMember, message: OutgoingMessage): Promise<ChannelName>;
  /** Keeps the message in the outbox: where a message lands when the recipient's own channel refused it. */
  sendToOutbox(recipient: StaffMember, message: OutgoingMessage): Promise<'outbox'>;
  close(): Promise<void>;
}

export interface NotifierChannels {
  outbox: Channel;
  email?: Channel;
  webhook?: Channel;
  /** The domain of Message-IDs, normally the sender's. */
  messageIdDomain: string;
}

/**
 * Picks one channel per recipient: their webhook if they registered one, e-mail when an SMTP server
 * is configured and they have an address, the outbox otherwise.
 */
export function createNotifier(channels: NotifierChannels): Notifier {
  const pick = (recipient: StaffMember): Channel => {
    if (recipient.webhook && channels.webhook) return channels.webhook;
    if (recipient.email && channels.email) return channels.email;
    return channels.outbox;
  };
  return {
    channelFor: (recipient) => pick(recipient).name,
    messageIdFor: (idempotencyKey) => messageIdFor(idempotencyKey, channels.messageIdDomain),
    async send(recipient, message) {
      const channel = pick(recipient);
      await channel.send(recipient, message);
      return channel.name;
    },
    async sendToOutbox(recipient, message) {
      await channels.outbox.send(recipient, message);
      return 'outbox';
    },
    async close() {
      await Promise.all([channels.outbox, channels.email, channels.webhook].map((channel) => channel?.close()));
    },
  };
}
