import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AccessStore } from '../../src/access';
import { openAccess } from '../../src/access/open-access';
import { deskRoutes } from '../../src/api/desk/desk-routes';
import { buildApiServer } from '../../src/api/server';
import { EncryptionCodec } from '../../src/codec/encryption-codec';
import { createLogger } from '../../src/logging';
import type { RegisterDatabaseHandle } from '../../src/store';
import { ringWithA } from '../codec/keys';
import { httpClient, listen } from './support/http';
import { rawRequest } from './support/raw-request';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const PUBLIC_URL = 'https://docket.example.org';
const SEVEN_MB = 7 * 1024 * 1024;
/** The first 64 KiB of a 7 MB body: enough to look like an upload in earnest. */
const FIRST_CHUNK = Buffer.alloc(64 * 1024, 'a');

/** The headers issue 13 item 13 asks of every answer, pages and JSON alike. */
const SECURITY_HEADERS = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

describe('HTTP API hardening (issue 13 items 4 and 13)', () => {
  let dataDir: string;
  let handle: RegisterDatabaseHandle;
  let access: AccessStore;
  let app: FastifyInstance;
  let baseUrl: string;
  let http: ReturnType<typeof httpClient>;
  let supervisor: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'docket-hardening-'));
    ({ handle, access } = await openAccess({ dataDir }));
    await access.staff.upsert({ id: 'sv-1', displayName: 'Supervisor', language: 'en', role: 'supervisor', office: 'msk-1' });
    supervisor = (await access.tokens.issue({ staffId: 'sv-1', label: 'test' }, 'setup')).token;
    app = await buildApiServer({
      access,
      logger: createLogger('error'),
      publicUrl: PUBLIC_URL,
      codec: { codec: new EncryptionCodec(ringWithA), corsOrigins: [] },
      plugins: [deskRoutes({ access, publicUrl: PUBLIC_URL, projectRoot: PROJECT_ROOT })],
    });
    baseUrl = await listen(app);
    http = httpClient(baseUrl);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('item 4: bodies of unauthenticated requests are never read', () => {
    it.each([
      ['/codec/decode', 'Authentication required'],
      ['/codec/encode', 'Authentication required'],
      ['/api/tokens', 'No credentials'],
      ['/api/calendar-feeds', 'No credentials'],
    ])('answers a 7 MB POST to %s without a token with 401 before the body has arrived', async (url, message) => {
      const response = await rawRequest(baseUrl, {
        method: 'POST',
        path: url,
        headers: { 'content-type': 'application/json' },
        partialBody: { declaredBytes: SEVEN_MB, sent: FIRST_CHUNK },
      });
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
      expect(response.text).toContain(message);
    });

    it('answers a refused role with 403 before reading the body', async () => {
      await access.staff.upsert({ id: 'cw-1', displayName: 'Caseworker', language: 'en', role: 'caseworker', office: 'msk-1' });
      const caseworker = (await access.tokens.issue({ staffId: 'cw-1', label: 'test' }, 'setup')).token;
      const response = await rawRequest(baseUrl, {
        method: 'POST',
        path: '/api/tokens',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${caseworker}` },
        partialBody: { declaredBytes: SEVEN_MB, sent: FIRST_CHUNK },
      });
      expect(response.status).toBe(403);
      expect(JSON.parse(response.text).message).toBe('The caseworker role may not manage API tokens.');
    });

    it('keeps /health responsive while twelve clients keep posting 7.6 MB bodies without a token', async () => {
      const probe = async () => {
        const started = performance.now();
        expect((await http('GET', '/health')).status).toBe(200);
        return performance.now() - started;
      };
      const probes = async (count: number) => {
        const times: number[] = [];
        for (let i = 0; i < count; i += 1) times.push(await probe());
        return times;
      };
      await probes(5);
      const idle = median(await probes(40));

      const body = Buffer.from(JSON.stringify({ payloads: [{ metadata: {}, data: 'A'.repeat(7.6 * 1024 * 1024) }] }));
      let flooding = true;
      const answers: Array<number | 'cut'> = [];
      const upload = () =>
        rawRequest(baseUrl, { method: 'POST', path: '/codec/decode', headers: { 'content-type': 'application/json' }, body }).then(
          (response) => response.status,
          // The server refuses before the body is in and closes the connection, which may cut the upload before its answer is read.
          () => 'cut' as const,
        );
      const flood = Array.from({ length: 12 }, async () => {
        while (flooding) answers.push(await upload());
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const loaded = median(await probes(40));
      flooding = false;
      await Promise.all(flood);

      expect(answers).toContain(401);
      expect(answers.filter((answer) => answer !== 401 && answer !== 'cut')).toEqual([]);
      // Before the fix each of these bodies was parsed first, which put /health at about 90 times its idle median here.
      // Idle is under a millisecond, so a floor of 2 ms keeps scheduler noise on a shared machine from counting.
      expect(loaded / Math.max(idle, 2)).toBeLessThan(10);
    });
  });

  describe('item 4: each route reads no more than its requests need', () => {
    it('refuses a 100 KiB body to a JSON route with 413 naming the limit, and a body to a route that takes none', async () => {
      const big = await http('POST', '/api/calendar-feeds', { token: supervisor, rawBody: JSON.stringify({ scope: 'office', subject: 'x'.repeat(100 * 1024) }) });
      expect(big.status).toBe(413);
      expect(big.json()).toEqual({ error: 'invalid-input', message: 'The request body is too large: POST /api/calendar-feeds takes at most 64 KiB.' });
      const bodyless = await http('DELETE', '/api/calendar-feeds/cal_000000000000', { token: supervisor, rawBody: JSON.stringify({ padding: 'x'.repeat(4096) }) });
      expect(bodyless.status).toBe(413);
      expect(bodyless.json().message).toBe('The request body is too large: DELETE /api/calendar-feeds/:id takes at most 1 KiB.');
    });

    it('refuses an encode request larger than one payload can be with 413', async () => {
      const response = await http('POST', '/codec/encode', {
        token: supervisor,
        rawBody: JSON.stringify({ payloads: [{ metadata: {}, data: 'A'.repeat(4 * 1024 * 1024) }] }),
      });
      expect(response.status).toBe(413);
      expect(response.json().error).toBe('The request body is too large: POST /codec/encode takes at most 3 MiB.');
    });
  });

  describe('item 13: security headers on every answer', () => {
    it.each([
      ['the health check', '/health', 200],
      ['a JSON refusal', '/api/me', 401],
      ['an unknown path', '/no-such-thing', 404],
      ['a codec refusal', '/codec/decode', 404],
    ])('sends them with %s', async (_what, url, status) => {
      const response = await http('GET', url);
      expect(response.status).toBe(status);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    });

    it('sends them with the desk’s sign-in page, whose own policy still lets its script and styles load', async () => {
      const response = await http('GET', '/desk/signin');
      expect(response.status).toBe(200);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    });
  });

  describe('item 13: the Host header (DNS rebinding)', () => {
    const withHost = (host: string, url = '/health') => rawRequest(baseUrl, { method: 'GET', path: url, headers: { host } });

    it.each(['docket.example.org', 'DOCKET.example.org:443', 'localhost:8080', '127.0.0.1', '[::1]:8080'])('answers for %s', async (host) => {
      expect((await withHost(host)).status).toBe(200);
    });

    it.each(['evil.example', 'docket.example.org.evil.example', '192.168.1.20:8080'])('refuses %s with 421 and says which hosts it answers for', async (host) => {
      const response = await withHost(host, '/api/me');
      expect(response.status).toBe(421);
      expect(JSON.parse(response.text)).toEqual({
        error: 'invalid-input',
        message: `This server does not answer for host "${host}": it answers for docket.example.org (its public URL) and, from this machine, localhost. Use ${PUBLIC_URL}.`,
      });
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers[name]).toBe(value);
    });

    it('refuses a Host header that is no host name with 400', async () => {
      const response = await withHost('docket.example.org@evil.example');
      expect(response.status).toBe(400);
      expect(JSON.parse(response.text)).toEqual({ error: 'invalid-input', message: 'The Host header is not a host name.' });
    });
  });
});
