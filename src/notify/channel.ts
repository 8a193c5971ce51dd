import type { StaffMember } from '../store';

export type ChannelName = 'email' | 'webhook' | 'outbox';

export type MessagePurpose = 'reminder' | 'escalation' | 'deadline-changed' | 'delivery-failed' | 'digest' | 'staff-invitation';

/** A rendered message, ready for any channel. */
export interface OutgoingMessage {
  purpose: MessagePurpose;
  /** The sender's key for this one message to this one recipient; receivers deduplicate on it. */
  idempotencyKey: string;
  /** RFC 5322 Message-ID derived from the idempotency key: the same message always has the same id. */
  messageId: string;
  caseNumber: string;
  language: 'ru' | 'en';
  /** Carries no applicant data. */
  subject: string;
  text: string;
  /** The same content as structured data, for machine receivers (webhooks). */
  data: Record<string, unknown>;
}

export interface Channel {
  name: ChannelName;
  /** Resolves when the message was accepted; throws `DeliveryError` otherwise. */
  send(recipient: StaffMember, message: OutgoingMessage): Promise<void>;
  close(): Promise<void>;
}
