import type { OpenCaseInput } from '../../src/domain';

/**
 * An invented applicant and the free text staff might type about them. Every value is made up, and
 * distinctive enough that finding it anywhere outside the engine's own processes can only mean it leaked.
 */
export const APPLICANT = {
  pseudonym: 'Applicant-Q4VZ7K',
  birthDate: '1987-11-23',
  // ICAO's code for a refugee under the 1951 Convention: a nationality field without naming a country.
  nationality: 'XXB',
  languages: ['tir', 'ara'],
} as const satisfies NonNullable<OpenCaseInput['applicant']>;

export const STORY = 'Applicant-Q4VZ7K reports renewed threats after the arrest of a sibling in the home district in March';
export const CORRECTION_REASON = 'notice date misread; Applicant-Q4VZ7K, born 1987-11-23, confirmed the real date at the interview';
export const REASSIGN_REASON = 'hand over before the hearing on the sibling arrested in the home district';
export const CLOSING_NOTE = 'Applicant-Q4VZ7K left for a third country with the family of the arrested sibling';

/**
 * What to look for, by label. Short values are searched as the JSON they would leak as (a quoted string,
 * or the field with its value): a bare three-letter code turns up in any long base64 text by chance.
 */
const SEARCHED: ReadonlyArray<[label: string, value: string]> = [
  ['pseudonym', APPLICANT.pseudonym],
  ['birth date', APPLICANT.birthDate],
  ['nationality', `"nationality":"${APPLICANT.nationality}"`],
  ['nationality value', `"${APPLICANT.nationality}"`],
  ['languages', JSON.stringify(APPLICANT.languages)],
  ['story', STORY],
  ['correction reason', CORRECTION_REASON],
  ['reassignment reason', REASSIGN_REASON],
  ['closing note', CLOSING_NOTE],
];

/** Fewer base64 characters than this could turn up in other base64 text by chance. */
const MIN_BASE64_FORM = 8;

/**
 * The characters that stand for `value` in any base64 text that contains it, whatever the byte offset
 * at which it starts: one form per offset modulo 3, without the partial groups at either end.
 */
export function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  return [0, 1, 2]
    .map((offset) => {
      const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
      return encoded.slice(offset === 0 ? 0 : 4, Math.floor((offset + bytes.length) / 3) * 4);
    })
    .filter((form) => form.length >= MIN_BASE64_FORM);
}

/** Every personal value found in `haystack`, in clear or in base64, by label: empty when nothing leaked. */
export function personalDataIn(haystack: string | Buffer): string[] {
  const contains = (needle: string) => haystack.includes(needle);
  return SEARCHED.flatMap(([label, value]) => [
    ...(contains(value) ? [label] : []),
    ...(base64Forms(value).some(contains) ? [`${label} (base64)`] : []),
  ]);
}
