import {
  ApplicationFailure,
  defaultPayloadConverter,
  type FailureConverter,
  type Payload,
} from '@temporalio/common';
import { createDataConverter } from '../../src/codec/data-converter';
import {
  ENCRYPTED_ENCODING,
  EncryptionCodec,
  KEY_ID_METADATA_KEY,
  PayloadDecryptionError,
} from '../../src/codec/encryption-codec';
import { ringRotatedToB, ringWithA, ringWithB } from './keys';

const PSEUDONYM = 'Applicant-7F3A';
const caseInput = { caseNumber: 'RU-TA-2016-0042', applicant: PSEUDONYM, birthDate: '1990-04-17', nationality: 'KP' };
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

async function encryptOne(codec: EncryptionCodec, value: unknown): Promise<Payload> {
  const [encrypted] = await codec.encode([defaultPayloadConverter.toPayload(value)]);
  if (!encrypted) throw new Error('codec returned no payload');
  return encrypted;
}

function withDataByte(payload: Payload, index: number): Payload {
  const data = Buffer.from(payload.data ?? new Uint8Array());
  data[index] = (data[index] ?? 0) ^ 0x01;
  return { ...payload, data };
}

describe('EncryptionCodec', () => {
  const codecA = new EncryptionCodec(ringWithA);

  it('round-trips payloads, metadata included, and stores neither in readable form', async () => {
    const original = defaultPayloadConverter.toPayload(caseInput);
    const [encrypted] = await codecA.encode([original]);

    expect(text(encrypted?.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(encrypted?.metadata?.[KEY_ID_METADATA_KEY])).toBe('key-a');
    expect(Object.keys(encrypted?.metadata ?? {}).sort()).toEqual(['encoding', KEY_ID_METADATA_KEY]);
    for (const secret of [PSEUDONYM, '1990-04-17', 'json/plain']) {
      expect(Buffer.from(encrypted?.data ?? new Uint8Array()).includes(secret)).toBe(false);
    }

    const [decrypted] = await codecA.decode([encrypted as Payload]);
    expect(text(decrypted?.metadata?.encoding)).toBe('json/plain');
    expect(defaultPayloadConverter.fromPayload(decrypted as Payload)).toEqual(caseInput);
  });

  it('round-trips several payloads, an empty one among them, in order', async () => {
    const originals = [caseInput, undefined, 'second'].map((value) => defaultPayloadConverter.toPayload(value));
    const decrypted = await codecA.decode(await codecA.encode(originals));
    expect(decrypted.map((payload) => defaultPayloadConverter.fromPayload(payload))).toEqual([caseInput, undefined, 'second']);
    expect(await codecA.encode([])).toEqual([]);
  });

  it('uses a fresh IV for every payload, so equal inputs give different ciphertexts', async () => {
    const first = await encryptOne(codecA, caseInput);
    const second = await encryptOne(codecA, caseInput);
    expect(Buffer.from(first.data ?? []).equals(Buffer.from(second.data ?? []))).toBe(false);
    expect(Buffer.from(first.data ?? []).subarray(0, 12).equals(Buffer.from(second.data ?? []).subarray(0, 12))).toBe(false);
  });

  it.each([
    ['IV', 0],
    ['ciphertext', 20],
    ['authentication tag', -1],
  ])('rejects a payload whose %s was altered', async (_part, index) => {
    const encrypted = await encryptOne(codecA, caseInput);
    const length = encrypted.data?.length ?? 0;
    const tampered = withDataByte(encrypted, index < 0 ? length + index : index);
    const attempt = codecA.decode([tampered]);
    await expect(attempt).rejects.toThrow(PayloadDecryptionError);
    await expect(attempt).rejects.toThrow(/key "key-a": authentication failed/);
  });

  it('rejects a payload relabelled with another key id, because the key id is authenticated', async () => {
    const bothKeys = new EncryptionCodec(ringRotatedToB);
    const encryptedWithA = await encryptOne(codecA, caseInput);
    const relabelled = { ...encryptedWithA, metadata: { ...encryptedWithA.metadata, [KEY_ID_METADATA_KEY]: Buffer.from('key-b') } };
    await expect(bothKeys.decode([relabelled])).rejects.toThrow(/key "key-b": authentication failed/);
  });

  it('names an unknown key id and the known ones, and never the data', async () => {
    const encrypted = await encryptOne(codecA, caseInput);
    const error = await new EncryptionCodec(ringWithB).decode([encrypted]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PayloadDecryptionError);
    const message = (error as Error).message;
    expect(message).toContain('key "key-a": that key id is not in the key ring (known: "key-b")');
    expect(message).not.toContain(PSEUDONYM);
  });

  it('explains an encrypted payload without a key id, and one too short to hold an IV and tag', async () => {
    const encrypted = await encryptOne(codecA, caseInput);
    const withoutKeyId = { ...encrypted, metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING) } };
    await expect(codecA.decode([withoutKeyId])).rejects.toThrow(/has no "encryption-key-id" metadata/);
    const truncated = { ...encrypted, data: Buffer.from(encrypted.data ?? []).subarray(0, 20) };
    await expect(codecA.decode([truncated])).rejects.toThrow(/its data is 20 bytes, shorter than an IV and a tag/);
  });

  it('passes payloads that were never encrypted through untouched', async () => {
    const plain = defaultPayloadConverter.toPayload({ stage: 'lodged' });
    const [decoded] = await codecA.decode([plain]);
    expect(decoded).toBe(plain);
  });
});

describe('createDataConverter', () => {
  it('encrypts with the ring and moves failure messages into an encrypted payload', async () => {
    const converter = createDataConverter(ringWithA);
    const [codec] = converter.payloadCodecs ?? [];
    const [encrypted] = await (codec as EncryptionCodec).encode([defaultPayloadConverter.toPayload(caseInput)]);
    expect(text(encrypted?.metadata?.[KEY_ID_METADATA_KEY])).toBe('key-a');

    const { failureConverter } = require(converter.failureConverterPath as string) as { failureConverter: FailureConverter };
    const failure = failureConverter.errorToFailure(
      ApplicationFailure.nonRetryable(`cannot file the complaint for ${PSEUDONYM}`),
      defaultPayloadConverter,
    );
    expect(failure.message).not.toContain(PSEUDONYM);
    expect(failure.encodedAttributes).toBeDefined();
  });
});
