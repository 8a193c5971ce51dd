import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHmac, createSecretKey } from 'node:crypto';
import { ApplicantIndex, APPLICANT_INDEX_HEX_LENGTH, normalisePseudonym } from '../../src/codec/applicant-index';
import { configuredApplicantIndex } from '../../src/codec/configured-applicant-index';
import { generateKeyMaterial, KeyRingError } from '../../src/codec/key-ring';
import { loadConfig } from '../../src/config';

const indexKey = generateKeyMaterial();
const indexOf = (key: string) => new ApplicantIndex(createSecretKey(Buffer.from(key, 'base64')));

describe('normalisePseudonym', () => {
  it('trims, collapses inner whitespace and folds case', () => {
    expect(normalisePseudonym('  Applicant-7F3A \t')).toBe('applicant-7f3a');
    expect(normalisePseudonym('Applicant\u00a0 \n7F3A')).toBe('applicant 7f3a');
    expect(normalisePseudonym('ЗАЯВИТЕЛЬ-Ёж')).toBe('заявитель-ёж');
  });

  it('makes composed and decomposed letters one form (NFC)', () => {
    expect(normalisePseudonym('Applicant-E\u0301')).toBe(normalisePseudonym('applicant-\u00e9'));
    expect(normalisePseudonym('Й-7F3A')).toBe(normalisePseudonym('И\u0306-7f3a'));
  });

  it('folds letters whose lower case alone would not match', () => {
    expect(normalisePseudonym('Straße-7F3A')).toBe(normalisePseudonym('STRASSE-7f3a'));
    expect(normalisePseudonym('ΟΔΟΣ-7F3A')).toBe(normalisePseudonym('οδος-7f3a'));
  });
});

describe('ApplicantIndex', () => {
  const index = indexOf(indexKey);

  it('is the truncated HMAC-SHA256 of the normalised pseudonym under the index key', () => {
    const expected = createHmac('sha256', Buffer.from(indexKey, 'base64')).update('applicant-7f3a', 'utf8').digest('hex').slice(0, 32);
    expect(index.of(' APPLICANT-7f3a ')).toBe(expected);
    expect(index.of('Applicant-7F3A')).toMatch(new RegExp(`^[0-9a-f]{${APPLICANT_INDEX_HEX_LENGTH}}$`));
  });

  it('tells pseudonyms apart, and keys apart', () => {
    expect(index.of('Applicant-7F3A')).not.toBe(index.of('Applicant-7F3B'));
    expect(indexOf(generateKeyMaterial()).of('Applicant-7F3A')).not.toBe(index.of('Applicant-7F3A'));
  });

  it('refuses a blank pseudonym', () => {
    expect(() => index.of(' \t')).toThrow('must not be blank');
  });
});

describe('configuredApplicantIndex', () => {
  const encryptionKey = generateKeyMaterial();
  const configured = { DOCKET_ENCRYPTION_KEYS: `k1:${encryptionKey}`, DOCKET_ENCRYPTION_KEY_ID: 'k1' };

  function refusal(env: NodeJS.ProcessEnv): string {
    try {
      configuredApplicantIndex(loadConfig(env));
    } catch (error) {
      expect(error).toBeInstanceOf(KeyRingError);
      const message = (error as Error).message;
      expect(message).toContain('DOCKET_APPLICANT_INDEX_KEY');
      expect(message).not.toContain(encryptionKey);
      return message;
    }
    throw new Error('expected the index key to be refused');
  }

  it('uses DOCKET_APPLICANT_INDEX_KEY as the HMAC key', () => {
    const index = configuredApplicantIndex(loadConfig({ ...configured, DOCKET_APPLICANT_INDEX_KEY: indexKey }));
    expect(index.of('Applicant-7F3A')).toBe(indexOf(indexKey).of('Applicant-7F3A'));
  });

  it('requires its own key beside configured encryption keys, and never takes an encryption key', () => {
    expect(refusal(configured)).toContain('is configured');
    expect(refusal({ ...configured, DOCKET_APPLICANT_INDEX_KEY: encryptionKey })).toContain('is one of the encryption keys');
    expect(refusal({ ...configured, DOCKET_APPLICANT_INDEX_KEY: Buffer.alloc(16, 1).toString('base64') })).toContain('exactly 32 bytes');
    expect(refusal({ ...configured, DOCKET_APPLICANT_INDEX_KEY: 'not base64!' })).toContain('base64');
  });

  it('derives a development key from the development key file, the same at every start and not the encryption key', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-index-'));
    try {
      const first = configuredApplicantIndex(loadConfig({ DOCKET_DATA_DIR: dataDir })).of('Applicant-7F3A');
      expect(configuredApplicantIndex(loadConfig({ DOCKET_DATA_DIR: dataDir })).of('Applicant-7F3A')).toBe(first);
      const devFile = JSON.parse(fs.readFileSync(path.join(dataDir, 'keys.json'), 'utf8')) as { current: string; keys: Record<string, string> };
      expect(first).not.toBe(indexOf(devFile.keys[devFile.current] as string).of('Applicant-7F3A'));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
