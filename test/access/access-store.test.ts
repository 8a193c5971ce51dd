import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { openAccessStore, type AccessStore } from '../../src/access';
import { InvalidInputError, NotFoundError } from '../../src/errors/docket-errors';

describe('access store: tokens, calendar feeds and the audit log', () => {
  let db: Kysely<unknown>;
  let access: AccessStore;

  beforeEach(async () => {
    db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Sqlite(':memory:') }) });
    access = await openAccessStore(db, 'sqlite', () => new Date('2016-02-01T09:00:00Z'));
  });
  afterEach(() => db.destroy());

  it('issues a token that authenticates as its staff member, and stores only a hash of it', async () => {
    const { token, record } = await access.tokens.issue(
      { staffId: 'cw-0042', role: 'caseworker', office: 'msk-1', label: 'laptop' },
      'admin-1',
    );
    expect(token.startsWith(`${record.id}_`)).toBe(true);
    const auth = await access.tokens.authenticate(token);
    expect(auth).toEqual({ ok: true, principal: { tokenId: record.id, staffId: 'cw-0042', role: 'caseworker', office: 'msk-1' } });

    const secret = token.slice(record.id.length + 1);
    const stored = JSON.stringify(await (db as Kysely<{ api_tokens: Record<string, unknown> }>).selectFrom('api_tokens').selectAll().execute());
    expect(stored).not.toContain(secret);
  });

  it('tells a malformed token from an unknown one and a revoked one', async () => {
    const { token, record } = await access.tokens.issue({ staffId: 'sv-1', role: 'supervisor', office: 'msk-1', label: 'desk' }, 'admin-1');
    expect(await access.tokens.authenticate('not-a-token')).toEqual({ ok: false, reason: 'malformed' });
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await access.tokens.authenticate(forged)).toEqual({ ok: false, reason: 'unknown' });

    const revoked = await access.tokens.revoke(record.id, 'admin-1');
    expect(revoked.revokedBy).toBe('admin-1');
    expect(await access.tokens.authenticate(token)).toEqual({ ok: false, reason: 'revoked' });
    await expect(access.tokens.revoke('dkt_000000000000', 'admin-1')).rejects.toThrow(NotFoundError);
  });

  it('refuses a token request that names a person instead of an id, and stores nothing', async () => {
    await expect(
      access.tokens.issue({ staffId: 'Ivan Petrov', role: 'caseworker', office: 'msk-1', label: 'x' }, 'admin-1'),
    ).rejects.toThrow(/staffId: expected a staff id/);
    await expect(
      access.tokens.issue({ staffId: 'cw-1', role: 'root' as 'admin', office: 'msk-1', label: 'x' }, 'admin-1'),
    ).rejects.toThrow(InvalidInputError);
    expect(await access.tokens.list()).toEqual([]);
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
    let now = new Date('2016-02-01T09:00:00Z');
    const clocked = await openAccessStore(db, 'sqlite', () => now);
    const { record: token } = await clocked.tokens.issue({ staffId: 'cw-1', role: 'caseworker', office: 'msk-1', label: 'desk' }, 'admin-1');
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
    await expect(openAccessStore(db, 'sqlite')).resolves.toBeDefined();
  });
});
