import { createHmac, type KeyObject } from 'node:crypto';

/** 128 bits of the HMAC, in hex: far beyond any chance collision among cases, and short in a search attribute. */
export const APPLICANT_INDEX_HEX_LENGTH = 32;

/**
 * The form of a pseudonym that the index keys: what staff type is matched however they spaced or
 * capitalised it. NFC first, so that a letter typed as one code point or as a base and an accent is one
 * letter; upper then lower case is JavaScript's nearest to full case folding (ß and SS, ς and σ fold alike).
 */
export function normalisePseudonym(pseudonym: string): string {
  return pseudonym.normalize('NFC').trim().replace(/\s+/gu, ' ').toUpperCase().toLowerCase().normalize('NFC');
}

/**
 * A keyed blind index of applicants' pseudonyms: HMAC-SHA256 of the normalised pseudonym under a key of
 * its own, so the search attribute that holds it tells only whether two cases have the same pseudonym,
 * and nobody without the key can test a guess against it. It finds exact matches only.
 */
export class ApplicantIndex {
  constructor(private readonly key: KeyObject) {}

  of(pseudonym: string): string {
    const normalised = normalisePseudonym(pseudonym);
    if (normalised === '') throw new RangeError('a pseudonym to index must not be blank');
    return createHmac('sha256', this.key).update(normalised, 'utf8').digest('hex').slice(0, APPLICANT_INDEX_HEX_LENGTH);
  }
}
