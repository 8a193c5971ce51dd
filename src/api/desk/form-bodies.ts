import type { FastifyInstance } from 'fastify';

/** The largest form a desk page sends: a note of 2,000 characters, percent-encoded, and the rest fit. */
export const FORM_BODY_LIMIT_BYTES = 16 * 1024;

/**
 * Lets a group of desk routes read urlencoded form bodies, as a browser sends a form without script.
 * Only desk routes register it: the JSON API goes on refusing form bodies. A repeated key keeps its
 * last value, so a reader never meets an array it did not ask for.
 */
export function acceptFormBodies(routes: FastifyInstance): void {
  routes.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES }, (_request, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
}
