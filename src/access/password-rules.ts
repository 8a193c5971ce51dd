import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
/** Enough for any passphrase; the bound keeps one request from making scrypt hash a megabyte. */
export const MAX_PASSWORD_LENGTH = 1024;

/** Why a new password was refused, in no language: the pages word it in the person's own. */
export type PasswordProblem =
  | { rule: 'too-short'; minimum: number; length: number }
  | { rule: 'too-long'; maximum: number }
  | { rule: 'is-staff-id' }
  | { rule: 'too-common' };

/** Characters as people count them, so a Cyrillic or accented password is measured fairly. */
function characterCount(password: string): number {
  return [...password.normalize('NFC')].length;
}

/** The rules a new password must meet; an empty list means it may be set. */
export function passwordProblems(password: string, staffId: string): PasswordProblem[] {
  const length = characterCount(password);
  if (length < MIN_PASSWORD_LENGTH) return [{ rule: 'too-short', minimum: MIN_PASSWORD_LENGTH, length }];
  if (length > MAX_PASSWORD_LENGTH) return [{ rule: 'too-long', maximum: MAX_PASSWORD_LENGTH }];
  const lowered = password.normalize('NFC').trim().toLowerCase();
  if (lowered === staffId.toLowerCase()) return [{ rule: 'is-staff-id' }];
  if (COMMON_PASSWORDS.has(lowered)) return [{ rule: 'too-common' }];
  return [];
}
