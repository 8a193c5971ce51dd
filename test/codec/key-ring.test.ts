import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { defaultPayloadConverter } from '@temporalio/common';
import { EncryptionCodec } from '../../src/codec/encryption-codec';
import {
  KeyRingError,
  generateKeyMaterial,
  loadKeyRing,
  loadOrCreateDevKeyRing,
  parseKeyRingSpec,
  readKeyRingFile,
  type KeyRing,
} from '../../src/codec/key-ring';
import { materialA, materialB } from './keys';

const shortKey = Buffer.alloc(16, 7).toString('base64');

function failureOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(KeyRingError);
    const message = (error as Error).message;
    for (const material of [materialA, materialB, shortKey]) expect(message).not.toContain(material);
    return message;
  }
  throw new Error('expected the key configuration to be rejected');
}

async function canRead(reader: KeyRing, writer: KeyRing): Promise<boolean> {
  const payload = defaultPayloadConverter.toPayload('RU-TA-2016-0042');
  const encrypted = await new EncryptionCodec(writer).encode([payload]);
  const [decrypted] = await new EncryptionCodec(reader).decode(encrypted).catch(() => [undefined]);
  return decrypted !== undefined && defaultPayloadConverter.fromPayload(decrypted) === 'RU-TA-2016-0042';
}

describe('key ring from DOCKET_ENCRYPTION_KEYS and DOCKET_ENCRYPTION_KEY_ID', () => {
  it('keeps every listed key and the named current one', () => {
    const ring = parseKeyRingSpec(` key-a:${materialA} , key-b:${materialB} `, 'key-b');
    expect(ring.currentKeyId).toBe('key-b');
    expect([...ring.keys.keys()]).toEqual(['key-a', 'key-b']);
    expect(ring.keys.get('key-a')?.symmetricKeySize).toBe(32);
  });

  it('never shows key material when the ring is logged or serialised', () => {
    const ring = parseKeyRingSpec(`key-a:${materialA}`, 'key-a');
    const raw = Buffer.from(materialA, 'base64');
    for (const shown of [inspect(ring, { depth: 10, showHidden: true }), JSON.stringify(ring)]) {
      expect(shown).not.toContain(materialA);
      expect(shown).not.toContain(raw.toString('hex'));
    }
  });

  it.each([
    ['a key of the wrong length', `key-a:${shortKey}`, 'key-a', 'DOCKET_ENCRYPTION_KEYS, key "key-a": decodes to 16 bytes; AES-256 needs exactly 32'],
    ['a key that is not base64', 'key-a:not*base64!', 'key-a', 'DOCKET_ENCRYPTION_KEYS, key "key-a": is not standard base64'],
    ['a current id absent from the keys', `key-a:${materialA}`, 'key-z', 'DOCKET_ENCRYPTION_KEY_ID: names key "key-z", which is not among the keys ("key-a")'],
    ['a missing current id', `key-a:${materialA}`, undefined, 'DOCKET_ENCRYPTION_KEY_ID: is not set'],
    ['an entry without an id', materialA, 'key-a', 'DOCKET_ENCRYPTION_KEYS, entry 1: is not in the form id:base64-key'],
    ['a key listed twice', `key-a:${materialA},key-a:${materialB}`, 'key-a', 'DOCKET_ENCRYPTION_KEYS, key "key-a": appears more than once'],
    ['an invalid key id', `key a:${materialA}`, 'key-a', 'DOCKET_ENCRYPTION_KEYS: a key has an invalid id'],
  ])('rejects %s with a message naming the variable', (_case, keys, current, expected) => {
    expect(failureOf(() => parseKeyRingSpec(keys, current))).toContain(expected);
  });

  it('does not echo a key written where its id belongs', () => {
    const message = failureOf(() => parseKeyRingSpec(`${materialA}:key-a`, 'key-a'));
    expect(message).toContain('a key has an invalid id');
  });
});

describe('key ring from a key file', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-keys-'));
  });
  afterEach(() => {
    fs.rmSync(directory, { recursive: true, force: true });
  });
  const writeKeyFile = (content: string) => {
    const file = path.join(directory, 'keys.json');
    fs.writeFileSync(file, content, { mode: 0o600 });
    return file;
  };

  it('reads the current id and every key', () => {
    const file = writeKeyFile(JSON.stringify({ current: 'key-a', keys: { 'key-a': materialA, 'key-b': materialB } }));
    const ring = readKeyRingFile(file);
    expect(ring.currentKeyId).toBe('key-a');
    expect([...ring.keys.keys()]).toEqual(['key-a', 'key-b']);
  });

  it.each([
    ['a missing file', null, 'cannot be read (ENOENT)'],
    ['text that is not JSON', `{"current":"key-a","keys":{"key-a":"${materialA}"`, 'is not valid JSON; expected { "current"'],
    ['JSON of the wrong shape', JSON.stringify([materialA]), 'expected { "current"'],
    ['a key of the wrong length', JSON.stringify({ current: 'key-a', keys: { 'key-a': shortKey } }), 'key "key-a": decodes to 16 bytes'],
    ['a current id absent from the keys', JSON.stringify({ current: 'key-z', keys: { 'key-a': materialA } }), '"current": names key "key-z"'],
  ])('rejects %s, naming DOCKET_ENCRYPTION_KEY_FILE and the path', (_case, content, expected) => {
    const file = content === null ? path.join(directory, 'absent.json') : writeKeyFile(content);
    const message = failureOf(() => readKeyRingFile(file));
    expect(message).toContain(`DOCKET_ENCRYPTION_KEY_FILE (${file})`);
    expect(message).toContain(expected);
  });
});

describe('loadKeyRing', () => {
  it('stops startup with a clear message when no key is configured', () => {
    expect(failureOf(() => loadKeyRing({}))).toMatch(
      /^No encryption key is configured: set DOCKET_ENCRYPTION_KEYS and DOCKET_ENCRYPTION_KEY_ID, or DOCKET_ENCRYPTION_KEY_FILE/,
    );
    expect(failureOf(() => loadKeyRing({ keys: '  ', keyFile: '' }))).toMatch(/^No encryption key is configured/);
  });

  it('refuses two sources at once instead of guessing', () => {
    expect(failureOf(() => loadKeyRing({ keys: `key-a:${materialA}`, currentKeyId: 'key-a', keyFile: '/etc/keys.json' }))).toContain(
      'DOCKET_ENCRYPTION_KEYS and DOCKET_ENCRYPTION_KEY_FILE are both set',
    );
    expect(failureOf(() => loadKeyRing({ currentKeyId: 'key-a', keyFile: '/etc/keys.json' }))).toContain(
      'DOCKET_ENCRYPTION_KEY_ID is set together with DOCKET_ENCRYPTION_KEY_FILE',
    );
  });

  it('reads the environment form when it is given', () => {
    expect(loadKeyRing({ keys: `key-a:${materialA}`, currentKeyId: 'key-a' }).currentKeyId).toBe('key-a');
  });
});

describe('loadOrCreateDevKeyRing', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-dev-keys-'));
  });
  afterEach(() => {
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('creates a private key file once and returns the same key on every later start', async () => {
    const file = path.join(directory, 'data', 'keys.json');
    const created = loadOrCreateDevKeyRing(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['keys.json']);
    expect(created.currentKeyId).toMatch(/^dev-\d{8}-[0-9a-f]{6}$/);

    const reloaded = loadOrCreateDevKeyRing(file);
    expect(reloaded.currentKeyId).toBe(created.currentKeyId);
    expect(await canRead(reloaded, created)).toBe(true);
    expect(await canRead(parseKeyRingSpec(`${created.currentKeyId}:${generateKeyMaterial()}`, created.currentKeyId), created)).toBe(false);
  });

  it('keeps an existing key file, rotated keys included', () => {
    const file = path.join(directory, 'keys.json');
    fs.writeFileSync(file, JSON.stringify({ current: 'key-b', keys: { 'key-a': materialA, 'key-b': materialB } }), { mode: 0o600 });
    const ring = loadOrCreateDevKeyRing(file);
    expect(ring.currentKeyId).toBe('key-b');
    expect([...ring.keys.keys()]).toEqual(['key-a', 'key-b']);
  });
});
