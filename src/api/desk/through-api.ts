import type { AddressInfo } from 'node:net';
import type { FastifyRequest } from 'fastify';
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

const FAILED: ErrorResponse = { error: 'internal', message: 'The server failed to handle the request; the error is in its log.' };

/** Where this server listens, as a loopback address a request from this process reaches it at. */
function ownAddress(request: FastifyRequest): string {
  const address = request.server.server.address() as AddressInfo | null;
  if (address === null || typeof address === 'string') throw new Error('the desk cannot reach the API: the server is not listening on a TCP port');
  const host = address.family === 'IPv6' ? (address.address === '::' ? '[::1]' : `[${address.address}]`) : address.address === '0.0.0.0' ? '127.0.0.1' : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * Sends what a desk form asks for to the API's own route, over HTTP to this same server, as the
 * signed-in browser would with script: the same session cookie, the same CSRF check, the same
 * permission checks, validation, handler and audit. The desk has no second way to change a case or
 * the staff directory; it only turns forms into API bodies and the API's answers into pages. (Fastify's
 * in-process `inject` would do the same, but its cookie parser is an ES module the test runner cannot load.)
 */
export async function throughApi(request: FastifyRequest, call: ApiCall): Promise<ApiAnswer> {
  const response = await fetch(`${ownAddress(request)}${call.url}`, {
    method: call.method,
    redirect: 'manual',
    headers: {
      ...(request.headers.cookie !== undefined ? { cookie: request.headers.cookie } : {}),
      ...(request.headers.host !== undefined ? { host: request.headers.host } : {}),
      ...(call.csrfToken !== undefined ? { [CSRF_HEADER]: call.csrfToken } : {}),
      'user-agent': request.headers['user-agent'] ?? 'asylum-docket desk',
      ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.status < 400) return { ok: true, status: response.status, body };
  const error = errorResponseSchema.safeParse(body);
  return { ok: false, status: response.status, error: error.success ? error.data : FAILED };
}
