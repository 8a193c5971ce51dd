import { IANAZone } from 'luxon';
import { z } from 'zod';
import { staffIdSchema } from '../../access/roles';
import { passwordProblems } from '../../access/password-rules';
import type { DeskField, DeskWords } from './desk-words';
import type { FieldError } from './desk-pages';

/**
 * What the sign-in pages' forms send, read in two steps. First the shape: every field a string, a
 * missing or odd one (a JSON number, a repeated key) read as empty, so no body can fail in zod's
 * English. Then the rules, worded in the person's language and naming the field by its label.
 */
const formText = z.string().catch('');
const signInShape = z.object({ staffId: formText, password: formText, timeZone: formText }).catch({ staffId: '', password: '', timeZone: '' });
const welcomeShape = z.object({ newPassword: formText, repeatPassword: formText }).catch({ newPassword: '', repeatPassword: '' });
const signOutShape = z.object({ csrfToken: formText }).catch({ csrfToken: '' });

export type FormReading<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function fieldError(words: DeskWords, field: DeskField, problem: string): FieldError {
  return { field, message: `${words.fields[field]}: ${problem}` };
}

export interface SignInForm {
  staffId: string;
  password: string;
  /** The browser's IANA zone, for "try again at HH:MM"; undefined when the script did not run or sent junk. */
  timeZone: string | undefined;
}

/** Staff ids are lowercase: one typed with a capital or a space around it is read as meant. */
export function readSignInForm(body: unknown, words: DeskWords): FormReading<SignInForm> & { staffId: string } {
  const form = signInShape.parse(body);
  const staffId = form.staffId.trim().toLowerCase();
  const errors: FieldError[] = [];
  if (staffId === '') errors.push(fieldError(words, 'staffId', words.errors.staffIdMissing));
  else if (!staffIdSchema.safeParse(staffId).success) errors.push(fieldError(words, 'staffId', words.errors.staffIdFormat));
  if (form.password === '') errors.push(fieldError(words, 'password', words.errors.passwordMissing));
  if (errors.length > 0) return { ok: false, errors, staffId };
  const timeZone = form.timeZone !== '' && IANAZone.isValidZone(form.timeZone) ? form.timeZone : undefined;
  return { ok: true, value: { staffId, password: form.password, timeZone }, staffId };
}

/** A new password and its repetition, checked against the rules for this member. */
export function readWelcomeForm(body: unknown, staffId: string, words: DeskWords): FormReading<{ password: string }> {
  const form = welcomeShape.parse(body);
  const problems = passwordProblems(form.newPassword, staffId);
  if (problems.length > 0) return { ok: false, errors: problems.map((problem) => fieldError(words, 'newPassword', words.errors.password(problem))) };
  if (form.repeatPassword !== form.newPassword) return { ok: false, errors: [fieldError(words, 'repeatPassword', words.errors.mismatch)] };
  return { ok: true, value: { password: form.newPassword } };
}

/** The CSRF token a sign-out form carries in a hidden field (a script may send the X-CSRF-Token header instead). */
export function readSignOutForm(body: unknown): string | undefined {
  const token = signOutShape.parse(body).csrfToken;
  return token === '' ? undefined : token;
}
