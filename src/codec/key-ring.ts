import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The AES-256 keys the payload codec may use: one current key that encrypts new payloads, and every
 * older key that may still have encrypted payloads in running cases' histories.
 *
 * Keys are held as `KeyObject`s so that logging or serialising a ring never prints key material.
 */
export interface KeyRing {
  readonly currentKeyId: string;
  readonly keys: ReadonlyMap<string, KeyObject>;
}

/** Where keys come from; the config module passes the raw environment values through. */
export interface KeyRingSource {
  /** `DOCKET_ENCRYPTION_KEYS`: `id:base64,id:base64`. */
  keys?: string | undefined;
  /** `DOCKET_ENCRYPTION_KEY_ID`: the id of the current key in `keys`. */
  currentKeyId?: string | undefined;
  /** `DOCKET_ENCRYPTION_KEY_FILE`: a JSON file `{ "current": id, "keys": { id: base64 } }`. */
  keyFile?: string | undefined;
}

export class KeyRingError extends Error {
  override name = 'KeyRingError';
}

export const AES_256_KEY_BYTES = 32;
const GENERATE_HINT = 'generate a key with: openssl rand -base64 32';

const KEY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const KEY_ID_RULE = 'a key id is 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit';
const keyIdSchema = z.string().regex(KEY_ID_PATTERN, KEY_ID_RULE);

const keyMaterialSchema = z
  .base64(`is not standard base64 (${GENERATE_HINT})`)
  .transform((text) => Buffer.from(text, 'base64'))
  .check((context) => {
    if (context.value.length !== AES_256_KEY_BYTES) {
      context.issues.push({
        code: 'custom',
        input: context.value,
        message: `decodes to ${context.value.length} bytes; AES-256 needs exactly ${AES_256_KEY_BYTES} (${GENERATE_HINT})`,
      });
    }
  });

const keyRingSchema = z
  .object({
    current: keyIdSchema,
    keys: z.record(keyIdSchema, keyMaterialSchema),
  })
  .check((context) => {
    const { current, keys } = context.value;
    if (!Object.hasOwn(keys, current)) {
      const known = Object.keys(keys);
      context.issues.push({
        code: 'custom',
        input: current,
        path: ['current'],
        message: `names key "${current}", which is not among the keys (${known.length ? known.map((id) => `"${id}"`).join(', ') : 'none given'})`,
      });
    }
  });

/** How the fields of the key ring schema are called in the source the keys came from. */
interface SourceLabels {
  source: string;
  current: string;
  key(id: string): string;
  /** Said after a problem with the source as a whole, such as a wrong JSON shape. */
  expectedShape: string;
}

/** Key ids are echoed only when they look like ids: a misplaced key in the id position must never be printed. */
function describeKeyId(candidate: PropertyKey): string {
  return typeof candidate === 'string' && KEY_ID_PATTERN.test(candidate) ? `"${candidate}"` : 'with an invalid id';
}

function keyRingError(issues: readonly z.core.$ZodIssue[], labels: SourceLabels): KeyRingError {
  const problems = issues.map((issue) => {
    const [field, keyId] = issue.path;
    if (field === 'current') return `  ${labels.current}: ${issue.message}`;
    if (field === 'keys' && issue.code === 'invalid_key') return `  ${labels.source}: a key has an invalid id (${KEY_ID_RULE})`;
    if (field === 'keys' && keyId !== undefined) return `  ${labels.key(describeKeyId(keyId))}: ${issue.message}`;
    return `  ${labels.source}: ${issue.message}${labels.expectedShape}`;
  });
  return new KeyRingError(`Invalid encryption key configuration:\n${problems.join('\n')}`);
}

function toKeyRing(validated: { current: string; keys: Record<string, Buffer> }): KeyRing {
  const keys = new Map(Object.entries(validated.keys).map(([id, bytes]) => [id, createSecretKey(bytes)]));
  return Object.freeze({ currentKeyId: validated.current, keys });
}

const ENVIRONMENT_LABELS: SourceLabels = {
  source: 'DOCKET_ENCRYPTION_KEYS',
  current: 'DOCKET_ENCRYPTION_KEY_ID',
  key: (id) => `DOCKET_ENCRYPTION_KEYS, key ${id}`,
  expectedShape: '',
};

/** Parses `DOCKET_ENCRYPTION_KEYS` (`id:base64,id:base64`) with `DOCKET_ENCRYPTION_KEY_ID` naming the current key. */
export function parseKeyRingSpec(keys: string, currentKeyId: string | undefined): KeyRing {
  const problems: string[] = [];
  const entries: Record<string, string> = {};
  keys.split(',').forEach((rawEntry, index) => {
    const entry = rawEntry.trim();
    const separator = entry.indexOf(':');
    if (separator <= 0) {
      problems.push(`  DOCKET_ENCRYPTION_KEYS, entry ${index + 1}: is not in the form id:base64-key`);
      return;
    }
    const id = entry.slice(0, separator).trim();
    if (Object.hasOwn(entries, id)) {
      problems.push(`  DOCKET_ENCRYPTION_KEYS, key ${describeKeyId(id)}: appears more than once`);
      return;
    }
    entries[id] = entry.slice(separator + 1).trim();
  });
  if (currentKeyId === undefined || currentKeyId.trim() === '') {
    problems.push('  DOCKET_ENCRYPTION_KEY_ID: is not set; it must name the key in DOCKET_ENCRYPTION_KEYS that encrypts new data');
  }
  if (problems.length > 0) throw new KeyRingError(`Invalid encryption key configuration:\n${problems.join('\n')}`);

  const parsed = keyRingSchema.safeParse({ current: currentKeyId?.trim(), keys: entries });
  if (!parsed.success) throw keyRingError(parsed.error.issues, ENVIRONMENT_LABELS);
  return toKeyRing(parsed.data);
}

const KEY_FILE_SHAPE = '; expected { "current": "<id>", "keys": { "<id>": "<base64 of 32 bytes>" } }';

/** Reads a key file `{ "current": id, "keys": { id: base64 } }`. */
export function readKeyRingFile(file: string): KeyRing {
  const where = `DOCKET_ENCRYPTION_KEY_FILE (${file})`;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new KeyRingError(`Invalid encryption key configuration:\n  ${where}: cannot be read (${reason})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's message quotes the file's text, which may be key material.
    throw new KeyRingError(
      `Invalid encryption key configuration:\n  ${where}: is not valid JSON${KEY_FILE_SHAPE}`,
    );
  }
  const parsed = keyRingSchema.safeParse(json);
  if (!parsed.success) {
    throw keyRingError(parsed.error.issues, {
      source: where,
      current: `${where}, "current"`,
      key: (id) => `${where}, key ${id}`,
      expectedShape: KEY_FILE_SHAPE,
    });
  }
  return toKeyRing(parsed.data);
}

/** Loads the configured ring: either the environment's key list or a key file, never both. */
export function loadKeyRing(source: KeyRingSource): KeyRing {
  const hasKeys = source.keys !== undefined && source.keys.trim() !== '';
  const hasFile = source.keyFile !== undefined && source.keyFile.trim() !== '';
  if (hasKeys && hasFile) {
    throw new KeyRingError(
      'Invalid encryption key configuration:\n  DOCKET_ENCRYPTION_KEYS and DOCKET_ENCRYPTION_KEY_FILE are both set; set only one of them',
    );
  }
  if (hasKeys) return parseKeyRingSpec(source.keys as string, source.currentKeyId);
  if (hasFile) {
    if (source.currentKeyId !== undefined && source.currentKeyId.trim() !== '') {
      throw new KeyRingError(
        'Invalid encryption key configuration:\n  DOCKET_ENCRYPTION_KEY_ID is set together with DOCKET_ENCRYPTION_KEY_FILE; the key file names its current key in "current"',
      );
    }
    return readKeyRingFile(source.keyFile as string);
  }
  throw new KeyRingError(
    'No encryption key is configured: set DOCKET_ENCRYPTION_KEYS and DOCKET_ENCRYPTION_KEY_ID, or DOCKET_ENCRYPTION_KEY_FILE. ' +
      `Case data is never stored unencrypted (${GENERATE_HINT}).`,
  );
}

/** A fresh random AES-256 key in the base64 form the key ring reads. */
export function generateKeyMaterial(): string {
  return randomBytes(AES_256_KEY_BYTES).toString('base64');
}

/**
 * For the embedded one-machine setup: reads the development key file, or creates it (mode 0600)
 * with one new random key. Several processes may start at once, so the file appears atomically:
 * whoever links it first wins and everyone reads the same key.
 */
export function loadOrCreateDevKeyRing(file: string): KeyRing {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const keyId = `dev-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
    const content = JSON.stringify({ current: keyId, keys: { [keyId]: generateKeyMaterial() } }, null, 2) + '\n';
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(draft, content, { mode: 0o600, flag: 'wx' });
    try {
      fs.chmodSync(draft, 0o600);
      fs.linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.unlinkSync(draft);
    }
  }
  return readKeyRingFile(file);
}
