import type { PayloadCodec } from '@temporalio/common';
import Fastify, { type FastifyInstance } from 'fastify';
import { codecEndpoints } from '../codec/codec-server';
import { recordCodecDecodes } from './codec-read-audit';
import { bodyTooLargeMessage } from '../http/body-limit';
import { registerHealthRoutes, type ReadinessCheck } from '../http/health-routes';
import { guardServer } from '../http/server-guard';
import { requestIdFrom, withLogContext, type Logger } from '../logging';
import type { AccessStore } from '../access';
import { isAllowed } from '../access/permissions';
import { refusalMessage } from './http/authenticate';
import { errorResponse } from './http/error-response';
import { openApiDocument } from './http/openapi';
import { JSON_BODY_LIMIT_BYTES, registerRoutes } from './http/register-routes';
import type { ApiRoute } from './http/route';
import { accessRoutes } from './routes/access-routes';
import { metricsEndpoint, observeApiRequest } from '../metrics';

export interface ApiServerDependencies {
  access: AccessStore;
  logger: Logger;
  /** The URL people and calendar apps reach the API at; feed URLs are built on it. */
  publicUrl: string;
  /** DOCKET_METRICS_TOKEN: the bearer token `/metrics` requires, when set. */
  metricsToken?: string;
  /** Routes that need the case facade; see `caseRoutes`. */
  extraRoutes?: readonly ApiRoute[];
  /** Extra plain (non-JSON) endpoints such as the staff desk and the calendar feeds. */
  plugins?: ReadonlyArray<(app: FastifyInstance) => Promise<void>>;
  /** When given, `/codec/encode` and `/codec/decode` serve the Temporal Web UI for supervisor and admin tokens. */
  codec?: { codec: PayloadCodec; corsOrigins: readonly string[] };
  version?: string;
  /** What `/health/ready` checks (Temporal, the register, a worker beside the API); none: ready whenever it answers. */
  readiness?: Readonly<Record<string, ReadinessCheck>>;
}

/** The HTTP API, built but not listening: tests inject requests into it, `startApiServer` listens. */
export async function buildApiServer(deps: ApiServerDependencies): Promise<FastifyInstance> {
  // Each JSON route and codec endpoint sets its own limit; this one covers the rest (unknown paths).
  // Each request's id: the caller's X-Request-Id when it is a valid one (1-64 of A-Z a-z 0-9 . _ -), else a random one.
  const app = Fastify({ logger: false, bodyLimit: JSON_BODY_LIMIT_BYTES, genReqId: (request) => requestIdFrom(request.headers['x-request-id']) });
  const routes = [...accessRoutes(deps.access, deps.publicUrl), ...(deps.extraRoutes ?? [])];

  // First of all hooks, so even a refused request answers with its id. Everything the request does from here
  // runs with the id in its log context: the API's log lines, and the header the Temporal client sends on.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    withLogContext({ requestId: request.id }, done);
  });
  // Reading a body leaves the context the request came in with; the handler gets it back here.
  app.addHook('preHandler', (request, _reply, done) => {
    withLogContext({ requestId: request.id }, done);
  });
  guardServer(app, deps.publicUrl);

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL: calendar feed URLs carry their secret.
    const route = request.routeOptions.url;
    deps.logger.debug('api request', {
      requestId: request.id,
      method: request.method,
      route: route ?? 'unmatched',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    });
    observeApiRequest({ method: request.method, route, status: reply.statusCode, seconds: reply.elapsedTime / 1000 });
  });

  app.setErrorHandler(async (error, request, reply) => {
    const { statusCode, code } = error as { statusCode?: number; code?: string };
    if (typeof code === 'string' && code.startsWith('FST_') && statusCode !== undefined && statusCode < 500) {
      // Fastify's own messages can quote the body, which may hold case data: say what kind of problem it was instead.
      const message =
        code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'The request body is not valid JSON.'
          : code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? bodyTooLargeMessage(request)
            : code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
              ? 'Send the request body as application/json.'
              : `The request was not understood (${code}).`;
      return reply.code(statusCode).send({ error: 'invalid-input', message });
    }
    const { status, body } = errorResponse(error);
    if (status === 401) reply.header('www-authenticate', `Bearer realm="asylum-docket", error="invalid_token"`);
    if (status >= 500) deps.logger.error('api request failed', { requestId: request.id, route: request.routeOptions.url, error: String(error) });
    return reply.code(status).send(body);
  });

  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send({ error: 'not-found', message: `No such endpoint: ${request.method} ${request.url.split('?')[0]}. See /openapi.json.` }),
  );

  const document = openApiDocument(routes, { version: deps.version ?? '0.1.0', serverUrl: deps.publicUrl });
  app.get('/openapi.json', async () => document);
  registerHealthRoutes(app, deps.readiness ?? {});
  registerRoutes(app, deps.access, routes);

  if (deps.codec) {
    const tokens = deps.access.tokens;
    await app.register(codecEndpoints, {
      codec: deps.codec.codec,
      corsOrigins: deps.codec.corsOrigins,
      recordDecode: recordCodecDecodes(deps.access.reads),
      authorize: async (token) => {
        const result = await tokens.authenticate(token);
        if (!result.ok) throw Object.assign(new Error(refusalMessage(result.reason)), { statusCode: 401 });
        return isAllowed(result.principal.role, 'codec.use') ? { id: result.principal.staffId } : false;
      },
    });
  }
  await metricsEndpoint(deps.metricsToken === undefined ? {} : { token: deps.metricsToken })(app);
  for (const plugin of deps.plugins ?? []) await plugin(app);
  return app;
}
