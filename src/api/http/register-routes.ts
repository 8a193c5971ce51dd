import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../../errors/parse-input';
import { requirePermission } from '../../access/permissions';
import type { AccessStore } from '../../access';
import type { Principal } from '../../access/roles';
import { authenticate } from './authenticate';
import type { ApiRoute } from './route';

const noFields = z.object({}).strict();

/** Every request body of the API is a command or a form: a few KiB at most, notes of 2,000 characters included. */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;
/** Routes that take no body still get one parsed when a client sends it; this is all they read. */
const NO_BODY_LIMIT_BYTES = 1024;

export function fastifyPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1');
}

/**
 * Mounts routes in the order every request is judged: who is calling (401: a bearer token or a
 * signed-in browser's session, see authenticate), may their role do this (403), both before a byte of
 * the body is read, so that nobody without credentials can make the server read or parse one; is the
 * request well-formed (400); only then does the handler run. The response is checked against its
 * schema too, so the OpenAPI document cannot drift from what the server sends. No answer may be cached.
 */
export function registerRoutes(app: FastifyInstance, credentials: Pick<AccessStore, 'tokens' | 'sessions'>, routes: readonly ApiRoute[]): void {
  const principals = new WeakMap<FastifyRequest, Principal>();
  for (const route of routes) {
    app.route({
      method: route.method,
      url: fastifyPath(route.path),
      bodyLimit: route.body ? JSON_BODY_LIMIT_BYTES : NO_BODY_LIMIT_BYTES,
      onRequest: async (request, reply) => {
        // Case data, tokens and refusals that name offices: no browser or proxy may keep a copy.
        reply.header('cache-control', 'no-store');
        const principal = await authenticate(credentials, request);
        if (route.permission !== 'any-role') requirePermission(principal, route.permission);
        principals.set(request, principal);
      },
      handler: async (request, reply) => {
        const principal = principals.get(request);
        if (principal === undefined) throw new Error(`${route.operationId} ran without the caller settled in onRequest`);
        const params = parseInput(route.params ?? noFields, request.params ?? {}, 'path parameters');
        const query = parseInput(route.query ?? noFields, request.query ?? {}, 'query parameters');
        const body = route.body ? parseInput(route.body, request.body ?? {}, 'request body') : undefined;
        const result = await route.handle({ principal, params, query, body, request, reply });
        const checked = route.response.safeParse(result);
        if (!checked.success) {
          request.log.error({ operation: route.operationId, issues: checked.error.issues.slice(0, 5) }, 'response does not match its schema');
          throw new Error(`response of ${route.operationId} does not match its schema`);
        }
        return reply.code(route.successStatus ?? 200).send(checked.data);
      },
    });
  }
}
