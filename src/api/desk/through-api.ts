import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorResponseSchema, type ErrorResponse } from '../http/error-response';
import { CSRF_HEADER } from '../http/authenticate';

export interface ApiCall {
  method: 'POST' | 'DELETE';
  /** The API route's own address, e.g. `/api/cases/RU-TA-2016-0042/commands/recordEvent`. */
  url: string;
  /** The JSON body the route takes; a desk form's fields turned into it. */
  body?: unknown;
  /** The CSRF token the posted form carried: the API checks it against the session, as for any browser request. */
  csrfToken: string | undefined;
}

export type ApiAnswer = { ok: true; status: number; body: unknown } | { ok: false; status: number; error: ErrorResponse };

/**
 * Sends what a desk form asks for through the API's own route, as the signed-in browser would with
 * script: the same session cookie, the same CSRF check, the same permission checks, validation,
 * handler and audit. The desk has no second way to change a case or the staff directory; it only
 * turns forms into API bodies and the API's answers into pages.
 */
export async function throughApi(app: FastifyInstance, request: FastifyRequest, call: ApiCall): Promise<ApiAnswer> {
  const response = await app.inject({
    method: call.method,
    url: call.url,
    headers: {
      ...(request.headers.cookie !== undefined ? { cookie: request.headers.cookie } : {}),
      ...(request.headers.host !== undefined ? { host: request.headers.host } : {}),
      ...(call.csrfToken !== undefined ? { [CSRF_HEADER]: call.csrfToken } : {}),
      'user-agent': request.headers['user-agent'] ?? 'asylum-docket desk',
      ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    remoteAddress: request.ip,
    ...(call.body !== undefined ? { payload: JSON.stringify(call.body) } : {}),
  });
  const body: unknown = response.body === '' ? undefined : response.json();
  if (response.statusCode < 400) return { ok: true, status: response.statusCode, body };
  const error = errorResponseSchema.safeParse(body);
  return { ok: false, status: response.statusCode, error: error.success ? error.data : { error: 'internal', message: 'The server failed to handle the request; the error is in its log.' } };
}
