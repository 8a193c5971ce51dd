import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Bearer tokens and feed URLs share one shape: `<prefix>_<public id>_<secret>`. The public id finds
 * the row (and names it in listings and revocations); only a hash of the secret is stored.
 */
export interface IssuedSecret {
  id: string;
  /** The full credential; shown once, never stored. */
  credential: string;
  secretHash: string;
}

export function issueSecret(prefix: string): IssuedSecret {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id: `${prefix}_${id}`, credential: `${prefix}_${id}_${secret}`, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Splits a credential into the row id and the secret, or undefined when it is not one of ours. */
export function parseCredential(prefix: string, credential: string): { id: string; secret: string } | undefined {
  const match = new RegExp(`^(${prefix}_[0-9a-f]{12})_([A-Za-z0-9_-]{43})$`).exec(credential);
  if (!match?.[1] || !match[2]) return undefined;
  return { id: match[1], secret: match[2] };
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
