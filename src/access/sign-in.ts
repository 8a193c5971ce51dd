import type { AccessStore } from './index';

export interface SignInAttempt {
  /** A well-formed staff id (the form checked it); it may name nobody. */
  staffId: string;
  password: string;
  /** The client address the attempt came from, counted like the staff id. */
  address: string;
}

/**
 * How an attempt ended. A wrong password, an unknown id, someone without a password yet and a
 * deactivated member are one refusal, so the answer never tells which ids exist or who has left.
 */
export type SignInResult =
  | { ok: true; staffId: string; credential: string; sessionId: string; expiresAt: string }
  | { ok: false; refusal: 'wrong-credentials' }
  | { ok: false; refusal: 'locked'; until: Date };

/**
 * Signs a staff member in with their password, opening a session. Locked subjects are refused before
 * the password is looked at. Every attempt is audited under the id that was tried (never the
 * password); a lock is audited with when it ends.
 */
export async function signIn(
  access: Pick<AccessStore, 'staff' | 'passwords' | 'sessions' | 'throttle' | 'audit'>,
  attempt: SignInAttempt,
): Promise<SignInResult> {
  const { staffId } = attempt;
  // Actor and target are both the id tried, so the audit filtered by a person shows every attempt at their account.
  const audit = (outcome: 'ok' | 'rejected', detail: Record<string, unknown>) =>
    access.audit.record({ actor: staffId, via: 'api', action: 'session.signin', target: staffId, outcome, detail });

  const locked = await access.throttle.lockedUntil(attempt);
  if (locked) {
    await audit('rejected', { refusal: 'locked', lockedUntil: locked.toISOString() });
    return { ok: false, refusal: 'locked', until: locked };
  }
  const passwordMatches = await access.passwords.matches(staffId, attempt.password);
  const member = passwordMatches ? await access.staff.get(staffId) : undefined;
  if (!member?.active) {
    const lockedNow = await access.throttle.recordFailure(attempt);
    await audit('rejected', { refusal: 'wrong-credentials', ...(lockedNow ? { lockedUntil: lockedNow.toISOString() } : {}) });
    return lockedNow ? { ok: false, refusal: 'locked', until: lockedNow } : { ok: false, refusal: 'wrong-credentials' };
  }
  await access.throttle.forgive(staffId);
  const session = await access.sessions.open(staffId);
  await audit('ok', { sessionId: session.id, expiresAt: session.expiresAt });
  return { ok: true, staffId, credential: session.credential, sessionId: session.id, expiresAt: session.expiresAt };
}
