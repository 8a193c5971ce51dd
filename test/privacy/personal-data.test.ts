import { APPLICANT, base64Forms, personalDataIn, STORY } from './personal-data';

/** The privacy tests pass when this search finds nothing, so it must find what is there. */
describe('personalDataIn', () => {
  it('finds a value in clear, in text and in bytes', () => {
    expect(personalDataIn(`note: ${APPLICANT.pseudonym} came back`)).toEqual(['pseudonym']);
    expect(personalDataIn(Buffer.concat([Buffer.from([0, 255, 7]), Buffer.from(APPLICANT.birthDate), Buffer.from([1])]))).toEqual(['birth date']);
  });

  it.each([0, 1, 2, 5])('finds a value in base64 whatever the offset it starts at (%i bytes in)', (offset) => {
    const leaked = Buffer.concat([Buffer.alloc(offset, 120), Buffer.from(JSON.stringify({ story: STORY })), Buffer.from('}}')]);
    expect(personalDataIn(`"data": "${leaked.toString('base64')}"`)).toEqual(expect.arrayContaining(['pseudonym (base64)', 'story (base64)']));
  });

  it('finds the short fields as the JSON they leak as', () => {
    expect(personalDataIn(JSON.stringify({ applicant: APPLICANT }))).toEqual(
      expect.arrayContaining(['pseudonym', 'birth date', 'nationality', 'nationality value', 'languages']),
    );
  });

  it('finds nothing in text about the case that names no one', () => {
    expect(personalDataIn('case RU-TA-2016-0731: complaint due 2026-12-21, caseworker cw-privacy-1, stage refused')).toEqual([]);
    expect(personalDataIn(Buffer.from('case RU-TA-2016-0731 refused').toString('base64'))).toEqual([]);
  });

  it('gives each value one base64 form per byte offset, long enough not to turn up by chance', () => {
    expect(base64Forms(APPLICANT.pseudonym)).toHaveLength(3);
    expect(base64Forms('"XXB"')).toEqual([]);
  });
});
