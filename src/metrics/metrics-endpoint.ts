import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { METRICS_CONTENT_TYPE, metricsExposition } from './exposition';

export interface MetricsEndpointOptions {
  /**
   * DOCKET_METRICS_TOKEN: when set, a scrape must send `Authorization: Bearer <token>`, so a server that
   * others can reach does not tell them how busy the organisation is. Unset: `/metrics` is open, as
   * Prometheus expects on a loopback or private address.
   */
  token?: string;
}

/** Compared as digests, in constant time, so the time a refusal takes says nothing about how much of a guess was right. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** `GET /metrics` in Prometheus' text format: this process's engine metrics and, when it exports them, the Temporal SDK's. */
export function metricsEndpoint(options: MetricsEndpointOptions = {}) {
  const { token } = options;
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/metrics', async (request, reply) => {
      if (token !== undefined) {
        const [scheme, given] = (request.headers.authorization ?? '').split(' ');
        if (scheme?.toLowerCase() !== 'bearer' || given === undefined || !sameSecret(given, token)) {
          reply.header('www-authenticate', 'Bearer realm="asylum-docket-metrics"');
          return reply.code(401).send({ error: 'unauthenticated', message: 'The metrics need Authorization: Bearer <DOCKET_METRICS_TOKEN>.' });
        }
      }
      reply.header('cache-control', 'no-store');
      return reply.type(METRICS_CONTENT_TYPE).send(await metricsExposition());
    });
  };
}
