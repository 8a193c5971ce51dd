import { passwordProblems } from '../../src/access/password-rules';

describe('rules for a new staff password', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblems('river lamp october quietly', 'cw-msk')).toEqual([]);
  });

  it('wants at least 12 characters, counted as people count them', () => {
    expect(passwordProblems('short-pass1', 'cw-msk')).toEqual([{ rule: 'too-short', minimum: 12, length: 11 }]);
    // Twelve Cyrillic letters are twelve characters, though they take 24 bytes.
    expect(passwordProblems('ёлкапалкаёжи', 'cw-msk')).toEqual([]);
  });

  it('refuses the staff id itself, whatever its case', () => {
    expect(passwordProblems('caseworker-0042', 'caseworker-0042')).toEqual([{ rule: 'is-staff-id' }]);
    expect(passwordProblems('CASEWORKER-0042', 'caseworker-0042')).toEqual([{ rule: 'is-staff-id' }]);
  });

  it('refuses the commonest passwords, Russian keyboard ones included', () => {
    expect(passwordProblems('Password1234', 'cw-msk')).toEqual([{ rule: 'too-common' }]);
    expect(passwordProblems('1q2w3e4r5t6y', 'cw-msk')).toEqual([{ rule: 'too-common' }]);
    expect(passwordProblems('йцукенгшщзхъ', 'cw-msk')).toEqual([{ rule: 'too-common' }]);
  });

  it('bounds the length, so one request cannot make the server hash a megabyte', () => {
    expect(passwordProblems('x'.repeat(1025), 'cw-msk')).toEqual([{ rule: 'too-long', maximum: 1024 }]);
  });
});
