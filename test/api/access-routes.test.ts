import type { FastifyInstance } from 'fastify';
import { openAccessStore, type AccessStore } from '../../src/access';
import { parseCredential } from '../../src/access/secrets';
import { buildApiServer } from '../../src/api/server';
import { createLogger } from '../../src/logging';
import { openRegisterDatabase, type RegisterDatabaseHandle, type StaffMemberInput } from '../../src/store';
import { httpClient, listen } from './support/http';

const STAFF: StaffMemberInput[] = [
  { id: 'adm-1', displayName: 'Admin One', role: 'admin', office: 'hq', language: 'en' },
  { id: 'sv-1', displayName: 'Supervisor One', role: 'supervisor', office: 'msk-1', language: 'ru' },
  { id: 'cw-1', displayName: 'Caseworker One', role: 'caseworker', office: 'msk-1', language: 'ru' },
  { id: 'cw-2', displayName: 'Caseworker Two', role: 'caseworker', office: 'spb-1', language: 'ru' },
  { id: 'cw-3', displayName: 'Caseworker Three', role: 'caseworker', office: 'msk-1', language: 'en' },
];

describe('API access routes: tokens, feeds, audit, OpenAPI', () => {
  let register: RegisterDatabaseHandle;
  let access: AccessStore;
  let app: FastifyInstance;
  let http: ReturnType<typeof httpClient>;
  const tokens: Record<'admin' | 'supervisor' | 'caseworker', string> = { admin: '', supervisor: '', caseworker: '' };

  beforeAll(async () => {
    register = await openRegisterDatabase({ sqliteFile: ':memory:' });
    access = await openAccessStore(register);
    for (const member of STAFF) await access.staff.upsert(member);
    tokens.admin = (await access.tokens.issue({ staffId: 'adm-1', label: 'test' }, 'setup')).token;
    tokens.supervisor = (await access.tokens.issue({ staffId: 'sv-1', label: 'test' }, 'setup')).token;
    tokens.caseworker = (await access.tokens.issue({ staffId: 'cw-1', label: 'test' }, 'setup')).token;
    app = await buildApiServer({ access, logger: createLogger('error'), publicUrl: 'https://docket.example.org' });
    http = httpClient(await listen(app));
  });
  afterAll(async () => {
    await app.close();
    await register.close();
  });

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, body?: unknown) =>
    http(method, url, { ...(token ? { token } : {}), ...(body ? { body } : {}) });

  it('says why a request is unauthenticated', async () => {
    const missing = await call('GET', '/api/me');
    expect(missing.status).toBe(401);
    expect(missing.json()).toEqual({ error: 'unauthenticated', message: expect.stringContaining('Authorization: Bearer') });
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect((await call('GET', '/api/me', 'nonsense')).json().message).toMatch(/malformed/);
    expect((await call('GET', '/api/me', `dkt_000000000000_${'A'.repeat(43)}`)).json().message).toMatch(/not known/);
  });

  it('issues, lists and revokes tokens for admins only, auditing each write', async () => {
    const issued = await call('POST', '/api/tokens', tokens.admin, { staffId: 'cw-2', label: 'new laptop' });
    expect(issued.status).toBe(201);
    const { token, record } = issued.json();
    expect((await call('GET', '/api/me', token)).json()).toEqual({ tokenId: record.id, staffId: 'cw-2', role: 'caseworker', office: 'spb-1' });

    for (const role of ['supervisor', 'caseworker'] as const) {
      const refused = await call('POST', '/api/tokens', tokens[role], { staffId: 'adm-1', label: 'escalate' });
      expect(refused.status).toBe(403);
      expect(refused.json().message).toBe(`The ${role} role may not manage API tokens.`);
    }
    const listed = JSON.stringify((await call('GET', '/api/tokens', tokens.admin)).json());
    expect(listed).toContain(record.id);
    expect(listed).not.toContain(parseCredential('dkt', token)!.secret);

    expect((await call('DELETE', `/api/tokens/${record.id}`, tokens.admin)).status).toBe(200);
    expect((await call('GET', '/api/me', token)).json().message).toMatch(/revoked/);
    expect((await call('DELETE', '/api/tokens/dkt_000000000000', tokens.admin)).status).toBe(404);

    const audit = await call('GET', `/api/audit?target=${record.id}`, tokens.admin);
    expect(audit.json().entries.map((entry: { action: string; actor: string }) => [entry.action, entry.actor])).toEqual([
      ['token.revoke', 'adm-1'],
      ['token.issue', 'adm-1'],
    ]);
  });

  it('rejects a malformed token request with every problem named, and issues nothing', async () => {
    const before = (await access.tokens.list()).length;
    const response = await call('POST', '/api/tokens', tokens.admin, { staffId: 'Ivan Petrov', expiresInDays: 0 });
    expect(response.status).toBe(400);
    expect(response.json().problems).toEqual([
      expect.stringMatching(/^staffId: /),
      expect.stringMatching(/^label: /),
      expect.stringMatching(/^expiresInDays: must be at least 1 day/),
    ]);
    expect((await access.tokens.list()).length).toBe(before);
    const notJson = await http('POST', '/api/tokens', { token: tokens.admin, rawBody: '{"staffId":' });
    expect(notJson.status).toBe(400);
    expect(notJson.json()).toEqual({ error: 'invalid-input', message: 'The request body is not valid JSON.' });
  });

  // Issue 13 item 1: the directory is asked at every request, and decides role and office.
  it('answers 401 with the reason once a member is deactivated, and gives tokens the directory’s role and office', async () => {
    const { token } = (await call('POST', '/api/tokens', tokens.admin, { staffId: 'cw-3', label: 'desk' })).json();
    expect((await call('GET', '/api/me', token)).json()).toMatchObject({ staffId: 'cw-3', role: 'caseworker', office: 'msk-1' });
    expect((await call('POST', '/api/calendar-feeds', token, { scope: 'caseworker', subject: 'cw-3' })).status).toBe(201);
    await access.staff.deactivate('cw-3');
    for (const [method, url, body] of [
      ['GET', '/api/me', undefined],
      ['POST', '/api/calendar-feeds', { scope: 'caseworker', subject: 'cw-3' }],
    ] as const) {
      const refused = await call(method, url, token, body);
      expect(refused.status).toBe(401);
      expect(refused.json().message).toBe('The bearer token belongs to a staff member who has been deactivated.');
    }
    const again = await call('POST', '/api/tokens', tokens.admin, { staffId: 'cw-3', label: 'again' });
    expect(again.status).toBe(400);
    expect(again.json().problems).toEqual(['staffId: staff member "cw-3" is deactivated']);
    const ghost = await call('POST', '/api/tokens', tokens.admin, { staffId: 'cw-ghost', label: 'x' });
    expect(ghost.json().problems).toEqual([expect.stringMatching(/^staffId: no staff member "cw-ghost" in the staff directory/)]);
    const chosen = await call('POST', '/api/tokens', tokens.admin, { staffId: 'cw-1', role: 'supervisor', office: 'spb-1', label: 'x' });
    expect(chosen.status).toBe(400);
    expect(chosen.json().problems[0]).toMatch(/not accepted: role, office; a token takes its role and office from the staff directory/);
  });

  // Issue 13 item 3: admins manage access and read no case data.
  it('keeps admins away from case data: no decoding, no feeds of cases, no self-issued case access', async () => {
    const feed = await call('POST', '/api/calendar-feeds', tokens.admin, { scope: 'office', subject: 'msk-1' });
    expect(feed.status).toBe(403);
    expect(feed.json().message).toBe('The admin role may not create calendar feeds (they carry case data).');
    expect((await call('GET', '/api/calendar-feeds', tokens.admin)).status).toBe(200);

    const self = await call('POST', '/api/tokens', tokens.admin, { staffId: 'adm-1', label: 'mine' });
    expect(self.json().record.role).toBe('admin');
  });

  it('lets a caseworker create feeds for themselves and their office only', async () => {
    const own = await call('POST', '/api/calendar-feeds', tokens.caseworker, { scope: 'caseworker', subject: 'cw-1' });
    expect(own.status).toBe(201);
    expect(own.json().url).toMatch(/^https:\/\/docket\.example\.org\/calendar\/cal_[0-9a-f]{12}_[A-Za-z0-9_-]{43}\.ics$/);
    expect((await call('POST', '/api/calendar-feeds', tokens.caseworker, { scope: 'office', subject: 'msk-1' })).status).toBe(201);
    const other = await call('POST', '/api/calendar-feeds', tokens.caseworker, { scope: 'office', subject: 'spb-1' });
    expect(other.status).toBe(403);
    expect(other.json().message).toMatch(/own cases \("cw-1"\) and of their office \("msk-1"\)/);
    expect((await call('POST', '/api/calendar-feeds', tokens.supervisor, { scope: 'office', subject: 'spb-1' })).status).toBe(201);
    const visible = (await call('GET', '/api/calendar-feeds', tokens.caseworker)).json().feeds;
    expect(visible.map((feed: { subject: string }) => feed.subject).sort()).toEqual(['cw-1', 'msk-1']);
  });

  it('serves an OpenAPI document that describes every operation with its permission', async () => {
    const document = (await http('GET', '/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/tokens'].post).toMatchObject({ operationId: 'issueToken', 'x-permission': 'tokens.manage' });
    expect(document.paths['/api/tokens/{id}'].delete.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(document.paths['/api/audit'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['target', 'source', 'limit']);
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
