import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { InvalidInputError } from '../errors/docket-errors';
import { hashPassword, needsRehash, verifyPassword } from './password-hash';
import { passwordProblems, type PasswordProblem } from './password-rules';
import type { AccessDatabase } from './schema';

/** A new password broke a rule; nothing was stored. The pages word `problems` in the person's language. */
export class PasswordRejectedError extends InvalidInputError {
  override name = 'PasswordRejectedError';
  constructor(readonly passwordProblems: PasswordProblem[]) {
    super('The new password breaks a rule', passwordProblems.map((problem) => problem.rule));
  }
}

/** Throws PasswordRejectedError unless the password meets every rule. */
export function requireAcceptablePassword(staffId: string, password: string): void {
  const problems = passwordProblems(password, staffId);
  if (problems.length > 0) throw new PasswordRejectedError(problems);
}

/**
 * Checked against a hash of a random password when a staff member has none (or is unknown), so that
 * a refusal takes as long as a wrong password does and its timing does not tell which ids exist.
 */
let standIn: Promise<string> | undefined;
function standInHash(): Promise<string> {
  standIn ??= hashPassword(randomBytes(32).toString('base64'));
  return standIn;
}

/** Staff passwords, stored only as scrypt hashes. They are set through a one-time link (staff-invitations.ts). */
export class PasswordStore {
  constructor(
    private readonly db: Kysely<AccessDatabase>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores the password if it meets the rules; throws PasswordRejectedError otherwise. */
  async set(staffId: string, password: string): Promise<void> {
    requireAcceptablePassword(staffId, password);
    await this.store(staffId, await hashPassword(password));
  }

  async has(staffId: string): Promise<boolean> {
    return (await this.hashOf(staffId)) !== undefined;
  }

  /** Who has set a password (when), for the staff directory's page: one read, never a hash. */
  async setDates(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('staff_passwords').select(['staff_id', 'set_at']).execute();
    return new Map(rows.map((row) => [row.staff_id, row.set_at]));
  }

  /**
   * Whether the password is this member's. Always hashes once, known member or not. A hash made with
   * weaker parameters than today's is replaced by a stronger one while the password is at hand.
   */
  async matches(staffId: string, password: string): Promise<boolean> {
    const stored = await this.hashOf(staffId);
    const matched = await verifyPassword(password, stored ?? (await standInHash()));
    if (matched && stored !== undefined && needsRehash(stored)) await this.store(staffId, await hashPassword(password));
    return matched && stored !== undefined;
  }

  private async hashOf(staffId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('staff_passwords').select('password_hash').where('staff_id', '=', staffId).executeTakeFirst();
    return row?.password_hash;
  }

  private async store(staffId: string, passwordHash: string): Promise<void> {
    const setAt = this.now().toISOString();
    await this.db
      .insertInto('staff_passwords')
      .values({ staff_id: staffId, password_hash: passwordHash, set_at: setAt })
      .onConflict((conflict) => conflict.column('staff_id').doUpdateSet({ password_hash: passwordHash, set_at: setAt }))
      .execute();
  }
}
