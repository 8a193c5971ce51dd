import type { SmtpMailbox } from '../../test/notify/smtp-mailbox';

export interface MailCount {
  /** Messages received per reminder (idempotency key). */
  perKey: Map<string, { messages: number; messageIds: Set<string> }>;
}

/** Groups what the mailbox received by the engine's idempotency-key header. */
export function countMail(mailbox: SmtpMailbox): MailCount {
  const perKey = new Map<string, { messages: number; messageIds: Set<string> }>();
  for (const mail of mailbox.messages) {
    const key = String(mail.parsed.headers.get('x-docket-idempotency-key') ?? '');
    const entry = perKey.get(key) ?? { messages: 0, messageIds: new Set<string>() };
    entry.messages += 1;
    entry.messageIds.add(mail.parsed.messageId ?? '');
    perKey.set(key, entry);
  }
  return { perKey };
}

export interface ExactlyOnce {
  expected: number;
  received: number;
  /** Reminders the register says were delivered but no message arrived for, or never delivered at all. */
  lost: number;
  /** Reminders that arrived as two or more different messages. */
  duplicated: number;
  /** Reminders whose one message arrived more than once (same Message-ID). */
  redelivered: number;
}

/** Checks the mailbox against the reminder keys the register recorded, expecting `expected` reminders. */
export function exactlyOnce(mailbox: SmtpMailbox, deliveredKeys: readonly string[], expected: number): ExactlyOnce {
  const { perKey } = countMail(mailbox);
  const received = deliveredKeys.filter((key) => perKey.has(key)).length;
  const duplicated = [...perKey.values()].filter((entry) => entry.messageIds.size > 1).length;
  const redelivered = [...perKey.values()].filter((entry) => entry.messageIds.size === 1 && entry.messages > 1).length;
  return { expected, received, lost: expected - received, duplicated, redelivered };
}

export function exactlyOnceProblems(check: ExactlyOnce): string[] {
  return [
    ...(check.lost > 0 ? [`${check.lost} of ${check.expected} reminders never arrived`] : []),
    ...(check.duplicated > 0 ? [`${check.duplicated} reminders arrived as two or more different messages`] : []),
    ...(check.redelivered > 0 ? [`${check.redelivered} reminders arrived more than once (the same message, Message-ID and all, sent again)`] : []),
  ];
}
