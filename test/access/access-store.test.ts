import type { Kysely } from 'kysely';
import { openAccessStore, type AccessStore } from '../../src/access';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../src/errors/docket-errors';
import { openRegisterDatabase, type RegisterDatabaseHandle, type StaffMemberInput } from '../../src/store';

const STAFF: StaffMemberInput[] = [
  { id: 'adm-1', displayName: 'Admin One', role: 'admin', office: 'hq', language: 'en' },
  { id: 'sv-1', displayName: 'Supervisor One', role: 'supervisor', office: 'msk-1', language: 'ru' },
  { id: 'cw-1', displayName: 'Caseworker One', role: 'caseworker', office: 'msk-1', language: 'ru' },
  { id: 'cw-0042', displayName: 'Caseworker Forty-Two', role: 'caseworker', office: 'msk-1', language: 'en' },
];

describe('access store: tokens, calendar feeds and the audit log', () => {
  let register: RegisterDatabaseHandle;
  let db: Kysely<unknown>;
  let access: AccessStore;
  let now: Date;

  beforeEach(async () => {
    register = await openRegisterDatabase({ sqliteFile: ':memory:' });
    db = register.db as unknown as Kysely<unknown>;
    now = new Date('2016-02-01T09:00:00Z');
    access = await openAccessStore(register, { now: () => now });
    for (const member of STAFF) await access.staff.upsert(member);
  });
  afterEach(() => register.close());

  it('issues a token that authenticates as its staff member, and stores only a hash of it', async () => {
    const { token, record } = await access.tokens.issue({ staffId: 'cw-0042', label: 'laptop' }, 'adm-1');
    expect(token.startsWith(`${record.id}_`)).toBe(true);
    const auth = await access.tokens.authenticate(token);
    expect(auth).toEqual({ ok: true, principal: { tokenId: record.id, staffId: 'cw-0042', role: 'caseworker', office: 'msk-1' } });

    const secret = token.slice(record.id.length + 1);
    const stored = JSON.stringify(await (db as Kysely<{ api_tokens: Record<string, unknown> }>).selectFrom('api_tokens').selectAll().execute());
    expect(stored).not.toContain(secret);
  });

  it('tells a malformed token from an unknown one and a revoked one', async () => {
    const { token, record } = await access.tokens.issue({ staffId: 'sv-1', label: 'desk' }, 'admin-1');
    expect(await access.tokens.authenticate('not-a-token')).toEqual({ ok: false, reason: 'malformed' });
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await access.tokens.authenticate(forged)).toEqual({ ok: false, reason: 'unknown' });

    const revoked = await access.tokens.revoke(record.id, 'admin-1');
    expect(revoked.revokedBy).toBe('admin-1');
    expect(await access.tokens.authenticate(token)).toEqual({ ok: false, reason: 'revoked' });
    await expect(access.tokens.revoke('dkt_000000000000', 'admin-1')).rejects.toThrow(NotFoundError);
  });

  it('refuses a token request that names a person instead of an id, and stores nothing', async () => {
    await expect(access.tokens.issue({ staffId: 'Ivan Petrov', label: 'x' }, 'admin-1')).rejects.toThrow(/staffId: expected a staff id/);
    expect(await access.tokens.list()).toEqual([]);
  });

  // Issue 13 item 1: a token's role and office are the directory's, and only staff in it get one.
  it('issues tokens only to active staff in the directory, with the role and office the directory gives them', async () => {
    const unknown = access.tokens.issue({ staffId: 'cw-nobody', label: 'x' }, 'adm-1');
    await expect(unknown).rejects.toThrow(InvalidInputError);
    await expect(unknown).rejects.toMatchObject({ problems: [expect.stringMatching(/^staffId: no staff member "cw-nobody"/)] });
    await access.staff.deactivate('cw-1');
    await expect(access.tokens.issue({ staffId: 'cw-1', label: 'x' }, 'adm-1')).rejects.toMatchObject({ problems: ['staffId: staff member "cw-1" is deactivated'] });
    const chosen = access.tokens.issue({ staffId: 'cw-0042', role: 'supervisor', office: 'spb-1', label: 'x' } as never, 'adm-1');
    await expect(chosen).rejects.toMatchObject({ problems: [expect.stringMatching(/^\(input\): not accepted: role, office; a token takes its role and office from the staff directory/)] });
    expect(await access.tokens.list()).toEqual([]);

    const { record } = await access.tokens.issue({ staffId: 'sv-1', label: 'desk' }, 'adm-1');
    expect(record).toMatchObject({ staffId: 'sv-1', role: 'supervisor', office: 'msk-1' });
  });

  // Issue 13 item 1: authentication asks the directory at every request.
  it('stops authenticating a token the moment its member is deactivated or moved, and follows the directory', async () => {
    const { token, record } = await access.tokens.issue({ staffId: 'cw-0042', label: 'laptop' }, 'adm-1');
    await access.staff.upsert({ id: 'cw-0042', displayName: 'Caseworker Forty-Two', role: 'caseworker', office: 'spb-1', language: 'en' });
    expect(await access.tokens.authenticate(token)).toEqual({ ok: true, principal: { tokenId: record.id, staffId: 'cw-0042', role: 'caseworker', office: 'spb-1' } });
    await access.staff.deactivate('cw-0042');
    expect(await access.tokens.authenticate(token)).toEqual({ ok: false, reason: 'staff-deactivated' });
    await (register.db as unknown as Kysely<{ staff: { id: string } }>).deleteFrom('staff').where('id', '=', 'cw-0042').execute();
    expect(await access.tokens.authenticate(token)).toEqual({ ok: false, reason: 'staff-unknown' });
  });

  // Issue 13 item 3: nobody mints themselves access to cases.
  it('refuses to let anyone issue themselves a token that reads cases', async () => {
    await expect(access.tokens.issue({ staffId: 'sv-1', label: 'mine' }, 'sv-1')).rejects.toThrow(ForbiddenError);
    await expect(access.tokens.issue({ staffId: 'adm-1', label: 'mine' }, 'adm-1')).resolves.toMatchObject({ record: { role: 'admin' } });
  });

  // Issue 13 item 17: tokens expire, 90 days by default.
  it('gives every token an expiry, 90 days unless the issuer names another, and stops it then', async () => {
    const standard = await access.tokens.issue({ staffId: 'cw-1', label: 'desk' }, 'adm-1');
    // 2016-02-01T09:00Z + 90 days: 29 days left of February (leap year), 31 in March, 30 in April = 90, so 2016-05-01T09:00Z.
    expect(standard.record.expiresAt).toBe('2016-05-01T09:00:00.000Z');
    const short = await access.tokens.issue({ staffId: 'cw-0042', label: 'script', expiresInDays: 2 }, 'adm-1');
    expect(short.record.expiresAt).toBe('2016-02-03T09:00:00.000Z');
    await expect(access.tokens.issue({ staffId: 'cw-1', label: 'forever', expiresInDays: 5000 }, 'adm-1')).rejects.toMatchObject({
      problems: [expect.stringMatching(/^expiresInDays: must be at most 366 days/)],
    });

    now = new Date('2016-02-03T08:59:59Z');
    expect((await access.tokens.authenticate(short.token)).ok).toBe(true);
    now = new Date('2016-02-03T09:00:00Z');
    expect(await access.tokens.authenticate(short.token)).toEqual({ ok: false, reason: 'expired' });
    expect((await access.tokens.authenticate(standard.token)).ok).toBe(true);
  });

  it('revokes every token and feed a member holds or made when asked to, and only theirs', async () => {
    const first = await access.tokens.issue({ staffId: 'cw-1', label: 'desk' }, 'adm-1');
    const second = await access.tokens.issue({ staffId: 'cw-1', label: 'laptop' }, 'adm-1');
    const colleague = await access.tokens.issue({ staffId: 'cw-0042', label: 'desk' }, 'adm-1');
    const own = await access.feeds.create({ scope: 'caseworker', subject: 'cw-1' }, 'adm-1');
    const made = await access.feeds.create({ scope: 'office', subject: 'msk-1' }, 'cw-1');
    const other = await access.feeds.create({ scope: 'office', subject: 'msk-1' }, 'sv-1');

    expect((await access.tokens.revokeAllOf('cw-1', 'adm-1')).sort()).toEqual([first.record.id, second.record.id].sort());
    expect((await access.feeds.revokeAllOf('cw-1', 'adm-1')).sort()).toEqual([own.record.id, made.record.id].sort());
    expect((await access.tokens.authenticate(colleague.token)).ok).toBe(true);
    expect((await access.feeds.get(other.record.id)).revokedAt).toBeNull();
  });

  it('resolves a feed URL until the feed is revoked', async () => {
    const { secretPath, record } = await access.feeds.create({ scope: 'office', subject: 'msk-1' }, 'sv-1');
    const credential = secretPath.replace(/^\/calendar\//, '').replace(/\.ics$/, '');
    expect((await access.feeds.resolve(credential))?.subject).toBe('msk-1');
    expect(await access.feeds.resolve(credential.slice(0, -1) + (credential.endsWith('x') ? 'y' : 'x'))).toBeUndefined();
    await access.feeds.revoke(record.id, 'sv-1');
    expect(await access.feeds.resolve(credential)).toBeUndefined();
  });

  it('keeps the first revocation of a token or a feed when it is revoked again', async () => {
    const clocked = access;
    const { record: token } = await clocked.tokens.issue({ staffId: 'cw-1', label: 'desk' }, 'admin-1');
    const { record: feed } = await clocked.feeds.create({ scope: 'office', subject: 'msk-1' }, 'sv-1');
    await clocked.tokens.revoke(token.id, 'admin-1');
    await clocked.feeds.revoke(feed.id, 'sv-1');

    now = new Date('2016-02-02T09:00:00Z');
    const first = { revokedAt: '2016-02-01T09:00:00.000Z' };
    expect(await clocked.tokens.revoke(token.id, 'admin-2')).toMatchObject({ ...first, revokedBy: 'admin-1' });
    expect(await clocked.feeds.revoke(feed.id, 'sv-2')).toMatchObject({ ...first, revokedBy: 'sv-1' });
  });

  it('keeps the audit newest first and filters by target', async () => {
    await access.audit.record({ actor: 'cw-1', via: 'api', action: 'case.record', target: 'RU-TA-2016-0042', outcome: 'ok', detail: { event: 'application-lodged' } });
    await access.audit.record({ actor: 'cw-1', via: 'cli', action: 'case.close', target: 'RU-TA-2016-0043', outcome: 'rejected' });
    const all = await access.audit.list();
    expect(all.map((entry) => entry.target)).toEqual(['RU-TA-2016-0043', 'RU-TA-2016-0042']);
    const one = await access.audit.list({ target: 'RU-TA-2016-0042' });
    expect(one).toEqual([expect.objectContaining({ actor: 'cw-1', via: 'api', outcome: 'ok', detail: { event: 'application-lodged' } })]);
  });

  it('migrates an already migrated database without error', async () => {
    await expect(openAccessStore(register)).resolves.toBeDefined();
  });
});
