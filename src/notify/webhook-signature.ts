import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export const SIGNATURE_HEADER = 'X-Docket-Signature';

export function signWebhook(secret: string, body: string, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${hmacHex(secret, timestampSeconds, body)}`;
}

export type WebhookVerification = { valid: true; timestamp: number } | { valid: false; reason: string };

/**
 * Checks a webhook the way a receiver should (see docs/webhooks.md): over the raw body exactly as it
 * arrived, in constant time, and within `toleranceSeconds` of the receiver's clock so that a captured
 * request cannot be replayed later. Several `v1=` values are accepted, for secret rotation.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string | Buffer,
  toleranceSeconds: number,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): WebhookVerification {
  if (!header) return { valid: false, reason: `the ${SIGNATURE_HEADER} header is missing` };
  const parts = header.split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]);
  const timestampText = parts.find(([key]) => key === 't')?.[1];
  const signatures = parts.filter(([key, value]) => key === 'v1' && value !== undefined).map(([, value]) => value as string);
  if (!timestampText || !/^\d+$/.test(timestampText)) return { valid: false, reason: 'the signature has no t=<unix seconds>' };
  if (signatures.length === 0) return { valid: false, reason: 'the signature has no v1=<hex>' };
  const timestamp = Number(timestampText);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    return { valid: false, reason: `the timestamp is more than ${toleranceSeconds} s away from now` };
  }
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { valid: true, timestamp } : { valid: false, reason: 'no v1 signature matches the body' };
}

function hmacHex(secret: string, timestampSeconds: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.`).update(body).digest('hex');
}
