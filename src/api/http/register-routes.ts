import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../../errors/parse-input';
import { requirePermission } from '../../access/permissions';
import type { TokenStore } from '../../access/token-store';
import { authenticate } from './authenticate';
import type { ApiRoute } from './route';

const noFields = z.object({}).strict();

export function fastifyPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1');
}

/**
 * Mounts routes in the order every request is judged: who is calling (401), may their role do this
 * (403), is the request well-formed (400); only then does the handler run. The response is checked
 * against its schema too, so the OpenAPI document cannot drift from what the server sends. No answer
 * may be cached.
 */
export function registerRoutes(app: FastifyInstance, tokens: TokenStore, routes: readonly ApiRoute[]): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: fastifyPath(route.path),
      handler: async (request, reply) => {
        // Case data, tokens and refusals that name offices: no browser or proxy may keep a copy.
        reply.header('cache-control', 'no-store');
        const principal = await authenticate(tokens, request);
        if (route.permission !== 'any-role') requirePermission(principal, route.permission);
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
