import { VISIBILITY_MS } from '../support/temporal-env';
import { waitFor } from '../support/wait-for';
import { startApiEngine, type ApiEngine } from './support/api-engine';

/** Issue 14: the staff directory through the API, as the admin desk uses it. */
describe('staff directory API', () => {
  let engine: ApiEngine;
  let admin: string;

  beforeAll(async () => {
    engine = await startApiEngine('staff-routes-test');
    admin = await engine.tokenFor('admin', 'adm-1', 'hq');
  });
  afterAll(() => engine?.stop());

  const call = (method: 'GET' | 'POST', url: string, body?: unknown) => engine.http(method, url, { token: admin, ...(body !== undefined ? { body } : {}) });

  it('adds a member, refuses a taken id or a bad field by name, and changes nothing then', async () => {
    const added = await call('POST', '/api/staff', { id: 'cw-tula', displayName: 'Caseworker Tula', role: 'caseworker', office: 'tula-1', language: 'ru', email: 'cw-tula@office.test' });
    expect(added.status).toBe(201);
    expect(added.json()).toEqual({
      id: 'cw-tula',
      displayName: 'Caseworker Tula',
      role: 'caseworker',
      office: 'tula-1',
      language: 'ru',
      email: 'cw-tula@office.test',
      webhook: null,
      active: true,
      passwordSetAt: null,
    });
    const twice = await call('POST', '/api/staff', { id: 'cw-tula', displayName: 'Someone Else', role: 'supervisor', office: 'tula-1', language: 'en' });
    expect(twice.status).toBe(409);
    expect(twice.json().message).toContain('already exists');
    const badEmail = await call('POST', '/api/staff', { id: 'cw-tula-2', displayName: 'Caseworker Tula Two', role: 'caseworker', office: 'tula-1', language: 'ru', email: 'not an address' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.json().problems).toEqual([expect.stringMatching(/^email: /)]);
    expect(await engine.access.staff.get('cw-tula')).toMatchObject({ displayName: 'Caseworker Tula', role: 'caseworker' });
    expect(await engine.access.staff.get('cw-tula-2')).toBeUndefined();

    const listed = (await call('GET', '/api/staff?office=tula-1')).json().staff as { id: string }[];
    expect(listed.map((member) => member.id)).toEqual(['cw-tula']);
  });

  it('sets and clears the e-mail and webhook, never the role, and audits the fields changed', async () => {
    const set = await call('POST', '/api/staff/cw-tula', { webhook: { url: 'https://hooks.office.test/tula', secretRef: 'TULA_HOOK_SECRET' }, language: 'en' });
    expect(set.status).toBe(200);
    expect(set.json()).toMatchObject({ webhook: { url: 'https://hooks.office.test/tula', secretRef: 'TULA_HOOK_SECRET' }, language: 'en', email: 'cw-tula@office.test' });
    expect((await call('POST', '/api/staff/cw-tula', { email: null })).json()).toMatchObject({ email: null, webhook: { url: 'https://hooks.office.test/tula' } });

    const roleChange = await call('POST', '/api/staff/cw-tula', { role: 'supervisor' });
    expect(roleChange.status).toBe(400);
    expect(roleChange.json().problems.join(' ')).toContain('role');
    const secretItself = await call('POST', '/api/staff/cw-tula', { webhook: { url: 'https://hooks.office.test/tula', secretRef: 'hunter2-the-secret' } });
    expect(secretItself.status).toBe(400);
    expect(secretItself.json().problems).toEqual([expect.stringMatching(/^webhook\.secretRef: must name an environment variable/)]);
    expect((await call('POST', '/api/staff/cw-tula', {})).status).toBe(400);
    expect((await call('POST', '/api/staff/nobody-here', { language: 'ru' })).status).toBe(404);
    expect(await engine.access.staff.get('cw-tula')).toMatchObject({ role: 'caseworker', webhook: { secretRef: 'TULA_HOOK_SECRET' } });

    const changes = (await engine.access.audit.list({ target: 'cw-tula' })).filter((entry) => entry.action === 'staff.change' && entry.outcome === 'ok');
    expect(changes.map((entry) => entry.detail)).toEqual([{ fields: ['email'] }, { fields: ['webhook', 'language'] }]);
  });

  it('issues a sign-in link in the answer only, saying it was not mailed without SMTP', async () => {
    const invited = await call('POST', '/api/staff/cw-tula/invitation');
    expect(invited.status).toBe(201);
    const body = invited.json();
    expect(body).toMatchObject({ staffId: 'cw-tula', purpose: 'invite', mailed: 'no-smtp', link: expect.stringMatching(/\/desk\/welcome\/\S+$/) });
    expect(invited.headers.get('cache-control')).toBe('no-store');
    const secret = (body.link as string).split('/').at(-1) as string;
    expect(JSON.stringify(await engine.access.audit.list({ target: 'cw-tula' }))).not.toContain(secret);
    expect((await call('POST', '/api/staff/nobody-here/invitation')).status).toBe(400);
  });

  it('refuses to deactivate a caseworker who holds an open case, and ends everything of one who does not', async () => {
    await engine.cases.open({ caseNumber: 'RU-TA-2016-0301', jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'tula-1', caseworker: 'cw-tula', actor: 'sv-msk' });
    await waitFor(async () => (await engine.cases.listing.count({ caseworker: 'cw-tula' })) === 1, { timeoutMs: VISIBILITY_MS, what: 'the case to be listed' });
    const refused = await call('POST', '/api/staff/cw-tula/deactivation');
    expect(refused.status).toBe(409);
    expect(refused.json().message).toContain('still holds 1 open case');
    expect((await engine.access.staff.get('cw-tula'))?.active).toBe(true);

    const leaving = await engine.tokenFor('supervisor', 'sv-tula', 'tula-1');
    const done = await call('POST', '/api/staff/sv-tula/deactivation');
    expect(done.status).toBe(200);
    expect(done.json()).toMatchObject({ staffId: 'sv-tula', revokedTokens: [expect.any(String)], endedSessions: 0 });
    expect((await engine.http('GET', '/api/me', { token: leaving })).status).toBe(401);
    expect((await call('GET', '/api/staff')).json().staff.map((member: { id: string }) => member.id)).not.toContain('sv-tula');
    expect((await call('GET', '/api/staff?includeInactive=true')).json().staff).toContainEqual(expect.objectContaining({ id: 'sv-tula', active: false }));
  });
});
