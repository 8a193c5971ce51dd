import { sql, type Kysely } from 'kysely';
import type { AccessDatabase } from './schema';

const MINUTE_MS = 60 * 1000;
export const SIGN_IN_WINDOW_MINUTES = 15;
export const SIGN_IN_LOCK_MINUTES = 15;
/**
 * Failures within the window that lock sign-in for the lock's length. Per staff id, five: a person
 * mistyping does not get there, someone guessing gets five tries per quarter hour. Per client address
 * more, because a whole office may sign in from one address (or through one proxy), and five typos
 * among colleagues must not lock them all out; the address limit stops one machine trying many ids.
 */
export const SIGN_IN_FAILURE_LIMITS = { staff: 5, address: 20 } as const;

/** Whose failures an attempt counts against: the staff id typed (known or not) and where it came from. */
export interface SignInSubjects {
  staffId: string;
  address: string;
}

function keysOf(subjects: SignInSubjects): { key: string; limit: number }[] {
  return [
    { key: `staff:${subjects.staffId}`, limit: SIGN_IN_FAILURE_LIMITS.staff },
    { key: `address:${subjects.address}`, limit: SIGN_IN_FAILURE_LIMITS.address },
  ];
}

/**
 * Counts failed sign-ins and locks after too many. Unknown ids are counted and locked exactly like
 * known ones, so the lock tells nobody which ids exist. The rows live in the database, so every
 * API process shares the count.
 */
export class SignInThrottle {
  constructor(
    private readonly db: Kysely<AccessDatabase>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** When the latest lock on any of the subjects ends, if one is in force. */
  async lockedUntil(subjects: SignInSubjects): Promise<Date | undefined> {
    const rows = await this.db
      .selectFrom('sign_in_throttle')
      .select('locked_until')
      .where('subject', 'in', keysOf(subjects).map((subject) => subject.key))
      .where('locked_until', '>', this.now().toISOString())
      .execute();
    const ends = rows.flatMap((row) => (row.locked_until === null ? [] : [Date.parse(row.locked_until)]));
    return ends.length === 0 ? undefined : new Date(Math.max(...ends));
  }

  /** Counts one failure against each subject; returns when the lock it brought about ends, if it did. */
  async recordFailure(subjects: SignInSubjects): Promise<Date | undefined> {
    const now = this.now();
    const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * MINUTE_MS).toISOString();
    await this.forgetStale(windowStart);
    let lockEnd: Date | undefined;
    for (const { key, limit } of keysOf(subjects)) {
      // One statement, so that concurrent failures each count.
      await this.db
        .insertInto('sign_in_throttle')
        .values({ subject: key, failures: 1, window_started_at: now.toISOString(), locked_until: null })
        .onConflict((conflict) =>
          conflict.column('subject').doUpdateSet({
            failures: sql<number>`case when sign_in_throttle.window_started_at <= ${windowStart} then 1 else sign_in_throttle.failures + 1 end`,
            window_started_at: sql<string>`case when sign_in_throttle.window_started_at <= ${windowStart} then ${now.toISOString()} else sign_in_throttle.window_started_at end`,
          }),
        )
        .execute();
      const row = await this.db.selectFrom('sign_in_throttle').select('failures').where('subject', '=', key).executeTakeFirst();
      if (row && Number(row.failures) >= limit) {
        lockEnd = new Date(now.getTime() + SIGN_IN_LOCK_MINUTES * MINUTE_MS);
        // The count starts again once the lock is served.
        await this.db
          .updateTable('sign_in_throttle')
          .set({ failures: 0, window_started_at: lockEnd.toISOString(), locked_until: lockEnd.toISOString() })
          .where('subject', '=', key)
          .execute();
      }
    }
    return lockEnd;
  }

  /**
   * A successful sign-in or a new password clears the staff id's count. The address's count stays: an
   * attacker holding one account could otherwise clear it between guesses at others.
   */
  async forgive(staffId: string): Promise<void> {
    await this.db.deleteFrom('sign_in_throttle').where('subject', '=', `staff:${staffId}`).execute();
  }

  /** Counts whose window has passed and locks that ended: the client addresses in them are not kept longer than needed. */
  private async forgetStale(windowStart: string): Promise<void> {
    await this.db
      .deleteFrom('sign_in_throttle')
      .where('window_started_at', '<=', windowStart)
      .where((where) => where.or([where('locked_until', 'is', null), where('locked_until', '<=', this.now().toISOString())]))
      .execute();
  }
}
