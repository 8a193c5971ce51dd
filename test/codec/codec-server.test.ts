import { createHash } from 'node:crypto';
import { defaultPayloadConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import Fastify, { type FastifyInstance } from 'fastify';
import { codecEndpoints, startCodecServer, type CodecAccess, type RunningCodecServer } from '../../src/codec/codec-server';
import { rawRequest } from '../api/support/raw-request';
import { ringWithA } from './keys';

const WEB_UI = 'http://localhost:8233';
const SUPERVISOR_TOKEN = 'test-token-supervisor';
const READ_ONLY_TOKEN = 'test-token-no-codec';
const caseInput = { caseNumber: 'RU-TA-2016-0042', applicant: 'Applicant-7F3A' };

function jsonPayload(value: unknown) {
  const payload = defaultPayloadConverter.toPayload(value);
  return {
    metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
    data: Buffer.from(payload.data ?? []).toString('base64'),
  };
}

function valueOf(payload: { metadata: Record<string, string>; data: string }): unknown {
  return defaultPayloadConverter.fromPayload({
    metadata: Object.fromEntries(Object.entries(payload.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    data: Buffer.from(payload.data, 'base64'),
  });
}

describe('codec endpoints over HTTP', () => {
  let server: RunningCodecServer;
  const accesses: CodecAccess[] = [];

  beforeAll(async () => {
    server = await startCodecServer({
      keyRing: ringWithA,
      corsOrigins: [WEB_UI],
      authorize: async (token, access) => {
        accesses.push(access);
        return token === SUPERVISOR_TOKEN ? { id: 'staff-supervisor-1' } : false;
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    accesses.length = 0;
  });

  const post = (operation: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.endpoint}/${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const asSupervisor = { authorization: `Bearer ${SUPERVISOR_TOKEN}` };

  it('answers 401 with a Bearer challenge when no token is sent, and 401 for another scheme', async () => {
    const response = await post('decode', { payloads: [] });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect((await response.json()).error).toMatch(/^Authentication required/);
    expect((await post('decode', { payloads: [] }, { authorization: 'Basic dXNlcjpwYXNz' })).status).toBe(401);
    expect(accesses).toEqual([]);
  });

  it('answers 403 for a token the authorizer refuses', async () => {
    const response = await post('encode', { payloads: [jsonPayload(caseInput)] }, { authorization: `Bearer ${READ_ONLY_TOKEN}` });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'This token is not allowed to encode case data.' });
  });

  it('encodes and decodes in the protocol shape, telling the authorizer the operation and namespace', async () => {
    const encodeResponse = await post('encode', { payloads: [jsonPayload(caseInput)] }, { ...asSupervisor, 'x-namespace': 'default' });
    expect(encodeResponse.status).toBe(200);
    expect(encodeResponse.headers.get('cache-control')).toBe('no-store');
    const encoded = (await encodeResponse.json()) as { payloads: Array<{ metadata: Record<string, string>; data: string }> };
    expect(encoded.payloads).toHaveLength(1);
    const [encrypted] = encoded.payloads;
    expect(Buffer.from(encrypted?.metadata.encoding ?? '', 'base64').toString()).toBe('binary/encrypted');
    expect(Buffer.from(encrypted?.metadata['encryption-key-id'] ?? '', 'base64').toString()).toBe('key-a');
    expect(Buffer.from(encrypted?.data ?? '', 'base64').includes('Applicant-7F3A')).toBe(false);

    const decodeResponse = await post('decode', encoded, asSupervisor);
    expect(decodeResponse.status).toBe(200);
    const decoded = (await decodeResponse.json()) as { payloads: Array<{ metadata: Record<string, string>; data: string }> };
    expect(decoded.payloads.map(valueOf)).toEqual([caseInput]);
    expect(accesses).toEqual([
      { operation: 'encode', namespace: 'default' },
      { operation: 'decode', namespace: undefined },
    ]);
  });

  it('passes unencrypted payloads through decode unchanged', async () => {
    const plain = jsonPayload({ stage: 'lodged' });
    const response = await post('decode', { payloads: [plain] }, asSupervisor);
    expect(await response.json()).toEqual({ payloads: [plain] });
  });

  it.each([
    ['a body without payloads', { items: [] }, 'Invalid codec request: payloads: must be an array of payloads'],
    ['data that is not base64', { payloads: [{ metadata: {}, data: '%%%' }] }, 'Invalid codec request: payloads.0.data: must be base64'],
    ['invalid JSON', '{"payloads": [Applicant-7F3A', 'The request body is not valid JSON.'],
  ])('rejects %s with 400 and a clear message', async (_case, body, expected) => {
    const response = await post('decode', body, asSupervisor);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expected });
  });

  it('says which key id is unknown when it cannot decrypt', async () => {
    const foreign = {
      metadata: { encoding: Buffer.from('binary/encrypted').toString('base64'), 'encryption-key-id': Buffer.from('key-retired').toString('base64') },
      data: Buffer.alloc(40).toString('base64'),
    };
    const response = await post('decode', { payloads: [foreign] }, asSupervisor);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toContain('key "key-retired": that key id is not in the key ring (known: "key-a")');
  });

  it('answers the Web UI preflight for its origin with the methods and headers it needs', async () => {
    const response = await fetch(`${server.endpoint}/decode`, {
      method: 'OPTIONS',
      headers: { origin: WEB_UI, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(WEB_UI);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type, x-namespace');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('refuses other origins, preflight and request alike, without CORS headers', async () => {
    const preflight = await fetch(`${server.endpoint}/decode`, { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const request = await post('decode', { payloads: [] }, { ...asSupervisor, origin: 'http://evil.example' });
    expect(request.status).toBe(403);
    expect(accesses).toEqual([]);
  });

  it('lets the Web UI origin read responses, including errors', async () => {
    const response = await post('decode', { payloads: [] }, { origin: WEB_UI });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(WEB_UI);
  });

  it('answers only for loopback names, refusing a rebound host name with 421 (issue 13 item 13)', async () => {
    const response = await rawRequest(server.endpoint, { method: 'GET', path: '/codec/session', headers: { host: 'rebound.evil.example' } });
    expect(response.status).toBe(421);
    expect(JSON.parse(response.text).message).toBe(
      'This server does not answer for host "rebound.evil.example": it answers only for localhost, from this machine.',
    );
    expect((await rawRequest(server.endpoint, { method: 'GET', path: '/codec/session', headers: { host: 'localhost' } })).status).toBe(200);
  });

  it('answers a large upload without a token with 401 before its body has arrived (issue 13 item 4)', async () => {
    const response = await rawRequest(server.endpoint, {
      method: 'POST',
      path: '/codec/decode',
      headers: { 'content-type': 'application/json', origin: WEB_UI },
      partialBody: { declaredBytes: 7 * 1024 * 1024, sent: Buffer.alloc(64 * 1024, 'a') },
    });
    expect(response.status).toBe(401);
    expect(response.headers['access-control-allow-origin']).toBe(WEB_UI);
    expect(accesses).toEqual([]);
  });

  describe('browser session for the Web UI', () => {
    const sessionUrl = () => `${server.endpoint}/session`;
    const cookieFrom = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    it('serves a sign-in page', async () => {
      const response = await fetch(sessionUrl());
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('Include cross-origin credentials');
    });

    it('serves the sign-in page with a policy that runs its own script only and forbids framing (issue 13 item 13)', async () => {
      const response = await fetch(sessionUrl());
      const page = await response.text();
      const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
      expect(scripts).toHaveLength(1);
      const policy = (response.headers.get('content-security-policy') ?? '').split(/;\s*/);
      expect(policy).toEqual(
        expect.arrayContaining([
          "default-src 'none'",
          `script-src 'sha256-${createHash('sha256').update(scripts[0] ?? '').digest('base64')}'`,
          "connect-src 'self'",
          "frame-ancestors 'none'",
          "form-action 'none'",
        ]),
      );
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    });

    it('turns a permitted bearer token into an HttpOnly cookie that decode then accepts', async () => {
      const signIn = await fetch(sessionUrl(), { method: 'POST', headers: asSupervisor });
      expect(signIn.status).toBe(200);
      expect((await signIn.json()).message).toMatch(/^Signed in as staff-supervisor-1\./);
      const setCookie = signIn.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^docket_codec_session=/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('Path=/codec');
      expect(setCookie).toContain('SameSite=Strict');

      const encoded = await (await post('encode', { payloads: [jsonPayload(caseInput)] }, asSupervisor)).json();
      const withCookie = await post('decode', encoded, { cookie: cookieFrom(signIn), origin: WEB_UI });
      expect(withCookie.status).toBe(200);
      expect(((await withCookie.json()) as { payloads: [] }).payloads.map(valueOf)).toEqual([caseInput]);

      const signOut = await fetch(sessionUrl(), { method: 'DELETE' });
      expect(signOut.headers.get('set-cookie')).toMatch(/^docket_codec_session=; Path=\/codec; Max-Age=0/);
    });

    it('opens no session without a token or for a refused one', async () => {
      expect((await fetch(sessionUrl(), { method: 'POST' })).status).toBe(401);
      const refused = await fetch(sessionUrl(), { method: 'POST', headers: { authorization: `Bearer ${READ_ONLY_TOKEN}` } });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('set-cookie')).toBeNull();
      const staleCookie = await post('decode', { payloads: [] }, { cookie: `docket_codec_session=${READ_ONLY_TOKEN}` });
      expect(staleCookie.status).toBe(403);
    });
  });
});

describe('codec endpoints under load (issue 13 item 4)', () => {
  /** A codec whose every call waits until the test lets it finish, so that the test decides how many are busy. */
  let calls = 0;
  let finishAll: () => void = () => {};
  let finished = Promise.resolve();
  const gatedCodec: PayloadCodec = {
    encode: async (payloads: Payload[]) => {
      calls += 1;
      await finished;
      return payloads;
    },
    decode: async (payloads: Payload[]) => {
      calls += 1;
      await finished;
      return payloads;
    },
  };
  let app: FastifyInstance;
  let baseUrl: string;

  beforeAll(async () => {
    app = Fastify({ logger: false });
    await app.register(codecEndpoints, {
      codec: gatedCodec,
      corsOrigins: [],
      authorize: async (token) => token === SUPERVISOR_TOKEN,
      concurrency: { running: 2, waiting: 1 },
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    finishAll();
    await app?.close();
  });

  const decode = () =>
    fetch(`${baseUrl}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SUPERVISOR_TOKEN}` },
      body: JSON.stringify({ payloads: [jsonPayload({ stage: 'lodged' })] }),
    });

  it('works on two requests at once, lets one more wait its turn, and turns the next away with 503 and Retry-After', async () => {
    finished = new Promise<void>((resolve) => (finishAll = resolve));
    const running = [decode(), decode()];
    while (calls < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    // Whichever of these two arrives second finds the line full.
    const later = [decode(), decode()];
    const turnedAway = await Promise.race(later);
    expect(turnedAway.status).toBe(503);
    expect(turnedAway.headers.get('retry-after')).toBe('1');
    expect(await turnedAway.json()).toEqual({ error: 'The codec endpoint is busy with other requests; try the decode again in a second.' });
    expect(calls).toBe(2);

    finishAll();
    const answers = await Promise.all([...running, ...later]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 503]);
    expect(calls).toBe(3);
    expect((await decode()).status).toBe(200);
  });
});
