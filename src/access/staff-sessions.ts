import type { Kysely } from 'kysely';
import type { Principal } from './roles';
import type { AccessDatabase } from './schema';
import { csrfTokenFor, csrfTokenMatches } from './session-csrf';
import { issueSecret, parseCredential, secretMatches } from './secrets';
import type { StaffRoster } from './staff-roster';

const SESSION_PREFIX = 'dks';
const HOUR_MS = 60 * 60 * 1000;
/** A browser left alone this long is signed out: a desk in a shared office. */
export const SESSION_IDLE_HOURS = 8;
/** However busy, a session ends this long after sign-in: a working day. */
export const SESSION_ABSOLUTE_HOURS = 12;
/** Last-seen is written at most this often, so a page's burst of API calls does not write once per call. */
const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

export type SessionRefusal = 'malformed' | 'unknown' | 'idle' | 'expired' | 'staff-unknown' | 'staff-deactivated';

export interface SignedInSession {
  /** The same Principal a token gives, with the session's public id as its credential id. */
  principal: Principal;
  expiresAt: string;
  /** Whether a request carried this session's CSRF token (see session-csrf.ts). */
  carriesCsrfToken(given: string | undefined): boolean;
  csrfToken: string;
}

export type SessionAuthentication = { ok: true; session: SignedInSession } | { ok: false; reason: SessionRefusal };

/**
 * Server-side browser sessions. The cookie holds `dks_<id>_<secret>`; the table holds only the
 * secret's hash. Like a token, a session is checked against the staff directory at every request,
 * so a deactivated member's open session stops at once.
 */
export class SessionStore {
  constructor(
    private readonly db: Kysely<AccessDatabase>,
    private readonly staff: StaffRoster,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async open(staffId: string): Promise<{ credential: string; id: string; expiresAt: string }> {
    await this.forgetEnded();
    const secret = issueSecret(SESSION_PREFIX);
    const at = this.now();
    const expiresAt = new Date(at.getTime() + SESSION_ABSOLUTE_HOURS * HOUR_MS).toISOString();
    await this.db
      .insertInto('staff_sessions')
      .values({ id: secret.id, secret_hash: secret.secretHash, staff_id: staffId, created_at: at.toISOString(), last_seen_at: at.toISOString(), expires_at: expiresAt })
      .execute();
    return { credential: secret.credential, id: secret.id, expiresAt };
  }

  async authenticate(credential: string): Promise<SessionAuthentication> {
    const parts = parseCredential(SESSION_PREFIX, credential);
    if (!parts) return { ok: false, reason: 'malformed' };
    const row = await this.db.selectFrom('staff_sessions').selectAll().where('id', '=', parts.id).executeTakeFirst();
    if (!row || !secretMatches(parts.secret, row.secret_hash)) return { ok: false, reason: 'unknown' };
    const now = this.now();
    if (row.expires_at <= now.toISOString()) return { ok: false, reason: 'expired' };
    if (Date.parse(row.last_seen_at) + SESSION_IDLE_HOURS * HOUR_MS <= now.getTime()) return { ok: false, reason: 'idle' };
    const member = await this.staff.get(row.staff_id);
    if (!member) return { ok: false, reason: 'staff-unknown' };
    if (!member.active) return { ok: false, reason: 'staff-deactivated' };
    if (now.getTime() - Date.parse(row.last_seen_at) >= LAST_SEEN_RESOLUTION_MS) {
      await this.db.updateTable('staff_sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', row.id).execute();
    }
    return {
      ok: true,
      session: {
        principal: { tokenId: row.id, staffId: member.id, role: member.role, office: member.office },
        expiresAt: row.expires_at,
        csrfToken: csrfTokenFor(parts.secret),
        carriesCsrfToken: (given) => csrfTokenMatches(parts.secret, given),
      },
    };
  }

  /** Signs a browser out. An unknown or malformed credential is already signed out. */
  async end(credential: string): Promise<void> {
    const parts = parseCredential(SESSION_PREFIX, credential);
    if (!parts) return;
    const row = await this.db.selectFrom('staff_sessions').select('secret_hash').where('id', '=', parts.id).executeTakeFirst();
    if (row && secretMatches(parts.secret, row.secret_hash)) await this.db.deleteFrom('staff_sessions').where('id', '=', parts.id).execute();
  }

  /** Ends every session of a staff member (a new password, a deactivation); returns how many were open. */
  async endAllOf(staffId: string): Promise<number> {
    const result = await this.db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Rows of sessions that can no longer authenticate serve nobody; they go whenever a new one opens. */
  private async forgetEnded(): Promise<void> {
    const now = this.now();
    await this.db
      .deleteFrom('staff_sessions')
      .where((where) =>
        where.or([where('expires_at', '<=', now.toISOString()), where('last_seen_at', '<=', new Date(now.getTime() - SESSION_IDLE_HOURS * HOUR_MS).toISOString())]),
      )
      .execute();
  }
}
