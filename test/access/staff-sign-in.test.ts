import type { Kysely } from 'kysely';
import { openAccessStore, type AccessStore } from '../../src/access';
import { deactivateStaff } from '../../src/access/deactivate-staff';
import { inviteStaff } from '../../src/access/invite-staff';
import { hashPassword } from '../../src/access/password-hash';
import { setPasswordByLink, usableLink } from '../../src/access/set-password-by-link';
import { signIn } from '../../src/access/sign-in';
import { PasswordRejectedError } from '../../src/access/staff-passwords';
import { openRegisterDatabase, type RegisterDatabaseHandle } from '../../src/store';
import { TEST_DATABASES } from '../store/register-databases';

const HOUR = 60 * 60 * 1000;
const PASSWORD = 'river lamp october quietly';
const ADDRESS = '192.0.2.10';

describe.each(TEST_DATABASES)('staff sign-in on $name: links, passwords, sessions and the lock on guessing', (database) => {
  let drop: () => Promise<void>;
  let register: RegisterDatabaseHandle;
  let access: AccessStore;
  let now: Date;
  const later = (ms: number) => (now = new Date(now.getTime() + ms));

  beforeEach(async () => {
    const created = await database.create();
    drop = created.drop;
    register = await openRegisterDatabase(created.options);
    now = new Date('2016-02-01T09:00:00Z');
    access = await openAccessStore(register, { now: () => now });
    await access.staff.upsert({ id: 'adm-1', displayName: 'Admin One', role: 'admin', office: 'hq', language: 'en' });
    await access.staff.upsert({ id: 'cw-msk', displayName: 'Caseworker Msk', role: 'caseworker', office: 'msk-1', language: 'ru' });
  });
  afterEach(async () => {
    await register.close();
    await drop();
  });

  const invite = (staffId = 'cw-msk') => inviteStaff(access, staffId, { id: 'adm-1', via: 'cli' }, 'https://docket.example.org/');
  const secretOf = (link: string) => link.split('/desk/welcome/')[1] as string;
  async function withPassword(staffId = 'cw-msk', password = PASSWORD) {
    const link = await usableLink(access, secretOf((await invite(staffId)).link));
    await setPasswordByLink(access, link!, password);
  }
  const attempt = (password: string, staffId = 'cw-msk', address = ADDRESS) => signIn(access, { staffId, password, address });

  describe('invitation links', () => {
    it('gives a link under the public URL that works once, for 72 hours, storing only a hash of its secret', async () => {
      const { link, record } = await invite();
      expect(link).toMatch(/^https:\/\/docket\.example\.org\/desk\/welcome\/dkw_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
      expect(record).toMatchObject({ staffId: 'cw-msk', purpose: 'invite', expiresAt: '2016-02-04T09:00:00.000Z' });
      const stored = JSON.stringify(await (register.db as unknown as Kysely<{ staff_invitations: object }>).selectFrom('staff_invitations').selectAll().execute());
      expect(stored).not.toContain(secretOf(link).slice(record.id.length + 1));

      later(72 * HOUR - 1000);
      expect(await usableLink(access, secretOf(link))).toBeDefined();
      later(1000);
      expect(await usableLink(access, secretOf(link))).toBeUndefined();
    });

    it('works only once, and a newer link replaces the older one', async () => {
      const first = secretOf((await invite()).link);
      const second = secretOf((await invite()).link);
      expect(await usableLink(access, first)).toBeUndefined();
      const link = await usableLink(access, second);
      expect(await setPasswordByLink(access, link!, PASSWORD)).toEqual({ endedSessions: 0 });
      expect(await usableLink(access, second)).toBeUndefined();
      // A second request racing with the same link gets nothing.
      expect(await setPasswordByLink(access, link!, 'another long passphrase')).toBe(false);
      expect((await attempt(PASSWORD)).ok).toBe(true);
    });

    it('refuses unknown and deactivated staff, and audits the refusal and the link by its id only', async () => {
      await expect(invite('nobody-1')).rejects.toThrow('no staff member "nobody-1"');
      await access.staff.upsert({ id: 'cw-gone', displayName: 'Caseworker Gone', role: 'caseworker', office: 'msk-1', language: 'en' });
      await access.staff.deactivate('cw-gone');
      await expect(invite('cw-gone')).rejects.toThrow('is deactivated');
      const { link, record } = await invite();
      const audit = await access.audit.list();
      expect(audit.map((entry) => [entry.action, entry.target, entry.outcome])).toEqual([
        ['staff.invite', 'cw-msk', 'ok'],
        ['staff.invite', 'cw-gone', 'rejected'],
        ['staff.invite', 'nobody-1', 'rejected'],
      ]);
      expect(audit[0]!.detail).toMatchObject({ invitationId: record.id, purpose: 'invite' });
      expect(JSON.stringify(audit)).not.toContain(secretOf(link));
    });

    it('keeps a link usable when the password breaks a rule, and a reset link ends every session', async () => {
      const link = await usableLink(access, secretOf((await invite()).link));
      await expect(setPasswordByLink(access, link!, 'cw-msk')).rejects.toBeInstanceOf(PasswordRejectedError);
      expect(await usableLink(access, link!.invitation.id)).toBeUndefined(); // an id alone is no link
      expect(await setPasswordByLink(access, link!, PASSWORD)).toEqual({ endedSessions: 0 });

      const signedIn = await attempt(PASSWORD);
      if (!signedIn.ok) throw new Error('sign-in failed');
      const reset = await invite();
      expect(reset.record.purpose).toBe('reset');
      // The old password and session work until the new password is set.
      expect((await access.sessions.authenticate(signedIn.credential)).ok).toBe(true);
      expect(await setPasswordByLink(access, (await usableLink(access, secretOf(reset.link)))!, 'a different long passphrase')).toEqual({ endedSessions: 1 });
      expect(await access.sessions.authenticate(signedIn.credential)).toEqual({ ok: false, reason: 'unknown' });
      expect((await attempt(PASSWORD)).ok).toBe(false);
      expect((await attempt('a different long passphrase')).ok).toBe(true);
    });
  });

  describe('sessions', () => {
    beforeEach(() => withPassword());

    it('give the same principal a token gives, from the directory, with a CSRF token tied to the session', async () => {
      const signedIn = await attempt(PASSWORD);
      if (!signedIn.ok) throw new Error('sign-in failed');
      const result = await access.sessions.authenticate(signedIn.credential);
      if (!result.ok) throw new Error(result.reason);
      expect(result.session.principal).toEqual({ tokenId: signedIn.sessionId, staffId: 'cw-msk', role: 'caseworker', office: 'msk-1' });
      expect(result.session.carriesCsrfToken(result.session.csrfToken)).toBe(true);
      expect(result.session.carriesCsrfToken(undefined)).toBe(false);
      const other = await attempt(PASSWORD);
      if (!other.ok) throw new Error('sign-in failed');
      const otherSession = await access.sessions.authenticate(other.credential);
      expect(otherSession.ok && result.session.carriesCsrfToken(otherSession.session.csrfToken)).toBe(false);
    });

    it('end after 8 idle hours, or 12 hours after sign-in however busy', async () => {
      const idle = await attempt(PASSWORD);
      const busy = await attempt(PASSWORD);
      if (!idle.ok || !busy.ok) throw new Error('sign-in failed');
      for (let hour = 1; hour <= 7; hour++) {
        later(HOUR);
        expect((await access.sessions.authenticate(busy.credential)).ok).toBe(true);
      }
      later(HOUR);
      expect(await access.sessions.authenticate(idle.credential)).toEqual({ ok: false, reason: 'idle' });
      for (let hour = 8; hour < 12; hour++) {
        expect((await access.sessions.authenticate(busy.credential)).ok).toBe(true);
        later(HOUR);
      }
      expect(await access.sessions.authenticate(busy.credential)).toEqual({ ok: false, reason: 'expired' });
    });

    it('end at sign-out and when the member is deactivated, and a reactivation does not revive them', async () => {
      const out = await attempt(PASSWORD);
      const open = await attempt(PASSWORD);
      if (!out.ok || !open.ok) throw new Error('sign-in failed');
      await access.sessions.end(out.credential);
      expect(await access.sessions.authenticate(out.credential)).toEqual({ ok: false, reason: 'unknown' });

      const pending = await invite();
      await access.staff.deactivate('cw-msk');
      expect(await access.sessions.authenticate(open.credential)).toEqual({ ok: false, reason: 'staff-deactivated' });
      await access.staff.upsert({ id: 'cw-msk', displayName: 'Caseworker Msk', role: 'caseworker', office: 'msk-1', language: 'ru' });
      const done = await deactivateStaff(access, 'cw-msk', { id: 'adm-1', via: 'cli' }, async () => 0);
      expect(done.endedSessions).toBe(1);
      await access.staff.upsert({ id: 'cw-msk', displayName: 'Caseworker Msk', role: 'caseworker', office: 'msk-1', language: 'ru' });
      expect(await access.sessions.authenticate(open.credential)).toEqual({ ok: false, reason: 'unknown' });
      expect(await usableLink(access, secretOf(pending.link))).toBeUndefined();
    });

    it('refuse a cookie value that is not one of theirs', async () => {
      expect(await access.sessions.authenticate('nonsense')).toEqual({ ok: false, reason: 'malformed' });
      expect(await access.sessions.authenticate(`dks_000000000000_${'A'.repeat(43)}`)).toEqual({ ok: false, reason: 'unknown' });
    });
  });

  describe('signing in', () => {
    beforeEach(() => withPassword());

    it('gives one refusal for a wrong password, an unknown id, someone without a password and a deactivated member', async () => {
      await access.staff.upsert({ id: 'cw-new', displayName: 'Caseworker New', role: 'caseworker', office: 'msk-1', language: 'en' });
      await withPassword('adm-1', 'admin long passphrase here');
      await access.staff.deactivate('adm-1');
      const refusals = [await attempt('wrong password here'), await attempt(PASSWORD, 'nobody-1'), await attempt(PASSWORD, 'cw-new'), await attempt('admin long passphrase here', 'adm-1')];
      expect(refusals).toEqual(Array(4).fill({ ok: false, refusal: 'wrong-credentials' }));
    });

    it('locks an id for 15 minutes after 5 failures in 15 minutes, a known id and an unknown one alike', async () => {
      for (const staffId of ['cw-msk', 'nobody-1']) {
        for (let failure = 1; failure <= 4; failure++) expect(await attempt('wrong password here', staffId)).toEqual({ ok: false, refusal: 'wrong-credentials' });
        expect(await attempt('wrong password here', staffId)).toEqual({ ok: false, refusal: 'locked', until: new Date(now.getTime() + 15 * 60 * 1000) });
      }
      // Locked, the right password is refused unread; once the lock is served it works.
      expect(await attempt(PASSWORD)).toMatchObject({ ok: false, refusal: 'locked' });
      later(15 * 60 * 1000);
      expect((await attempt(PASSWORD)).ok).toBe(true);
    });

    it('counts failures in a 15-minute window, and a success clears the id’s count', async () => {
      for (let failure = 1; failure <= 4; failure++) await attempt('wrong password here');
      later(16 * 60 * 1000);
      expect(await attempt('wrong password here')).toEqual({ ok: false, refusal: 'wrong-credentials' });
      for (let failure = 1; failure <= 3; failure++) await attempt('wrong password here');
      expect((await attempt(PASSWORD)).ok).toBe(true);
      for (let failure = 1; failure <= 4; failure++) expect(await attempt('wrong password here')).toEqual({ ok: false, refusal: 'wrong-credentials' });
    });

    it('locks a client address that tries 20 ids, sparing the same ids from elsewhere', async () => {
      for (let id = 1; id <= 19; id++) expect(await attempt('wrong password here', `guess-${id}`)).toEqual({ ok: false, refusal: 'wrong-credentials' });
      expect(await attempt('wrong password here', 'guess-20')).toMatchObject({ ok: false, refusal: 'locked' });
      expect(await attempt(PASSWORD)).toMatchObject({ ok: false, refusal: 'locked' });
      expect((await attempt(PASSWORD, 'cw-msk', '198.51.100.7')).ok).toBe(true);
    });

    it('audits every attempt under the id tried, never the password', async () => {
      await attempt('wrong password here', 'nobody-1');
      const ok = await attempt(PASSWORD);
      const entries = (await access.audit.list()).filter((entry) => entry.action === 'session.signin');
      expect(entries.map((entry) => [entry.actor, entry.target, entry.outcome, entry.detail.refusal])).toEqual([
        ['cw-msk', 'cw-msk', 'ok', undefined],
        ['nobody-1', 'nobody-1', 'rejected', 'wrong-credentials'],
      ]);
      expect(entries[0]!.detail.sessionId).toBe(ok.ok && ok.sessionId);
      const everything = JSON.stringify(await access.audit.list());
      expect(everything).not.toContain('wrong password here');
      expect(everything).not.toContain(PASSWORD);
    });

    it('replaces a hash made with weaker parameters by a stronger one at sign-in', async () => {
      const db = register.db as unknown as Kysely<{ staff_passwords: { staff_id: string; password_hash: string } }>;
      await db.updateTable('staff_passwords').set({ password_hash: await hashPassword(PASSWORD, { ln: 10, r: 8, p: 1 }) }).where('staff_id', '=', 'cw-msk').execute();
      expect((await attempt(PASSWORD)).ok).toBe(true);
      const row = await db.selectFrom('staff_passwords').select('password_hash').where('staff_id', '=', 'cw-msk').executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$scrypt\$ln=15,/);
      expect((await attempt(PASSWORD)).ok).toBe(true);
    });
  });
});
