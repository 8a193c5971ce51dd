import { createHash } from 'node:crypto';

/**
 * The Message-ID of the message with this idempotency key. It is a hash of the key, so it is the same
 * on every attempt (mail systems drop a second copy with the same id) and shows nothing of the key.
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@${domain}>`;
}

/** The domain part of a sender such as `asylum-docket <docket@office.example>`. */
export function senderDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'asylum-docket.invalid';
}
