import Fastify, { type FastifyPluginAsync, type FastifyReply, type FastifyRequest } from 'fastify';
import { bodyTooLargeMessage } from '../http/body-limit';
import { guardServer } from '../http/server-guard';
import { PayloadDecryptionError, EncryptionCodec } from './encryption-codec';
import { CodecRequestError, handleCodecRequest, type CodecOperation } from './codec-protocol';
import { ConcurrencyLimit } from './concurrency-limit';
import {
  SIGN_IN_PAGE,
  SIGN_IN_PAGE_POLICY,
  expiredSessionCookie,
  sessionCookie,
  sessionTokenFromCookies,
  type SessionCookieOptions,
} from './codec-session';
import type { PayloadCodec } from '@temporalio/common';
import type { KeyRing } from './key-ring';

/** Who is using the endpoint, as the authorizer knows them; logged with each request, never anything of the data. */
export interface CodecPrincipal {
  id: string;
}

export interface CodecAccess {
  operation: CodecOperation;
  /** The Temporal namespace the Web UI or CLI names in `X-Namespace`, if any. */
  namespace: string | undefined;
}

/**
 * One decode, told to whoever audits reads. The Web UI names the namespace (`X-Namespace`) but never the
 * workflow whose payloads it sends, so which case it was is not known here.
 */
export interface CodecDecode {
  principalId: string | undefined;
  namespace: string | undefined;
  payloads: number;
}

/** `false`: a known token without permission (403). `true` or a principal: allowed. */
export type CodecAuthorizer = (token: string, access: CodecAccess) => Promise<boolean | CodecPrincipal>;

export interface CodecEndpointOptions {
  codec: PayloadCodec;
  authorize: CodecAuthorizer;
  /** Exact origins allowed to call from a browser, e.g. the Web UI's `http://localhost:8233`. */
  corsOrigins: readonly string[];
  /** Awaited before a decode's answer is sent, so no decoded data leaves unrecorded; a failure fails the request. */
  recordDecode?: (decode: CodecDecode) => Promise<void>;
  /**
   * Encode and decode requests that may read their bodies and work at once, and how many more may wait
   * for a turn; beyond that a request gets 503 with Retry-After. The work is CPU-bound and shares its
   * process with the API (and, under `npm start`, the worker).
   */
  concurrency?: { running: number; waiting: number };
  session?: Partial<SessionCookieOptions>;
}

/**
 * The largest bodies each request needs. Decode calls carry a batch of stored payloads (Temporal takes
 * up to 2 MiB each); encode calls carry one input to encrypt, at most 2 MiB as base64 (about 2.7 MiB).
 * The session routes read no body.
 */
const BODY_LIMIT_BYTES = { decode: 8 * 1024 * 1024, encode: 3 * 1024 * 1024, none: 1024 } as const;
/**
 * Two at a time: one per core of the small machines this runs on. The Web UI fires a burst of decode
 * calls when it opens a history, so a line of 32 lets a burst wait its turn instead of failing, while a
 * flood beyond it is turned away at once instead of holding bodies in memory.
 */
const DEFAULT_CONCURRENCY = { running: 2, waiting: 32 };
const EIGHT_HOURS = 8 * 60 * 60;

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}

function namespaceOf(request: FastifyRequest): string | undefined {
  const namespace = request.headers['x-namespace'];
  return typeof namespace === 'string' ? namespace : undefined;
}

function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? ''}`;
}

/**
 * The codec endpoints as a Fastify plugin: `POST /codec/encode`, `POST /codec/decode` (Temporal's
 * codec-server protocol, for the Web UI and `temporal --codec-endpoint <base>/codec`), and the
 * browser session at `/codec/session`. Every codec call needs a token, from an
 * `Authorization: Bearer` header or the session cookie. Register it without a prefix, or the
 * paths move under it.
 */
export const codecEndpoints: FastifyPluginAsync<CodecEndpointOptions> = async (app, options) => {
  const allowedOrigins = new Set(options.corsOrigins);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const work = new ConcurrencyLimit(concurrency.running, concurrency.waiting);
  /** Who each admitted request stands for, settled in onRequest before its body is read. */
  const principals = new WeakMap<FastifyRequest, string | undefined>();
  const cookieOptions = (request: FastifyRequest): SessionCookieOptions => ({
    sameSite: options.session?.sameSite ?? 'Strict',
    maxAgeSeconds: options.session?.maxAgeSeconds ?? EIGHT_HOURS,
    secure: options.session?.secure ?? request.protocol === 'https',
  });

  app.addHook('onRequest', async (request, reply) => {
    // Decoded case data must not linger in browser or proxy caches.
    reply.header('cache-control', 'no-store');
    const origin = request.headers.origin;
    if (origin === undefined || origin === ownOrigin(request)) return;
    if (!allowedOrigins.has(origin)) {
      return reply.code(403).send({ error: `Origin ${origin} is not allowed to call the codec endpoint.` });
    }
    reply
      .header('access-control-allow-origin', origin)
      .header('access-control-allow-credentials', 'true')
      .header('vary', 'Origin');
  });

  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof CodecRequestError || error instanceof PayloadDecryptionError) {
      return reply.code(400).send({ error: error.message });
    }
    const { statusCode, code, message } = error as { statusCode?: number; code?: string; message?: string };
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ error: bodyTooLargeMessage(request) });
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      // The parser's message quotes the body, and the body is case data.
      return reply.code(400).send({ error: 'The request body is not valid JSON.' });
    }
    if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
      return reply.code(statusCode).send({ error: message ?? 'Bad request.' });
    }
    request.log.error({ err: error }, 'codec endpoint failed');
    return reply.code(500).send({ error: 'The codec endpoint failed; see its log.' });
  });

  /** Answers 401 or 403 itself and returns undefined when the request may not go on. */
  async function authorizeRequest(
    request: FastifyRequest,
    reply: FastifyReply,
    token: string | undefined,
    operation: CodecOperation,
  ): Promise<{ principalId: string | undefined } | undefined> {
    if (token === undefined) {
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="asylum-docket codec"')
        .send({ error: 'Authentication required: send "Authorization: Bearer <token>" or sign in at /codec/session.' });
      return undefined;
    }
    const verdict = await options.authorize(token, { operation, namespace: namespaceOf(request) });
    if (verdict === false) {
      await reply.code(403).send({ error: `This token is not allowed to ${operation} case data.` });
      return undefined;
    }
    return { principalId: verdict === true ? undefined : verdict.id };
  }

  const bearerOrSession = (request: FastifyRequest) =>
    bearerToken(request.headers.authorization) ?? sessionTokenFromCookies(request.headers.cookie);

  /**
   * Who is calling is settled before a byte of the body is read, and only then may a request take a
   * place to work: nobody without a token can make the server read, buffer or parse a body.
   */
  const admit = (operation: CodecOperation) => async (request: FastifyRequest, reply: FastifyReply) => {
    const access = await authorizeRequest(request, reply, bearerOrSession(request), operation);
    if (access === undefined) return reply;
    const place = work.enter();
    if (place === undefined) {
      return reply
        .code(503)
        .header('retry-after', '1')
        .send({ error: `The codec endpoint is busy with other requests; try the ${operation} again in a second.` });
    }
    // 'close' comes once the answer is sent or the client has gone, whichever happens.
    reply.raw.once('close', place.leave);
    await place.admitted;
    principals.set(request, access.principalId);
    return undefined;
  };

  for (const operation of ['encode', 'decode'] as const) {
    const url = `/codec/${operation}`;
    app.options(url, async (_request, reply) =>
      reply
        .code(204)
        .header('access-control-allow-methods', 'POST, OPTIONS')
        .header('access-control-allow-headers', 'authorization, content-type, x-namespace')
        .header('access-control-max-age', '600')
        .send(),
    );
    app.post(url, { bodyLimit: BODY_LIMIT_BYTES[operation], onRequest: admit(operation) }, async (request) => {
      const principalId = principals.get(request);
      const response = await handleCodecRequest(options.codec, operation, request.body);
      if (operation === 'decode') {
        await options.recordDecode?.({ principalId, namespace: namespaceOf(request), payloads: response.payloads.length });
      }
      request.log.info({ principal: principalId, operation, payloads: response.payloads.length }, 'codec request');
      return response;
    });
  }

  app.get('/codec/session', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', SIGN_IN_PAGE_POLICY).send(SIGN_IN_PAGE),
  );
  app.post('/codec/session', { bodyLimit: BODY_LIMIT_BYTES.none }, async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    const access = await authorizeRequest(request, reply, token, 'decode');
    if (access === undefined || token === undefined) return reply;
    request.log.info({ principal: access.principalId }, 'codec session opened');
    const who = access.principalId === undefined ? '' : ` as ${access.principalId}`;
    return reply
      .header('set-cookie', sessionCookie(token, cookieOptions(request)))
      .send({ message: `Signed in${who}. The Web UI can now decrypt case data through this endpoint.` });
  });
  app.delete('/codec/session', { bodyLimit: BODY_LIMIT_BYTES.none }, async (request, reply) =>
    reply.header('set-cookie', expiredSessionCookie(cookieOptions(request))).send({ message: 'Signed out.' }),
  );
};

export interface CodecServerOptions {
  keyRing: KeyRing;
  authorize: CodecAuthorizer;
  corsOrigins: readonly string[];
  port?: number;
  host?: string;
  /** The address the Web UI or CLI reaches this server at, if not this machine's loopback. */
  publicUrl?: string;
}

export interface RunningCodecServer {
  /** The base URL to give the Web UI or `temporal --codec-endpoint`, ending in `/codec`. */
  endpoint: string;
  close(): Promise<void>;
}

/** The codec endpoints on their own, for tests and for running beside a Web UI without the HTTP API. */
export async function startCodecServer(options: CodecServerOptions): Promise<RunningCodecServer> {
  const app = Fastify({ logger: false });
  guardServer(app, options.publicUrl);
  await app.register(codecEndpoints, {
    codec: new EncryptionCodec(options.keyRing),
    authorize: options.authorize,
    corsOrigins: options.corsOrigins,
  });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return { endpoint: `http://${host}:${port}/codec`, close: () => app.close() };
}
