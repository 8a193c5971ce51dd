import type { DeliveryReceipt } from './types';
import { DeliveryError, renderMessage, type ChannelName, type MessageContent, type Notifier } from '../notify';
import type { CaseRegister, StaffMember } from '../store';
import { messagesFailed, messagesSent } from '../metrics';

/** What to tell one staff member about a case, with the key that makes it go out once. */
export interface StaffNotice {
  idempotencyKey: string;
  caseId: string;
  caseNumber: string;
  recipient: StaffMember;
  content: MessageContent;
  /** What the register keeps besides the deadline: days before for a reminder, the reason for an escalation. */
  detail: string;
}

export interface DeliveryDeps {
  register: CaseRegister;
  notifier: Notifier;
}

/**
 * Sends one message to one recipient at most once: the register is asked first, and the delivery is
 * recorded right after the channel accepted it. If the recipient's channel refuses the message for good,
 * the failure is recorded, `onPermanentFailure` runs (to escalate), the message is kept in the outbox so
 * that it is not lost, and the `DeliveryError` is rethrown. The escalation runs before the delivery is
 * recorded, so if it fails and the activity is retried, it runs again instead of being skipped.
 */
export async function deliverOnce(
  deps: DeliveryDeps,
  notice: StaffNotice,
  onPermanentFailure: (error: DeliveryError) => Promise<void> = async () => {},
): Promise<DeliveryReceipt> {
  const earlier = await deps.register.findDelivery(notice.idempotencyKey);
  if (earlier) return { channel: earlier.channel, messageId: earlier.messageId, duplicate: true };

  const { recipient } = notice;
  const rendered = renderMessage(notice.content, recipient);
  const message = {
    purpose: notice.content.purpose,
    idempotencyKey: notice.idempotencyKey,
    messageId: deps.notifier.messageIdFor(notice.idempotencyKey),
    caseNumber: notice.caseNumber,
    language: recipient.language,
    ...rendered,
  };
  const record = (channel: ChannelName) =>
    deps.register.recordDelivery({
      idempotencyKey: notice.idempotencyKey,
      caseId: notice.caseId,
      caseNumber: notice.caseNumber,
      purpose: notice.content.purpose,
      recipientId: recipient.id,
      channel,
      messageId: message.messageId,
      ruleId: notice.content.deadline.ruleId,
      deadlineKind: notice.content.deadline.kind,
      dueDate: notice.content.deadline.dueDate,
      detail: notice.detail,
    });

  try {
    const channel = await deps.notifier.send(recipient, message);
    messagesSent.inc({ purpose: message.purpose, channel });
    await record(channel);
    return { channel, messageId: message.messageId, duplicate: false };
  } catch (error) {
    if (!(error instanceof DeliveryError) || !error.permanent) throw error;
    messagesFailed.inc({ purpose: message.purpose, channel: error.channel });
    await deps.register.recordDeliveryFailure({
      idempotencyKey: notice.idempotencyKey,
      caseId: notice.caseId,
      caseNumber: notice.caseNumber,
      purpose: notice.content.purpose,
      recipientId: recipient.id,
      channel: error.channel,
      error: error.message,
    });
    await onPermanentFailure(error);
    if (error.channel !== 'outbox') {
      await deps.notifier.sendToOutbox(recipient, message);
      messagesSent.inc({ purpose: message.purpose, channel: 'outbox' });
      await record('outbox');
    }
    throw error;
  }
}
