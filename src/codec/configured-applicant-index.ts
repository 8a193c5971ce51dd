import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { DocketConfig } from '../config';
import { ApplicantIndex } from './applicant-index';
import { configuredKeyRing, usesDevelopmentKey } from './configured-key-ring';
import { KeyRingError, type KeyRing } from './key-ring';

const INDEX_KEY_BYTES = 32;
const VARIABLE = 'DOCKET_APPLICANT_INDEX_KEY';
const GENERATE_HINT = 'generate one with: openssl rand -base64 32';

const indexKeySchema = z
  .base64(`is not standard base64 (${GENERATE_HINT})`)
  .transform((text) => Buffer.from(text, 'base64'))
  .refine((bytes) => bytes.length === INDEX_KEY_BYTES, `must decode to exactly ${INDEX_KEY_BYTES} bytes (${GENERATE_HINT})`);

/**
 * The development index key comes from the development encryption key, through HKDF with a label of its
 * own, so the encryption key is never used as an HMAC key itself and one machine needs no second file.
 */
function developmentIndexKey(ring: KeyRing): KeyObject {
  const encryptionKey = ring.keys.get(ring.currentKeyId);
  if (encryptionKey === undefined) throw new KeyRingError(`the development key file has no key "${ring.currentKeyId}"`);
  return createSecretKey(Buffer.from(hkdfSync('sha256', encryptionKey.export(), Buffer.alloc(0), 'asylum-docket applicant-index v1', INDEX_KEY_BYTES)));
}

/**
 * The applicant index of the configuration. A deployment with keys of its own names the index key too:
 * it must outlive every rotation of the encryption keys, since changing it leaves every stored index
 * unfindable, so deriving it from whichever encryption key is current would break search at each rotation.
 */
export function configuredApplicantIndex(config: DocketConfig): ApplicantIndex {
  const { applicantIndexKey } = config.encryption;
  if (applicantIndexKey !== undefined) {
    const parsed = indexKeySchema.safeParse(applicantIndexKey);
    // The message only: the value may be key material.
    if (!parsed.success) throw new KeyRingError(`Invalid applicant index key:\n  ${VARIABLE}: ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
    const encryptionKeys = [...configuredKeyRing(config).keys.values()];
    if (encryptionKeys.some((key) => key.export().equals(parsed.data))) {
      throw new KeyRingError(`Invalid applicant index key:\n  ${VARIABLE}: is one of the encryption keys; give the index a key of its own (${GENERATE_HINT})`);
    }
    return new ApplicantIndex(createSecretKey(parsed.data));
  }
  if (usesDevelopmentKey(config)) return new ApplicantIndex(developmentIndexKey(configuredKeyRing(config)));
  throw new KeyRingError(
    `No applicant index key is configured: set ${VARIABLE} beside the encryption keys (32 random bytes in base64; ${GENERATE_HINT}). ` +
      'It must not be an encryption key, and it stays the same when they rotate (docs/privacy.md).',
  );
}
