import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Staff passwords, hashed with scrypt. A stored hash names its own parameters and salt
 * (`$scrypt$ln=15,r=8,p=1$<salt>$<key>`, base64), so the cost can be raised later: hashes made with
 * lower parameters still verify, and `needsRehash` tells the sign-in to store a stronger one.
 */
export interface ScryptParameters {
  /** log2 of the CPU/memory cost N. */
  ln: number;
  r: number;
  p: number;
}

/** About 32 MiB and a tenth of a second per hash on a small server: costly to guess at, cheap to sign in with. */
export const CURRENT_SCRYPT_PARAMETERS: ScryptParameters = { ln: 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const STORED_HASH = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

function derive(password: string, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  const N = 2 ** parameters.ln;
  // scrypt needs 128·N·r bytes; Node refuses more than 32 MiB unless told, and N=2^15, r=8 needs exactly that.
  const options: ScryptOptions = { N, r: parameters.r, p: parameters.p, maxmem: 256 * N * parameters.r };
  // The same password typed on two keyboards can arrive in two Unicode forms; both must match.
  const normalized = password.normalize('NFC');
  return new Promise((resolve, reject) => {
    scrypt(normalized, salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, parameters: ScryptParameters = CURRENT_SCRYPT_PARAMETERS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, parameters);
  return `$scrypt$ln=${parameters.ln},r=${parameters.r},p=${parameters.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function parseStoredHash(stored: string): { parameters: ScryptParameters; salt: Buffer; key: Buffer } | undefined {
  const match = STORED_HASH.exec(stored);
  if (!match) return undefined;
  const [, ln, r, p, salt, key] = match;
  return { parameters: { ln: Number(ln), r: Number(r), p: Number(p) }, salt: Buffer.from(salt!, 'base64'), key: Buffer.from(key!, 'base64') };
}

/** Compares in constant time; a stored value that is not one of these hashes matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.parameters);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** True when the hash was made with weaker parameters than today's. */
export function needsRehash(stored: string, current: ScryptParameters = CURRENT_SCRYPT_PARAMETERS): boolean {
  const parsed = parseStoredHash(stored);
  if (!parsed) return true;
  const { ln, r, p } = parsed.parameters;
  return ln < current.ln || r < current.r || p < current.p;
}
