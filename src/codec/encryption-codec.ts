import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { KeyRing } from './key-ring';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA_KEY = 'encryption-key-id';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Says which payload could not be decrypted and why, and never anything of its content. */
export class PayloadDecryptionError extends Error {
  override name = 'PayloadDecryptionError';
}

const text = (bytes: Uint8Array | null | undefined): string | undefined =>
  bytes == null ? undefined : Buffer.from(bytes).toString('utf8');

/** Key ids read from stored payloads may be anything; quote them bounded so an error line stays one line. */
const quoteKeyId = (keyId: string): string => JSON.stringify(keyId.length > 64 ? `${keyId.slice(0, 64)}...` : keyId);

/**
 * Encrypts whole payloads (metadata and data) with AES-256-GCM under the ring's current key.
 * Stored layout of `data`: 12-byte random IV, ciphertext, 16-byte GCM tag. The key id is bound as
 * additional authenticated data, so relabelling a payload with another key id fails authentication.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keyRing: KeyRing) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  private encrypt(payload: Payload): Payload {
    const keyId = this.keyRing.currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, this.key(keyId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(keyId, 'utf8'));
    const plaintext = temporal.api.common.v1.Payload.encode(payload).finish();
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING, 'utf8'),
        [KEY_ID_METADATA_KEY]: Buffer.from(keyId, 'utf8'),
      },
      data: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]),
    };
  }

  private decrypt(payload: Payload): Payload {
    if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;

    const keyId = text(payload.metadata?.[KEY_ID_METADATA_KEY]);
    if (keyId === undefined || keyId === '') {
      throw new PayloadDecryptionError(
        `Cannot decrypt a payload: it is marked ${ENCRYPTED_ENCODING} but has no "${KEY_ID_METADATA_KEY}" metadata.`,
      );
    }
    const data = payload.data ?? new Uint8Array();
    if (data.length < IV_BYTES + TAG_BYTES) {
      throw new PayloadDecryptionError(
        `Cannot decrypt a payload encrypted with key ${quoteKeyId(keyId)}: its data is ${data.length} bytes, shorter than an IV and a tag.`,
      );
    }
    const iv = data.subarray(0, IV_BYTES);
    const ciphertext = data.subarray(IV_BYTES, data.length - TAG_BYTES);
    const tag = data.subarray(data.length - TAG_BYTES);
    const decipher = createDecipheriv(CIPHER, this.key(keyId), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(keyId, 'utf8'));
    decipher.setAuthTag(tag);
    let plaintext: Buffer;
    try {
      plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch {
      throw new PayloadDecryptionError(
        `Cannot decrypt a payload encrypted with key ${quoteKeyId(keyId)}: authentication failed, so either the stored data was altered or the key with that id in the key ring is not the one it was encrypted with.`,
      );
    }
    return temporal.api.common.v1.Payload.decode(plaintext);
  }

  private key(keyId: string): KeyObject {
    const key = this.keyRing.keys.get(keyId);
    if (key === undefined) {
      const known = [...this.keyRing.keys.keys()].map((id) => `"${id}"`).join(', ');
      throw new PayloadDecryptionError(
        `Cannot decrypt a payload encrypted with key ${quoteKeyId(keyId)}: that key id is not in the key ring (known: ${known}). ` +
          'Add the key to DOCKET_ENCRYPTION_KEYS or the key file; retired keys must stay in the ring while any case still holds data encrypted with them.',
      );
    }
    return key;
  }
}
